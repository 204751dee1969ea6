import SQLText
import Testing

/// The byte search that replaced Foundation's on the script's hot paths finds what
/// `range(of:)` found, at the same place, counted in UTF-8 bytes.
struct ByteSearchTests {
    @Test func findsTheFirstOccurrenceByItsByteOffset() {
        #expect("ALTER TABLE ONLY t ON ONLY x".byteOffset(of: " ON ONLY ") == 18)
        #expect("ON ONLY".byteOffset(of: "ON ONLY") == 0)
        #expect("é(ARRAY[".byteOffset(of: "(ARRAY[") == 2)
    }

    @Test func aCandidateThatFailsPartwayDoesNotHideALaterMatch() {
        #expect("$schemactl $schemactl$".byteOffset(of: "$schemactl$") == 11)
        #expect("EXTRAC EXTRACT(".containsBytes("EXTRACT("))
    }

    @Test func aMissingOrLongerNeedleIsNotFound() {
        #expect(!"EXTRACT".containsBytes("EXTRACT("))
        #expect("".byteOffset(of: "a") == nil)
        #expect(!"abc".containsBytes("abd"))
    }
}
