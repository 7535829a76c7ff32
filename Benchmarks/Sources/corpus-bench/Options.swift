import Foundation

/// A mistake in the command line: reported with a hint to `--help`, exit status 64.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// What the command line asks for.
struct Options {
    /// Files, directories or `-` to read as the corpus; empty to generate one from the examples.
    var corpusPaths: [String] = []
    /// Where the example articles are, when given explicitly.
    var examplesPath: String?
    /// UTF-8 bytes of article bodies to generate (ignored when reading a corpus).
    var size = ByteSize(bytes: 50_000_000, text: "50MB")
    /// Whether `--size` was given.
    var sizeGiven = false
    /// Measurement names to run; `nil` for all.
    var only: [String]?
    /// How many times each measurement runs; the fastest run is reported.
    var repetitions = 1
    /// Print the measurement names and exit.
    var list = false
    /// Print the help and exit.
    var help = false

    static let defaultExamples = "Examples/corpus"

    static let helpText = """
        OVERVIEW: Throughput and memory figures of CorpusKit: tokenizer, sentence splitter, each registered
        analyzer, the whole pipeline, and the pipeline with JSON encoding.

        Every measurement runs over the whole corpus, held in memory (loading it is timed apart and is not part
        of any figure). Results: an aligned table on standard output, then one line of JSON (starting with '{')
        for machines. Progress and warnings go to standard error. Build in release mode: figures from a debug
        build are meaningless (a warning says so).

        USAGE: swift run -c release --package-path Benchmarks corpus-bench [options]

        OPTIONS:
          --corpus <path> ...     Benchmark these inputs instead of a generated corpus: .txt files, .jsonl
                                  files, directories (read recursively) or - for JSONL on stdin. Takes every
                                  following argument up to the next option.
          --size <size>           Size of the generated corpus, in UTF-8 bytes of article bodies (default:
                                  50MB). Units: B, KB, MB, GB (powers of 1000) and KiB, MiB, GiB (powers of
                                  1024); a plain number is bytes. Examples: 50MB, 5MB, 200KB, 1GB, 1500000.
          --examples <dir>        The articles the generated corpus repeats (default: Examples/corpus, looked
                                  for in the current directory and its parent). Copies get unique ids
                                  (<id>-r2, <id>-r3, ...).
          --only <names>          Comma-separated measurements to run (default: all; see --list). Repeatable.
          --repeat <n>            Run each measurement n times and report the fastest (default: 1).
          --list                  Print the measurement names and what each runs, then exit.
          -h, --help              Show this help.

        MEASUREMENTS:
          tokenizer               Tokenizer().tokenize(body) on one thread.
          tokenizer-parallel      The same, articles spread over all cores (DispatchQueue.concurrentPerform).
          sentences               TextStructure(analyzing: body): tokenizer + SentenceSplitter, one thread.
          sentences-parallel      The same on all cores.
          <analyzer id>           One per analyzer of AnalyzerRegistry.standard: a Pipeline selecting only it
                                  (its dependencies run too), pipeline.run(corpus.entries) on all cores.
          pipeline                A Pipeline of every registered analyzer.
          pipeline+json           The pipeline plus AnalysisJSONEncoder().encode of every result: what
                                  'corpus-tool analyze' does, minus writing the output.

        FIGURES: MB/s (UTF-8 MB of article bodies, 10^6 bytes, per wall second), articles/s, wall time, CPU
        time (user + system), CPU/wall (how many cores were busy on average), peak resident memory of the
        whole process during the measurement (corpus included; on Linux from VmHWM, reset before each
        measurement, else ru_maxrss since start), and a checksum of the work done. See Benchmarks/README.md.

        EXIT STATUS: 0 on success, 1 when inputs could not be read, 64 on a usage error.

        EXAMPLES:
          swift run -c release --package-path Benchmarks corpus-bench
          swift run -c release --package-path Benchmarks corpus-bench --size 5MB --repeat 3
          swift run -c release --package-path Benchmarks corpus-bench --only tokenizer,tokenizer-parallel
          swift run -c release --package-path Benchmarks corpus-bench --corpus ~/news/2024.jsonl --only pipeline
          swift run -c release --package-path Benchmarks corpus-bench | tail -n 1 > results.json
        """

