import Testing
import Xapian

@Test func catchPatternMatchesByCode() {
    func fail() throws { throw XapianError(code: .databaseLocked, message: "held") }
    var matched = false
    do {
        try fail()
    } catch XapianError.databaseLocked {
        matched = true
    } catch {
        Issue.record("unexpected \(error)")
    }
    #expect(matched)
}

@Test func catchPatternDoesNotMatchOtherCodesOrErrors() {
    struct Unrelated: Error {}
    #expect(!(XapianError.databaseLocked ~= XapianError(code: .network, message: "")))
    #expect(!(XapianError.databaseLocked ~= Unrelated()))
}
