import PostgresClient
import SQLText
import SchemaModel

/// SQL fragments shared by the catalog queries: which schemas are the user's,
/// and how to leave out objects that an extension brings.
enum CatalogFilter {
    /// System schemas are never part of the model.
    static func userSchema(_ namespaceColumn: String) -> String {
        """
        \(namespaceColumn) NOT IN ('pg_catalog', 'information_schema') \
        AND \(namespaceColumn) NOT LIKE 'pg\\_toast%' AND \(namespaceColumn) NOT LIKE 'pg\\_temp\\_%'
        """
    }

    /// True when the object is not a member of an extension (pg_depend `deptype = 'e'`).
    ///
    /// The members are read once per inspection (`extensionMembersColumns`) and
    /// handed to every connection as a setting (`extensionMembersSettings`):
    /// each query checking pg_depend itself scanned all of it, 10–20 ms a
    /// query at 5,000 tables. The scalar subquery makes the array one value
    /// for the whole query; with no setting (a query run by hand) nothing is
    /// left out.
    static func notExtensionMember(catalog: String, oid: String) -> String {
        """
        \(oid) <> ALL ((SELECT coalesce(nullif(pg_catalog.current_setting(\
        '\(extensionMembersSetting(catalog))', true), ''), '{}'))::pg_catalog.oid[])
        """
    }

    static let extensionMemberCatalogs = ["pg_class", "pg_proc", "pg_type", "pg_namespace"]

    static func extensionMembersSetting(_ catalog: String) -> String { "schemactl.extension_members_\(catalog)" }

    /// Select-list items (over pg_depend rows with `deptype = 'e'`) that set each
    /// catalog's extension members on this connection and return them, one
    /// column per catalog: read and set in one scan, in the opening round trip.
    static let extensionMembersColumns = extensionMemberCatalogs.map { catalog in
        "pg_catalog.set_config('\(extensionMembersSetting(catalog))', coalesce(pg_catalog.array_agg(objid) "
            + "FILTER (WHERE classid = '\(catalog)'::pg_catalog.regclass), '{}')::pg_catalog.text, true) AS \(catalog)"
    }.joined(separator: ", ")

    /// `SET LOCAL` of the members `extensionMembersColumns` returned in `row`, for the other connections.
    static func extensionMembersSettings(_ row: Row) throws -> String {
        try extensionMemberCatalogs.map { catalog in
            "SET LOCAL \(extensionMembersSetting(catalog)) = \(SQLQuoting.literal(try row.string(catalog)))"
        }.joined(separator: "; ")
    }

    /// True when the object is the user's own: not an extension's member, nor
    /// part of another object through an internal dependency (a range type's
    /// constructors and its cast to the multirange are the type's). Checked in
    /// pg_depend row by row (index lookups), for the catalogs the inspection's
    /// shared member lists do not cover. `internalToo` false: extension
    /// members only (a relation's internal dependencies are its own type's or
    /// its identity column's).
    static func ownObject(catalog: String, oid: String, internalToo: Bool = true) -> String {
        """
        NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.\(catalog)'::pg_catalog.regclass \
        AND e.objid = \(oid) AND e.deptype IN (\(internalToo ? "'e', 'i'" : "'e'")))
        """
    }

    /// The comment of an object, joined (a correlated `obj_description` per row is slower).
    static func commentJoin(alias: String, catalog: String, oid: String, subid: String = "0") -> String {
        """
        LEFT JOIN pg_catalog.pg_description \(alias) ON \(alias).objoid = \(oid) \
        AND \(alias).classoid = '\(catalog)'::pg_catalog.regclass AND \(alias).objsubid = \(subid)
        """
    }

    /// A column's `attoptions` without the server's own (`pg_attver=N` on Debian's 15.20, a
    /// number no two databases share), in the catalog's order; NULL when none is left. `ColumnQuery.userOptions`
    /// is the same rule in Swift, where the model's columns are read.
    static func userColumnOptions(_ options: String) -> String {
        "(SELECT pg_catalog.array_agg(u.o ORDER BY u.n) FROM pg_catalog.unnest(\(options)) WITH ORDINALITY AS u (o, n) WHERE u.o NOT LIKE 'pg\\_%')"
    }
}
