import Foundation
import Migrations
import PostgresClient

/// Turns any error into one paragraph for a person: what failed, where, and
/// what PostgreSQL said. Library errors already redact passwords.
enum ErrorReport {
    static func paragraph(for error: Error) -> String {
        switch error {
        case let error as CustomStringConvertible:
            return error.description
        default:
            return String(describing: error)
        }
    }
}
