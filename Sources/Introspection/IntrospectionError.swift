import PostgresClient

/// A catalog row that did not decode: names the query, so a catalog difference
/// between server versions is easy to find.
public struct IntrospectionError: Error, Sendable, CustomStringConvertible {
    public let query: String
    public let underlying: String

    public var description: String { "reading the catalog (\(query)) failed: \(underlying)" }
}
