import SQLText
import SchemaModel

/// Whether a column's default calls a volatile function. `ADD COLUMN` with such a default
/// (or an identity, or a serial's `nextval`) rewrites the table, each row getting a value
/// of its own (tablecmds.c asks `contain_volatile_functions`); any other default is stored
/// once in the catalog (`atthasmissing`) and the table is left as it is.
///
/// Read from the expression as `pg_get_expr` prints it: a call of a function of the model
/// declared `VOLATILE` (by name: where the text leaves a call unqualified, any schema's), or
/// of a volatile function the model does not hold, by name in whatever schema: pg_catalog's
/// (`provolatile = 'v'` and a value a default can use, the same in every supported major) and
/// uuid-ossp's (an extension's functions are the extension's, not the model's). A volatile
/// function in SQL simple enough for the server to inline may fold to a constant and spare
/// the rewrite: the hazard errs on the side of saying it.
public struct VolatileDefault: Sendable {
    /// pg_catalog's volatile functions a default may call, and uuid-ossp's random ones.
    static let builtIn: Set<String> = [
        "clock_timestamp", "currval", "gen_random_uuid", "lastval", "nextval", "random", "random_normal", "setval",
        "timeofday", "uuidv4", "uuidv7", "array_sample", "array_shuffle", "set_config", "txid_status",
        "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
    ]

    /// The model's volatile functions: by schema and name, and by name alone.
    private let qualified: Set<QualifiedName>
    private let names: Set<String>

    public init(_ functions: [Function]) {
        let volatile = functions.filter { $0.volatility == "VOLATILE" && $0.kind == .function }
        qualified = Set(volatile.map(\.name))
        names = Set(volatile.map(\.name.name))
    }

    /// Whether `expression` calls a volatile function.
    public func isVolatile(_ expression: String) -> Bool {
        let tokens = SQLToken.tokens(of: expression)
        var index = 0
        while index < tokens.count {
            guard let (parts, next) = SQLToken.qualifiedName(in: tokens, at: index) else {
                index += 1
                continue
            }
            if next < tokens.count, tokens[next].isSymbol("("), let name = parts.last {
                let ofModel = parts.count == 1 ? names.contains(name) : qualified.contains(QualifiedName(schema: parts[parts.count - 2], name: name))
                if ofModel || Self.builtIn.contains(name) { return true }
            }
            index = next
        }
        return false
    }
}
