/// A function or a procedure. Its identity is its qualified name and its
/// identity arguments (`integer, text`), as overloads share a name.
public struct Function: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case function
        case procedure
        case window
    }

    public var name: QualifiedName
    public var kind: Kind
    /// `pg_get_function_identity_arguments`.
    public var identityArguments: String
    /// `pg_get_function_arguments`: with names and defaults.
    public var arguments: String
    /// `pg_get_function_result`; nil for a procedure.
    public var result: String?
    public var language: String
    /// `IMMUTABLE`, `STABLE`, `VOLATILE`.
    public var volatility: String
    public var strict: Bool
    public var securityDefiner: Bool
    public var leakproof: Bool
    /// `SAFE`, `RESTRICTED`, `UNSAFE`.
    public var parallel: String
    /// `SET name = value` settings (`search_path=public`), as stored.
    public var configuration: [String]
    /// `COST`, when not the default for its language (1 for C and internal, 100 otherwise).
    public var cost: String?
    /// `ROWS` of a set-returning function, when not the default 1000.
    public var rows: String?
    /// The body as written (`prosrc`), or the SQL-standard body as deparsed.
    public var body: String
    /// `pg_get_functiondef`: the whole CREATE statement.
    public var definition: String
    public var comment: String?
    /// The owning role, as named where it was read. Compared only when asked (`diff --owners`).
    public var owner: String? = nil
    /// Privileges beside the default, sorted (see `Privilege`).
    public var privileges: [Privilege] = []

    public init(name: QualifiedName, kind: Kind = .function, identityArguments: String, arguments: String, result: String?,
                language: String, volatility: String = "VOLATILE", strict: Bool = false, securityDefiner: Bool = false,
                leakproof: Bool = false, parallel: String = "UNSAFE", configuration: [String] = [], cost: String? = nil,
                rows: String? = nil, body: String,
                definition: String, comment: String? = nil) {
        self.name = name
        self.kind = kind
        self.identityArguments = identityArguments
        self.arguments = arguments
        self.result = result
        self.language = language
        self.volatility = volatility
        self.strict = strict
        self.securityDefiner = securityDefiner
        self.leakproof = leakproof
        self.parallel = parallel
        self.configuration = configuration
        self.cost = cost
        self.rows = rows
        self.body = body
        self.definition = definition
        self.comment = comment
    }

    /// `"schema"."name"(identity arguments)`: unique among functions.
    public var signature: String { "\(name.sql)(\(identityArguments))" }

    /// Whether its body is SQL-standard (`BEGIN ATOMIC … END` or `RETURN …`, PostgreSQL 14):
    /// parsed when created, so the server records the columns it reads in pg_depend and
    /// refuses to change their type or drop them under it.
    public var hasStandardBody: Bool {
        language == "sql" && (body.hasPrefix("BEGIN ATOMIC") || body.hasPrefix("RETURN "))
    }
}

extension Function {
    /// Its identity among all objects of the model: overloads share a name, not their arguments.
    public var id: ObjectID {
        ObjectID(kind: kind == .procedure ? .procedure : .function, schema: name.schema, name: name.name, signature: identityArguments)
    }
}
