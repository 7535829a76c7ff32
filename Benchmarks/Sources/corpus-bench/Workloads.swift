import CorpusKit
import CorpusKitAnalyzers
import Dispatch
import Foundation

/// The measurements corpus-bench knows, in the order they run.
enum Workloads {
    /// Names that are not analyzer ids; an analyzer registered under one of them is measured as `analyzer:<id>`.
    static let fixedNames: Set<String> = [
        "tokenizer", "tokenizer-parallel", "sentences", "sentences-parallel", "cleaning", "date-extraction", "entity-recognition", "quote-extraction", "sentiment-scoring", "pipeline",
        "pipeline+json",
        "analyze-default+json",
    ]

    /// Every workload over `articles`: tokenizer and sentences on one thread and on all cores, one pipeline per
    /// analyzer of `registry`, the whole pipeline, and the pipeline with JSON encoding.
    /// - Throws: A ``CorpusKitError`` when a pipeline cannot be built from `registry` (a library bug for the
    ///   standard registry).
    static func all(articles: [Article], registry: AnalyzerRegistry, cores: Int) throws -> [Workload] {
        var workloads: [Workload] = [
            Workload(
                name: "tokenizer", kind: .tokenizer, threads: 1, analyzers: [],
                summary: "Tokenizer().tokenize(body), one thread"
            ) {
                let tokenizer = Tokenizer()
                var tokens = 0
                for article in articles { tokens += tokenizer.tokenize(article.body).count }
                return WorkResult(checksum: tokens)
            },
            Workload(
                name: "tokenizer-parallel", kind: .tokenizer, threads: cores, analyzers: [],
                summary: "Tokenizer().tokenize(body), articles over all cores (concurrentPerform)"
            ) {
                let tokenizer = Tokenizer()
                return WorkResult(checksum: parallelSum(articles) { tokenizer.tokenize($0.body).count })
            },
            Workload(
                name: "sentences", kind: .sentences, threads: 1, analyzers: [],
                summary: "TextStructure(analyzing: body): tokenizer + SentenceSplitter, one thread"
            ) {
                var sentences = 0
                for article in articles { sentences += TextStructure(analyzing: article.body).sentences.count }
                return WorkResult(checksum: sentences)
            },
            Workload(
                name: "sentences-parallel", kind: .sentences, threads: cores, analyzers: [],
                summary: "TextStructure(analyzing: body), articles over all cores (concurrentPerform)"
            ) {
                WorkResult(checksum: parallelSum(articles) { TextStructure(analyzing: $0.body).sentences.count })
            },
            Workload(
                name: "cleaning", kind: .cleaning, threads: 1, analyzers: [],
                summary: "PageCleaner().clean(body) alone (page cleaning and metadata), one thread"
            ) {
                let cleaner = PageCleaner()
                var kept = 0
                for article in articles { kept += cleaner.clean(article.body).report.keptLines }
                return WorkResult(checksum: kept)
            },
            Workload(
                name: "date-extraction", kind: .dates, threads: 1, analyzers: [],
                summary: "TextStructure(analyzing: body) + DateExtractor().extract, one thread (tokens included)"
            ) {
                let extractor = DateExtractor()
                var found = 0
                for article in articles {
                    found += extractor.extract(from: TextStructure(analyzing: article.body), anchor: article.publishedAt).count
                }
                return WorkResult(checksum: found)
            },
            Workload(
                name: "entity-recognition", kind: .entities, threads: 1, analyzers: [],
                summary: "TextStructure(analyzing: body) + EntityRecognizer().entities, one thread (tokens included)"
            ) {
                let recognizer = EntityRecognizer()
                var found = 0
                for article in articles {
                    found += recognizer.entities(in: TextStructure(analyzing: article.body)).count
                }
                return WorkResult(checksum: found)
            },
            Workload(
                name: "quote-extraction", kind: .quotes, threads: 1, analyzers: [],
                summary: "TextStructure + EntityRecognizer + QuoteExtractor().quotes, one thread (tokens and entities included)"
            ) {
                let recognizer = EntityRecognizer()
                let extractor = QuoteExtractor()
                var found = 0
                for article in articles {
                    let structure = TextStructure(analyzing: article.body)
                    found += extractor.quotes(in: structure, entities: recognizer.entities(in: structure)).count
                }
                return WorkResult(checksum: found)
            },
            Workload(
                name: "sentiment-scoring", kind: .sentiment, threads: 1, analyzers: [],
                summary: "TextStructure + SentimentAnalyzer.score (our lexicon for the article's language), one thread"
            ) {
                var hits = 0
                for article in articles {
                    let scored = SentimentAnalyzer.score(
                        TextStructure(analyzing: article.body), entities: [], quotes: [],
                        lexicon: SentimentAnalyzer.lexicon(for: article.language))
                    hits += scored.tone.hits
                }
                return WorkResult(checksum: hits)
            },
        ]

        let corpus = Corpus(articles)
        for id in registry.ids {
            let pipeline = try Pipeline(registry: registry, selecting: [id])
            let name = fixedNames.contains(id.rawValue) ? "analyzer:\(id.rawValue)" : id.rawValue
            workloads.append(Workload(
                name: name, kind: .analyzer, threads: cores, analyzers: pipeline.executionOrder.map(\.rawValue),
                summary: "Pipeline selecting '\(id)' (runs \(pipeline.executionOrder.map(\.rawValue).joined(separator: ", "))), all cores"
            ) {
                run(pipeline, over: corpus)
            })
        }

        // Every registered analyzer selected (and reported), preprocessing stages included.
        let pipeline = try Pipeline(registry: registry, selecting: registry.ids)
        let order = pipeline.preprocessorIDs.map(\.rawValue) + pipeline.executionOrder.map(\.rawValue)
        workloads.append(Workload(
            name: "pipeline", kind: .pipeline, threads: cores, analyzers: order,
            summary: "Pipeline of every registered stage and analyzer (\(order.joined(separator: ", "))), all cores"
        ) {
            run(pipeline, over: corpus)
        })
        workloads.append(Workload(
            name: "pipeline+json", kind: .pipelineJSON, threads: cores, analyzers: order,
            summary: "the same, plus AnalysisJSONEncoder().encode of every result on the workers (all outputs, tokens included)"
        ) {
            runEncoding(pipeline, over: corpus)
        })
        // What `corpus-tool analyze` prints without --analyzers: the analyzers reported by default.
        let defaultPipeline = try Pipeline(registry: registry)
        let defaultOrder = defaultPipeline.preprocessorIDs.map(\.rawValue) + defaultPipeline.executionOrder.map(\.rawValue)
        workloads.append(Workload(
            name: "analyze-default+json", kind: .pipelineJSON, threads: cores, analyzers: defaultOrder,
            summary: "corpus-tool analyze's default selection (\(defaultOrder.joined(separator: ", "))) plus JSON encoding"
        ) {
            runEncoding(defaultPipeline, over: corpus)
        })
        return workloads
    }

