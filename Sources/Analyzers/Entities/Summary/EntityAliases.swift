import CorpusKit
import Foundation

/// Merges you force or forbid when the corpus's entities are listed (``EntityIndex/entities(minimumMentions:aliases:)``):
/// `Tebboune Abdelmadjid` is `Abdelmadjid Tebboune`; `Karim Benzer` is not `Karim Benzar`.
///
/// Names are compared after folding case, accents, apostrophes and hyphens; a forced merge joins entities of the
/// same kind only.
///
/// ```swift
/// var aliases = EntityAliases()
/// aliases.merge("Tebboune Abdelmadjid", into: "Abdelmadjid Tebboune")
/// aliases.separate("Karim Benzer", "Karim Benzar")
/// let entities = index.entities(aliases: aliases)
/// ```
public struct EntityAliases: Sendable, Hashable {
    /// Folded variant → folded canonical name.
    private(set) var forced: [String: String] = [:]
    /// Folded pairs never to merge, both orders.
    private(set) var forbidden: Set<[String]> = []

    /// No forced or forbidden merges.
    public init() {}

    /// Makes `name` a spelling of `canonical`.
    public mutating func merge(_ name: String, into canonical: String) {
        let variant = NameFolding.folded(name), target = NameFolding.folded(canonical)
        guard variant != target, !variant.isEmpty, !target.isEmpty else { return }
        forced[variant] = target
    }

    /// Keeps two names apart, however close their spellings.
    public mutating func separate(_ a: String, _ b: String) {
        let x = NameFolding.folded(a), y = NameFolding.folded(b)
        guard x != y else { return }
        forbidden.insert([x, y])
        forbidden.insert([y, x])
    }

    /// Whether two folded names must stay apart.
    func areSeparate(_ a: String, _ b: String) -> Bool { forbidden.contains([a, b]) }

    /// Loads an alias file: `name<TAB>=<TAB>canonical` lines force a merge, `name<TAB>!=<TAB>other` lines forbid
    /// one; `#` comments and blank lines are skipped.
    /// - Throws: ``CorpusKit/CorpusKitError`` naming the file and line of the first bad line (nothing is
    ///   loaded then), or when the file cannot be read.
    public mutating func load(contentsOf path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CorpusKitError(.unreadableInput, "cannot read the alias file", location: .init(path: path))
        }
        var copy = self
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[0].isEmpty, !fields[2].isEmpty, fields[1] == "=" || fields[1] == "!=" else {
                throw CorpusKitError(.invalidField, "expected 'name<TAB>=<TAB>canonical' or 'name<TAB>!=<TAB>other'",
                                     location: .init(path: path, line: number + 1))
            }
            if fields[1] == "=" { copy.merge(fields[0], into: fields[2]) } else { copy.separate(fields[0], fields[2]) }
        }
        self = copy
    }
}
