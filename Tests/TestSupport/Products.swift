import Foundation

/// Where SwiftPM put the binaries of this package (tests build them too).
public enum Products {
    public static var directory: URL {
        let bundle = Bundle.main.bundleURL
        // macOS: …/debug/X.xctest (a folder); Linux: the test executable's folder.
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    public static var schemactl: URL { directory.appendingPathComponent("schemactl") }
}
