// swift-tools-version:6.0
import PackageDescription

// One module per job; imports run one way, leaves first:
// Support, SQLText → PostgresClient → EmbeddedServer; SchemaModel → Introspection; Migrations →
// Replay → Diff → Drift → schemactl (the command line, the only module that prints).
let package = Package(
    name: "schemactl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schemactl", targets: ["schemactl"]),
        .library(name: "SchemactlKit", targets: [
            "Support", "SQLText", "PostgresClient", "EmbeddedServer", "SchemaModel", "Introspection", "Migrations",
            "Replay", "Diff", "SQLGeneration", "Release", "Drift", "Lint",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // Leaves: nothing of PostgreSQL's servers or of the schema model.
        .target(name: "Support"),
        .target(name: "SQLText"),
        // A connection to a server, and nothing else.
        .target(name: "PostgresClient", dependencies: ["CLibPQ", "SQLText"]),
        // The throw-away server: binaries, initdb, start, stop, clean-up, scratch databases.
        .target(name: "EmbeddedServer", dependencies: ["CLibPQ", "PostgresClient", "SQLText", "Support"]),
        .target(name: "SchemaModel", dependencies: ["SQLText"]),
        .target(name: "Introspection", dependencies: ["PostgresClient", "SchemaModel", "SQLText", "Support"]),
        .target(name: "Migrations", dependencies: ["PostgresClient", "SQLText", "Support", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Replay", dependencies: ["PostgresClient", "EmbeddedServer", "Migrations", "Introspection", "SchemaModel", "SQLText", "Support"]),
        .target(name: "Diff", dependencies: ["SchemaModel", "SQLText", "Support"]),
        // Typed changes to ordered statements with their hazards, and the consolidated schema: pure, no connection.
        .target(name: "SQLGeneration", dependencies: ["SchemaModel", "Diff", "SQLText", "Support", .product(name: "Crypto", package: "swift-crypto")]),
        // Workflows that span the pipeline: plans proved on a scratch database, consolidation.
        .target(name: "Release", dependencies: ["SQLGeneration", "Replay", "Diff", "Migrations", "SchemaModel", "PostgresClient", "Introspection", "EmbeddedServer", "Support"]),
        // Rules over each migration, with the replayed schema before and after it and the planner's hazards.
        .target(name: "Lint", dependencies: ["SQLText", "SchemaModel", "SQLGeneration", "Migrations", "Replay", "Introspection",
                                            "PostgresClient", "EmbeddedServer"]),
        // Environments against their own history: replay of what each applied, diffed with what it has.
        .target(name: "Drift", dependencies: ["Replay", "Diff", "Migrations", "Introspection", "PostgresClient", "SchemaModel",
                                             .product(name: "TOMLKit", package: "TOMLKit")]),
        .executableTarget(
            name: "schemactl",
            dependencies: [
                "PostgresClient", "EmbeddedServer", "Migrations", "Introspection", "Replay", "Diff", "Drift",
                "SchemaModel", "Support", "SQLGeneration", "SQLText", "Release", "Lint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmarks' synthetic schemas and their variants, shared with the tests that prove plans at scale.
        .target(name: "Synthetic", dependencies: ["SQLGeneration", "SQLText", "SchemaModel"]),
        // Benchmarks beside the reference tools: `swift run -c release schemactl-bench inspect --tables 5000`.
        .executableTarget(
            name: "schemactl-bench",
            dependencies: ["PostgresClient", "EmbeddedServer", "Introspection", "SchemaModel", "Migrations", "Synthetic", "Diff",
                           "SQLGeneration", "Release", "Replay", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["PostgresClient", "EmbeddedServer", "Replay"],
            path: "Tests/TestSupport"
        ),
        // Tests that need no server: the lexer, names, hashing, the directory, secrets, identities, the
        // diff and its reports on model JSON, the environments file. `swift test --filter UnitTests` runs them in seconds.
        .testTarget(
            name: "UnitTests",
            dependencies: ["SQLText", "Migrations", "PostgresClient", "EmbeddedServer", "SchemaModel", "Diff", "Drift", "Replay", "SQLGeneration", "Lint",
                           "Synthetic"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "EmbeddedServer", "TestSupport"]),
        .testTarget(name: "MigrationsTests", dependencies: ["Migrations", "PostgresClient", "EmbeddedServer", "TestSupport"]),
        .testTarget(
            name: "IntrospectionTests",
            dependencies: ["Introspection", "SchemaModel", "Diff", "Migrations", "PostgresClient", "EmbeddedServer", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ReplayTests",
            dependencies: ["Replay", "Migrations", "Introspection", "SchemaModel", "PostgresClient", "EmbeddedServer", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DiffTests",
            dependencies: ["Diff", "Introspection", "SchemaModel", "PostgresClient", "TestSupport"]
        ),
        .testTarget(
            name: "GenerationTests",
            dependencies: ["SQLGeneration", "SQLText", "Release", "Diff", "Introspection", "SchemaModel", "Replay", "PostgresClient", "EmbeddedServer",
                           "TestSupport", "Synthetic", "Support"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DriftTests",
            dependencies: ["Drift", "Replay", "Diff", "Migrations", "PostgresClient", "EmbeddedServer", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Replay", "TestSupport"]),
        // Runs the built `schemactl` binary: exit codes and messages as a user sees them.
        .testTarget(name: "SchemactlTests", dependencies: ["PostgresClient", "EmbeddedServer", "Migrations", "Introspection", "SchemaModel", "Replay", "TestSupport", "Support"]),
    ]
)
