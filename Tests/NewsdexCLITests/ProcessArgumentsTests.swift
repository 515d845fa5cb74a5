import CProcessArguments
import Testing

@Suite struct ProcessArgumentsTests {
    /// The arguments captured at start are the process's own: what the Swift runtime reads for
    /// CommandLine.arguments in this (dynamically linked) test process, and what the release
    /// build's runtime is given instead of its own reading.
    @Test func argumentsCapturedAtStartAreTheProcesss() throws {
        var count: Int32 = -1
        let argv = try #require(cpa_arguments(&count))
        let captured = (0..<Int(count)).map { String(cString: argv[$0]!) }
        #expect(argv[Int(count)] == nil)
        #expect(!captured.isEmpty)
        #expect(captured == CommandLine.arguments)
    }
}
