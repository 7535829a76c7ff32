import CorpusKit
import Foundation

/// The word lists the entity recogniser consults: places, organisations, given names, person titles and roles,
/// organisation head words, and words that are never entities (function words, page labels, demonyms).
///
/// ``standard`` is loaded once from the resource files of the package (see `Entities/Resources/README.md`) plus
/// the names of every country and territory in French and English from Foundation's `Locale`. Extend a copy at
/// run time rather than editing the files:
///
/// ```swift
/// var gazetteer = EntityGazetteer.standard
/// gazetteer.add("Sonelgaz", kind: .organization)
/// gazetteer.forbid("Orange")                      // never an entity on its own
/// try gazetteer.load(contentsOf: "my-names.tsv")  // `name<TAB>kind` or `!name` lines
/// let recognizer = EntityRecognizer(gazetteer: gazetteer)
/// ```
///
/// Names are compared after folding case, accents, apostrophes and hyphens.
public struct EntityGazetteer: Sendable {
    /// What a folded name is known as.
    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt32
        static let place = Flags(rawValue: 1 << 0)
        static let country = Flags(rawValue: 1 << 1)
        static let organisation = Flags(rawValue: 1 << 2)
        static let givenName = Flags(rawValue: 1 << 3)
        static let honorific = Flags(rawValue: 1 << 4)
        static let role = Flags(rawValue: 1 << 5)
        static let organisationHead = Flags(rawValue: 1 << 6)
        static let functionWord = Flags(rawValue: 1 << 7)
        static let pageLabel = Flags(rawValue: 1 << 8)
        static let commonNoun = Flags(rawValue: 1 << 9)
        static let demonym = Flags(rawValue: 1 << 10)
        static let forbidden = Flags(rawValue: 1 << 11)
        static let forced = Flags(rawValue: 1 << 12)
        static let acronym = Flags(rawValue: 1 << 13)

