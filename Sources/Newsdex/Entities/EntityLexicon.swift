// The word lists that give capitalized words their meaning: titles, roles, cue words, and the
// common words whose capital at the start of a sentence or in a headline names nothing.

enum EntityLexicon {
    /// Lowercase words that may sit inside a name: "Institute for Far Eastern Studies",
    /// "Mohammed bin Salman", "Ursula von der Leyen".
    static let connectors: Set<String> = [
        "of", "for", "and", "&", "the", "on", "de", "du", "da", "dos", "la", "le", "al", "el", "bin", "ibn", "bint",
        "von", "van", "der", "den",
    ]
    /// Particles of personal names: they join capitalized words whatever comes before.
    static let nameParticles: Set<String> = [
        "de", "du", "da", "dos", "la", "le", "al", "el", "bin", "ibn", "von", "van", "der", "den",
    ]

    /// Capitalized titles before a name: "President Vladimir Putin", "Foreign Minister Lavrov".
    static let titles: Set<String> = [
        "president", "vice", "prime", "minister", "chancellor", "king", "queen", "prince",
        "princess", "pope", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "general",
        "gen", "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt", "admiral",
        "adm", "sergeant", "sgt", "marshal", "senator", "sen", "rep", "representative", "governor",
        "gov", "mayor", "secretary", "spokesman", "spokeswoman", "spokesperson", "chief",
        "director", "ambassador", "professor", "prof", "judge", "justice", "leader", "commander",
        "chairman", "chairwoman", "premier", "foreign", "defence", "defense", "interior", "finance",
        "deputy", "sheikh", "emir", "crown", "archbishop", "bishop", "cardinal", "rabbi", "imam",
        "detective", "inspector", "coach", "supreme", "acting", "former", "late", "opposition",
        "envoy", "counsel", "attorney", "chair", "chairperson", "executive", "officer", "ceo",
        "cfo", "coo", "founder", "treasurer", "commissioner", "director-general",
        "secretary-general", "vice-president", "president-elect", "attorney-general",
        "governor-general", "solicitor-general", "inspector-general", "lieutenant-general",
        "major-general", "brigadier", "superintendent", "constable", "reverend", "rev", "father",
        "shadow", "backbencher", "skipper", "mayor-elect", "senator-elect", "speaker",
        // Honorifics of Commonwealth, Gulf and South-East Asian news: "Alhaji Atiku Abubakar",
        // "Engr. X", "Shaikh Mohammed", "Datuk Seri Anwar", "Ruler of Dubai".
        "shaikh", "sheik", "alhaji", "alhaja", "hajiya", "mallam", "engr", "barr", "hon", "rt",
        "otunba", "pastor", "apostle", "evangelist", "prophet", "datuk", "dato", "datin", "tun",
        "maulana", "mufti", "ayatollah", "ruler", "monarch", "magistrate", "advocate",
        "ex-president", "ex-minister", "ex-governor",
    ]
    /// Titles that also open organization names ("General Motors", "Supreme Court", "Crown
    /// Resorts"): a run opening with one may still end with an organization or place word.
    static let titlesOpeningNames: Set<String> = [
        "general", "chief", "supreme", "crown", "foreign", "defence", "defense", "interior",
        "finance", "executive", "opposition", "prime", "vice", "deputy", "acting", "former", "late",
        "leader", "chair", "officer", "justice", "king", "queen", "prince", "princess", "lady",
        "lord", "sir", "father", "premier",
    ]
    /// Lines longer than this (in words) are never taken for a title-case headline.
    static let headlineMaxWords = 30
    /// Short words title case leaves in lowercase ("Troops Deployed in Russia").
    static let headlineMinorWords: Set<String> = [
        "a", "an", "in", "at", "to", "by", "with", "as", "is", "are", "from", "or",
    ]
    /// Particles that open a personal name written without its given name: "bin Laden",
    /// "von der Leyen", "de Villepin". A lowercase one of these before a capital starts a name.
    static let leadingNameParticles: Set<String> = ["bin", "ibn", "bint", "van", "von", "de", "der", "den"]
    /// Given names (generated from census lists, see GivenNamesData.swift): two to four
    /// capitalized words opening with one are a person ("Shane Warne").
    static let givenNames: Set<String> = Set(
        givenNamesData.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.lowercased() })
    /// Surnames (generated from Faker's lists, see SurnamesData.swift): two or three capitalized
    /// words ending with one, with no other cue, are a person ("Rajiv Shukla").
    static let surnames: Set<String> = Set(
        surnamesData.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.lowercased() })
    /// First words of place names: "Mount Everest", "Lake Eyre", "Cape Town".
    static let placeOpeners: Set<String> = ["mount", "mt", "lake", "port", "fort", "cape"]
    /// Heads before a connector that make a place rather than an organization: "Republic of".
    static let placeHeadsBeforeConnector: Set<String> = [
        "republic", "kingdom", "state", "states", "sea", "gulf", "strait", "bay", "isle", "island",
        "islands",
    ]
    /// Heads that open an organization only before "for": "People for the Ethical Treatment of
    /// Animals", "Campaign for Nuclear Disarmament" ("People of Australia" is no organization).
    static let headsBeforeFor: Set<String> = [
        "people", "campaign", "friends", "citizens", "doctors", "reporters", "physicians",
        "coalition", "alliance", "movement", "council", "centre", "center", "committee", "fund",
        "partnership", "network",
    ]
    /// First words of organization names written with their name after: "Channel Nine", "Radio
    /// National", "Team New Zealand".
    static let organizationOpeners: Set<String> = ["channel", "radio", "team", "club", "network"]
    /// "according to X": a name of two words or more after it is the source, a person, unless
    /// an organization or place word says otherwise.
    static let sourcePhrase = "according"
    /// Words before "to" that make it no place preposition: "according to", "due to".
    static let notPlaceBeforeTo: Set<String> = ["according", "due", "thanks", "next", "close", "prior"]
    /// Articles of an apposition after a name: "Lim Eul-chul, a professor".
    static let appositionArticles: Set<String> = ["a", "an", "the"]
    /// Prepositions between a role and an organization: "economist at Wells Fargo".
    static let affiliationPrepositions: Set<String> = ["at", "of", "with", "for"]
    /// Surname prefixes whose inner capital is not a brand's: "McDonald", "DeSantis".
    static let surnamePrefixes: [String] = ["Mc", "Mac", "De", "Di", "Da", "Le", "La", "Du", "Van", "Von", "Fitz", "St"]
    /// Words before an acronym that make it act as an organization: "the FDA", "told NPR".
    static let acronymCuesBefore: Set<String> = ["the", "told", "at", "by", "from", "with", "joined", "against"]
    /// Acronyms that name no organization: units, times, titles, diseases, measures.
    static let nonOrganizationAcronyms: Set<String> = [
        "AM", "PM", "GMT", "UTC", "AEDT", "AEST", "ACST", "ACDT", "AWST", "EST", "EDT", "PST", "PDT",
        "CET", "BST", "CEO", "CFO", "COO", "CTO", "MP", "MPS", "PM", "VIP", "TV", "DVD", "CD", "PC",
        "IT", "AI", "ID", "OK", "FM", "GDP", "GST", "VAT", "CPI", "IPO", "DNA", "RNA", "HIV", "AIDS",
        "SARS", "COVID", "MRI", "CT", "ICU", "ER", "KM", "KG", "MW", "GW", "KW", "MPH", "FAQ",
        "PDF", "USB", "SMS", "GPS", "PR", "HR", "QC", "QLD", "VIC", "WA", "SA", "NT", "TAS", "II",
        "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "NSW", "OBE", "MBE", "CBE", "AO", "AC",
        "AM", "PHD", "MBA", "BA", "MA", "LGBT", "LGBTQ", "RIP", "ASAP", "DIY", "ETA", "WMD", "POW",
        "POWS", "MIA", "UFO", "NYSE", "ASX", "FTSE", "NASDAQ", "AGM", "ATM", "LNG", "CO2", "URL",
        "APP", "VR", "EV", "OPINION", "UPDATE", "VIDEO", "WATCH", "LIVE",
    ]
    /// Abbreviations whose period does not end a sentence: "Apple Inc. said", "Mr. Kim".
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov",
        "jr", "sr", "prof", "inc", "corp", "ltd", "co", "no", "vs", "maj", "adm", "mt", "ft",
    ]
    /// Company-form suffixes left out of canonical names: "Apple Inc" is Apple.
    static let corporateSuffixes: Set<String> = [
        "inc", "corp", "ltd", "llc", "plc", "co", "ag", "sa", "nv", "gmbh", "spa",
    ]
    /// Last words of place names: "Wall Street", "Kerem Shalom Crossing", "Kursk Oblast".
    static let placeHeads: Set<String> = [
        "street", "avenue", "road", "square", "crossing", "bridge", "airport", "port", "station",
        "park", "mountains", "mountain", "river", "lake", "valley", "island", "islands", "beach",
        "hill", "hills", "province", "region", "district", "county", "oblast", "city", "town",
        "village", "camp", "peninsula", "desert", "canal", "coast", "plateau", "heights", "strait",
        "sea", "ocean", "gulf", "bay", "krai", "governorate", "prefecture", "territory",
        "stadium", "arena", "highway", "freeway", "motorway", "expressway", "range", "ranges",
        "reef", "creek", "plaza", "mall", "market", "keys", "lakes", "falls", "springs",
        "harbour", "harbor", "tunnel", "oval", "ground",
    ]
    /// Place heads no personal name ends with: "Bruce Highway", "George Street" are places
    /// though they open with a given name ("Robert Hill" is a person).
    static let unambiguousPlaceHeads: Set<String> = [
        "street", "avenue", "road", "square", "crossing", "bridge", "airport", "station",
        "highway", "freeway", "motorway", "expressway", "province", "district", "county", "oblast",
        "governorate", "prefecture", "peninsula", "canal", "stadium", "arena", "plaza", "mall",
    ]
    /// Lowercase words right after a name that make it a place: "the Kerem Shalom crossing".
    static let placeNounsAfter: Set<String> = [
        "crossing", "border", "region", "province", "city", "town", "village", "area", "district",
        "airport", "port", "oblast", "county", "island", "peninsula", "coast", "valley", "river",
        "prefecture", "governorate", "neighbourhood", "neighborhood", "suburb", "refugee",
    ]
    /// Lowercase words right after a name that make it an organization: "Goldman Sachs
    /// economists", "Counterpoint Research analyst Ivan Lam".
    static let organizationNounsAfter: Set<String> = [
        "economists", "economist", "analysts", "analyst", "shares", "stock", "employees",
        "executives", "staff", "spokesman", "spokeswoman", "spokesperson", "researchers",
        "lawyers", "shareholders", "investors", "subsidiary", "affiliate", "headquarters",
        "chief", "board", "boss", "founder", "officials", "official", "fighters", "militants",
        "lawmakers", "members", "leader", "leaders", "ceo", "officers", "agents", "director",
        "chairman", "workers", "management", "customers", "pilots", "fleet", "sources",
        // Clubs: "Arsenal manager Mikel X", "Chelsea fans".
        "manager", "striker", "midfielder", "defender", "goalkeeper", "squad", "fans",
        "supporters",
    ]
    /// Lowercase roles right before a name: "Kremlin spokesman Dmitry Peskov", "NATO chief Mark Rutte".
    static let roles: Set<String> = [
        "president", "minister", "spokesman", "spokeswoman", "spokesperson", "chief", "leader",
        "professor", "secretary", "director", "ambassador", "envoy", "commander", "general",
        "analyst", "official", "head", "chairman", "chairwoman", "founder", "ceo", "correspondent",
        "reporter", "author", "lawyer", "attorney", "senator", "governor", "mayor", "premier",
        "king", "queen", "prince", "pope", "counterpart", "rival", "coach", "player", "manager",
        "researcher", "expert", "economist", "scientist", "actor", "actress", "singer", "star",
        "captain", "judge", "deputy", "adviser", "advisor", "aide", "husband", "wife", "son",
        "daughter", "brother", "sister", "father", "mother", "journalist", "editor", "writer",
        "candidate", "nominee", "opponent", "successor", "predecessor", "strongman", "dictator",
        "boss", "executive", "president-elect", "lieutenant", "colonel", "sergeant", "officer",
        "spy", "diplomat", "negotiator", "lawmaker", "legislator", "mp", "politician", "activist",
        "dissident", "billionaire", "businessman", "businesswoman", "founder", "prosecutor",
        "investigator", "commissioner", "chancellor", "representative", "historian", "researcher",
        "fellow", "lecturer", "student", "witness", "resident", "victim", "survivor", "defector",
        "soldier", "pilot", "veteran", "militant", "commentator", "host", "presenter", "artist",
        "director-general", "secretary-general", "vice-president", "mr", "ms", "mrs", "dr",
        // Sport: "defending champion Novak X", "spinner Mitchell X".
        "champion", "striker", "midfielder", "defender", "goalkeeper", "winger", "batsman",
        "batter", "bowler", "spinner", "opener", "all-rounder", "seamer", "skipper", "jockey",
        "chairperson", "convener", "cleric", "monarch", "tycoon", "entrepreneur", "inspector",
        "superintendent", "constable", "suspect", "widow", "widower", "mla", "mca",
    ]
    /// Verbs of speech right after a name ("Peskov said") or before it ("said Lim Eul-chul").
    static let speech: Set<String> = [
        "said", "says", "told", "tells", "added", "wrote", "writes", "stated", "explained",
        "argued", "noted", "warned", "insisted", "tweeted", "posted", "claimed", "announced",
        "asked", "replied", "confirmed", "suggested", "urged", "acknowledged", "admitted",
        "declared", "remarked", "recalled", "believes", "thinks", "stressed", "emphasised",
        "emphasized", "cautioned", "continued", "concluded", "pointed", "spoke", "speaks",
    ]
    /// Verbs of speech that also come before the speaker ("said Lim Eul-chul", "told Reuters");
    /// the others only follow one ("X believes", never "believes X" of a speaker).
    static let speechBefore: Set<String> = [
        "said", "says", "told", "added", "wrote", "asked", "explained", "noted", "warned",
        "argued", "insisted", "replied", "recalled", "stressed", "continued",
    ]
    /// Words before a name that make it a place: "in Ussuriysk", "near Chongjin".
    static let placePrepositions: Set<String> = [
        "in", "near", "from", "to", "outside", "across", "into", "towards", "toward", "via",
        "around", "throughout", "inside", "nearby",
    ]
    /// Last words of organization names: "Russian Pacific Fleet", "National Intelligence Service".
    static let organizationHeads: Set<String> = [
        "service", "services", "agency", "ministry", "institute", "university", "fleet", "navy",
        "army", "forces", "corps", "council", "party", "forum", "committee", "commission", "bank",
        "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "group", "association",
        "organization", "organisation", "union", "federation", "foundation", "court", "parliament",
        "assembly", "department", "office", "bureau", "police", "guard", "command", "center",
        "centre", "college", "school", "academy", "authority", "board", "network", "alliance",
        "front", "movement", "league", "club", "church", "hospital", "airlines", "airways",
        "brigade", "brigades", "battalion", "regiment", "division", "coalition", "cabinet", "senate",
        "congress", "administration", "directorate", "society", "institution", "trust", "fund",
        "times", "post", "news", "press", "television", "tv", "radio", "studios", "systems",
        "industries", "holdings", "technologies", "motors", "energy", "review", "journal",
        "research", "capital", "partners", "securities", "insurance", "labs", "media",
        "entertainment", "ventures", "consulting", "solutions", "exchange", "pharmaceuticals",
        "therapeutics", "aerospace", "petroleum", "electric", "electronics", "communications",
        "government", "airline", "airlines", "tribunal", "taskforce", "commissions", "force",
        "telecom", "brands", "foods", "group", "co", "ag", "gmbh", "sa", "nv", "spa", "sports",
        // Legislatures and councils of South Asia and the Gulf: "Lok Sabha", "Zila Parishad".
        "sabha", "majlis", "panchayat", "parishad", "shura", "secretariat", "legislature",
        "constabulary", "survey", "team", "unit", "chambers",
        // Football clubs: "Newcastle United", "Blackburn Rovers", "Tottenham Hotspur".
        "fc", "afc", "united", "rovers", "wanderers", "hotspur", "athletic", "albion",
        // Parties named by their members: "Liberal Democrats", "Social Democrats", "Greens".
        "democrats", "republicans", "conservatives", "socialists", "liberals", "greens",
    ]
    /// Places of the gazetteer that are also given names, and so left out of the given names
    /// (Scripts/lexicon): before one more name they open a person's ("Jordan Williams", "Paris
    /// Hilton"). Cities named like people ("Houston", "Austin") are not in the gazetteer at all.
    static let placesThatAreGivenNames: Set<String> = [
        "dallas", "jordan", "georgia", "victoria", "sydney", "paris", "brooklyn", "virginia", "israel",
    ]
    /// Last words of newspapers' names, which name an organization after a place or a people:
    /// "Sydney Morning Herald", "Chicago Tribune", "Irish Independent" — not the place they open
    /// with. After other words they name other things ("Golden Globe", "Morning Star").
    static let newspaperHeads: Set<String> = [
        "herald", "tribune", "gazette", "chronicle", "telegraph", "examiner", "courier", "inquirer",
        "dispatch", "sentinel", "bulletin", "advertiser", "globe", "observer", "mirror", "express",
        "mail", "standard", "star", "guardian", "independent", "monitor",
    ]
    /// First words of organization names written head first: "Institute for Far Eastern Studies",
    /// "Ministry of Defence", "University of Oxford". Also place heads: "Republic of", "Sea of".
    static let headsBeforeConnector: Set<String> = [
        "institute", "ministry", "university", "bank", "organization", "organisation", "council",
        "department", "office", "court", "commission", "committee", "league", "federation",
        "union", "association", "society", "academy", "school", "college", "centre", "center",
        "museum", "agency", "service", "party", "republic", "kingdom", "state", "states", "sea",
        "gulf", "strait", "bay", "isle", "island", "islands", "house", "church", "board", "bureau",
        "fund", "forces", "corps", "army", "navy", "command", "chamber",
    ]
    /// Last words of named events, which are not a facet: "Yom Kippur War", "World War II".
    static let eventHeads: Set<String> = [
        "war", "wars", "games", "olympics", "cup", "championship", "championships", "festival",
        "summit", "revolution", "crisis", "day", "week", "conference", "expo", "election",
        "elections", "prize", "awards", "award", "act", "treaty", "accords",
        "agreement", "protocol", "doctrine", "trophy", "test", "open", "classic", "prix",
        "marathon", "regatta", "race", "derby",
    ]
    /// Lowercase words after a hyphenated place pair that make it an event: "the Sydney-Hobart race".
    static let eventNounsAfter: Set<String> = [
        "race", "match", "series", "derby", "final", "game", "clash", "marathon", "regatta",
        "classic", "rally", "tour", "summit", "talks", "test",
    ]
    /// Compass words: alone never a name ("North"), but they open names ("Northern Alliance").
    static let compassWords: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    ]
    /// Capitalized words that never name an entity of our three types.
    static let never: Set<String> = [
        "i", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "north", "south", "east", "west", "northern",
        "southern", "eastern", "western", "god", "english", "arabic", "mandarin", "latin",
        "christmas", "easter", "ramadan", "internet", "covid", "covid-19", "am", "pm", "gmt",
        "utc", "tv", "ok", "ceo", "gdp", "picture", "photo", "image", "images", "video", "watch",
        "read", "more", "listen", "loading", "advertisement", "getty", "copyright", "mp",
        "i'm", "i've", "i'll", "i'd", "test",
        // Month abbreviations of datelines and tables ("Jun 1 to Sep 30"); not "Mar" or "May".
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    /// Words common enough that, capitalized at a sentence start or in a headline, they are
    /// just words. Texts add their own: any word they also write in lowercase.
    static let common: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they",
        "we", "you", "his", "her", "their", "our", "my", "your", "there", "here", "and", "but",
        "or", "nor", "so", "yet", "for", "of", "in", "on", "at", "by", "to", "from", "with",
        "as", "into", "over", "under", "after", "before", "during", "since", "until", "while",
        "when", "where", "why", "how", "what", "which", "who", "whom", "whose", "if", "unless",
        "although", "though", "because", "despite", "however", "meanwhile", "moreover",
        "furthermore", "also", "still", "even", "just", "only", "then", "now", "today",
        "yesterday", "tomorrow", "earlier", "later", "last", "next", "first", "second", "third",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many",
        "much", "more", "most", "some", "any", "all", "both", "each", "every", "few", "several",
        "no", "not", "other", "another", "such", "same", "new", "old", "big", "small", "large",
        "great", "good", "bad", "high", "low", "long", "short", "real", "true", "full", "top",
        "time", "times", "year", "years", "day", "days", "week", "month", "people", "world",
        "experts", "expert", "officials", "official", "analysts", "analyst", "police", "sources",
        "witnesses", "residents", "critics", "observers", "authorities", "reports", "report",
        "troops", "troop", "soldiers", "forces", "satellite", "deployment", "show", "shows",
        "says", "said", "according", "among", "against", "about", "above", "below", "between",
        "through", "without", "within", "along", "around", "upon", "onto", "off", "out", "up",
        "down", "again", "once", "already", "almost", "always", "never", "often", "perhaps",
        "please", "yes", "well", "like", "unlike", "whether", "around", "inside", "outside",
        "via", "per", "amid", "across", "behind", "beyond", "toward", "towards", "regarding",
        "following", "including", "sending", "large-scale", "breaking", "exclusive", "update",
        "live", "analysis", "opinion", "comment", "editorial", "explainer", "special", "latest",
        "news", "home", "war", "peace", "attack", "attacks", "strike", "strikes", "deal",
        "talks", "meeting", "visit", "plan", "vote", "leaders", "leader", "state", "government",
        "military", "army", "navy", "spy", "agency", "says", "warns", "claims", "calls", "hits",
        "set", "sets", "back", "after", "amid", "over", "why", "inside", "images", "image",
        "photos", "video", "analytics", "data", "media", "press", "business", "economy",
        "security", "defence", "defense", "intelligence", "foreign", "national", "international",
        "global", "local", "public", "private", "general", "central", "federal", "former",
        "chief", "head", "president", "minister", "prime", "senior", "deputy", "secretary",
        "spokesman", "director", "member", "members", "group", "party", "council", "committee",
        // Portfolios, so that "Minister of Foreign Affairs Wang Yi" ends the office before the name.
        "affairs", "staff", "interior", "health", "justice", "commerce", "energy", "education",
        "homeland", "transport", "transportation", "agriculture", "labour", "labor", "culture",
        "trade", "finance", "treasury", "industry", "environment", "unification",
    ]
}
