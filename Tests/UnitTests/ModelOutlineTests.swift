import SchemaModel
import Testing

/// The text outline (`inspect --format text`) says what a partition, a column and an
/// index have of their own beside their definition.
@Suite struct ModelOutlineTests {
    @Test func aPartitionsOwnStateIsInTheOutline() {
        let parent = QualifiedName(schema: "public", name: "events")
        var partition = Table(name: QualifiedName(schema: "public", name: "events 2024"), partitionOf: parent,
                              partitionBound: "FOR VALUES IN (2024)",
                              columns: [Column(name: "id", position: 1, type: "integer")],
                              indexes: [Index(name: "events 2024_id_idx", definition: "CREATE INDEX … USING btree (id)")])
        partition.detachPending = true
        partition.indexes[0].attachedTo = "events_id"
        partition.partitionTriggerStates = [PartitionTriggerState(trigger: "touch", enabled: "DISABLED", comment: "off")]
        var child = Table(name: QualifiedName(schema: "public", name: "child"), inherits: [parent],
                          columns: [Column(name: "id", position: 1, type: "integer")])
        child.columns[0].inheritedAndLocal = true
        var model = DatabaseModel()
        model.tables = [partition, child]
        let text = ModelOutline.text(model)
        #expect(text.contains(#"table "public"."events 2024" PARTITION OF "public"."events" FOR VALUES IN (2024) (detach pending)"#), "\(text)")
        #expect(text.contains(#"index "events 2024_id_idx" CREATE INDEX … USING btree (id) (attached to "events_id")"#), "\(text)")
        #expect(text.contains(#"trigger "touch" from the parent [DISABLED]"#), "\(text)")
        #expect(text.contains(#""id" integer (inherited, declared here too)"#), "\(text)")
    }
}
