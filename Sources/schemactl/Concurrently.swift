import Support

/// Runs `work` for 0..<count at once (live databases are read concurrently) and
/// returns each result in order, errors included.
func concurrently<T>(_ count: Int, _ work: @escaping @Sendable (Int) throws -> T) -> [Result<T, Error>] {
    Array(0..<count).parallelResults(work)
}
