import Foundation

/// Runs registered clean-ups when the process ends: at `exit`, and on SIGINT,
/// SIGTERM and SIGHUP, after which the signal is delivered again with its
/// default action so the process still ends the way the user asked.
///
/// This is how an embedded server and its folder disappear on Ctrl-C too.
public enum ExitCleanup {
    private static let state = CleanupState()

    /// Registers `action`; returns a token for `unregister`.
    @discardableResult
    public static func register(_ action: @escaping @Sendable () -> Void) -> Int {
        state.installOnce()
        return state.add(action)
    }

    public static func unregister(_ token: Int) {
        state.remove(token)
    }

    /// Runs and forgets every registered action, newest first.
    public static func runAll() {
        for action in state.takeAll() { action() }
    }
}

private final class CleanupState: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [(Int, @Sendable () -> Void)] = []
    private var next = 0
    private var installed = false
    private var sources: [DispatchSourceSignal] = []

    func add(_ action: @escaping @Sendable () -> Void) -> Int {
        lock.lock(); defer { lock.unlock() }
        next += 1
        actions.append((next, action))
        return next
    }

    func remove(_ token: Int) {
        lock.lock(); defer { lock.unlock() }
        actions.removeAll { $0.0 == token }
    }

    func takeAll() -> [@Sendable () -> Void] {
        lock.lock(); defer { lock.unlock() }
        let taken = actions.reversed().map { $0.1 }
        actions.removeAll()
        return taken
    }

    func installOnce() {
        lock.lock(); defer { lock.unlock() }
        guard !installed else { return }
        installed = true
        atexit { ExitCleanup.runAll() }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                ExitCleanup.runAll()
                signal(signalNumber, SIG_DFL)
                // Process-directed: dispatch threads block signals, so raise() would not land.
                kill(getpid(), signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
