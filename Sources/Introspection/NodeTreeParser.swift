/// Reads a pg_node_tree value (outfuncs.c's text form, `{OPEXPR :opno 98 …}`)
/// into an `ExpressionNode`, straight from the result's bytes: at 5,000 tables
/// a side carries 10 MB of them. Fields are matched by name, so fields a
/// later major version adds are skipped; a node kind it does not know, or a
/// shape the deparser would not write as the server does, gives nil.
struct NodeTreeParser {
    private struct Unsupported: Error {}

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// One expression (pg_constraint.conbin, pg_index.indpred).
    static func expression(_ bytes: UnsafeRawBufferPointer) -> ExpressionNode? {
        var parser = NodeTreeParser(bytes)
        guard let node = try? parser.node(), parser.atEnd else { return nil }
        return node
    }

    /// A list of expressions (pg_index.indexprs).
    static func expressions(_ bytes: UnsafeRawBufferPointer) -> [ExpressionNode]? {
        var parser = NodeTreeParser(bytes)
        guard let nodes = try? parser.nodeList(), parser.atEnd else { return nil }
        return nodes
    }

    private var atEnd: Bool {
        mutating get {
            skipSpaces()
            return position == bytes.count
        }
    }

    // MARK: Nodes

    private mutating func node() throws -> ExpressionNode {
        try expect(UInt8(ascii: "{"))
        let kind = hash(try token())
        let node: ExpressionNode
        switch kind {
        case Kind.variable: node = try variable()
        case Kind.constant: node = try constant()
        case Kind.operation: node = try operation()
        case Kind.function: node = try function()
        case Kind.anyOrAll: node = try anyOrAll()
        case Kind.array: node = try array()
        case Kind.boolean: node = try boolean()
        case Kind.nullTest: node = try nullTest()
        case Kind.relabel, Kind.coerceViaIO, Kind.arrayCoerce: node = try coercion(viaIO: kind == Kind.coerceViaIO)
        case Kind.coalesce: node = try coalesce()
        default: throw Unsupported()
        }
        try expect(UInt8(ascii: "}"))
        return node
    }

    private mutating func variable() throws -> ExpressionNode {
        var number = 0, type: UInt32 = 0, collation: UInt32 = 0, level = 0, relation = 0
        try fields { name, parser in
            switch name {
            case Field.varno: relation = try parser.integer()
            case Field.varattno: number = try parser.integer()
            case Field.vartype: type = try parser.oid()
            case Field.varcollid: collation = try parser.oid()
            case Field.varlevelsup: level = try parser.integer()
            default: try parser.skipValue()
            }
        }
        // The one table in scope; a whole-row or system column is left to the server.
        guard relation == 1, level == 0, number > 0 else { throw Unsupported() }
        return .column(number: number, type: type, collation: collation)
    }

    private mutating func constant() throws -> ExpressionNode {
        var value = ExpressionNode.Constant(type: 0, typmod: -1, collation: 0, bytes: nil)
        var isNull = false
        try fields { name, parser in
            switch name {
            case Field.consttype: value.type = try parser.oid()
            case Field.consttypmod: value.typmod = Int32(try parser.integer())
            case Field.constcollid: value.collation = try parser.oid()
            case Field.constisnull: isNull = try parser.boolean()
            case Field.constvalue: value.bytes = try parser.datum()
            default: try parser.skipValue()
            }
        }
        if isNull { value.bytes = nil } else if value.bytes == nil { throw Unsupported() }
        return .constant(value)
    }

    private mutating func operation() throws -> ExpressionNode {
        var id: UInt32 = 0, type: UInt32 = 0, collation: UInt32 = 0, arguments: [ExpressionNode] = []
        try fields { name, parser in
            switch name {
            case Field.opno: id = try parser.oid()
            case Field.opresulttype: type = try parser.oid()
            case Field.opretset: if try parser.boolean() { throw Unsupported() }
            case Field.opcollid: collation = try parser.oid()
            case Field.args: arguments = try parser.nodeList()
            default: try parser.skipValue()
            }
        }
        guard arguments.count == 1 || arguments.count == 2 else { throw Unsupported() }
        return .operation(operatorID: id, resultType: type, collation: collation, arguments: arguments)
    }

