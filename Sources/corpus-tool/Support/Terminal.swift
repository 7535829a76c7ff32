import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered stdio stream on file descriptor 1 (Swift 6 rejects the C `stdout` global as shared mutable
/// state). Results are written from one thread only (the pipeline calls its handler on the calling thread).
nonisolated(unsafe) private let standardOutput: UnsafeMutablePointer<FILE> = fdopen(STDOUT_FILENO, "w")

/// Standard output for results (buffered) and standard error for diagnostics and progress.
enum Terminal {
    /// Writes result bytes to standard output through stdio's buffer.
    static func write(_ data: Data) {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            _ = fwrite(base, 1, raw.count, standardOutput)
        }
    }

    /// Writes result text to standard output.
    static func write(_ text: String) {
        write(Data(text.utf8))
    }

    /// Writes a result line to standard output.
    static func writeLine(_ text: String) {
        var line = text
        line += "\n"
        write(Data(line.utf8))
    }

    static func flush() { fflush(standardOutput) }

    /// Prints a diagnostic line to standard error, prefixed with the tool name.
    static func diagnose(_ text: String) {
        clearProgress()
        FileHandle.standardError.write(Data("corpus-tool: \(text)\n".utf8))
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    nonisolated(unsafe) private static var progressShown = false

    /// Rewrites the progress line on standard error when it is a terminal.
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        progressShown = true
    }

    /// Erases the progress line, if one is shown.
    static func clearProgress() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        progressShown = false
    }
}
