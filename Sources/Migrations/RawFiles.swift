import Foundation

/// Plain POSIX reads for the directory load: Foundation stats each file and
/// each directory entry (two `fstatat` per migration), which for a history of
/// thousands of files cost as much as reading them.
enum RawFiles {
    /// One reader's bytes, used again file after file: a new zeroed 64 KB chunk and a `Data`
    /// per file were a third of the reads' time at 54,332 files.
    struct Buffer {
        private var bytes = [UInt8](repeating: 0, count: 64 * 1024)

        /// The bytes of a file, or nil if it cannot be opened or read (a folder, a permission);
        /// valid until the next read.
        mutating func read(_ path: String) -> ArraySlice<UInt8>? {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var filled = 0
            while true {
                if filled == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
                let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
                if count < 0 { return nil }
                if count == 0 { return bytes[0..<filled] }
                filled += count
            }
        }
    }

    /// The names in a folder, `.` and `..` excluded, and which of them are
    /// symbolic links (from the entry's type, without a stat); nil if it cannot be listed.
    static func names(in path: String) -> (names: [String], links: Set<String>)? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        var links: Set<String> = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name != "." && name != ".." else { continue }
            names.append(name)
            var isLink = Int32(entry.pointee.d_type) == Int32(DT_LNK)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var status = stat()
                isLink = lstat(path + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
            }
            if isLink { links.insert(name) }
        }
        return (names, links)
    }
}
