import CorpusKit

/// The tone of each article, explained: per sentence (its score, label and the lexicon terms with their
/// modifiers), per paragraph, per quotation (what the speaker said) and per entity (the sentences naming it,
/// its own words left out), and for the article (the mean sentence score, shares of positive, negative and
/// neutral sentences, net tone, density). Its corpus summary is a ``SentimentIndex`` (tone by month, outlet,
/// entity and speaker), mergeable across shards.
///
/// ```swift
/// var lexicon = SentimentLexicon.standard
/// lexicon.set("sécurité", valence: 0)
/// var registry = AnalyzerRegistry.standard
/// registry.replace(with: SentimentAnalyzer(lexicon: lexicon))
/// ```
public struct SentimentAnalyzer: Analyzer {
    /// The id of this instance.
    public let id: AnalyzerID
    /// The lexicon used; `nil` for ours, chosen by the article's language (French, English, or both when the
    /// language is unknown).
    public let lexicon: SentimentLexicon?
    /// The engine's settings.
    public let options: SentimentOptions

    /// Creates the analyzer.
    public init(id: AnalyzerID = .sentiment, lexicon: SentimentLexicon? = nil, options: SentimentOptions = SentimentOptions()) {
        self.id = id
        self.lexicon = lexicon
        self.options = options
    }

    /// `text`, `entities` (their words are not scored; entity tone) and `quotes` (speaker tone).
    public var dependencies: [AnalyzerID] { [.text, .entities, .quotes] }

    /// One line for `corpus-tool list`.
    public var abstract: String {
        "Tone per sentence, paragraph, article, quotation and entity, with a transparent lexicon and French negation."
    }

    /// Scores the article.
    public func analyze(_ article: Article, in context: AnalysisContext) throws -> ArticleSentiment {
        let structure = try context.require(.text)
        let entities = try context.require(.entities)
        let quotes = try context.require(.quotes)
        return SentimentAnalyzer.score(structure, entities: entities, quotes: quotes,
                                       lexicon: lexicon ?? Self.lexicon(for: article.language), options: options)
    }

    /// Our lexicon for a language code (`fr`, `en`), both for any other.
    public static func lexicon(for language: String?) -> SentimentLexicon {
        switch language {
        case "fr": .french
        case "en": .english
        default: .standard
        }
    }

    /// The article's contribution to the corpus index.
    public func summarize(_ output: ArticleSentiment, of article: Article) -> SentimentIndex {
        SentimentIndex.contribution(of: output, article: article)
    }

