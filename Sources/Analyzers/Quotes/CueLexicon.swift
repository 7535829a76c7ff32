import CorpusKit
import Foundation

/// The reporting words that attribute quotations: verbs in all their forms (`déclare`, `a déclaré`,
/// `déclarait`), inverted forms (`ajoute-t-elle`, `a-t-il`, `dit-il`), attribution words (`selon`, `d'après`,
/// `according`) and nouns (`déclaration`), in French and English, loaded once from the package's lexicon
/// (`Quotes/Cues/cues.tsv`, see its README).
public struct CueLexicon: Sendable {
    /// What a form is.
    enum CueType: UInt8, Sendable {
        case verb, inverted, noun, source
    }

    struct Entry: Sendable {
        var type: CueType
        var lemma: Int32
    }

    private var table = NameTable<Entry>([])
    private(set) var lemmas: [String] = []

    /// An empty lexicon.
    public init() {}

    /// The standard lexicon.
    public static let standard: CueLexicon = {
        var lexicon = CueLexicon()
        var entries: [(NameKey, Entry)] = []
        var lemmaIndex: [String: Int32] = [:]
        if let url = Bundle.module.url(forResource: "cues", withExtension: "tsv", subdirectory: "Cues"),
           let text = try? String(contentsOf: url, encoding: .utf8)
        {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 4, !fields[0].isEmpty else { continue }
                let type: CueType
                switch fields[3] {
                case "verb": type = .verb
                case "inverted": type = .inverted
                case "noun": type = .noun
                case "source": type = .source
                default: continue
                }
                let lemma: Int32
                if let known = lemmaIndex[fields[1]] { lemma = known } else {
                    lemma = Int32(lexicon.lemmas.count)
                    lemmaIndex[fields[1]] = lemma
                    lexicon.lemmas.append(fields[1])
                }
                var key = NameKey()
                var copy = fields[0]
                copy.withUTF8 { key.append($0, 0, $0.count) }
                entries.append((key, Entry(type: type, lemma: lemma)))
            }
        }
        // A form listed with two types keeps the first (inverted forms are listed before verbs in no file we
        // know, and a verb reading is the safer one).
        var seen = Set<NameKey>()
        lexicon.table = NameTable(entries.filter { seen.insert($0.0).inserted })
        return lexicon
    }()

    func entry(_ key: NameKey) -> Entry? { table.lookup(key) }

    func lemma(_ entry: Entry) -> String {
        Int(entry.lemma) < lemmas.count ? lemmas[Int(entry.lemma)] : ""
    }

    /// The number of forms known.
    public var isEmpty: Bool { lemmas.isEmpty }
}