    private mutating func function() throws -> ExpressionNode {
        var call = ExpressionNode.FunctionCall(id: 0, resultType: 0, collation: 0, format: .explicitCall, variadic: false, arguments: [])
        try fields { name, parser in
            switch name {
            case Field.funcid: call.id = try parser.oid()
            case Field.funcresulttype: call.resultType = try parser.oid()
            case Field.funcretset: if try parser.boolean() { throw Unsupported() }
            case Field.funcvariadic: call.variadic = try parser.boolean()
            case Field.funcformat: call.format = try parser.coercionForm()
            case Field.funccollid: call.collation = try parser.oid()
            case Field.args: call.arguments = try parser.nodeList()
            default: try parser.skipValue()
            }
        }
        return .function(call)
    }

    private mutating func anyOrAll() throws -> ExpressionNode {
        var id: UInt32 = 0, useOr = true, arguments: [ExpressionNode] = []
        try fields { name, parser in
            switch name {
            case Field.opno: id = try parser.oid()
            case Field.useOr: useOr = try parser.boolean()
            case Field.args: arguments = try parser.nodeList()
            default: try parser.skipValue()
            }
        }
        guard arguments.count == 2 else { throw Unsupported() }
        return .anyOrAll(operatorID: id, useOr: useOr, arguments: arguments)
    }

    private mutating func array() throws -> ExpressionNode {
        var type: UInt32 = 0, element: UInt32 = 0, collation: UInt32 = 0, elements: [ExpressionNode] = []
        try fields { name, parser in
            switch name {
            case Field.array_typeid: type = try parser.oid()
            case Field.array_collid: collation = try parser.oid()
            case Field.element_typeid: element = try parser.oid()
            case Field.elements: elements = try parser.nodeList()
            case Field.multidims: if try parser.boolean() { throw Unsupported() }
            default: try parser.skipValue()
            }
        }
        return .array(type: type, elementType: element, collation: collation, elements: elements)
    }

    private mutating func boolean() throws -> ExpressionNode {
        var kind: ExpressionNode.BooleanOperator?, arguments: [ExpressionNode] = []
        try fields { name, parser in
            switch name {
            case Field.boolop:
                switch parser.hash(try parser.token()) {
                case Kind.and: kind = .and
                case Kind.or: kind = .or
                case Kind.not: kind = .not
                default: throw Unsupported()
                }
            case Field.args: arguments = try parser.nodeList()
            default: try parser.skipValue()
            }
        }
        guard let kind, !arguments.isEmpty, kind != .not || arguments.count == 1 else { throw Unsupported() }
        return .boolean(kind, arguments)
    }

    private mutating func nullTest() throws -> ExpressionNode {
        var argument: ExpressionNode?, notNull = false
        try fields { name, parser in
            switch name {
            case Field.arg: argument = try parser.node()
            case Field.nulltesttype:
                switch try parser.integer() {
                case 0: notNull = false
                case 1: notNull = true
                default: throw Unsupported()
                }
            // A row-wise test prints otherwise; leave it to the server.
            case Field.argisrow: if try parser.boolean() { throw Unsupported() }
            default: try parser.skipValue()
            }
        }
        guard let argument else { throw Unsupported() }
        return .nullTest(argument, isNotNull: notNull)
    }

    private mutating func coalesce() throws -> ExpressionNode {
        var type: UInt32 = 0, collation: UInt32 = 0, arguments: [ExpressionNode] = []
        try fields { name, parser in
            switch name {
            case Field.coalescetype: type = try parser.oid()
            case Field.coalescecollid: collation = try parser.oid()
            case Field.args: arguments = try parser.nodeList()
            default: try parser.skipValue()
            }
        }
        guard !arguments.isEmpty else { throw Unsupported() }
        return .coalesce(type: type, collation: collation, arguments: arguments)
    }

    /// RelabelType, CoerceViaIO, or ArrayCoerceExpr (whose per-element
    /// expression is skipped: ruleutils prints only the cast of the whole).
    private mutating func coercion(viaIO: Bool) throws -> ExpressionNode {
        var argument: ExpressionNode?, type: UInt32 = 0, typmod: Int32 = -1, collation: UInt32 = 0
        var format = ExpressionNode.CoercionForm.explicitCall
        try fields { name, parser in
            switch name {
            case Field.arg: argument = try parser.node()
            case Field.resulttype: type = try parser.oid()
            case Field.resulttypmod: typmod = Int32(try parser.integer())
            case Field.resultcollid: collation = try parser.oid()
            case Field.relabelformat, Field.coerceformat: format = try parser.coercionForm()
            default: try parser.skipValue()
            }
        }
        guard let argument else { throw Unsupported() }
        // CoerceViaIO has no typmod: ruleutils prints it with -1.
        return .coercion(argument, type: type, typmod: viaIO ? -1 : typmod, collation: collation, format: format)
    }

