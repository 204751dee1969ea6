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

    /// Whether `needle`, ASCII letters only, occurs in this text in any mix of cases
    /// (`Password`, `PASSWORD`), compared as UTF-8 bytes.
    public func containsASCIILettersIgnoringCase(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8).map { $0 | 0x20 }
        guard let first = pattern.first else { return true }
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            for start in 0...(bytes.count - pattern.count) where bytes[start] | 0x20 == first {
                if (1..<pattern.count).allSatisfy({ bytes[start + $0] | 0x20 == pattern[$0] }) { return true }
            }
            return false
        }
    }

    /// Whether this text sorts before `other` in UTF-8 byte order: locale-independent, by
    /// Unicode scalar (UTF-8's byte order is the scalars' order), by `memcmp`. The generic
    /// comparison of two `utf8` views was a tenth of loading a directory of 54,332 files and
    /// of sorting a diff's changes.
    public func precedes(_ other: String) -> Bool {
        let order = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in
                let common = Swift.min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        return (order ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}
