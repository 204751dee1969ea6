import Diff
import Introspection
import SQLGeneration
import SchemaModel
import TestSupport
import Testing

/// From PostgreSQL 18 a column's NOT NULL is a constraint, and takes a comment
/// (`COMMENT ON CONSTRAINT … ON t`). The server's own regression suite sets two; the model
/// lost both without a word, so neither the consolidated file nor a plan made them.
@Suite struct NotNullCommentTests {
    static let schema = """
        create table account (id int constraint account_id_required not null, email text not null);
        create table archived_account () inherits (account);
        create table event (at date not null, kind text) partition by range (at);
        create table event_2026 partition of event for values from ('2026-01-01') to ('2027-01-01');
        create table constr_parent (a int);
        create table constr_child () inherits (constr_parent);
        alter table constr_parent add not null a not valid;
        alter table constr_child validate constraint constr_parent_a_not_null;
        """

    static let comments = """
        comment on constraint account_id_required on account is 'every account has an id';
        comment on constraint account_email_not_null on account is 'the login';
        comment on constraint account_id_required on archived_account is 'kept when archived';
        comment on constraint event_at_not_null on event_2026 is 'a partition''s, inherited';
        comment on constraint constr_parent_a_not_null on constr_child is 'this constraint is valid';
        """

    static func requireEighteen() throws {
        if try ServerFeatures.major() < 18 { try Test.cancel("a column's NOT NULL is a constraint from PostgreSQL 18") }
    }

    @Test func theModelHoldsEachComment() throws {
        try Self.requireEighteen()
        let model = try TestDatabase.model(after: Self.schema + Self.comments)
        func comment(_ table: String, _ column: String) throws -> String? {
            try #require(model.tables.first { $0.name.name == table }?.column(column)).notNullComment
        }
        #expect(try comment("account", "id") == "every account has an id")
        #expect(try comment("account", "email") == "the login")
        #expect(try comment("archived_account", "id") == "kept when archived")
        #expect(try comment("archived_account", "email") == nil)
        #expect(try comment("event_2026", "at") == "a partition's, inherited")
        #expect(try comment("event", "at") == nil)
        #expect(try comment("constr_child", "a") == "this constraint is valid")
    }

    /// The oracle: a database built from the consolidated file dumps as the source does.
    @Test func theConsolidatedFileMakesThem() throws {
        try Self.requireEighteen()
        try Proving.expectFileGivesItBack(Self.schema + Self.comments, "NOT NULL comments")
    }

    @Test func plansSetChangeAndRemoveThem() throws {
        try Self.requireEighteen()
        _ = try Proving.plansBothWays(Self.schema, Self.schema + Self.comments)
        _ = try Proving.plansBothWays(Self.schema + Self.comments,
                                      Self.schema + Self.comments.replacingOccurrences(of: "the login", with: "the login, unique"))
        // Columns made NOT NULL, and added, with their comments.
        let before = "create table account (id int, email text);"
        let after = "create table account (id int not null, email text, phone text constraint phone_required not null);"
            + " comment on constraint account_id_not_null on account is 'set';"
            + " comment on constraint phone_required on account is 'added';"
        _ = try Proving.plansBothWays(before, after)
    }
}
