import Foundation

extension String {
    /// Whether `needle` occurs in this text, compared as UTF-8 bytes. Where
    /// Foundation is imported, `contains(_:)` between two strings is NSString's search over
    /// UTF-16: at 5,000 tables it was a quarter of writing the schema script.
    public func containsBytes(_ needle: String) -> Bool {
        byteOffset(of: needle) != nil
    }

    /// The byte offset (UTF-8) of the first `needle` in this text, nil when there is none.
    public func byteOffset(of needle: String) -> Int? {
        var text = self, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let target = pattern.baseAddress, let first = pattern.first else { return 0 }
                guard let base = haystack.baseAddress else { return nil }
                // memchr to each candidate first byte, memcmp for the rest (glibc's memmem is
                // not visible to Swift without _GNU_SOURCE).
                var offset = 0
                while offset + pattern.count <= haystack.count {
                    guard let hit = memchr(base + offset, Int32(first), haystack.count - offset - pattern.count + 1) else { return nil }
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, target, pattern.count) == 0 { return position }
                    offset = position + 1
                }
                return nil
            }
        }
    }
}
