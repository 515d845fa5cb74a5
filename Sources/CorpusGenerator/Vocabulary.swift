// The word list the article text is drawn from: a core of real, frequent English words (so stopwords
// and stemming matter to the engines under test) followed by pronounceable pseudo-words, sampled
// with a Zipf distribution as real text is.

/// A fixed, ranked vocabulary with a Zipf sampler. It does not depend on the corpus seed, so the
/// benchmark queries name words that exist in every generated corpus.
public struct Vocabulary: Sendable {
    /// The words by rank, most frequent first; every word is lowercase ASCII letters.
    public let words: [String]
    /// `words` with the first letter upper-cased, for the start of a sentence.
    public let capitalizedWords: [String]
    /// How many of the top ranks are real English words.
    public let coreCount: Int
    /// cumulative[r] = P(rank <= r); the last element is 1.
    private let cumulative: [Double]

    /// The vocabulary every generated corpus uses.
    public static let standard = Vocabulary(pseudoWordCount: 60_000, exponent: 1.0)

    public init(pseudoWordCount: Int, exponent: Double) {
        let core = Vocabulary.coreWords
        var seen = Set(core)
        var all = core
        all.reserveCapacity(core.count + pseudoWordCount)
        var rng = SplitMix64(seed: 0x6E65_7773_6465_7821)  // fixed: the vocabulary never varies
        var bases: [String] = []
        while all.count < core.count + pseudoWordCount {
            let word: String
            // About one word in five is an inflection of an earlier pseudo-word, so stemming
            // conflates pseudo-words as it does real ones.
            let inflected = bases.count > 100 && rng.chance(0.2)
            if inflected {
                word = rng.pick(bases) + rng.pick(Vocabulary.suffixes)
            } else {
                word = Vocabulary.pseudoWord(&rng)
            }
            if word.utf8.count < 3 || word.utf8.count > 14 || !seen.insert(word).inserted { continue }
            all.append(word)
            if !inflected && bases.count < 20_000 { bases.append(word) }
        }
        words = all
        capitalizedWords = all.map(Vocabulary.capitalize)
        coreCount = core.count
        var table = [Double](repeating: 0, count: all.count)
        var total = 0.0
        for rank in 0..<all.count {
            total += 1.0 / pow(Double(rank + 1), exponent)
            table[rank] = total
        }
        for rank in 0..<all.count { table[rank] /= total }
        table[all.count - 1] = 1
        cumulative = table
    }

    /// A rank drawn from the Zipf distribution: binary search in the cumulative table.
    @inline(__always)
    public func sampleRank(_ rng: inout SplitMix64) -> Int {
        let u = rng.unit()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) >> 1
            if cumulative[mid] < u { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A rank at or beyond `minimumRank`: titles and captions skip the function words.
    @inline(__always)
    public func sampleRank(_ rng: inout SplitMix64, atLeast minimumRank: Int) -> Int {
        while true {
            let rank = sampleRank(&rng)
            if rank >= minimumRank { return rank }
        }
    }

    static func capitalize(_ word: String) -> String {
        var bytes = Array(word.utf8)
        if let first = bytes.first, first >= 0x61, first <= 0x7A { bytes[0] = first - 32 }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let onsets = [
        "b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j", "k", "l",
        "m", "n", "p", "pl", "pr", "qu", "r", "s", "sc", "sh", "sl", "sp", "st", "t", "th", "tr", "v",
        "w", "wh", "z", "",
    ]
    private static let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "ou", "io", "oa", "y"]
    private static let codas = ["", "", "", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "ng", "rt", "x"]
    private static let suffixes = ["s", "ing", "ed", "er", "ers", "ation", "ly", "ment", "ness", "ies"]

    private static func pseudoWord(_ rng: inout SplitMix64) -> String {
        // Mostly two syllables: the words average about seven letters, a little over English's five.
        let roll = rng.unit()
        let syllables = roll < 0.15 ? 1 : (roll < 0.75 ? 2 : (roll < 0.97 ? 3 : 4))
        var word = ""
        for _ in 0..<syllables {
            word += rng.pick(onsets)
            word += rng.pick(vowels)
            word += rng.pick(codas)
        }
        return word
    }

    /// Real English words, roughly by frequency in news text: stopwords first, then common content
    /// words with their inflections ("minister", "ministers"; "attack", "attacked", "attacking").
    static let coreWords: [String] = """
        the of and to a in that is was for on it with as he be at by this had not are but from or \
        have an they which one you were her all she there would their we him been has when who will \
        more no if out so said what up its about into than them can only other new some could time \
        these two may then do first any my now such like our over man me even most made after also \
        did many before must through back years where much your way well down should because each \
        just those people how too little state good very make world still own see men work long get \
        here between both life being under never day same another know while last might us great old \
        year off come since against go came right used take three states himself few house use during \
        without again place american around however home small found thought went say part once \
        general high upon school every don does got united left number course war until always away \
        something fact though water less public put think almost hand enough far took head yet \
        government system better set told nothing night end why called didn find look asked later \
        group toward days let room president business given present already possible political rather \
        minister ministers ministry election elections elected electing vote votes voted voting voter \
        voters party parties policy policies police officer officers officials official report \
        reports reported reporting attack attacks attacked attacking military troops soldiers forces \
        force forced war wars peace talks talked talking leader leaders leadership country countries \
        national international economy economic economies market markets price prices prices rise \
        rising rose inflation interest rates bank banks banking money tax taxes budget spending \
        health hospital hospitals doctors patients care climate energy oil gas power court courts \
        judge judges trial case cases law laws legal rights human security intelligence service \
        services spokesman spokeswoman statement statements announce announced announcement \
        according sources source support supported supporting supporters crisis crises deal deals \
        agreement agreements sanctions border borders refugees migrants migration city cities region \
        regional local community communities family families children child women woman student \
        students university schools teacher teachers company companies firm firms workers jobs \
        strike strikes union unions protest protests protesters demonstrators campaign campaigns \
        campaigning candidate candidates poll polls survey data research researchers scientists study \
        studies technology digital online social media internet network networks phone \
        weapons missile missiles drone drones ship ships navy army air strikes killed killing deaths \
        died injured wounded hostages ceasefire occupied territory territories invasion \
        invaded nuclear program programme development developing plan plans planned planning \
        investigation investigations investigators charged charges arrested arrest prison sentence \
        sentenced crime criminal murder victims victim fire flood floods storm weather temperatures \
        heat summer winter season match team teams players player game games win won winning final \
        season club coach cup league goal goals record records history historic million billion \
        percent week weeks month months today yesterday tomorrow morning evening friday monday \
        tuesday wednesday thursday saturday sunday early late recent recently expected expects \
        continue continued continues continuing increase increased decrease fell falling growth \
        warned warning warns concerns concern concerned issue issues question questions answer \
        decision decisions decided decide meeting meetings meet met visit visited visiting trip \
        foreign affairs defence defense secretary chancellor spokesperson committee parliament \
        parliamentary senate congress lawmakers mps council councils mayor governor administration
        """.split(separator: " ").map(String.init).reduce(into: [String]()) { list, word in
            if !list.contains(word) { list.append(word) }
        }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
