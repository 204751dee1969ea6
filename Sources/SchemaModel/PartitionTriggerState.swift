/// The state of a trigger a partition has from its partitioned parent, where it
/// differs from the parent's: `ALTER TABLE partition DISABLE TRIGGER t` leaves
/// the parent's trigger enabled and this one not. The trigger itself is the
/// parent's (the server clones it onto every partition); only its state is the
/// partition's own.
public struct PartitionTriggerState: Codable, Hashable, Sendable {
    /// The trigger's name, the parent's.
    public var trigger: String
    /// `ORIGIN` (enabled), `DISABLED`, `REPLICA`, `ALWAYS`, as `Trigger.enabled`.
    public var enabled: String

    public init(trigger: String, enabled: String) {
        self.trigger = trigger
        self.enabled = enabled
    }
}
