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

@Test func aQueryShowsItsTreeNodeByNode() throws {
    let fox = Query(term: "fox")
    guard case .term(let term) = fox.node else { Issue.record("a term query is a term: \(fox)"); return }
    #expect(term == "fox")
    let tree = Query(.andNot, [Query(.phrase, [fox, Query(term: "dog")], window: 2), Query.wildcard("ca")])
    guard case .combination(.andNot, let parts) = tree.node, parts.count == 2,
        case .combination(.phrase, let words) = parts[0].node, case .wildcard = parts[1].node
    else { Issue.record("not the tree built: \(tree)"); return }
    #expect(words.map { $0.terms() } == [["fox"], ["dog"]])
    guard case .valueRange = Query.valueRange(slot: 1, from: "a", to: "b").node,
        case .valueRange = Query.valueLessOrEqual(slot: 1, "a").node,
        case .matchAll = Query.matchAll.node, case .matchNothing = Query.matchNothing.node
    else { Issue.record("leaves of other kinds misread"); return }
    for op in Query.Operator.allCases {
        // Two terms stay combined (Xapian folds a combination of one into it).
        let combined = Query(op, [fox, Query(term: "cat")])
        guard case .combination(let read, _) = combined.node else { Issue.record("\(op) not read as a combination"); continue }
        #expect(read == op)
    }
}
