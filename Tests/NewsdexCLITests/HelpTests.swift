import Foundation
import Testing

@Test func helpExitsZeroAndNamesTheTool() throws {
    let result = try runNewsdex(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("newsdex"))
}
