/// A parsed `YYYYMMDD_description.sql` or `YYYYMMDD_rollback_description.sql`.
public struct MigrationFileName: Hashable, Sendable {
    /// `YYYYMMDD`.
    public let date: String
    /// The description of the migration, without any `rollback_` prefix.
    public let description: String
    public let isRollback: Bool

    /// The version of the migration this file belongs to: `YYYYMMDD_description`,
    /// which is what the migration records in `schema_versions`.
    public var version: String { "\(date)_\(description)" }

    /// The file name of the migration itself.
    public var migrationFileName: String { "\(version).sql" }

    /// The file name of its rollback.
    public var rollbackFileName: String { "\(date)_rollback_\(description).sql" }

    public var fileName: String { isRollback ? rollbackFileName : migrationFileName }

    /// Why a file name is not a migration name.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case notSQL
        case badPattern
        case impossibleDate(String)
        case badDescription(String)

        public var description: String {
            switch self {
            case .notSQL: return "not a .sql file"
            case .badPattern: return "the name is not YYYYMMDD_description.sql"
            case let .impossibleDate(date): return "\(date) is not a real date"
            case let .badDescription(text):
                return "the description \"\(text)\" must be lower case letters, digits and underscores (snake_case)"
            }
        }
    }

    public init(date: String, description: String, isRollback: Bool) {
        self.date = date
        self.description = description
        self.isRollback = isRollback
    }

    /// Parses a file name (no directory), or says what is wrong with it.
    public static func parse(_ fileName: String) -> Result<MigrationFileName, Problem> {
        let bytes = Array(fileName.utf8)
        guard bytes.count >= 4, bytes[(bytes.count - 4)...].elementsEqual(".sql".utf8) else { return .failure(.notSQL) }
        // By bytes: a history's directory parses tens of thousands of names.
        let stem = bytes[..<(bytes.count - 4)]
        guard stem.count >= 10, stem.prefix(8).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              stem[8] == UInt8(ascii: "_") else { return .failure(.badPattern) }
        let date = String(decoding: stem.prefix(8), as: UTF8.self)
        guard isRealDate(date) else { return .failure(.impossibleDate(date)) }
        var description = String(decoding: stem[9...], as: UTF8.self)
        var isRollback = false
        if description.hasPrefix("rollback_") {
            isRollback = true
            description = String(description.dropFirst("rollback_".count))
        }
        guard isSnakeCase(description) else { return .failure(.badDescription(description)) }
        return .success(MigrationFileName(date: date, description: description, isRollback: isRollback))
    }

    static func isSnakeCase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "_" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    public static func isRealDate(_ date: String) -> Bool {
        guard date.count == 8, let year = Int(date.prefix(4)), let month = Int(date.dropFirst(4).prefix(2)),
              let day = Int(date.suffix(2)) else { return false }
        guard year >= 1900, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
