// Why a phrase became an entity: the scanner's rules, in the order it tries them, and the cue
// each found. `newsdex entities --explain` prints them; the word lists behind the cues are in
// EntityLexicon.

/// One rule of the extractor. The scanner cuts a text into runs of capitalized words; for each run
/// it tries the *run rules* (whole run) in order, then splits the run at gazetteer names and
/// titles and tries the *chunk rules* on each piece, in the order of `allCases`; the first rule
/// that holds types the phrase. The resolver then joins later mentions to what came first.
public enum EntityRule: String, Sendable, Hashable, Codable, CaseIterable {
    // Run rules (the whole run of capitalized words).
    /// A name the gazetteer knows, the longest one: "New South Wales" (never also "Wales").
    case gazetteer
    /// A nationality word ("Israeli", "Palestinians"): a mention of its country only when the
    /// text names the country itself; alone it is no entity (a nationality is not a place).
    case nationality
    /// Ends with an organization word ("Reserve Bank", "Labor Party", "Liberal Democrats"), a
    /// newspaper's after a place ("Chicago Tribune") or a plural after one (a team: "Brisbane
    /// Broncos"), or opens with one that goes before a name ("Channel Nine", "Team New Zealand").
    case organizationHead
    /// Ends with a place word: "Hume Highway", "Wall Street" (not after a title or given name:
    /// "Senator Hill", "Robert Hill").
    case placeHead
    /// An organization or place word opening a name with "of"/"for": "Institute for Defense
    /// Analyses", "People for the Ethical Treatment of Animals", "Republic of Korea".
    case headBeforeConnector
    // Chunk rules (a run split at gazetteer names and titles).
    /// An acronym the text spells out: "Korea Institute for Defense Analyses (KIDA)", "NIS".
    case acronymDefined
    /// An unknown acronym acting as an organization: "the ASIO", "FDA said", "NPR reported".
    case acronymCue
    /// Capitals inside a word, as brands write them: "PayPal", "JPMorgan Chase".
    case brandCapitals
    /// A personal name particle: "Osama bin Laden", "bin Laden", "Ursula von der Leyen".
    case nameParticle
    /// A title, role or speech verb before the name: "Senator", "spokesman", "said",
    /// "according to".
    case personCueBefore
    /// A speech verb or apposition after the name: "said", ", who", ", a professor", ", 52,",
    /// ", Minister of State", " – Minister of State", " as Minister of State".
    case personCueAfter
    /// A word after the name that makes it an organization: "analysts", "shares", "chief".
    case organizationCueAfter
    /// A word after the name that makes it a place: "border", "region", "crossing".
    case placeCueAfter
    /// A role at an organization: "economist at Wells Fargo".
    case affiliation
    /// Two to four capitalized words opening with a given name: "Shane Warne" (before the place
    /// cue: "to Tony Blair" is a person).
    case givenName
    /// A country inside a hyphenated word: "US-led", "Russian-made" (when the text names Russia).
    case compound
    /// A preposition or list of places: "in Ussuriysk", "Chongjin, Hamhung and Musudan".
    case placeCue
    /// Two or three capitalized words ending with a known surname, no cue of a place before
    /// them: "Rajiv Shukla, Pramod Tiwari".
    case knownSurname
    // Resolver rules (a mention with no cue of its own).
    /// A word or two with no cue, that the text names with a cue elsewhere.
    case confirmed
    /// A surname, "Mr X" or shortened name of a person the text names in full: "Bush".
    case surname
    /// A shortened organization name: "Pacific Fleet" after "Russian Pacific Fleet".
    case shortOrganization

    /// One line for `--explain`.
    public var summary: String {
        switch self {
        case .gazetteer: "a name in the gazetteer"
        case .nationality: "a nationality word of a country the text names"
        case .organizationHead: "an organization word ends or opens it"
        case .placeHead: "ends with a place word"
        case .headBeforeConnector: "an organization or place word opening the name"
        case .acronymDefined: "an acronym the text spells out"
        case .acronymCue: "an acronym acting as an organization"
        case .brandCapitals: "capitals inside a word"
        case .nameParticle: "a personal name particle"
        case .personCueBefore: "a title, role or speech verb before it"
        case .personCueAfter: "a speech verb or apposition after it"
        case .organizationCueAfter: "an organization word after it"
        case .placeCueAfter: "a place word after it"
        case .affiliation: "a role at an organization"
        case .placeCue: "a preposition or list of places"
        case .compound: "a country inside a hyphenated word"
        case .givenName: "opens with a given name"
        case .knownSurname: "ends with a known surname"
        case .confirmed: "named with a cue elsewhere in the text"
        case .surname: "a shortened name of a person named in full"
        case .shortOrganization: "a shortened name of an organization named in full"
        }
    }
}

/// Why one mention counts as an entity: the rule and the word that cued it.
public struct EntityEvidence: Sendable, Hashable, Codable {
    public var rule: EntityRule
    /// The cue as written ("said", "Senator", "in"), or the full name a mention resolved to.
    public var cue: String
    /// The mention as written.
    public var mention: String

    public init(rule: EntityRule, cue: String, mention: String) {
        self.rule = rule
        self.cue = cue
        self.mention = mention
    }
}
