/// How a column's values are cast when it changes type: `value::new` where PostgreSQL has
/// a cast between the two types, `value::text::new` where it has none.
///
/// Every type casts to and from text by its input and output functions, so the route
/// through text is always accepted where the direct one may not be: `ALTER COLUMN … TYPE
/// uuid USING id::uuid` is refused outright for an integer column ("cannot cast type
/// integer to uuid"), through text it is accepted and fails only on a value that does not
/// read as the new type, in the plan's transaction, changing nothing. The planner opens no
/// connection, so it cannot read `pg_cast`: the built-in types are grouped in families
/// whose members cast to one another, and a type it does not know (an extension's, the
/// user's) is cast directly, as its own casts may allow.
enum CastRoute {
    /// `"::text"` (or `"::text[]"` for arrays) where the value must go through text, else "".
    static func via(from old: String, to new: String) -> String {
        let oldArray = old.hasSuffix("[]"), newArray = new.hasSuffix("[]")
        guard oldArray == newArray else { return "" }
        let oldBase = baseName(oldArray ? String(old.dropLast(2)) : old), newBase = baseName(newArray ? String(new.dropLast(2)) : new)
        guard let from = family(oldBase), let to = family(newBase), from != .string, to != .string, oldBase != newBase else { return "" }
        let direct = from == to ? castsWithin(from, oldBase, newBase)
            : castsAcross(from, to, oldBase, newBase) || isOwnMultirange(oldBase, newBase)
        return direct ? "" : oldArray ? "::text[]" : "::text"
    }

    /// Casts PostgreSQL has between two members of one family: all of them for numbers, time
    /// stamps and the like; some pairs only for network addresses and geometric types; none
    /// between two range or two multirange types (an int4range is no int8range).
    private static func castsWithin(_ family: Family, _ from: String, _ to: String) -> Bool {
        switch family {
        case .network:
            let addresses: Set = ["inet", "cidr"]
            return addresses.contains(from) == addresses.contains(to)
        case .geometry:
            return geometryCasts.contains(from + ">" + to)
        case .range, .multirange:
            return false
        case .number:
            // money takes an integer or a numeric, and gives a numeric; oid is an integer's only.
            if from == "money" || to == "money" { return moneyCasts.contains(from + ">" + to) }
            if from == "oid" || to == "oid" { return integers.contains(from) || wideIntegers.contains(to) }
            return true
        case .objectIdentifier:
            // Each reg* type to and from oid; two only within their pairs (a function, an operator).
            let pairs: Set = ["regproc>regprocedure", "regprocedure>regproc", "regoper>regoperator", "regoperator>regoper"]
            return from == "oid" || to == "oid" || pairs.contains(from + ">" + to)
        case .transactionId:
            return from == "xid8" && to == "xid"
        default:
            return true
        }
    }

    private static let integers: Set = ["smallint", "integer", "bigint"]
    /// The integers a `bit`, an `oid` or a reg* type casts to (not `smallint`).
    private static let wideIntegers: Set = ["integer", "bigint"]
    private static let moneyCasts: Set = ["integer>money", "bigint>money", "numeric>money", "money>numeric"]

    /// pg_cast's casts between geometric types (PostgreSQL 13 to 18).
    private static let geometryCasts: Set = [
        "point>box", "lseg>point", "path>polygon", "box>point", "box>lseg", "box>polygon", "box>circle",
        "polygon>point", "polygon>path", "polygon>box", "polygon>circle", "circle>point", "circle>box", "circle>polygon",
    ]

    /// A range type to its own multirange (`int4range` to `int4multirange`): pg_cast has it.
    private static func isOwnMultirange(_ from: String, _ to: String) -> Bool {
        from.hasSuffix("range") && to == from.dropLast("range".count) + "multirange"
    }

    /// The type's name without its modifiers, wherever format_type writes them: `numeric(10,2)`
    /// is `numeric`, `timestamp(3) with time zone` is `timestamp with time zone`.
    private static func baseName(_ type: String) -> String {
        guard let open = type.firstIndex(of: "("), let close = type[open...].firstIndex(of: ")") else { return type }
        return String(type[..<open]) + String(type[type.index(after: close)...])
    }

    enum Family {
        case number, string, bool, datetime, time, interval, json, bits, network, uuid, bytes, geometry, range, multirange
        /// `oid`'s aliases: `regclass`, `regtype`, `regproc`, …
        case objectIdentifier
        /// `xid`, `xid8`, `cid`.
        case transactionId
    }

    /// Casts PostgreSQL has between families (pg_cast, 13 to 18): an integer to a boolean
    /// and back, an integer or bigint to `bit` and back, a time stamp to a time, a time to an
    /// interval and back, an integer to a reg* type, and a reg* type to an integer or bigint.
    private static func castsAcross(_ from: Family, _ to: Family, _ fromName: String, _ toName: String) -> Bool {
        switch (from, to) {
        case (.datetime, .time):
            // A time stamp to a time; only one with a time zone to a time with one. No date.
            return fromName == "timestamp with time zone" || fromName == "timestamp without time zone" && toName == "time without time zone"
        case (.time, .interval):
            return fromName == "time without time zone"
        case (.interval, .time):
            return toName == "time without time zone"
        case (.number, .bool), (.bool, .number):
            return fromName == "integer" || toName == "integer"
        case (.number, .bits):
            return wideIntegers.contains(fromName) && toName == "bit"
        case (.bits, .number):
            return fromName == "bit" && wideIntegers.contains(toName)
        case (.number, .objectIdentifier):
            return integers.contains(fromName) || fromName == "oid"
        case (.objectIdentifier, .number):
            return wideIntegers.contains(toName) || toName == "oid"
        default:
            return false
        }
    }

    /// The family of a built-in type as `format_type` writes it; nil for any other.
    static func family(_ type: String) -> Family? {
        let base = baseName(type)
        switch base {
        case "smallint", "integer", "bigint", "numeric", "real", "double precision", "money", "oid": return .number
        case "text", "character varying", "character", "\"char\"", "name", "bpchar", "varchar", "char": return .string
        case "boolean": return .bool
        case "date", "timestamp without time zone", "timestamp with time zone": return .datetime
        case "time without time zone", "time with time zone": return .time
        case "interval": return .interval
        case "json", "jsonb": return .json
        case "bit", "bit varying": return .bits
        case "inet", "cidr", "macaddr", "macaddr8": return .network
        case "uuid": return .uuid
        case "bytea": return .bytes
        case "regclass", "regtype", "regproc", "regprocedure", "regoper", "regoperator", "regconfig", "regdictionary",
             "regnamespace", "regrole", "regcollation": return .objectIdentifier
        case "xid", "xid8", "cid": return .transactionId
        case "point", "line", "lseg", "box", "path", "polygon", "circle": return .geometry
        case "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange": return .range
        case "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange": return .multirange
        default:
            // An interval's fields: `interval day to second`.
            if base.hasPrefix("interval") { return .interval }
            return nil
        }
    }
}
