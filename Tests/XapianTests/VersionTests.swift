import Testing
import Xapian

@Test func linkedVersionIsXapianOnePointFour() {
    #expect(xapianVersion.hasPrefix("1.4."))
}
