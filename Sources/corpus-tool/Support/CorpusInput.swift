import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// What every corpus command does first: build the pipeline (a configuration error is a usage error) and open
/// the inputs (files a directory holds that are not corpus files are named on standard error, not ignored).
enum CorpusInput {
    /// A pipeline over the standard registry, or `registry` when given.
    /// - Throws: ``UsageError`` when the selection names an unknown analyzer.
    static func pipeline(
        selecting ids: [AnalyzerID]?, preprocessing: Bool, registry: AnalyzerRegistry = .standard
    ) throws -> Pipeline {
        do {
            return try Pipeline(registry: registry, selecting: ids, preprocessing: preprocessing)
        } catch let error as CorpusKitError {
            throw UsageError(error.message)
        }
    }

    /// A reader over `paths`, after noting the files it will skip.
    static func reader(_ paths: [String]) -> CorpusReader {
        let reader = CorpusReader(paths: paths)
        if !reader.skippedFiles.isEmpty {
            Terminal.diagnose(
                "note: skipped \(reader.skippedFiles.count) file(s) that are not .txt or .jsonl: "
                    + reader.skippedFiles.prefix(5).joined(separator: ", ")
                    + (reader.skippedFiles.count > 5 ? ", …" : ""))
        }
        return reader
    }

    /// Runs `pipeline` over the inputs: bad inputs and analyzer failures go to standard error, a progress line
    /// (`<verb> N articles, X MB, T s`) to standard error when it is a terminal and not `quiet`, and each
    /// analysed article to `each`, in input order.
    /// - Returns: The corpus summary and the number of analyzer failures.
    static func run(
        _ pipeline: Pipeline, paths: [String], quiet: Bool, verb: String, _ each: (ArticleAnalysis) -> Void = { _ in }
    ) -> (summary: CorpusSummary, analyzerFailures: Int) {
        var articles = 0
        var bytes = 0
        var failures = 0
        let started = Date()
        var lastProgress = started
        let summary = pipeline.run(reader(paths)) { result in
            switch result {
            case .failure(let error):
                Terminal.diagnose("error: \(error)")
            case .success(let analysis):
                articles += 1
                bytes += analysis.article.body.utf8.count
                for error in analysis.errors {
                    failures += 1
                    Terminal.diagnose("error: article '\(analysis.article.id)': \(error)")
                }
                each(analysis)
            }
            if !quiet && Terminal.stderrIsTerminal && Date().timeIntervalSince(lastProgress) > 0.25 {
                lastProgress = Date()
                Terminal.progress(String(
                    format: "%@ %d articles, %.1f MB, %.1f s", verb, articles, Double(bytes) / 1e6,
                    lastProgress.timeIntervalSince(started)))
            }
        }
        return (summary, failures)
    }
}