    /// Pays one-off costs outside any measurement: lazily built tables (the tokenizer's scalar classes), Dispatch's
    /// worker threads, type metadata of the JSON encoder. Runs every stage once on the first few articles.
    static func warmUp(articles: [Article], registry: AnalyzerRegistry, cores: Int) throws {
        let sample = Array(articles.prefix(2 * cores))
        _ = parallelSum(sample) { Tokenizer().tokenize($0.body).count + TextStructure(analyzing: $0.body).sentences.count }
        let pipeline = try Pipeline(registry: registry, selecting: registry.ids)
        _ = runEncoding(pipeline, over: Corpus(sample))
    }

    /// Streams the corpus through the pipeline as `corpus-tool analyze` does (batches analysed on all cores,
    /// results handed over in input order on this thread, corpus summary merged).
    ///
    /// Checksum: the outputs produced for the selected analyzers, plus the tokens of the `text` output when it is
    /// one of them.
    private static func run(_ pipeline: Pipeline, over corpus: Corpus) -> WorkResult {
        var result = WorkResult()
        let summary = pipeline.run(corpus.entries) { entry in
            guard case .success(let analysis) = entry else {
                result.failures += 1
                return
            }
            result.failures += analysis.errors.count
            for id in analysis.reportedIDs where analysis.output(of: id) != nil { result.checksum += 1 }
            if let text = analysis[.text], analysis.reportedIDs.contains(.text) { result.checksum += text.tokens.count }
        }
        if summary.articles != corpus.count { result.failures += 1 }
        return result
    }

    /// Like ``run(_:over:)``, and encodes every result with ``AnalysisJSONEncoder`` on the worker that analysed
    /// it, as `corpus-tool analyze` does before writing it. Checksum: the JSON bytes produced.
    private static func runEncoding(_ pipeline: Pipeline, over corpus: Corpus) -> WorkResult {
        var result = WorkResult()
        let encoder = AnalysisJSONEncoder()
        pipeline.run(corpus.entries, preparing: { analysis in (try? encoder.encode(analysis).count) ?? -1 }) { entry in
            guard case .success(let (analysis, bytes)) = entry else {
                result.failures += 1
                return
            }
            result.failures += analysis.errors.count + (bytes < 0 ? 1 : 0)
            result.checksum += Swift.max(bytes, 0)
        }
        return result
    }
}

/// Sums `work` over `articles`, one article per core at a time, as the pipeline spreads articles.
func parallelSum(_ articles: [Article], _ work: @escaping @Sendable (Article) -> Int) -> Int {
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: articles.count)
    counts.initialize(repeating: 0)
    defer { counts.deallocate() }
    // Each iteration writes only its own slot, so sharing the buffer across threads is safe.
    let slots = UnsafeSlots(buffer: counts)
    DispatchQueue.concurrentPerform(iterations: articles.count) { index in
        slots.buffer[index] = work(articles[index])
    }
    return counts.reduce(0, +)
}

/// Carries the result buffer of ``parallelSum(_:_:)`` into its concurrent iterations.
private struct UnsafeSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int>
}