    // MARK: Fields and values

    /// Calls `body` with the hash of each `:field` name up to the node's closing brace, which it leaves.
    private mutating func fields(_ body: (UInt64, inout NodeTreeParser) throws -> Void) throws {
        while true {
            skipSpaces()
            guard position < bytes.count else { throw Unsupported() }
            if bytes[position] == UInt8(ascii: "}") { return }
            let name = try token()
            guard bytes[name.lowerBound] == UInt8(ascii: ":") else { throw Unsupported() }
            try body(hash(name.lowerBound + 1..<name.upperBound), &self)
        }
    }

    private mutating func nodeList() throws -> [ExpressionNode] {
        skipSpaces()
        guard position < bytes.count else { throw Unsupported() }
        if bytes[position] != UInt8(ascii: "(") {
            guard isEmpty(try token()) else { throw Unsupported() }
            return []
        }
        position += 1
        var nodes: [ExpressionNode] = []
        while true {
            skipSpaces()
            guard position < bytes.count else { throw Unsupported() }
            if bytes[position] == UInt8(ascii: ")") { position += 1; return nodes }
            nodes.append(try node())
        }
    }

    /// outDatum's `length [ b b … ]`, or `<>`.
    private mutating func datum() throws -> [UInt8]? {
        let length = try token()
        if isEmpty(length) { return nil }
        _ = try number(length)
        let open = try token()
        guard open.count == 1, bytes[open.lowerBound] == UInt8(ascii: "[") else { throw Unsupported() }
        var datum: [UInt8] = []
        while true {
            let item = try token()
            if item.count == 1, bytes[item.lowerBound] == UInt8(ascii: "]") { return datum }
            // Written as a signed char: bytes over 127 come out negative.
            let value = try number(item)
            guard value >= -128, value <= 255 else { throw Unsupported() }
            datum.append(UInt8(truncatingIfNeeded: value))
        }
    }

    private mutating func integer() throws -> Int {
        try number(try token())
    }

    private mutating func oid() throws -> UInt32 {
        guard let value = UInt32(exactly: try integer()) else { throw Unsupported() }
        return value
    }

    private mutating func boolean() throws -> Bool {
        let word = try token()
        switch (word.count, bytes[word.lowerBound]) {
        case (4, UInt8(ascii: "t")): return true
        case (5, UInt8(ascii: "f")): return false
        default: throw Unsupported()
        }
    }

    /// A decimal integer token, optionally signed.
    private func number(_ range: Range<Int>) throws -> Int {
        var index = range.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.upperBound, range.count <= 20 else { throw Unsupported() }
        var value = 0
        while index < range.upperBound {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { throw Unsupported() }
            value = value &* 10 &+ digit
            index += 1
        }
        return negative ? -value : value
    }

    private func isEmpty(_ range: Range<Int>) -> Bool {
        range.count == 2 && bytes[range.lowerBound] == UInt8(ascii: "<") && bytes[range.lowerBound + 1] == UInt8(ascii: ">")
    }

    /// FNV-1a of a token: node kinds and field names are told apart by it,
    /// without making strings of the 1.5 million tokens of a large catalog.
    private func hash(_ range: Range<Int>) -> UInt64 {
        var value: UInt64 = 0xcbf29ce484222325
        for index in range { value = (value ^ UInt64(bytes[index])) &* 0x100000001b3 }
        return value
    }

    fileprivate static func hash(_ text: StaticString) -> UInt64 {
        var value: UInt64 = 0xcbf29ce484222325
        text.withUTF8Buffer { for byte in $0 { value = (value ^ UInt64(byte)) &* 0x100000001b3 } }
        return value
    }

    private mutating func coercionForm() throws -> ExpressionNode.CoercionForm {
        guard let form = ExpressionNode.CoercionForm(rawValue: try integer()) else { throw Unsupported() }
        return form
    }

