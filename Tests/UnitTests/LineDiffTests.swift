import Diff
import Testing

/// A changed body is shown as the lines that changed, with context, not twice whole.
@Suite struct LineDiffTests {
    static let body = (1...20).map { "line \($0)" }.joined(separator: "\n")

    @Test func oneChangedLineIsOneHunkWithThreeLinesAroundIt() {
        let changed = Self.body.replacingOccurrences(of: "line 10\n", with: "line ten\n")
        #expect(LineDiff.unified(Self.body, changed) == [
            "@@ -7,7 +7,7 @@", " line 7", " line 8", " line 9", "-line 10", "+line ten", " line 11", " line 12", " line 13",
        ])
    }

    @Test func changesFarApartAreTwoHunksNumberedInEachText() {
        let changed = "line 0\n" + Self.body.replacingOccurrences(of: "line 18\n", with: "")
        #expect(LineDiff.unified(Self.body, changed) == [
            "@@ -1,3 +1,4 @@", "+line 0", " line 1", " line 2", " line 3",
            "@@ -15,6 +16,5 @@", " line 15", " line 16", " line 17", "-line 18", " line 19", " line 20",
        ])
    }

    @Test func equalTextsGiveNoHunk() {
        #expect(LineDiff.unified(Self.body, Self.body) == [])
    }
}
