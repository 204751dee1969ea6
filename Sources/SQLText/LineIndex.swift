/// Maps offsets in a file's text to line:column, both from UTF-8 byte offsets
/// and from character offsets as PostgreSQL reports an error position
/// (`PG_DIAG_STATEMENT_POSITION` counts characters, 1-based).
public struct LineIndex: Sendable {
    private let bytes: [UInt8]
    /// Byte offset where each line starts.
    private let lineStarts: [Int]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The location of a 0-based UTF-8 byte offset.
    public func location(ofByte offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        // Last line start <= offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        let column = bytes[start..<clamped].reduce(0) { $0 + (isContinuation($1) ? 0 : 1) } + 1
        return SourceLocation(line: low + 1, column: column)
    }

    /// The location of PostgreSQL's 1-based character position.
    public func location(ofPostgresPosition position: Int) -> SourceLocation {
        location(ofByte: byteOffset(ofCharacter: position - 1))
    }

    /// The 0-based byte offset of a 0-based character (code point) offset.
    public func byteOffset(ofCharacter characterOffset: Int) -> Int {
        var seen = 0
        for (offset, byte) in bytes.enumerated() where !isContinuation(byte) {
            if seen == characterOffset { return offset }
            seen += 1
        }
        return bytes.count
    }

    /// The text of a 1-based line, without its newline.
    public func text(ofLine line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    private func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
