import Foundation

/// Plain POSIX reads for the directory load: Foundation stats each file and
/// each directory entry (two `fstatat` per migration), which for a history of
/// thousands of files cost as much as reading them.
enum RawFiles {
    /// The bytes of a file, or nil if it cannot be opened or read (a folder, a permission).
    static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
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