    /// Scores a tokenized text with its entities and quotations.
    public static func score(_ structure: TextStructure, entities: [Entity], quotes: [Quote],
                             lexicon: SentimentLexicon = .standard, options: SentimentOptions = SentimentOptions())
        -> ArticleSentiment
    {
        let scorer = SentimentScorer(lexicon: lexicon, options: options)
        let excluded = entities.flatMap { $0.mentions.map(\.span) }.sorted { $0.start < $1.start }
        let sentences = scorer.sentences(of: structure, excluding: excluded)
        let tokenCount = structure.tokens.filter { $0.kind == .word }.count
        let article = scorer.tone(sentences, tokens: tokenCount)
        var paragraphs: [Tone] = []
        for paragraph in structure.paragraphs {
            let range = paragraph.sentences.clamped(to: 0..<sentences.count)
            let words = paragraph.tokens.clamped(to: 0..<structure.tokens.count).filter { structure.tokens[$0].kind == .word }.count
            paragraphs.append(scorer.tone(sentences[range], tokens: words))
        }
        // Quotations: the hits inside their fragments.
        var quoteTones: [ArticleSentiment.QuoteTone] = []
        var allHits: [SentimentHit] = sentences.flatMap(\.hits)
        allHits.sort { $0.span.start < $1.span.start }
        for (index, quote) in quotes.enumerated() {
            var sum = 0.0
            for fragment in quote.fragments {
                var low = 0, high = allHits.count
                while low < high {
                    let mid = (low + high) / 2
                    if allHits[mid].span.start < fragment.start { low = mid + 1 } else { high = mid }
                }
                while low < allHits.count, allHits[low].span.end <= fragment.end {
                    sum += allHits[low].score
                    low += 1
                }
            }
            let score = sum / (sum * sum + 1).squareRoot()
            quoteTones.append(.init(quote: index, speaker: quote.speakerEntity?.name, score: SentimentHit.rounded(score),
                                    label: scorer.label(score)))
        }
        // Entities: the sentences naming them, minus their own quotations.
        let (sentenceOf, _) = structure.tokenLocations()
        var entityTones: [ArticleSentiment.EntityTone] = []
        for entity in entities {
            var indices = Set<Int>()
            for mention in entity.mentions {
                var low = 0, high = structure.tokens.count
                while low < high {
                    let mid = (low + high) / 2
                    if structure.tokens[mid].span.start < mention.span.start { low = mid + 1 } else { high = mid }
                }
                if low < sentenceOf.count, sentenceOf[low] >= 0 { indices.insert(Int(sentenceOf[low])) }
            }
            let ownQuotes = quotes.filter { $0.speakerEntity?.name == entity.canonicalName }.map(\.span)
            let chosen = indices.sorted().compactMap { index -> SentenceTone? in
                guard index < sentences.count else { return nil }
                let span = structure.sentences[index].span
                if ownQuotes.contains(where: { $0.start <= span.start && span.end <= $0.end || span.start <= $0.start && $0.end <= span.end }) {
                    return nil
                }
                return sentences[index]
            }
            let tone = scorer.tone(chosen, tokens: 0)
            entityTones.append(.init(name: entity.canonicalName, kind: entity.kind, score: tone.score, label: tone.label,
                                     sentences: chosen.count))
        }
        return ArticleSentiment(tone: article, sentences: sentences, paragraphs: paragraphs, quotes: quoteTones,
                                entities: entityTones)
    }
}

extension AnalyzerID {
    /// The standard sentiment analyzer.
    public static let sentiment: AnalyzerID = "sentiment"
}

extension ResultKey where Value == ArticleSentiment {
    /// The sentiment of the standard analyzer.
    public static var sentiment: Self { Self(.sentiment) }
}

extension SentimentAnalyzer {
    /// The label of a text with the standard lexicon and settings, or of the sentences holding `target` (a
    /// UTF-8 span of `text`) with the target's own words left out — for scoring against labelled sets.
    public static func label(of text: String, target: TextSpan?, lexicon: SentimentLexicon? = nil,
                             options: SentimentOptions = SentimentOptions()) -> SentimentEvaluator.Label
    {
        let structure = TextStructure(analyzing: text)
        let guess = LanguageIdentifier().identify(Substring(text))
        let lexicon = lexicon ?? Self.lexicon(for: guess.code)
        let excluded = target.map { [$0] } ?? []
        let scored = score(structure, entities: excluded.map {
            Entity(kind: .misc, canonicalName: "target", mentions: [EntityMention(span: $0, text: "")])
        }, quotes: [], lexicon: lexicon, options: options)
        var tone = scored.tone
        if let target {
            let chosen = structure.sentences.indices.filter { index in
                let span = structure.sentences[index].span
                return span.start < target.end && target.start < span.end
            }
            if !chosen.isEmpty {
                // Towards a target, nearer words weigh more: each hit counts 1 / (1 + distance in bytes / 60).
                var sum = 0.0
                for index in chosen {
                    for hit in scored.sentences[index].hits {
                        let distance = hit.span.start >= target.end ? hit.span.start - target.end
                            : hit.span.end <= target.start ? target.start - hit.span.end : 0
                        sum += hit.score / (1 + Double(distance) / 60)
                    }
                }
                let score = sum / (sum * sum + 1).squareRoot()
                let scorer = SentimentScorer(lexicon: lexicon, options: options)
                tone.label = scorer.label(score)
            }
        }
        switch tone.label {
        case .positive: return .positive
        case .negative: return .negative
        case .neutral: return .neutral
        }
    }
}
