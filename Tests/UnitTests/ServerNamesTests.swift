import SQLText
import Testing

/// Names cut as the server cuts them (`pg_mbcliplen`, `makeObjectName`).
struct ServerNamesTests {
    @Test func aNameThatFitsIsKeptWhole() {
        #expect(ServerNames.clipped("orders", toBytes: 63) == "orders")
        #expect(ServerNames.clipped("", toBytes: 0) == "")
    }

    @Test func aLongNameIsCutAtItsByteLimitNeverInsideACharacter() {
        #expect(ServerNames.clipped(String(repeating: "a", count: 70), toBytes: 63) == String(repeating: "a", count: 63))
        // "é" is two bytes: 31 of them fill 62 bytes, and a 32nd would pass 63.
        #expect(ServerNames.clipped(String(repeating: "é", count: 40), toBytes: 63) == String(repeating: "é", count: 31))
        #expect(ServerNames.clipped("ab€", toBytes: 4) == "ab")
    }

    @Test func anObjectNameCutsTheLongerNameFirst() {
        let table = String(repeating: "t", count: 40), column = String(repeating: "c", count: 30)
        let name = ServerNames.objectName(table, column, label: "seq")
        #expect(name.utf8.count == 63)
        // 58 bytes for the two names: the table's cut to 30, then each in turn, as indexcmds.c does.
        #expect(name == String(repeating: "t", count: 29) + "_" + String(repeating: "c", count: 29) + "_seq")
    }
}
