import ArgumentParser
import EmbeddedServer
import Foundation
import Drift
import Introspection
import Migrations
import PostgresClient
import Replay
import Support

/// How a SOURCE is read: which migrations a directory contributes, where
/// replays run, whether the replay cache is used.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The server for scratch databases (default: $SCHEMACTL_SCRATCH_URL, else the embedded server).", valueName: "URL"))
    var scratch: String?

    @Flag(name: .long, help: "Replay pending/ too (default: archive/ and applied/, what production should have).")
    var includePending = false

    @Flag(name: .long, help: "Replay even if .schemactl/cache holds the result, and read a live database whole even if its catalog has not changed since the last read (~/.cache/schemactl/databases).")
    var noCache = false

    @Flag(name: .long, help: "Replay as the embedded server's superuser, for a history that needs one (default: an unprivileged role).")
    var trustedSQL = false

    /// How this command replays: progress and warnings on stderr; the roles of
    /// `[replay] roles` in ./schemactl.toml, when there is one.
    var replay: MigrationReplay {
        get throws {
            var replay = MigrationReplay(scratch: scratch, useCache: !noCache, progress: ProgressLine.shared.report,
                            warn: { message in
                                guard !ExitCleanup.isInterrupted else { return }
                                ProgressLine.shared.clear()
                                Terminal.error("warning: " + message)
                            })
            replay.trustedSQL = trustedSQL
            if FileManager.default.fileExists(atPath: Self.settingsFile) {
                replay.roles = try EnvironmentsFile.load(Self.settingsFile).replayRoles
            }
            return replay
        }
    }

    static let settingsFile = "schemactl.toml"

    /// Where live databases' models (and the proofs between them) are kept; nil with --no-cache.
    /// Written in the background: `Schemactl.main` waits for the writes before it exits.
    var databaseMemory: DatabaseModelCache? {
        noCache ? nil : DatabaseModelCache.standard(writesInBackground: true)
    }

    func loader(filter: SchemaFilter) throws -> ModelLoader {
        var loader = ModelLoader(filter: filter, replay: try replay, includePending: includePending)
        loader.databaseMemory = databaseMemory
        return loader
    }
}

/// `[137/512] 20240301_add_index_on_deals` on stderr, when stderr is a terminal
/// and the replay has lasted more than a second.
final class ProgressLine: Sendable {
    static let shared = ProgressLine()
    /// When the replay began, and whether a line is on the screen.
    private let state = Mutex((started: ContinuousClock.Instant?.none, shown: false))
    private let interactive = isatty(STDERR_FILENO) == 1

    var report: @Sendable (Int, Int, MigrationFile) -> Void {
        { [self] position, total, file in self.update(position, total, file) }
    }

    private func update(_ position: Int, _ total: Int, _ file: MigrationFile) {
        guard interactive else { return }
        state.withLock { state in
            let now = ContinuousClock.now
            if position == 1 || state.started == nil { state.started = now }
            guard let started = state.started, now - started > .seconds(1) else { return }
            let name = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
            FileHandle.standardError.write(Data("\r\u{1B}[K[\(position)/\(total)] \(name)".utf8))
            state.shown = true
            if position == total { Self.finish(&state.shown) }
        }
    }

    /// Clears a progress line left on the terminal, before an error or an interrupt message.
    func clear() {
        state.withLock { Self.finish(&$0.shown) }
    }

    private static func finish(_ shown: inout Bool) {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
