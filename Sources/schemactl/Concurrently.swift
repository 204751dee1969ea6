import Dispatch
import Foundation

/// Runs `work` for 0..<count at once (live databases are read concurrently) and
/// returns each result in order, errors included.
func concurrently<T>(_ count: Int, _ work: @escaping @Sendable (Int) throws -> T) -> [Result<T, Error>] {
    let box = ResultsBox<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        box.set(index, Result { try work(index) })
    }
    return box.results
}

private final class ResultsBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<T, Error>?]

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, Error>) {
        lock.lock(); stored[index] = result; lock.unlock()
    }

    var results: [Result<T, Error>] {
        lock.lock(); defer { lock.unlock() }
        return stored.map { $0! }
    }
}
