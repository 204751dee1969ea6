import Foundation

/// The one JSON form of models and snapshots: pretty, keys sorted, slashes
/// unescaped, so equal models give equal bytes and files diff cleanly.
public enum ModelJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try FastJSONEncoder().encode(value))
    }

    /// Without whitespace: for caches, which machines read and decode faster.
    public static func encodeCompact<T: Encodable>(_ value: T) throws -> Data {
        Data(try FastJSONEncoder(pretty: false).encode(value))
    }

    /// The model through its `Codable` conformance: the reference the fast path is held to.
    public static func encodeWithCodable(_ model: DatabaseModel) throws -> Data {
        Data(try FastJSONEncoder().encode(model))
    }

    /// The model's own fast path: the same bytes as `encode(model)`, several times sooner.
    public static func encode(_ model: DatabaseModel) -> Data {
        Data(ModelJSONWriter.encode(model))
    }

    /// The model's fast path without whitespace: the same bytes as `encodeCompact(model)`.
    public static func encodeCompact(_ model: DatabaseModel) -> Data {
        Data(ModelJSONWriter.encode(model, compact: true))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }

    /// For the caches' own files: several times sooner than `decode` (see
    /// `FastJSONDecoder`), with errors that name only a byte offset, as a cache
    /// entry that does not decode is a miss, not a message for the user.
    public static func decodeCache<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try FastJSONDecoder().decode(type, from: bytes)
    }
}
