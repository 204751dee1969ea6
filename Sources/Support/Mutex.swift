import Foundation

/// A value shared between threads, reached only under its lock: the one place
/// the project writes `@unchecked Sendable` for shared mutable state (as GRDB's
/// and swift-argument-parser's `Mutex` do). The standard library's
/// `Synchronization.Mutex` needs macOS 15; this needs nothing.
public final class Mutex<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, under the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value.
    public var current: Value {
        withLock { $0 }
    }
}
