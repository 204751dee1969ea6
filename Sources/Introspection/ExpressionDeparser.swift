/// Writes an `ExpressionNode` exactly as ruleutils.c's `deparse_expression`
/// does for pg_get_constraintdef, pg_get_indexdef and pg_get_expr (not
/// pretty, one table in scope, empty search_path), or gives nil where it
/// cannot be sure, for the server to write.
///
/// Why: the server must build a table's relation-cache entry (its columns,
/// defaults, checks and triggers, parsed) before it deparses one expression
/// of that table, and at 5,000 tables that was most of an inspection's
/// server time. The tests compare every expression of every fixture, of the
/// migra corpus and of the CRM schema with the server's own text.
struct ExpressionDeparser {
    /// The table's columns, quoted as quote_ident does, by attribute number.
    let columnName: (Int) -> String?
    let catalog: ExpressionCatalog

    func text(of node: ExpressionNode) -> String? {
        guard catalog.enabled else { return nil }
        var text = Output()
        return write(node, showImplicit: false, into: &text) ? String(decoding: text.bytes, as: UTF8.self) : nil
    }

    /// An index key as pg_get_indexdef prints it: a bare function call, or the expression in parentheses.
    func indexKey(_ node: ExpressionNode) -> String? {
        guard let text = text(of: node) else { return nil }
        // looks_like_function: a plain call, or COALESCE and its kin.
        if case let .function(call) = node, call.format == .explicitCall { return text }
        if case .coalesce = node { return text }
        return "(" + text + ")"
    }

    private func write(_ node: ExpressionNode, showImplicit: Bool, into text: inout Output) -> Bool {
        switch node {
        case let .column(number, _, _):
            guard let name = columnName(number) else { return false }
            text += name
            return true

        case let .constant(constant):
            return write(constant, showType: 0, into: &text)

        case let .operation(id, _, _, arguments):
            guard let op = catalog.operators[id] else { return false }
            text += "("
            if arguments.count == 2 {
                // Bare only where the parser, given the name and these types, finds this operator.
                guard catalog.resolves(op, arguments[0].type, arguments[1].type),
                      write(arguments[0], showImplicit: true, into: &text) else { return false }
                text += " " + op.name + " "
                guard write(arguments[1], showImplicit: true, into: &text) else { return false }
            } else {
                guard op.left == 0, op.right == arguments[0].type else { return false }
                text += op.name + " "
                guard write(arguments[0], showImplicit: true, into: &text) else { return false }
            }
            text += ")"
            return true

        case let .function(call):
            return write(call, showImplicit: showImplicit, into: &text)

        case let .anyOrAll(id, useOr, arguments):
            let arrayType = arguments[1].type
            let element: UInt32?
            if case let .array(_, elementType, _, _) = arguments[1] { element = elementType } else { element = BuiltinType.element(ofArray: arrayType) }
            guard let op = catalog.operators[id], let element, catalog.resolves(op, arguments[0].type, element) else { return false }
            text += "("
            guard write(arguments[0], showImplicit: true, into: &text) else { return false }
            text += " \(op.name) \(useOr ? "ANY" : "ALL") ("
            guard write(arguments[1], showImplicit: true, into: &text) else { return false }
            text += "))"
            return true

        case let .array(_, _, _, elements):
            // An empty one is printed with a cast; rare enough to leave to the server.
            guard !elements.isEmpty else { return false }
            text += "ARRAY["
            guard write(elements, separator: ", ", showImplicit: true, into: &text) else { return false }
            text += "]"
            return true

        case let .boolean(kind, arguments):
            text += "("
            if kind == .not {
                text += "NOT "
                guard write(arguments[0], showImplicit: false, into: &text) else { return false }
            } else {
                guard write(arguments, separator: kind == .and ? " AND " : " OR ", showImplicit: false, into: &text) else { return false }
            }
            text += ")"
            return true

        case let .nullTest(argument, notNull):
            // A row-typed argument prints as IS [NOT] DISTINCT FROM NULL.
            guard BuiltinType.isKnownScalar(argument.type) || catalog.enumTypes[argument.type] != nil else { return false }
            text += "("
            guard write(argument, showImplicit: true, into: &text) else { return false }
            text += notNull ? " IS NOT NULL)" : " IS NULL)"
            return true

        case let .coalesce(_, _, arguments):
            text += "COALESCE("
            guard write(arguments, separator: ", ", showImplicit: true, into: &text) else { return false }
            text += ")"
            return true

        case let .coercion(argument, type, typmod, _, format):
            if format == .implicitCast && !showImplicit { return write(argument, showImplicit: false, into: &text) }
            return writeCoercion(of: argument, to: type, typmod: typmod, into: &text)
        }
    }

