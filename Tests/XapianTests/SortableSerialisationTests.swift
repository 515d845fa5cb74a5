import Testing
import Xapian

@Test func sortableSerialisationRoundTripsAndOrders() {
    for value in [-1e9, -1.5, 0, 0.25, 42, 1e12] {
        #expect(sortableUnserialise(sortableSerialise(value)) == value)
    }
    #expect(sortableSerialise(9).lexicographicallyPrecedes(sortableSerialise(10)))
    #expect(sortableSerialise(-3).lexicographicallyPrecedes(sortableSerialise(2)))
}
