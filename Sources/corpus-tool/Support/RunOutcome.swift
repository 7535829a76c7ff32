import CorpusKit

/// The end of a corpus run, shared by every command that reads a corpus: one line on standard error saying
/// what failed, and the exit status (0 when everything was read and analysed, 1 otherwise).
enum RunOutcome {
    /// Reports failures and returns the exit status.
    /// - Parameters:
    ///   - verb: What was done to the articles (`analysed`, `cleaned`, `compared`).
    ///   - summary: The run's summary (articles, failed inputs, articles with analyzer errors).
    ///   - analyzerFailures: Analyzer errors counted by the command.
    ///   - encodingFailures: Results that could not be written.
    static func finish(
        _ verb: String, summary: CorpusSummary, analyzerFailures: Int, encodingFailures: Int = 0
    ) -> ExitCode {
        let failedInputs = summary.failedInputs
        guard failedInputs > 0 || analyzerFailures > 0 || encodingFailures > 0 else { return .success }
        var parts: [String] = []
        if failedInputs > 0 { parts.append("\(failedInputs) of \(failedInputs + summary.articles) inputs could not be read") }
        if analyzerFailures > 0 {
            parts.append("\(analyzerFailures) analyzer failure(s) on \(summary.articlesWithErrors) article(s)")
        }
        if encodingFailures > 0 { parts.append("\(encodingFailures) result(s) could not be written") }
        Terminal.diagnose("\(verb) \(summary.articles) article(s); " + parts.joined(separator: "; "))
        return .partialFailure
    }
}
