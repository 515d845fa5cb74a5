// A name found in a text before resolution: what the scanner saw, and how sure it is.

struct EntityCandidate: Sendable {
    enum Evidence: Sendable {
        /// A gazetteer name: type and canonical name are final.
        case gazetteer
        /// Context made the type clear (a title, "said", "in", an organization word).
        case context
        /// A capitalized word or two with no cue: an entity only if the text names it elsewhere
        /// ("Putin" after "Vladimir Putin"), or in a headline.
        case unconfirmed
        /// Capitals not in the gazetteer ("SOF"): an organization if the text spells it out.
        case acronym
    }

    /// The name as written, possessive removed, words separated by single spaces.
    var surface: String
    /// The type the context gave; nil when unconfirmed.
    var type: EntityType?
    /// The canonical name when known (gazetteer), else nil.
    var canonical: String?
    var evidence: Evidence
    /// The rule that made this phrase a candidate, and its cue as written.
    var rule: EntityRule
    var cue: String
    var wordCount: Int
    /// Index of the first word, for ordering.
    var position: Int
}
