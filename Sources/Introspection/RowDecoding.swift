import Foundation
import PostgresClient
import SchemaModel

extension Row {
    /// `schema` and `name` columns as a qualified name.
    func qualifiedName(schema: String = "schema", name: String = "name") throws -> QualifiedName {
        QualifiedName(schema: try string(schema), name: try string(name))
    }

    /// A `json` / `jsonb` column decoded into `T`; NULL gives nil.
    func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        guard let text = try optionalString(column) else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// The same, by column position (for queries of many rows).
    func json<T: Decodable>(_ column: ResultColumn, as type: T.Type) throws -> T? {
        guard let text = optionalString(column) else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// A text[] column whose elements may be NULL.
    func optionalStringArray(_ column: String) throws -> [String?] {
        guard let text = try optionalString(column) else { return [] }
        return PostgresArray.parse(text)
    }

    func oid(_ column: String) throws -> UInt32 {
        try oid(self.column(column))
    }

    /// An oid column: an error, not a trap, for a value out of range.
    func oid(_ column: ResultColumn) throws -> UInt32 {
        let value = try int(column)
        guard let oid = UInt32(exactly: value) else { throw RowError.notOfType(column: column.name, value: "\(value)", type: "oid") }
        return oid
    }

    func int64(_ column: String) throws -> Int64 {
        let text = try string(column)
        guard let value = Int64(text) else { throw RowError.notOfType(column: column, value: text, type: "Int64") }
        return value
    }
}
