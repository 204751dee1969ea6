import Foundation

/// Runs registered clean-ups when the process ends: at `exit`, and on SIGINT,
/// SIGTERM and SIGHUP.
///
/// This is how an embedded server, its folder and a scratch database disappear
/// on Ctrl-C too. The embedded server runs in a process group of its own, so a
/// terminal's Ctrl-C reaches only us, and we stop it in order.
public enum ExitCleanup {
    private static let state = CleanupState()

    /// Registers `action`; returns a token for `unregister`. After an interrupt
    /// has begun the clean-up, `action` runs at once instead.
    @discardableResult
    public static func register(_ action: @escaping @Sendable () -> Void) -> Int {
        state.installOnce(finish: nil)
        return state.add(action)
    }

    public static func unregister(_ token: Int) {
        state.remove(token)
    }

    /// Runs and forgets every registered action, newest first.
    public static func runAll() {
        for action in state.takeAll() { action() }
    }

    /// For a command-line program: on a signal, run every clean-up, then hand
    /// the signal to `finish`, which ends the process its own way (the command
    /// line prints one line and exits 128 + the signal's number, as shells
    /// report it). Call it first thing, so that no moment of a run ignores an
    /// interrupt. Without it, a signal runs the clean-ups and is re-raised.
    public static func installSignalHandlers(finish: @escaping @Sendable (Int32) -> Never) {
        state.installOnce(finish: finish)
    }

    /// Whether a signal has begun the clean-up.
    public static var isInterrupted: Bool { state.interrupted }

    /// A failure that follows an interrupt (a query cut short) is not news:
    /// wait here while the signal handler finishes and ends the process.
    public static func waitIfInterrupted() {
        guard state.interrupted else { return }
        while true { sleep(60) }
    }
}

/// The pipe between the signal handler (which may only call async-signal-safe
/// functions: `write`) and the thread that cleans up. Made before the handler
/// is installed, so the handler reads an initialised constant.
private enum SignalPipe {
    static let descriptors: (read: Int32, write: Int32) = {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        return (fds[0], fds[1])
    }()
}

private final class CleanupState: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [(Int, @Sendable () -> Void)] = []
    private var next = 0
    private var installed = false
    private var finish: (@Sendable (Int32) -> Never)?
    private var interruptedFlag = false

    var interrupted: Bool {
        lock.lock(); defer { lock.unlock() }
        return interruptedFlag
    }

    func add(_ action: @escaping @Sendable () -> Void) -> Int {
        lock.lock()
        if interruptedFlag {
            lock.unlock()
            // The handler has already taken the list: this one would be missed.
            action()
            return 0
        }
        defer { lock.unlock() }
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

    func installOnce(finish: (@Sendable (Int32) -> Never)?) {
        lock.lock(); defer { lock.unlock() }
        if let finish { self.finish = finish }
        guard !installed else { return }
        installed = true
        atexit { ExitCleanup.runAll() }
        // A handler of our own that only writes the signal's number to a pipe,
        // read by a thread that runs the clean-up. Not `SIG_IGN` plus a dispatch
        // signal source: a signal arriving between the two was discarded, and a
        // run interrupted in its first milliseconds went on to the end (caught by
        // SignalTests).
        _ = SignalPipe.descriptors
        let reader = Thread { [self] in
            while true {
                var byte: UInt8 = 0
                let count = read(SignalPipe.descriptors.read, &byte, 1)
                if count == 1 { handle(Int32(byte)) } else if count < 0, errno != EINTR { return }
            }
        }
        reader.start()
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(SignalPipe.descriptors.write, &byte, 1)
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signalNumber, &action, nil)
        }
    }

    private func handle(_ signalNumber: Int32) {
        lock.lock()
        let first = !interruptedFlag
        interruptedFlag = true
        let finish = finish
        lock.unlock()
        guard first else { return }
        guard let finish else {
            ExitCleanup.runAll()
            signal(signalNumber, SIG_DFL)
            // Process-directed, so that any thread may take it.
            kill(getpid(), signalNumber)
            return
        }
        // A command line says one thing after an interrupt: the line `finish` writes. While the
        // clean-ups stop servers, whatever else would reach stderr (a connection cut short, a
        // child's complaint) is not news; CI once saw libpq's "FATAL:  terminating connection
        // due to administrator command" before that line. So stderr points at /dev/null until
        // the clean-ups are done.
        let saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY)
        if saved >= 0, null >= 0 { dup2(null, STDERR_FILENO) }
        ExitCleanup.runAll()
        if saved >= 0, null >= 0 { dup2(saved, STDERR_FILENO) }
        for descriptor in [saved, null] where descriptor >= 0 { close(descriptor) }
        finish(signalNumber)
    }
}
