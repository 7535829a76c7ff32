import CorpusKit

/// Merges the names found in one article into entities.
///
/// Within a kind, names equal after folding are one entity; a person's surname alone (`Martin`, `M. Martin`)
/// joins the one person named in full with it (`Jean Martin`) — when two people share it, it is left apart and
/// counted as ambiguous; an acronym joins the expansion written next to it, and a known acronym (`ONU`) the known
/// expansion (`Organisation des Nations unies`) when both appear. A single capitalised word nothing explains is
/// dropped unless it is such a surname. Kinds are never merged into one another, except that an unexplained
/// word becomes the person whose surname it is.
struct EntityMerger {
    let gazetteer: EntityGazetteer

    /// One group of candidates that form an entity.
    private struct Group {
        var kind: EntityKind
        var members: [Int] = []
        var reasons: [Int: String] = [:]
    }

    func merge(_ candidates: [NameCandidate], scanner: EntityScanner) -> (entities: [Entity], ambiguous: Int) {
        var parent = Array(candidates.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var reason = [String](repeating: "same", count: candidates.count)
        var kind = candidates.map(\.kind)
        var keep = candidates.map { $0.evidence != "unresolved" }
        // 1. Same kind, same folded name.
        var byKey: [KindKey: Int] = [:]
        for (index, candidate) in candidates.enumerated() where keep[index] {
            let k = KindKey(kind: candidate.kind, key: candidate.key)
            if let first = byKey[k] { parent[find(index)] = find(first) } else { byKey[k] = index }
        }
        // 2. Acronyms linked in the text, and known acronym/expansion pairs.
        for (index, candidate) in candidates.enumerated() {
            if let expansion = candidate.expansion, expansion < candidates.count {
                parent[find(index)] = find(expansion)
                reason[candidates[index].words <= candidates[expansion].words ? index : expansion] = "acronym"
                keep[index] = true
                keep[expansion] = true
            }
        }
        var organisationByIndex: [Int32: Int] = [:]
        for (index, candidate) in candidates.enumerated() where keep[index] && candidate.kind == .organization {
            guard let info = gazetteer.info(candidate.key), info.organisation >= 0 else { continue }
            if let first = organisationByIndex[info.organisation] {
                if find(first) != find(index) {
                    parent[find(index)] = find(first)
                    reason[index] = "acronym"
                }
            } else {
                organisationByIndex[info.organisation] = index
            }
        }
        // 3. Surnames: a one-word person, or an unexplained word, joins the only person named in full with it.
        var fullNamesBySurname: [NameKey: Set<Int>] = [:]
        for (index, candidate) in candidates.enumerated() where keep[index] && kind[index] == .person
            && candidate.words >= 2
        {
            fullNamesBySurname[candidate.lastWord, default: []].insert(find(index))
        }
        var ambiguous = 0
        for (index, candidate) in candidates.enumerated() where candidate.words == 1 {
            guard kind[index] == .person || candidate.evidence == "unresolved",
                  let owners = fullNamesBySurname[candidate.key]
            else { continue }
            let roots = Set(owners.map(find))
            if roots.count == 1, let owner = roots.first {
                parent[find(index)] = owner
                kind[index] = .person
                keep[index] = true
                reason[index] = "surname"
            } else if roots.count > 1 {
                // Reported, not merged: the surname stays an entity of its own, its variant marked `ambiguous`.
                ambiguous += 1
                kind[index] = .person
                keep[index] = true
                reason[index] = "ambiguous"
            }
        }
        // 4. Build the entities, in order of first mention.
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in candidates.indices where keep[index] {
            let root = find(index)
            if groups[root] == nil { order.append(root) }
            groups[root, default: []].append(index)
        }
        var entities: [Entity] = []
        entities.reserveCapacity(order.count)
        for root in order {
            guard let members = groups[root] else { continue }
            entities.append(entity(members, candidates: candidates, kinds: kind, reasons: reason, scanner: scanner))
        }
        return (entities, ambiguous)
    }

    /// The entity of a group: the canonical name is the member with the most words (then the most frequent
    /// spelling, then the first); the kind is the canonical member's.
    private func entity(_ members: [Int], candidates: [NameCandidate], kinds: [EntityKind], reasons: [String],
                        scanner: EntityScanner) -> Entity
    {
        var spellings: [String: (count: Int, first: Int, words: Int, reason: String)] = [:]
        var mentions: [EntityMention] = []
        mentions.reserveCapacity(members.count)
        for index in members.sorted(by: { candidates[$0].start < candidates[$1].start }) {
            let candidate = candidates[index]
            let text = scanner.text(candidate.start..<candidate.end)
            let span = TextSpan(start: scanner.tokens[candidate.start].span.start,
                                end: scanner.tokens[candidate.end - 1].span.end)
            let sentence = scanner.sentenceOf[candidate.start]
            let paragraph = scanner.paragraphOf[candidate.start]
            mentions.append(EntityMention(span: span, text: text, title: candidate.title.map { scanner.text($0) },
                                          sentence: sentence >= 0 ? Int(sentence) : nil,
                                          paragraph: paragraph >= 0 ? Int(paragraph) : nil))
            if var known = spellings[text] {
                known.count += 1
                spellings[text] = known
            } else {
                spellings[text] = (1, candidate.start, candidate.words, reasons[index])
            }
        }
        let canonical = spellings.max { a, b in
            (a.value.words, a.value.count, -a.value.first) < (b.value.words, b.value.count, -b.value.first)
        }?.key ?? mentions.first?.text ?? ""
        let canonicalIndex = members.first { scanner.text(candidates[$0].start..<candidates[$0].end) == canonical }
        let kind = canonicalIndex.map { kinds[$0] } ?? kinds[members[0]]
        var variants: [Entity.Variant] = []
        for (text, info) in spellings.sorted(by: { $0.value.first < $1.value.first }) {
            let reason = info.reason == "ambiguous" ? "ambiguous" : text == canonical ? "canonical" : info.reason
            variants.append(.init(text: text, count: info.count, reason: reason))
        }
        variants.sort { ($0.text == canonical ? 0 : 1, -$0.count) < ($1.text == canonical ? 0 : 1, -$1.count) }
        return Entity(kind: kind, canonicalName: canonical, aliases: variants.map(\.text), variants: variants,
                      mentions: mentions)
    }
}

/// A folded name within a kind.
struct KindKey: Hashable {
    var kind: EntityKind
    var key: NameKey
}
