import CorpusKit
import CorpusKitAnalyzers

/// What every corpus command does first: build the pipeline (a configuration error is a usage error) and open
/// the inputs (files a directory holds that are not corpus files are named on standard error, not ignored).
enum CorpusInput {
    /// A pipeline over the standard registry.
    /// - Throws: ``UsageError`` when the selection names an unknown analyzer.
    static func pipeline(selecting ids: [AnalyzerID]?, preprocessing: Bool) throws -> Pipeline {
        do {
            return try Pipeline(registry: .standard, selecting: ids, preprocessing: preprocessing)
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
}
