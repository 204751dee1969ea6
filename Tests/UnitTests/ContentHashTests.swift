import Migrations
import XCTest

final class ContentHashTests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(ContentHash.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(ContentHash.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ContentHash.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(ContentHash.hex(String(repeating: "a", count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testFeedingInPiecesGivesTheSameDigest() {
        let text = String(repeating: "schemactl ", count: 50)
        var hasher = ContentHash()
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) { hasher.update(String(piece) + " ") }
        var whole = ContentHash()
        whole.update(text.split(separator: " ", omittingEmptySubsequences: false).map { String($0) + " " }.joined())
        XCTAssertEqual(hasher.finalize(), whole.finalize())
    }
}
