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

    /// `map` on every core for many small pieces of work (reading a file, scanning a text),
    /// where a task per element costs more than the element: at most 8 tasks, each of at
    /// least `minimumChunk` elements, taking every n-th element (strided, so that large and
    /// small elements spread), each with a `context` of its own (a buffer used again). The
    /// results come back in order.
    public func parallelMapInChunks<Context, T>(minimumChunk: Int, context: @Sendable () -> Context,
                                                _ transform: @Sendable (inout Context, Element) -> T) -> [T] {
        let chunks = Swift.max(1, Swift.min(8, count / Swift.max(1, minimumChunk)))
        let parts = Array<Int>(0..<chunks).parallelMap { chunk in
            var state = context()
            return stride(from: chunk, to: count, by: chunks).map { (index: $0, value: transform(&state, self[$0])) }
        }
        var results = [T?](repeating: nil, count: count)
        for part in parts {
            for entry in part { results[entry.index] = entry.value }
        }
        return results.map { $0! }
    }

    /// `parallelMapInChunks` where each element needs nothing but itself.
    public func parallelMapInChunks<T>(minimumChunk: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        parallelMapInChunks(minimumChunk: minimumChunk, context: {}) { _, element in transform(element) }
    }
}
