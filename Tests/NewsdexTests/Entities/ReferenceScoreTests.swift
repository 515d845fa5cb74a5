// Scores the extractor against the hand-made reference annotation of the LBC seed article.
//
// Input: the Article the parser would produce from the reference's page structure: its title,
// its body lines (`body_lines`) and its caption texts; credits and the byline are not article
// text and are never scanned. A reference entity found only in zones we do not scan ("credit",
// "byline": Alamy, Katy Ronkin) counts neither way in the asserted score, like `optional`;
// the strict score, which counts them as misses, is printed too.
import Foundation
import TestSupport
import Testing

@testable import Newsdex

struct ReferenceScoreTests {
    struct Reference: Decodable {
        var documents: [String: Document]
    }

    struct Document: Decodable {
        var title: String
        var body_lines: [Int]
        var captions: [ReferenceCaption]
        var persons: [ReferenceEntity]
        var places: [ReferenceEntity]
        var organizations: [ReferenceEntity]
        var norp: [ReferenceEntity]
    }

    struct ReferenceCaption: Decodable {
        var caption: String
        var credit: String?
    }

    struct ReferenceEntity: Decodable {
        var canonical: String
        var aliases: [String]
        var zones: [String]
        var optional: Bool?
        var alt_types: [String]?
    }

    static let scannedZones: Set<String> = ["title", "body", "caption"]

    static func normalized(_ name: String) -> String {
        var name = name.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        if name.hasPrefix("the ") { name.removeFirst(4) }
        return name.split(separator: " ").joined(separator: " ")
    }

    static func type(ofReferenceLabel label: String) -> EntityType? {
        switch label {
        case "PERSON": return .person
        case "PLACE", "GPE", "LOC": return .place
        case "ORG": return .organization
        default: return nil
        }
    }

    struct Score {
        var truePositives = 0, falsePositives = 0, found = 0, expected = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
    }

    /// Precision and recall per type and overall ("all"); `strict` counts unscanned zones too.
    static func score(predicted: [Entity], document: Document, strict: Bool) -> [String: Score] {
        struct Target {
            var type: EntityType
            var names: Set<String>
            var acceptedTypes: Set<EntityType>
            var scored: Bool
        }
        var targets: [Target] = []
        for (type, entities) in [(EntityType.person, document.persons), (.place, document.places),
                                 (.organization, document.organizations)] {
            for entity in entities {
                let inScope = strict || !Self.scannedZones.isDisjoint(with: entity.zones)
                var accepted: Set<EntityType> = [type]
                for label in entity.alt_types ?? [] { if let alt = Self.type(ofReferenceLabel: label) { accepted.insert(alt) } }
                targets.append(Target(
                    type: type, names: Set(([entity.canonical] + entity.aliases).map(normalized)),
                    acceptedTypes: accepted, scored: inScope && entity.optional != true))
            }
        }
        // Nationalities are not scored: a prediction naming one is neutral, never a hit.
        let neutralNames = Set(document.norp.flatMap { [$0.canonical] + $0.aliases }.map(normalized))
        var scores: [String: Score] = [:]
        var hit = Set<Int>()
        for entity in predicted {
            let name = normalized(entity.name)
            let matches = targets.indices.filter {
                targets[$0].names.contains(name) && targets[$0].acceptedTypes.contains(entity.type)
            }
            if matches.isEmpty {
                if neutralNames.contains(name) { continue }
                scores[entity.type.rawValue, default: Score()].falsePositives += 1
                scores["all", default: Score()].falsePositives += 1
            } else if matches.contains(where: { targets[$0].scored }) {
                scores[entity.type.rawValue, default: Score()].truePositives += 1
                scores["all", default: Score()].truePositives += 1
                hit.formUnion(matches.filter { targets[$0].scored })
            }
        }
        for (index, target) in targets.enumerated() where target.scored {
            scores[target.type.rawValue, default: Score()].expected += 1
            scores["all", default: Score()].expected += 1
            if hit.contains(index) {
                scores[target.type.rawValue, default: Score()].found += 1
                scores["all", default: Score()].found += 1
            } else {
                print("missed \(target.type.rawValue): \(target.names.sorted().first ?? "")")
            }
        }
        return scores
    }

    @Test func lbcSeedScoresAtLeastPointNine() throws {
        let url = try #require(Bundle.module.url(
            forResource: "lbc-reference", withExtension: "json", subdirectory: "Fixtures"))
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let document = try #require(reference.documents.values.first)
        let folder = Seeds.corpus.appendingPathComponent("LBC")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .sorted().first { $0.hasPrefix("000_") })
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        // Lines of the file as `cat -n` numbers them, as the reference does.
        let lines = text.components(separatedBy: "\n")
        let article = Article(
            id: name, source: "LBC", title: document.title,
            paragraphs: document.body_lines.map { lines[$0 - 1] },
            captions: document.captions.map { Caption(text: $0.caption, credit: $0.credit) })

        let predicted = EntityExtractor().entities(of: article).all
        for entity in predicted { print("predicted \(entity.type.rawValue): \(entity.name)") }
        for strict in [false, true] {
            let scores = Self.score(predicted: predicted, document: document, strict: strict)
            print(strict ? "strict (credit and byline entities count as misses):" : "scanned zones:")
            for key in ["person", "place", "organization", "all"] {
                let score = scores[key] ?? Score()
                print("  " + key.padding(toLength: 13, withPad: " ", startingAt: 0) + String(
                    format: "precision %.3f (%d/%d)  recall %.3f (%d/%d)", score.precision, score.truePositives, score.truePositives + score.falsePositives,
                    score.recall, score.found, score.expected))
            }
            if !strict {
                #expect(scores["all"]!.precision >= 0.9)
                #expect(scores["all"]!.recall >= 0.9)
            }
        }
    }
}