    private func write(_ call: ExpressionNode.FunctionCall, showImplicit: Bool, into text: inout Output) -> Bool {
        switch call.format {
        case .implicitCast where !showImplicit:
            guard let first = call.arguments.first else { return false }
            return write(first, showImplicit: false, into: &text)
        case .implicitCast, .explicitCast:
            // Two or more arguments make a length coercion, whose typmod is not read here.
            guard call.arguments.count == 1 else { return false }
            return writeCoercion(of: call.arguments[0], to: call.resultType, typmod: -1, into: &text)
        case .sqlSyntax:
            return false
        case .explicitCall:
            // Bare only where the parser, given the name and these types, finds this function.
            guard !call.variadic, let function = catalog.functions[call.id],
                  function.argumentTypes == call.arguments.map(\.type) else { return false }
            text += function.quotedName + "("
            guard write(call.arguments, separator: ", ", showImplicit: true, into: &text) else { return false }
            text += ")"
            return true
        }
    }

    /// get_rule_expr of a list: the nodes with `separator` between them.
    private func write(_ nodes: [ExpressionNode], separator: String, showImplicit: Bool, into text: inout Output) -> Bool {
        for (position, node) in nodes.enumerated() {
            if position > 0 { text += separator }
            guard write(node, showImplicit: showImplicit, into: &text) else { return false }
        }
        return true
    }

    /// get_coercion_expr: `(argument)::type`, or a constant of that very type without its own label.
    private func writeCoercion(of argument: ExpressionNode, to type: UInt32, typmod: Int32, into text: inout Output) -> Bool {
        guard let typeName = BuiltinType.name(type, typmod: typmod) else { return false }
        if case let .constant(constant) = argument, constant.type == type, constant.typmod == -1 {
            guard write(constant, showType: -1, into: &text) else { return false }
        } else {
            text += "("
            guard write(argument, showImplicit: false, into: &text) else { return false }
            text += ")"
        }
        text += "::" + typeName
        return true
    }

    /// get_const_expr: `showType` -1 never labels, 0 labels unless the literal reads back as its type.
    private func write(_ constant: ExpressionNode.Constant, showType: Int, into text: inout Output) -> Bool {
        guard catalog.littleEndianDatums else { return false }
        if let typeName = catalog.enumTypes[constant.type] { return write(enum: constant, typeName, showType: showType, into: &text) }
        guard let label = BuiltinType.name(constant.type, typmod: constant.typmod),
              let typeCollation = BuiltinType.collation(of: constant.type) else { return false }
        guard let bytes = constant.bytes else {
            text += "NULL"
            if showType >= 0 {
                guard constant.collation == 0 || constant.collation == typeCollation else { return false }
                text += "::" + label
            }
            return true
        }
        var needsLabel: Bool
        switch constant.type {
        case BuiltinType.integer:
            guard let datum = Datum.unsigned(bytes, count: 4) else { return false }
            let value = Int32(truncatingIfNeeded: datum)
            // A negative one is quoted, so that it reads back as a constant, not an operator.
            needsLabel = value < 0
            text += value < 0 ? "'\(value)'" : "\(value)"
        case BuiltinType.boolean:
            guard let first = bytes.first else { return false }
            text += first != 0 ? "true" : "false"
            needsLabel = false
        case BuiltinType.smallint, BuiltinType.bigint:
            guard let value = Datum.unsigned(bytes, count: 8) else { return false }
            let number = constant.type == BuiltinType.smallint ? Int64(Int16(truncatingIfNeeded: value)) : Int64(bitPattern: value)
            text += "'\(number)'"
            needsLabel = true
        case BuiltinType.text, BuiltinType.varchar, BuiltinType.bpchar:
            // Plain ASCII without backslashes: the quoting of others depends on settings and encoding.
            guard let characters = Datum.varlenaPayload(bytes),
                  characters.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\\") && $0 != 0 }) else { return false }
            text.appendLiteral(characters)
            needsLabel = true
        case BuiltinType.numeric:
            guard let string = NumericText.text(ofVarlena: bytes) else { return false }
            // Like a float literal (a point or exponent, no sign): reads back as numeric unlabelled.
            let looksLikeFloat = string.first.map(\.isNumber) == true && string.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            text += looksLikeFloat ? string : "'\(string)'"
            needsLabel = !looksLikeFloat || constant.typmod >= 0
        default:
            return false
        }
        guard showType >= 0 else { return true }
        if needsLabel { text += "::" + label }
        // get_const_collation: named where it is not the type's; naming it would need the server.
        return constant.collation == 0 || constant.collation == typeCollation
    }

