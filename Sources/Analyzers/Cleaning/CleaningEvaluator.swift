import CorpusKit
import Foundation

/// What a page should become: its article text and, optionally, its metadata.
public struct CleaningGold: Sendable, Hashable {
    /// The expected body, one paragraph per line.
    public var body: String
    /// Expected metadata; a field is scored only when the gold states it (`null` in JSON means "none").
    public var title: String??
    public var publishedAt: String??
    public var author: String??
    public var source: String??
    public var language: String??

    /// Creates gold data.
    public init(
        body: String, title: String?? = .none, publishedAt: String?? = .none, author: String?? = .none,
        source: String?? = .none, language: String?? = .none
    ) {
        self.body = body
        self.title = title
        self.publishedAt = publishedAt
        self.author = author
        self.source = source
        self.language = language
    }

    /// Reads a gold directory: `ID.txt` (expected body) and, when present, `ID.json` (expected metadata with the
    /// keys `title`, `publishedAt`, `author`, `source`, `language`).
    /// - Throws: ``CorpusKit/CorpusKitError`` naming the file that cannot be read or parsed.
    public static func load(directory: String) throws -> [String: CleaningGold] {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw CorpusKitError(
                .unreadableInput, "cannot list the gold directory: \(error.localizedDescription)",
                location: .init(path: directory))
        }
        var gold: [String: CleaningGold] = [:]
        for name in names.sorted() where name.hasSuffix(".txt") {
            let id = String(name.dropLast(4))
            let path = directory + "/" + name
            guard let data = manager.contents(atPath: path), let body = String(data: data, encoding: .utf8) else {
                throw CorpusKitError(.invalidUTF8, "cannot read the gold body as UTF-8", location: .init(path: path))
            }
            var entry = CleaningGold(body: body)
            let jsonPath = directory + "/" + id + ".json"
            if let data = manager.contents(atPath: jsonPath) {
                guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw CorpusKitError(.malformedJSON, "the gold metadata is not a JSON object", location: .init(path: jsonPath))
                }
                func field(_ key: String) -> String?? {
                    guard let value = object[key] else { return .none }
                    return .some(value as? String)
                }
                entry.title = field("title")
                entry.publishedAt = field("publishedAt")
                entry.author = field("author")
                entry.source = field("source")
                entry.language = field("language")
            }
            gold[id] = entry
        }
        return gold
    }
}

/// Scores page cleaning against gold data: paragraph precision, recall and F1 (each line of the cleaned body
/// against each line of the gold body, compared after normalising spaces), exact bodies, and the accuracy of
/// each metadata field.
public struct CleaningEvaluator: Sendable {
    /// The cleaner under test.
    public var cleaner: PageCleaner

    /// Creates an evaluator.
    public init(cleaner: PageCleaner = PageCleaner()) { self.cleaner = cleaner }

    /// Cleans each article's page and scores it against its gold.
    /// - Parameters:
    ///   - pages: Articles (pages as read, no metadata given) with their gold.
    ///   - dataset: Where the gold comes from, for the report.
    /// - Returns: A report with `paragraphs` (micro-averaged), `exact bodies`, and one accuracy per metadata field,
    ///   per-page paragraph scores, and the missing (`expected`) and extra (`found`) paragraphs.
    public func evaluate(_ pages: [(article: Article, gold: CleaningGold)], dataset: String) -> EvaluationReport {
        var report = EvaluationReport(task: "cleaning", dataset: dataset, items: pages.count)
        var paragraphs = MatchCounts()
        var exact = AccuracyCounts()
        var fields: [(String, AccuracyCounts)] = [
            ("title", .init()), ("publishedAt", .init()), ("author", .init()), ("source", .init()), ("language", .init()),
        ]
        for (article, gold) in pages {
            var cleaned = article
            _ = try? cleaner.process(&cleaned)
            let predicted = Self.paragraphs(cleaned.body)
            let expected = Self.paragraphs(gold.body)
            let counts = MatchCounts(predicted: predicted, gold: expected)
            paragraphs += counts
            exact.record(predicted == expected)
            report.perItem[article.id] = [.init(name: "paragraphs", score: .matches(counts))]
            var remaining = Dictionary(expected.map { ($0, 1) }, uniquingKeysWith: +)
            for paragraph in predicted {
                if let left = remaining[paragraph], left > 0 {
                    remaining[paragraph] = left - 1
                } else {
                    report.mismatches.append(.init(id: article.id, expected: "", found: paragraph))
                }
            }
            for paragraph in expected where (remaining[paragraph] ?? 0) > 0 {
                remaining[paragraph]! -= 1
                report.mismatches.append(.init(id: article.id, expected: paragraph, found: ""))
            }

            let found: [String?] = [
                cleaned.title, cleaned.publishedAt?.iso8601, cleaned.author, cleaned.source, cleaned.language,
            ]
            let wanted: [String??] = [gold.title, gold.publishedAt, gold.author, gold.source, gold.language]
            for index in fields.indices {
                guard case .some(var expectedValue) = wanted[index] else { continue }
                // Dates are compared as dates: `2023-11-08T09:15:00Z` is `2023-11-08T09:15Z`.
                if fields[index].0 == "publishedAt", let text = expectedValue, let date = PublicationDate(iso8601: text) {
                    expectedValue = date.iso8601
                }
                let isCorrect = Self.fold(expectedValue) == Self.fold(found[index])
                fields[index].1.record(isCorrect)
                if !isCorrect {
                    report.mismatches.append(.init(
                        id: "\(article.id) \(fields[index].0)", expected: expectedValue ?? "(none)",
                        found: found[index] ?? "(none)"))
                }
            }
        }
        report.entries = [
            .init(name: "paragraphs", score: .matches(paragraphs)), .init(name: "exact bodies", score: .accuracy(exact)),
        ] + fields.filter { $0.1.total > 0 }.map { .init(name: $0.0, score: .accuracy($0.1)) }
        return report
    }

    /// Non-blank lines with runs of spaces collapsed, normalised like article bodies.
    static func paragraphs(_ text: String) -> [String] {
        TextNormalizer.normalize(text).split(separator: "\n").compactMap { line in
            let words = line.split { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0 == "\u{202F}" }
            return words.isEmpty ? nil : words.joined(separator: " ")
        }
    }

    /// Case-insensitive, space-normalised comparison form; `nil` stays `nil`.
    private static func fold(_ value: String?) -> String? {
        value.map { $0.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }
}