    /// Skips a field's value: a token, or a node or list with everything inside it.
    private mutating func skipValue() throws {
        skipSpaces()
        guard position < bytes.count else { throw Unsupported() }
        let first = bytes[position]
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "(") else {
            _ = try token()
            return
        }
        var depth = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 1
            case UInt8(ascii: "{"), UInt8(ascii: "("): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { position += 1; return }
            default: break
            }
            position += 1
        }
        throw Unsupported()
    }

    /// pg_strtok's tokens: braces and parentheses alone, else up to the next
    /// space or brace; a backslash keeps the next byte in the token. Escapes
    /// are kept as written: no field read here needs them undone.
    private mutating func token() throws -> Range<Int> {
        skipSpaces()
        guard position < bytes.count else { throw Unsupported() }
        let start = position
        if Self.isDelimiter(bytes[position]) {
            position += 1
        } else {
            while position < bytes.count, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) {
                position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
            }
            position = min(position, bytes.count)
        }
        return start..<position
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpaces()
        guard position < bytes.count, bytes[position] == byte else { throw Unsupported() }
        position += 1
    }

    private mutating func skipSpaces() {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }
}

/// Hashes of the node kinds (and BoolExpr operators) read.
private enum Kind {
    static let variable = NodeTreeParser.hash("VAR")
    static let constant = NodeTreeParser.hash("CONST")
    static let operation = NodeTreeParser.hash("OPEXPR")
    static let function = NodeTreeParser.hash("FUNCEXPR")
    static let anyOrAll = NodeTreeParser.hash("SCALARARRAYOPEXPR")
    static let array = NodeTreeParser.hash("ARRAYEXPR")
    static let boolean = NodeTreeParser.hash("BOOLEXPR")
    static let nullTest = NodeTreeParser.hash("NULLTEST")
    static let relabel = NodeTreeParser.hash("RELABELTYPE")
    static let coerceViaIO = NodeTreeParser.hash("COERCEVIAIO")
    static let arrayCoerce = NodeTreeParser.hash("ARRAYCOERCEEXPR")
    static let coalesce = NodeTreeParser.hash("COALESCEEXPR")
    static let `and` = NodeTreeParser.hash("and")
    static let `or` = NodeTreeParser.hash("or")
    static let `not` = NodeTreeParser.hash("not")
}

/// Hashes of the field names read.
private enum Field {
    static let arg = NodeTreeParser.hash("arg")
    static let argisrow = NodeTreeParser.hash("argisrow")
    static let args = NodeTreeParser.hash("args")
    static let array_collid = NodeTreeParser.hash("array_collid")
    static let array_typeid = NodeTreeParser.hash("array_typeid")
    static let boolop = NodeTreeParser.hash("boolop")
    static let coalescecollid = NodeTreeParser.hash("coalescecollid")
    static let coalescetype = NodeTreeParser.hash("coalescetype")
    static let coerceformat = NodeTreeParser.hash("coerceformat")
    static let constcollid = NodeTreeParser.hash("constcollid")
    static let constisnull = NodeTreeParser.hash("constisnull")
    static let consttype = NodeTreeParser.hash("consttype")
    static let consttypmod = NodeTreeParser.hash("consttypmod")
    static let constvalue = NodeTreeParser.hash("constvalue")
    static let element_typeid = NodeTreeParser.hash("element_typeid")
    static let elements = NodeTreeParser.hash("elements")
    static let funccollid = NodeTreeParser.hash("funccollid")
    static let funcformat = NodeTreeParser.hash("funcformat")
    static let funcid = NodeTreeParser.hash("funcid")
    static let funcresulttype = NodeTreeParser.hash("funcresulttype")
    static let funcretset = NodeTreeParser.hash("funcretset")
    static let funcvariadic = NodeTreeParser.hash("funcvariadic")
    static let multidims = NodeTreeParser.hash("multidims")
    static let nulltesttype = NodeTreeParser.hash("nulltesttype")
    static let opcollid = NodeTreeParser.hash("opcollid")
    static let opno = NodeTreeParser.hash("opno")
    static let opresulttype = NodeTreeParser.hash("opresulttype")
    static let opretset = NodeTreeParser.hash("opretset")
    static let relabelformat = NodeTreeParser.hash("relabelformat")
    static let resultcollid = NodeTreeParser.hash("resultcollid")
    static let resulttype = NodeTreeParser.hash("resulttype")
    static let resulttypmod = NodeTreeParser.hash("resulttypmod")
    static let useOr = NodeTreeParser.hash("useOr")
    static let varattno = NodeTreeParser.hash("varattno")
    static let varcollid = NodeTreeParser.hash("varcollid")
    static let varlevelsup = NodeTreeParser.hash("varlevelsup")
    static let varno = NodeTreeParser.hash("varno")
    static let vartype = NodeTreeParser.hash("vartype")
}
