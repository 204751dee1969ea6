import PostgresClient
import SQLText
import SchemaModel

/// Enum, domain and composite types. pg_type with pg_enum and pg_constraint:
/// information_schema has no enums and shows domains without their checks' names.
enum EnumQuery {
    static let sql = """
        SELECT n.nspname AS schema, t.typname AS name, d.description AS comment,
               \(PrivilegeSQL.owner("t.typowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "t.typacl", owner: "t.typowner", type: "'T'")) AS privileges,
               (SELECT pg_catalog.array_agg(e.enumlabel ORDER BY e.enumsortorder)
                  FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS labels
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_type", oid: "t.oid"))
        WHERE t.typtype = 'e' AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_type", oid: "t.oid"))
        """

    static func decode(_ result: QueryResult) throws -> [EnumType] {
        try result.rows.map {
            try $0.owned(EnumType(name: try $0.qualifiedName(), labels: try $0.stringArray("labels"),
                                  comment: try $0.optionalString("comment")))
        }
    }
}

enum DomainQuery {
    static func sql(_ version: CatalogVersion) -> String {
        // 17 keeps a domain's NOT NULL as a constraint with a name.
        let notNullName = version.major >= 17
            ? "(SELECT c.conname FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'n' AND c.conname <> t.typname || '_not_null')"
            : "NULL"
        return """
        SELECT n.nspname AS schema, t.typname AS name, d.description AS comment,
               \(PrivilegeSQL.owner("t.typowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "t.typacl", owner: "t.typowner", type: "'T'")) AS privileges,
               pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
               t.typnotnull AS not_null, \(notNullName) AS not_null_name,
               pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expression,
               CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation
                    THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END AS collation,
               (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                          'name', c.conname, 'definition', pg_catalog.pg_get_constraintdef(c.oid), 'validated', c.convalidated,
                          'comment', (SELECT cd.description FROM pg_catalog.pg_description cd WHERE cd.objoid = c.oid
                                      AND cd.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND cd.objsubid = 0))
                        ORDER BY c.conname COLLATE "C")
                  FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS checks
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_type", oid: "t.oid"))
        WHERE t.typtype = 'd' AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_type", oid: "t.oid"))
        """
    }

    static func decode(_ result: QueryResult) throws -> [Domain] {
        try result.rows.map {
            var domain = Domain(name: try $0.qualifiedName(), baseType: try $0.string("base_type"),
                                defaultExpression: try $0.optionalString("default_expression"), notNull: try $0.bool("not_null"),
                                collation: try $0.optionalString("collation"),
                                checks: try $0.json("checks", as: [NamedCheck].self) ?? [], comment: try $0.optionalString("comment"))
            // A long domain's name cut to fit (`makeObjectName`) is still the server's.
            domain.notNullName = try $0.optionalString("not_null_name").flatMap { kept in
                kept == ServerNames.objectName(domain.name.name, nil, label: "not_null") ? nil : kept
            }
            return try $0.owned(domain)
        }
    }
}

enum CompositeTypeQuery {
    static let sql = """
        SELECT n.nspname AS schema, t.typname AS name, d.description AS comment,
               \(PrivilegeSQL.owner("t.typowner")) AS owner,
               \(PrivilegeSQL.privileges(acl: "t.typacl", owner: "t.typowner", type: "'T'")) AS privileges,
               (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                          'name', a.attname, 'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
                          'collation', CASE WHEN a.attcollation <> at.typcollation
                                            THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END,
                          'comment', (SELECT ad.description FROM pg_catalog.pg_description ad WHERE ad.objoid = a.attrelid
                                      AND ad.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ad.objsubid = a.attnum))
                        ORDER BY a.attnum)
                  FROM pg_catalog.pg_attribute a
                  JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                  LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
                  LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                  WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
        \(CatalogFilter.commentJoin(alias: "d", catalog: "pg_type", oid: "t.oid"))
        WHERE t.typtype = 'c' AND \(CatalogFilter.userSchema("n.nspname"))
          AND \(CatalogFilter.notExtensionMember(catalog: "pg_type", oid: "t.oid"))
        """

    static func decode(_ result: QueryResult) throws -> [CompositeType] {
        try result.rows.map {
            try $0.owned(CompositeType(name: try $0.qualifiedName(),
                          attributes: try $0.json("attributes", as: [CompositeType.Attribute].self) ?? [],
                          comment: try $0.optionalString("comment")))
        }
    }
}
