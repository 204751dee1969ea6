import Foundation

/// What the start of an embedded server has made so far (its folder, initdb,
/// the postmaster), so that an interrupt before the server is ready removes
/// it all. Spawning and recording happen under one lock with the interrupt's
/// clean-up: a program is either started and then killed, or never started.
final class StartupGuard: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var folder: String?
    private var children: [pid_t] = []
    private var token = 0

    init() {
        token = ExitCleanup.register { [weak self] in self?.cancel() }
    }

    /// The start finished: the server's own clean-up takes over.
    func finish() {
        ExitCleanup.unregister(token)
    }

    /// Makes the start's folder under the lock, unless an interrupt came first:
    /// the clean-up then either sees the folder and removes it, or it is never made.
    func makeFolder(_ make: () throws -> URL) throws -> URL {
        lock.lock(); defer { lock.unlock() }
        if cancelled { throw StartupInterrupted() }
        let made = try make()
        folder = made.path
        return made
    }

    /// Runs `spawn` (which returns the new pid, or nil when it failed) under the guard's lock.
    static func launch(in startup: StartupGuard?, _ spawn: () -> pid_t?) throws -> Bool {
        guard let startup else { return spawn() != nil }
        startup.lock.lock(); defer { startup.lock.unlock() }
        if startup.cancelled { throw StartupInterrupted() }
        guard let pid = spawn() else { return false }
        startup.children.append(pid)
        return true
    }

    private func cancel() {
        lock.lock(); defer { lock.unlock() }
        cancelled = true
        // Newest first: the postmaster, then initdb if it still runs.
        for pid in children.reversed() where OrphanedServers.isAlive(pid) {
            for (signalNumber, seconds) in [(SIGQUIT, 3.0), (SIGKILL, 2.0)] {
                kill(pid, signalNumber)
                let deadline = Date().addingTimeInterval(seconds)
                while OrphanedServers.isAlive(pid), Date() < deadline { usleep(5_000) }
                if !OrphanedServers.isAlive(pid) { break }
            }
        }
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
}

/// The start of an embedded server was cut short by an interrupt.
struct StartupInterrupted: Error, CustomStringConvertible {
    var description: String { "interrupted while starting the embedded server" }
}