        /// Flags that make a word unable to be an entity on its own.
        static let never: Flags = [.functionWord, .pageLabel, .commonNoun, .demonym, .forbidden]
    }

    /// Everything known about one folded name.
    struct Info: Sendable {
        var flags: Flags = []
        /// The kind a user forced, or the kind of a user-added name.
        var kind: EntityKind?
        /// The organisation's display name and acronym, when it is one (`Organisation des Nations unies`, `ONU`).
        var organisation: Int32 = -1
    }

    /// Known organisations: display name and acronym.
    private(set) var organisations: [(name: String, acronym: String?)] = []
    private var table: [NameKey: Info] = [:] {
        didSet { lookupTable = NameTable(table.map { ($0.key, $0.value) }) }
    }
    /// The same entries, for fast lookups (rebuilt after each change; changes are rare).
    private var lookupTable = NameTable<Info>([])
    /// The longest name, in tokens (bounds the recogniser's look-ahead).
    private(set) var maxWords = 1

    /// An empty gazetteer (the recogniser then relies on its rules alone).
    public init() {}

    /// The standard lists, loaded once.
    public static let standard: EntityGazetteer = {
        var gazetteer = EntityGazetteer()
        var entries: [NameKey: Info] = [:]
        gazetteer.loadResources(into: &entries)
        gazetteer.addCountries(into: &entries)
        gazetteer.table = entries
        return gazetteer
    }()

    // MARK: - Lookup

    func info(_ key: NameKey) -> Info? { lookupTable.lookup(key) }

    func flags(_ key: NameKey) -> Flags { lookupTable.lookup(key)?.flags ?? [] }

    // MARK: - Extending

    /// Adds a name of the given kind (a person, an organisation, a place…); it then wins over the rules.
    public mutating func add(_ name: String, kind: EntityKind) {
        let key = NameKey.of(name)
        guard key.length > 0 else { return }
        var info = table[key] ?? Info()
        info.flags.insert(.forced)
        info.flags.remove(.forbidden)
        info.kind = kind
        if kind == .organization, info.organisation < 0 {
            info.organisation = Int32(organisations.count)
            organisations.append((name, nil))
        }
        table[key] = info
        maxWords = max(maxWords, NameKey.wordCount(name))
    }

    /// Forbids a name: it is never an entity on its own (it may still be part of a longer name).
    public mutating func forbid(_ name: String) {
        let key = NameKey.of(name)
        guard key.length > 0 else { return }
        var info = table[key] ?? Info()
        info.flags.insert(.forbidden)
        info.flags.remove(.forced)
        info.kind = nil
        table[key] = info
    }

    /// Loads a user list: one entry per line, `name<TAB>kind` (`person`, `organization`, `location`, `misc` or
    /// any kind of yours) to add or force a name, `!name` to forbid one; `#` comments and blank lines are skipped.
    /// - Throws: ``CorpusKitError`` naming the file and line of the first bad entry, or when the file cannot be
    ///   read; nothing is added then.
    public mutating func load(contentsOf path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CorpusKitError(.unreadableInput, "cannot read the name list", location: .init(path: path))
        }
        var additions: [(String, EntityKind?)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("!") {
                let name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    throw CorpusKitError(.invalidField, "'!' must be followed by a name", location: .init(path: path, line: number + 1))
                }
                additions.append((name, nil))
                continue
            }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw CorpusKitError(.invalidField, "expected 'name<TAB>kind' or '!name'", location: .init(path: path, line: number + 1))
            }
            additions.append((String(fields[0]), EntityKind(String(fields[1]).trimmingCharacters(in: .whitespaces))))
        }
        for (name, kind) in additions {
            if let kind { add(name, kind: kind) } else { forbid(name) }
        }
    }

    // MARK: - Building

    private mutating func insert(_ name: String, _ flag: Flags, into table: inout [NameKey: Info]) {
        let key = NameKey.of(name)
        guard key.length > 0 else { return }
        table[key, default: Info()].flags.insert(flag)
        maxWords = max(maxWords, NameKey.wordCount(name))
    }

    private mutating func loadResources(into table: inout [NameKey: Info]) {
        for row in Self.rows("places") { insert(row[0], .place, into: &table) }
        for row in Self.rows("first-names") { insert(row[0], .givenName, into: &table) }
        for row in Self.rows("organisation-heads") { insert(row[0], .organisationHead, into: &table) }
        for row in Self.rows("person-titles") {
            insert(row[0], row.count > 1 && row[1] == "honorific" ? .honorific : .role, into: &table)
        }
        for row in Self.rows("non-entities") {
            switch row.count > 1 ? row[1] : "" {
            case "function": insert(row[0], .functionWord, into: &table)
            case "section": insert(row[0], .pageLabel, into: &table)
            case "demonym": insert(row[0], .demonym, into: &table)
            default: insert(row[0], .commonNoun, into: &table)
            }
        }
        for row in Self.rows("organisations") {
            let name = row[0]
            let acronym = row.count > 1 && !row[1].isEmpty ? row[1] : nil
            let index = Int32(organisations.count)
            organisations.append((name, acronym))
            for form in [name] + (acronym.map { [$0] } ?? []) {
                let key = NameKey.of(form)
                guard key.length > 0 else { continue }
                var info = table[key] ?? Info()
                info.flags.insert(.organisation)
                if form == acronym { info.flags.insert(.acronym) }
                if info.organisation < 0 { info.organisation = index }
                table[key] = info
                maxWords = max(maxWords, NameKey.wordCount(form))
            }
        }
    }

    /// Every country and territory Foundation names, in French and English (`Algérie`, `Algeria`, `États-Unis`).
    private mutating func addCountries(into table: inout [NameKey: Info]) {
        let locales = [Locale(identifier: "fr_FR"), Locale(identifier: "en_US")]
        for region in Locale.Region.isoRegions where region.identifier.count == 2 {
            for locale in locales {
                guard let name = locale.localizedString(forRegionCode: region.identifier) else { continue }
                // `Congo - Kinshasa` (English) is written `Congo-Kinshasa` in text.
                let cleaned = name.replacingOccurrences(of: " - ", with: "-")
                insert(cleaned, .place, into: &table)
                insert(cleaned, .country, into: &table)
            }
        }
    }

    /// The data rows of a resource list (comments, directives and blank lines skipped), fields split on tabs.
    private static func rows(_ list: String) -> [[String]] {
        guard let url = Bundle.module.url(forResource: list, withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var rows: [[String]] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if let first = fields.first, !first.isEmpty { rows.append(fields) }
        }
        return rows
    }
}
