/// The exit statuses of `corpus-tool`, as documented in the README.
struct ExitCode: Equatable {
    let rawValue: Int32
    /// Everything succeeded.
    static let success = ExitCode(rawValue: 0)
    /// Some inputs could not be loaded or some analyzers failed on some articles; the rest was analysed.
    static let partialFailure = ExitCode(rawValue: 1)
    /// The command line is wrong (sysexits' EX_USAGE).
    static let usage = ExitCode(rawValue: 64)
}

/// A mistake on the command line; printed with a pointer to `--help`, exit status 64.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
