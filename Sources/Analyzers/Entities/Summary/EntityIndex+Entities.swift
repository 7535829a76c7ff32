import CorpusKit

/// An entity of the corpus, after names were merged across articles.
public struct CorpusEntity: Sendable, Hashable, Codable {
    /// What sort of thing it is.
    public var kind: EntityKind
    /// The name reported (the most mentioned of the merged names).
    public var name: String
    /// Mentions in all articles.
    public var mentions: Int
    /// Articles naming it (an article naming two merged spellings counts twice: shards cannot tell).
    public var documents: Int
    /// Earliest and latest publication date of those articles, when known.
    public var firstPublished: String?
    public var lastPublished: String?
    /// Every spelling with its count and why it was merged (`canonical`, `same`, `transliteration`, `alias`).
    public var variants: [Entity.Variant]
}

extension EntityIndex {
    /// The corpus's entities, most mentioned first: names of one kind merged when equal after folding (case,
    /// accents, apostrophes, hyphens), then spelling variants of one transliterated name — keys equal or one
    /// edit apart (``TransliterationKey``), names of at least eight letters, and only when the match is
    /// unambiguous (a name close to two different entities is merged with neither).
    /// - Parameter minimumMentions: Leave out entities mentioned fewer times.
    /// - Complexity: O(n·L) for n records of at most L letters.
    /// - Parameter aliases: Merges to force or forbid (see ``EntityAliases``).
    public func entities(minimumMentions: Int = 1, aliases: EntityAliases = EntityAliases()) -> [CorpusEntity] {
        merged(minimumMentions: minimumMentions, aliases: aliases).entities
    }

    /// For each record key (`kind\u{1F}name`, as in ``records``), the name of the corpus entity it was merged
    /// into: what a per-article name becomes in ``entities(minimumMentions:)`` (used to build networks whose
    /// nodes are corpus entities).
    public func mergedNames(aliases: EntityAliases = EntityAliases()) -> [String: String] {
        merged(minimumMentions: 1, aliases: aliases).names
    }

    private func merged(minimumMentions: Int, aliases: EntityAliases) -> (entities: [CorpusEntity], names: [String: String]) {
        let list = records.values.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
        var parent = Array(list.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        // 1. Same kind, same folded name.
        var byFolded: [String: Int] = [:]
        var folded: [String] = []
        folded.reserveCapacity(list.count)
        for (index, record) in list.enumerated() {
            let key = NameFolding.folded(record.name)
            folded.append(key)
            let kindKey = record.kind.rawValue + "\u{1F}" + key
            if let first = byFolded[kindKey] { parent[find(index)] = find(first) } else { byFolded[kindKey] = index }
        }
        // 2. Transliteration variants: equal keys, or keys one edit apart (a shared one-deletion neighbour).
        var buckets: [String: Set<Int>] = [:]
        for (index, record) in list.enumerated() where record.kind != .misc {
            let key = TransliterationKey.of(folded[index])
            guard key.utf8.count >= 8 else { continue }
            for neighbour in TransliterationKey.neighbours(key) {
                buckets[record.kind.rawValue + "\u{1F}" + neighbour, default: []].insert(index)
            }
        }
        var close: [Int: Set<Int>] = [:]
        for members in buckets.values where members.count > 1 {
            for a in members {
                for b in members where b != a { close[a, default: []].insert(b) }
            }
        }
        // A name close to two different entities is ambiguous: it joins neither, and neither joins it.
        let groupOf = list.indices.map(find)
        var ambiguous = Set<Int>()
        for (index, others) in close {
            if Set(others.map { groupOf[$0] }).subtracting([groupOf[index]]).count > 1 { ambiguous.insert(index) }
        }
        for (index, others) in close.sorted(by: { $0.key < $1.key }) where !ambiguous.contains(index) {
            for other in others where !ambiguous.contains(other) && !aliases.areSeparate(folded[index], folded[other]) {
                parent[find(other)] = find(index)
            }
        }
        // Merges forced by the user's aliases, within a kind.
        if !aliases.forced.isEmpty {
            var byName: [String: Int] = [:]
            for (index, record) in list.enumerated() { byName[record.kind.rawValue + "\u{1F}" + folded[index]] = index }
            for (index, record) in list.enumerated() {
                guard let target = aliases.forced[folded[index]],
                      let other = byName[record.kind.rawValue + "\u{1F}" + target]
                else { continue }
                parent[find(index)] = find(other)
            }
        }
        // 3. Build the entities.
        var groups: [Int: [Int]] = [:]
        for index in list.indices { groups[find(index), default: []].append(index) }
        var result: [CorpusEntity] = []
        var names: [String: String] = [:]
        for members in groups.values {
            let main = members.max { (list[$0].mentions, list[$1].name) < (list[$1].mentions, list[$0].name) } ?? members[0]
            var entity = CorpusEntity(kind: list[main].kind, name: list[main].name, mentions: 0, documents: 0,
                                      firstPublished: nil, lastPublished: nil, variants: [])
            var spellings: [String: (Int, String)] = [:]
            for index in members {
                let record = list[index]
                entity.mentions += record.mentions
                entity.documents += record.documents
                entity.firstPublished = Record.earlier(entity.firstPublished, record.firstPublished)
                entity.lastPublished = Record.later(entity.lastPublished, record.lastPublished)
                for (text, count) in record.spellings {
                    let foldedText = NameFolding.folded(text)
                    let why = text == entity.name ? "canonical"
                        : foldedText == folded[main] ? "same"
                        : aliases.forced[foldedText] != nil || aliases.forced[folded[index]] != nil ? "alias"
                        : "transliteration"
                    spellings[text] = ((spellings[text]?.0 ?? 0) + count, spellings[text]?.1 ?? why)
                }
            }
            entity.variants = spellings.map { .init(text: $0.key, count: $0.value.0, reason: $0.value.1) }
                .sorted { ($0.reason == "canonical" ? 0 : 1, -$0.count, $0.text) < ($1.reason == "canonical" ? 0 : 1, -$1.count, $1.text) }
            if entity.mentions >= minimumMentions { result.append(entity) }
            for index in members { names[list[index].kind.rawValue + "\u{1F}" + list[index].name] = entity.name }
        }
        let sorted = result.sorted { ($1.mentions, $0.kind.rawValue, $0.name) < ($0.mentions, $1.kind.rawValue, $1.name) }
        return (sorted, names)
    }
}
