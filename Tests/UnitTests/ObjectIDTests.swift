import SchemaModel
import Testing

@Suite struct ObjectIDTests {
    let users = ObjectID(.table, QualifiedName(schema: "public", name: "users"))

    @Test func everyKindIsNamedAsReportsShowIt() {
        #expect(ObjectID(kind: .schema, schema: nil, name: "app").sql == #""app""#)
        #expect(users.sql == #""public"."users""#)
        #expect(ObjectID(.column, "e\"mail", on: users).sql == #""public"."users"."e""mail""#)
        #expect(ObjectID(.index, "users_email", on: users).sql == #""users_email" on "public"."users""#)
        #expect(ObjectID(kind: .function, schema: "public", name: "f", signature: "x integer").sql == #""public"."f"(x integer)"#)
        #expect(ObjectID(.materializedView, QualifiedName(schema: "s", name: "v")).description == #"materialized view "s"."v""#)
    }

    @Test func aMemberKnowsItsOwner() {
        let index = ObjectID(.index, "i", on: ObjectID(.materializedView, QualifiedName(schema: "s", name: "v")))
        #expect(index.parent == ObjectID(.materializedView, QualifiedName(schema: "s", name: "v")))
        #expect(users.parent == nil)
        #expect(ObjectKind.column.isMember && !ObjectKind.table.isMember)
    }

    @Test func overloadsAreDifferentObjects() {
        let one = ObjectID(kind: .function, schema: "public", name: "f", signature: "integer")
        let other = ObjectID(kind: .function, schema: "public", name: "f", signature: "text")
        #expect(one != other)
    }

    @Test func kindsAreInCreationOrder() {
        #expect(ObjectKind.allCases.sorted() == ObjectKind.allCases)
        #expect(ObjectKind.schema < .table && .table < .column && .view < .function)
    }
}
