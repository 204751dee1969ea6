/// A small JSON encoder for `ModelJSON`: pretty, keys sorted by their UTF-8
/// bytes, `/` unescaped. Foundation's JSONEncoder took 0.9 s for the 37 MB model
/// of a 5,000-table schema, a third of the whole `inspect`; this one builds a
/// light tree and writes bytes directly.
struct FastJSONEncoder {
    /// Indented for people; compact (no whitespace) for caches, which decode faster.
    var pretty = true

    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var writer = JSONWriter(pretty: pretty)
        writer.write(root, indent: 0)
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.bytes
    }
}

/// One value of the tree; a class so containers can fill it after handing it out.
final class JSONNode {
    enum Content {
        case empty
        case scalar([UInt8])
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
    }

    var content: Content = .empty

    func child(forKey key: String) -> JSONNode {
        let node = JSONNode()
        if case var .object(members) = content {
            content = .empty // drop the reference so append does not copy
            members.append((key, node))
            content = .object(members)
        } else {
            content = .object([(key, node)])
        }
        return node
    }

    func appendElement() -> JSONNode {
        let node = JSONNode()
        if case var .array(elements) = content {
            content = .empty
            elements.append(node)
            content = .array(elements)
        } else {
            content = .array([node])
        }
        return node
    }

    func makeObject() { if case .object = content {} else { content = .object([]) } }
    func makeArray() { if case .array = content {} else { content = .array([]) } }

    func setString(_ value: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 2)
        Self.appendQuoted(value, to: &bytes)
        content = .scalar(bytes)
    }

    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most names and definitions need no escaping: copy them whole.
        let copied = value.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        } ?? false
        if !copied { appendEscaped(value, to: &bytes) }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
    }

    func setLiteral(_ text: String) { content = .scalar(Array(text.utf8)) }
}

struct JSONWriter {
    var bytes: [UInt8] = []
    let pretty: Bool
    static let separator = Array(" : ".utf8)

    init(pretty: Bool = true) {
        self.pretty = pretty
    }

    mutating func write(_ node: JSONNode, indent: Int) {
        switch node.content {
        case .empty:
            bytes += Array("null".utf8)
        case let .scalar(scalar):
            bytes += scalar
        case let .array(elements):
            guard !elements.isEmpty else { bytes += [UInt8(ascii: "["), UInt8(ascii: "]")]; return }
            bytes.append(UInt8(ascii: "["))
            newline()
            for (position, element) in elements.enumerated() {
                pad(indent + 2)
                write(element, indent: indent + 2)
                if position < elements.count - 1 { bytes.append(UInt8(ascii: ",")) }
                newline()
            }
            pad(indent)
            bytes.append(UInt8(ascii: "]"))
        case let .object(members):
            guard !members.isEmpty else { bytes += [UInt8(ascii: "{"), UInt8(ascii: "}")]; return }
            bytes.append(UInt8(ascii: "{"))
            newline()
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (position, member) in sorted.enumerated() {
                pad(indent + 2)
                JSONNode.appendQuoted(member.key, to: &bytes)
                if pretty { bytes.append(contentsOf: Self.separator) } else { bytes.append(UInt8(ascii: ":")) }
                write(member.node, indent: indent + 2)
                if position < sorted.count - 1 { bytes.append(UInt8(ascii: ",")) }
                newline()
            }
            pad(indent)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func pad(_ count: Int) {
        if pretty { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }

    private mutating func newline() {
        if pretty { bytes.append(UInt8(ascii: "\n")) }
    }
}

struct NodeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Writes one value into a node: shared by the three container kinds.
private func store<T: Encodable>(_ value: T, in node: JSONNode, codingPath: [any CodingKey]) throws {
    switch value {
    case let string as String: node.setString(string)
    case let bool as Bool: node.setLiteral(bool ? "true" : "false")
    case let int as Int: node.setLiteral(String(int))
    case let int as Int64: node.setLiteral(String(int))
    case let int as Int32: node.setLiteral(String(int))
    case let int as UInt64: node.setLiteral(String(int))
    // Every other integer type: its own `encode(to:)` asks the single-value container
    // to store it again, which came back here and recursed until the stack ran out.
    case let int as any BinaryInteger: node.setLiteral("\(int)")
    case let float as Float: try store(Double(float), in: node, codingPath: codingPath)
    case let double as Double:
        guard double.isFinite else {
            throw EncodingError.invalidValue(double, .init(codingPath: codingPath, debugDescription: "not a finite number"))
        }
        node.setLiteral(double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double))
    default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).setLiteral("null") }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, in: node.child(forKey: key.stringValue), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.makeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var count: Int {
        if case let .array(elements) = node.content { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { node.appendElement().setLiteral("null") }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try store(value, in: node.appendElement(), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendElement()
        child.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendElement()
        child.makeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendElement(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.setLiteral("null") }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: node, codingPath: codingPath) }
}
