/// The built-in types whose names `format_type_with_typemod` writes without
/// looking anything up: their oids are fixed in pg_type.dat, the same in every
/// database and major version. An expression using any other type is left to
/// the server.
enum BuiltinType {
    static let boolean: UInt32 = 16
    static let smallint: UInt32 = 21, integer: UInt32 = 23, bigint: UInt32 = 20
    static let text: UInt32 = 25, varchar: UInt32 = 1043, bpchar: UInt32 = 1042
    static let numeric: UInt32 = 1700
    /// The default collation, which text types carry (pg_type.typcollation).
    static let defaultCollation: UInt32 = 100

    private static let scalars: [UInt32: String] = [
        16: "boolean", 17: "bytea", 18: "\"char\"", 20: "bigint", 21: "smallint", 23: "integer", 25: "text", 26: "oid",
        114: "json", 700: "real", 701: "double precision", 1042: "bpchar", 1043: "character varying", 1082: "date",
        1083: "time without time zone", 1114: "timestamp without time zone", 1184: "timestamp with time zone",
        1186: "interval", 1266: "time with time zone", 1700: "numeric", 2950: "uuid", 3802: "jsonb",
        650: "cidr", 869: "inet", 829: "macaddr",
    ]

    /// Array types and their elements.
    private static let arrays: [UInt32: UInt32] = [
        1000: 16, 1001: 17, 1016: 20, 1005: 21, 1007: 23, 1009: 25, 1028: 26, 199: 114, 1021: 700, 1022: 701,
        1014: 1042, 1015: 1043, 1182: 1082, 1183: 1083, 1115: 1114, 1185: 1184, 1187: 1186, 1270: 1266,
        1231: 1700, 2951: 2950, 3807: 3802, 651: 650, 1041: 869, 1040: 829,
    ]

    /// Collatable ones, all with the default collation.
    private static let collatable: Set<UInt32> = [25, 1042, 1043]

    /// As `format_type_with_typemod(type, typmod)` writes it, for the typmods understood here.
    static func name(_ type: UInt32, typmod: Int32) -> String? {
        if let element = arrays[type] {
            guard typmod < 0, let name = scalars[element] else { return nil }
            return name + "[]"
        }
        guard let name = scalars[type] else { return nil }
        guard typmod >= 0 else { return name }
        switch type {
        case varchar: return "character varying(\(typmod - 4))"
        case bpchar: return "character(\(typmod - 4))"
        case numeric:
            let modifier = Int(typmod) - 4
            let precision = (modifier >> 16) & 0xFFFF, scale = modifier & 0xFFFF
            // A negative scale (PostgreSQL 15) is encoded otherwise; leave it to the server.
            guard scale < 1024 else { return nil }
            return "numeric(\(precision),\(scale))"
        default: return nil
        }
    }

    /// Whether the type is one of the scalars above (so not a row type).
    static func isKnownScalar(_ type: UInt32) -> Bool { scalars[type] != nil }

    /// get_base_element_type, for the arrays above.
    static func element(ofArray type: UInt32) -> UInt32? { arrays[type] }

    /// pg_type.typcollation: 0 for types that do not collate; nil when not known here.
    static func collation(of type: UInt32) -> UInt32? {
        if collatable.contains(type) { return defaultCollation }
        if let element = arrays[type] { return collatable.contains(element) ? defaultCollation : 0 }
        return scalars[type] != nil ? 0 : nil
    }
}