    /// An enum's constant: its datum is the oid of its pg_enum row; always
    /// labelled with its type, which an empty search_path never makes visible.
    private func write(enum constant: ExpressionNode.Constant, _ typeName: String, showType: Int, into text: inout Output) -> Bool {
        guard constant.typmod == -1, constant.collation == 0 else { return false }
        guard let bytes = constant.bytes else {
            text += "NULL"
            if showType >= 0 { text += "::" + typeName }
            return true
        }
        guard let oid = Datum.unsigned(bytes, count: 4).map(UInt32.init) else { return false }
        // A backslash's quoting depends on standard_conforming_strings: left to the server.
        guard let label = catalog.enumLabels[oid], !label.utf8.contains(UInt8(ascii: "\\")) else { return false }
        text.appendLiteral(label.utf8)
        if showType >= 0 { text += "::" + typeName }
        return true
    }
}

/// The text being written, as bytes: appending to a String cost more than
/// the deparsing itself, 10,000 checks a side at 5,000 tables.
struct Output {
    var bytes: [UInt8] = []

    static func += (output: inout Output, text: String) {
        output.bytes.append(contentsOf: text.utf8)
    }

    /// simple_quote_literal: in quotes, a quote doubled.
    mutating func appendLiteral(_ characters: some Sequence<UInt8>) {
        bytes.append(UInt8(ascii: "'"))
        for byte in characters {
            if byte == UInt8(ascii: "'") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "'"))
    }
}

/// The operators and functions of pg_catalog an expression may name bare.
struct ExpressionCatalog: Sendable {
    struct Operator: Sendable {
        var name: String
        var left: UInt32
        var right: UInt32
    }

    struct Function: Sendable {
        /// quote_ident(proname).
        var quotedName: String
        var argumentTypes: [UInt32]
    }

    /// False on a major the deparser is not tested on (`DeparserPolicy`): every expression is the server's.
    var enabled = true
    var operators: [UInt32: Operator] = [:]
    var functions: [UInt32: Function] = [:]
    /// Whether the server stores datums little-endian, as the deparser reads
    /// constants; a big-endian server (s390x) deparses its constants itself.
    var littleEndianDatums = false
    /// Enum types, as format_type names them (qualified), by oid.
    var enumTypes: [UInt32: String] = [:]
    /// Enum labels by the oid of their pg_enum row (an enum constant's datum).
    var enumLabels: [UInt32: String] = [:]

    /// pseudo-type anyenum.
    private static let anyEnum: UInt32 = 3500

    /// Whether the parser, given `op`'s bare name and these argument types,
    /// finds `op`: its exact types, or anyenum's comparisons for two values of
    /// one enum (no other operator of pg_catalog takes enums).
    func resolves(_ op: Operator, _ left: UInt32, _ right: UInt32) -> Bool {
        if op.left == left && op.right == right { return true }
        return op.left == Self.anyEnum && op.right == Self.anyEnum && left == right && enumTypes[left] != nil
    }
}
