import Testing
import Xapian

@Test func queryConstructionAndDescription() {
    let fox = Query(term: "fox")
    let dog = Query(term: "dog", wdf: 2, position: 1)
    let both = Query(.and, [fox, dog])
    #expect(!both.isEmpty)
    #expect(both.terms() == ["dog", "fox"])
    #expect(both.description.contains("AND"))
    #expect(Query(.phrase, [fox, dog], window: 2).description.contains("PHRASE 2"))
    #expect(Query.matchNothing.isEmpty)
    #expect(!Query.matchAll.isEmpty)
    #expect(Query.wildcard("fo").description.contains("WILDCARD"))
    #expect(Query.valueRange(slot: 1, from: "a", to: "b").description.contains("VALUE_RANGE"))
    #expect(Query.valueGreaterOrEqual(slot: 1, "a").description.contains("VALUE_GE"))
    #expect(Query.valueLessOrEqual(slot: 1, "a").description.contains("VALUE_LE"))
}

@Test func aWildcardIsFoundAtAnyDepth() {
    let fox = Query(term: "fox")
    #expect(!fox.hasWildcard)
    #expect(!Query(.phrase, [fox, Query(term: "dog")], window: 2).hasWildcard)
    #expect(Query.wildcard("fo").hasWildcard)
    #expect(Query(.or, [fox, Query(.and, [Query(term: "dog"), Query.wildcard("ca")])]).hasWildcard)
}
