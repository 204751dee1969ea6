/// What a partition has of its own of a trigger it has from its partitioned parent
/// (the server clones the parent's trigger onto every partition): a state that
/// differs from the parent's (`ALTER TABLE partition DISABLE TRIGGER t` leaves the
/// parent's trigger enabled and this one not), and a comment (`COMMENT ON TRIGGER
/// t ON partition`, which pg_dump keeps). The trigger itself is the parent's.
public struct PartitionTriggerState: Codable, Hashable, Sendable {
    /// The trigger's name, the parent's.
    public var trigger: String
    /// `ORIGIN` (enabled), `DISABLED`, `REPLICA`, `ALWAYS`, as `Trigger.enabled`; nil when
    /// the same as the parent's.
    public var enabled: String?
    public var comment: String?

    public init(trigger: String, enabled: String?, comment: String? = nil) {
        self.trigger = trigger
        self.enabled = enabled
        self.comment = comment
    }
}