    /// Parses the arguments (without the program name).
    /// - Throws: ``UsageError`` for an unknown option, a missing or malformed value, or conflicting options.
    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var index = 0
        // `--name=value` is accepted as well as `--name value`.
        func value(of name: String, inline: String?) throws -> String {
            if let inline {
                guard !inline.isEmpty else { throw UsageError("\(name) needs a value") }
                return inline
            }
            index += 1
            guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                throw UsageError("\(name) needs a value")
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "-h", "--help":
                options.help = true
            case "--list":
                options.list = true
            case "--corpus":
                var paths: [String] = inline.map { [$0] } ?? []
                while index + 1 < arguments.count, !Self.isOption(arguments[index + 1]) {
                    index += 1
                    paths.append(arguments[index])
                }
                guard !paths.isEmpty, !paths.contains(where: \.isEmpty) else {
                    throw UsageError("--corpus needs at least one path (a file, a directory or -)")
                }
                options.corpusPaths += paths
            case "--examples":
                options.examplesPath = try value(of: name, inline: inline)
            case "--size":
                let text = try value(of: name, inline: inline)
                guard let size = ByteSize(parsing: text) else {
                    throw UsageError("invalid --size '\(text)' (expected a positive size such as 50MB, 200KB, 1GB or 1500000)")
                }
                options.size = size
                options.sizeGiven = true
            case "--only":
                let text = try value(of: name, inline: inline)
                let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                guard !names.isEmpty else { throw UsageError("--only needs at least one measurement name") }
                options.only = (options.only ?? []) + names
            case "--repeat":
                let text = try value(of: name, inline: inline)
                guard let count = Int(text), count >= 1 else {
                    throw UsageError("invalid --repeat '\(text)' (expected a whole number, at least 1)")
                }
                options.repetitions = count
            default:
                if argument.hasPrefix("-") {
                    throw UsageError("unknown option '\(argument)'")
                }
                throw UsageError("unexpected argument '\(argument)' (inputs go after --corpus)")
            }
            index += 1
        }
        if !options.corpusPaths.isEmpty && options.sizeGiven {
            throw UsageError("--size applies to the generated corpus; it cannot be combined with --corpus")
        }
        if !options.corpusPaths.isEmpty && options.examplesPath != nil {
            throw UsageError("--examples applies to the generated corpus; it cannot be combined with --corpus")
        }
        return options
    }

    /// Whether an argument is an option rather than a path (`-` alone is standard input, a path).
    private static func isOption(_ argument: String) -> Bool {
        argument.hasPrefix("--") || argument == "-h"
    }
}

/// A number of bytes as given on the command line.
struct ByteSize: Equatable {
    let bytes: Int
    /// How it was written, for reports.
    let text: String

    init(bytes: Int, text: String) {
        self.bytes = bytes
        self.text = text
    }

    /// Parses `50MB`, `200KB`, `1GB`, `1.5GB`, `64MiB` or a plain byte count; `nil` when malformed or not positive.
    init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numberEnd = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? trimmed.endIndex
        let number = trimmed[..<numberEnd]
        let unit = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces).lowercased()
        let multipliers: [String: Double] = [
            "": 1, "b": 1,
            "k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9,
            "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824,
        ]
        guard !number.isEmpty, let value = Double(number), value.isFinite, let multiplier = multipliers[unit]
        else { return nil }
        let bytes = (value * multiplier).rounded()
        guard bytes >= 1, bytes < Double(Int.max / 2) else { return nil }
        self.bytes = Int(bytes)
        self.text = trimmed
    }
}
