/// The keywords `quote_ident` quotes: every keyword PostgreSQL does not class as unreserved
/// (`pg_get_keywords()` where `catcode <> 'U'`: column-name, type-or-function-name and
/// reserved keywords). The server prints a name that is one of them quoted (`"order"`,
/// `"user"`), so text written to match what it prints must quote it too.
///
/// The union of 15's list (151 words) and 18's (164: 16 and 17 added `system_user`, the
/// SQL/JSON functions' names and `merge_action`). A name among the later ones is printed bare
/// by an older server, where a text written with it quoted matches nothing: the object is
/// made again, as for any text that does not match, never wrongly kept.
public enum SQLKeywords {
    public static let quotedByQuoteIdent: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "bigint",
        "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation",
        "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
        "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze",
        "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int",
        "integer", "intersect", "interval", "into", "is", "isnull", "join", "json", "json_array", "json_arrayagg", "json_exists",
        "json_object", "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "lateral",
        "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "merge_action", "national", "natural",
        "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out",
        "outer", "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references", "returning", "right",
        "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user", "table",
        "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
        "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement",
        "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
    ]
}
