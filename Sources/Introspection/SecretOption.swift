import PostgresClient

/// An option of a foreign-data wrapper, a server or a foreign table (or one of its columns)
/// that may hold a password: named for one (`password`, `passwd`, `secret`, `token`, …), or
/// holding a connection string with one (`password=…`, `PWD=…`, `scheme://user:secret@host`,
/// as ogr_fdw's `datasource` or a wrapper without a validator takes). postgres_fdw keeps
/// passwords in user mappings, whose options the model never reads; a wrapper that takes
/// them on a server or a table would have them printed by every diff, plan and schema script.
/// Such an option is left out of its object's definition, read by its name alone into the
/// census (`UnmodelledObject.passwordOption`), and a plan that makes its object says so.
///
/// The test runs in the query, so the value never reaches the client. It errs towards
/// leaving out: a remote query whose text says `password = …` is left out too, and named.
enum SecretOption {
    /// SQL true where `item`, an element `key=value` of an options array, may hold a password.
    static func test(_ item: String) -> String {
        """
        (pg_catalog.split_part(\(item), '=', 1) ~* '(\(Redaction.secretNames.joined(separator: "|")))' \
        OR pg_catalog.substr(\(item), pg_catalog.strpos(\(item), '=') + 1) ~* '(password|passwd|pwd)\\s*=' \
        OR pg_catalog.substr(\(item), pg_catalog.strpos(\(item), '=') + 1) ~ '://[^/@\\s:]*:[^@\\s]*@')
        """
    }
}
