import Foundation
import SchemaModel
import Testing

/// The caches' decoder reads back what the model's encoders write, and what
/// Foundation's encoder writes, to the same values; bad JSON is an error, not a value.
struct FastJSONDecoderTests {
    enum Shape: Codable, Equatable {
        case point
        case circle(radius: Double)
        case named(String, sides: Int)
    }

    enum Colour: String, Codable, Equatable { case red, green }

    struct Sample: Codable, Equatable {
        var text: String
        var empty: String
        var optional: String?
        var missing: Int?
        var flag: Bool
        var small: Int32
        var large: Int
        var smallest: Int64
        var unsigned: UInt32
        var tiny: Int8
        var single: Float
        var fraction: Double
        var list: [String]
        var nested: [[Int]]
        var shapes: [Shape]
        var colours: [Colour]
        var byName: [String: Int]
    }

    static let sample = Sample(
        text: "quote \" backslash \\ slash / tab \t newline \n control \u{01} é ß 中 😀 \u{FFFF}",
        empty: "", optional: "present", missing: nil, flag: true, small: -2_147_483_648, large: Int.max,
        smallest: Int64.min, unsigned: UInt32.max, tiny: -128, single: 0.5, fraction: -1.5e-7, list: ["a", "", "\"b\""], nested: [[], [1, -2, 3]],
        shapes: [.point, .circle(radius: 2.25), .named("hex", sides: 6)], colours: [.red, .green],
        byName: ["one": 1, "two words": 2, "ключ": 3])

    @Test func readsWhatTheModelsEncoderWrites() throws {
        let bytes = [UInt8](try ModelJSON.encodeCompact(Self.sample))
        #expect(try ModelJSON.decodeCache(Sample.self, from: bytes) == Self.sample)
        let pretty = [UInt8](try ModelJSON.encode(Self.sample))
        #expect(try ModelJSON.decodeCache(Sample.self, from: pretty) == Self.sample)
    }

    @Test func readsWhatFoundationsEncoderWritesWithItsEscapes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let bytes = [UInt8](try encoder.encode(Self.sample))
        #expect(try ModelJSON.decodeCache(Sample.self, from: bytes) == Self.sample)
        // \u escapes, a surrogate pair among them, and an escaped key.
        let escaped = #"{"t\u0065xt": "\u00e9\ud83d\ude00\/\b\f\r", "n": null}"#
        struct Small: Codable, Equatable { var text: String; var n: Int? }
        #expect(try ModelJSON.decodeCache(Small.self, from: Array(escaped.utf8)) == Small(text: "é😀/\u{08}\u{0C}\r", n: nil))
    }

    @Test func malformedOrMismatchedJSONIsAnError() {
        for text in ["", "{", #"{"a": 1"#, #"{"a" 1}"#, "[1, 2", #""open"#, "{} {}", "tru", "[1,]"] {
            #expect(throws: (any Error).self, "\(text)") { try ModelJSON.decodeCache([Int].self, from: Array(text.utf8)) }
        }
        // A number too large for its type, a string where a number belongs, a missing member.
        #expect(throws: (any Error).self) { try ModelJSON.decodeCache([Int32].self, from: Array("[2147483648]".utf8)) }
        #expect(throws: (any Error).self) { try ModelJSON.decodeCache([Int].self, from: Array(#"["1"]"#.utf8)) }
        struct Needs: Codable { var a: Int }
        #expect(throws: (any Error).self) { try ModelJSON.decodeCache(Needs.self, from: Array(#"{"b": 1}"#.utf8)) }
    }
}
