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
    static func notExtensionMember(catalog: String, oid: String) -> String {
        """
        NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext WHERE ext.classid = '\(catalog)'::pg_catalog.regclass \
        AND ext.objid = \(oid) AND ext.deptype = 'e')
        """
    }

    /// The comment of an object, joined (a correlated `obj_description` per row is slower).
    static func commentJoin(alias: String, catalog: String, oid: String, subid: String = "0") -> String {
        """
        LEFT JOIN pg_catalog.pg_description \(alias) ON \(alias).objoid = \(oid) \
        AND \(alias).classoid = '\(catalog)'::pg_catalog.regclass AND \(alias).objsubid = \(subid)
        """
    }

    /// True for slice `partition` of `partitions`, by a hash of `oid`: oids come
    /// in strides (each table of a schema script takes as many), so `oid % 2`
    /// can put every table in one slice.
    static func partition(of oid: String, _ partition: Int, _ partitions: Int) -> String {
        partitions <= 1 ? "true" : "(pg_catalog.hashoid(\(oid)) & 2147483647) % \(partitions) = \(partition)"
    }
}
