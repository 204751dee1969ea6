import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core: `transform` runs once per element, concurrently, and
    /// the results come back in order. For independent, sizeable work (reading
    /// databases, comparing objects); each result goes to its own slot.
    public func parallelMap<T>(_ transform: @Sendable (Element) throws -> T) rethrows -> [T] {
        let slots = Mutex([Result<T, Error>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            let result = Result { try transform(self[offset]) }
            slots.withLock { $0[offset] = result }
        }
        return try slots.current.map { slot -> T in
            switch slot! {
            case let .success(value): return value
            case let .failure(error): throw error
            }
        }
    }

    /// Like `parallelMap`, but every element's outcome, failures included (several
    /// databases read at once: one unreachable must not hide the others).
    public func parallelResults<T>(_ transform: @Sendable (Element) throws -> T) -> [Result<T, Error>] {
        let slots = Mutex([Result<T, Error>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            let result = Result { try transform(self[offset]) }
            slots.withLock { $0[offset] = result }
        }
        return slots.current.map { $0! }
    }
}
