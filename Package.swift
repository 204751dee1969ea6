// swift-tools-version:6.0
import PackageDescription

// One module per job, as in DESIGN.md: the folder tree shows the pipeline
// sources → Replay → Introspection → SchemaModel → Diff / SQLGeneration.
let package = Package(
    name: "schemactl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schemactl", targets: ["schemactl"]),
        .library(name: "SchemactlKit", targets: [
            "PostgresClient", "SchemaModel", "Introspection", "Migrations",
            "Replay", "Diff", "Drift", "SQLGeneration", "Lint",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "PostgresClient", dependencies: ["CLibPQ", "SchemaModel"]),
        .target(name: "SchemaModel"),
        .target(name: "Introspection", dependencies: ["PostgresClient", "SchemaModel"]),
        .target(name: "Migrations", dependencies: ["PostgresClient"]),
        .target(name: "Replay", dependencies: ["PostgresClient", "Migrations", "Introspection", "SchemaModel"]),
        .target(name: "Diff", dependencies: ["SchemaModel"]),
        .target(name: "SQLGeneration", dependencies: ["SchemaModel", "Diff"]),
        .target(name: "Lint", dependencies: ["Migrations"]),
        // Environments against their own history: replay of what each applied, diffed with what it has.
        .target(name: "Drift", dependencies: ["Replay", "Diff", "Migrations", "Introspection", "PostgresClient", "SchemaModel"]),
        .executableTarget(
            name: "schemactl",
            dependencies: [
                "PostgresClient", "Migrations", "Introspection", "Replay", "Diff", "Drift",
                "SQLGeneration", "Lint", "SchemaModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks beside the reference tools: `swift run -c release schemactl-bench inspect --tables 5000`.
        .executableTarget(
            name: "schemactl-bench",
            dependencies: ["PostgresClient", "Introspection", "SchemaModel", "Migrations", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["PostgresClient", "SchemaModel", "Replay"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "TestSupport"]),
        .testTarget(
            name: "MigrationsTests",
            dependencies: ["Migrations", "PostgresClient", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "IntrospectionTests",
            dependencies: ["Introspection", "SchemaModel", "Migrations", "PostgresClient", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ReplayTests",
            dependencies: ["Replay", "Migrations", "Introspection", "SchemaModel", "PostgresClient", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DiffTests",
            dependencies: ["Diff", "Introspection", "SchemaModel", "PostgresClient", "TestSupport"]
        ),
        .testTarget(
            name: "DriftTests",
            dependencies: ["Drift", "Replay", "Diff", "Migrations", "PostgresClient", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        // Runs the built `schemactl` binary: exit codes and messages as a user sees them.
        .testTarget(name: "SchemactlTests", dependencies: ["PostgresClient", "Migrations", "Introspection", "SchemaModel", "Replay", "TestSupport"]),
    ]
)
