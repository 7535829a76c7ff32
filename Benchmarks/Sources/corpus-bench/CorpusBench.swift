import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-bench`: throughput and memory figures of CorpusKit. See `--help` and Benchmarks/README.md.
@main
enum CorpusBench {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            exit(try run(arguments))
        } catch let error as UsageError {
            Console.error(error.message)
            Console.progress("usage: corpus-bench [--corpus <path> ...] [--size <size>] [--only <names>] [--repeat <n>] (see --help)")
            exit(64)
        } catch {
            Console.error("\(error)")
            exit(1)
        }
    }

    /// Runs the benchmark and returns the exit status.
    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try Options.parse(arguments)
        if options.help {
            Console.output(Options.helpText)
            return 0
        }
        if MachineInfo.isDebugBuild {
            Console.warn(
                "corpus-bench was built without optimisation (debug): its figures mean nothing. "
                    + "Build with: swift run -c release --package-path Benchmarks corpus-bench")
        }

        let registry = AnalyzerRegistry.standard
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // Names are known before the corpus is loaded, so `--only` mistakes are reported at once.
        let catalogue = try Workloads.all(articles: [], registry: registry, cores: cores)
        if options.list {
            let width = catalogue.map(\.name.count).max() ?? 0
            for workload in catalogue {
                Console.output(workload.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + workload.summary)
            }
            return 0
        }
        if let only = options.only {
            let known = Set(catalogue.map(\.name))
            let unknown = only.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw UsageError(
                    "unknown measurement \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in --only (known: "
                        + catalogue.map(\.name).joined(separator: ", ") + ")")
            }
        }

        let corpus: BenchmarkCorpus
        if options.corpusPaths.isEmpty {
            guard let examples = BenchmarkCorpus.findExamples(explicit: options.examplesPath) else {
                if let explicit = options.examplesPath { throw UsageError("--examples: no such directory '\(explicit)'") }
                throw UsageError(
                    "cannot find \(Options.defaultExamples) in the current directory or its parent: run from the "
                        + "CorpusKit checkout, or give --examples <dir> or --corpus <path>")
            }
            Console.progress("generating a \(options.size.text) corpus from \(examples)…")
            corpus = BenchmarkCorpus.generate(examples: examples, targetBytes: options.size.bytes)
        } else {
            Console.progress("loading \(options.corpusPaths.joined(separator: " "))…")
            corpus = BenchmarkCorpus.load(paths: options.corpusPaths)
        }
        for failure in corpus.failures.prefix(20) { Console.error("\(failure)") }
        if corpus.failures.count > 20 { Console.error("… and \(corpus.failures.count - 20) more inputs that could not be read") }
        guard !corpus.articles.isEmpty else {
            Console.error("no article to benchmark")
            return 1
        }
        let peakAfterLoad = Memory.peakResidentBytes()
        Console.progress(
            "corpus: \(corpus.articles.count) articles, \(corpus.bodyBytes) bytes (\(formatMegabytes(corpus.bodyBytes)) MB) of bodies, "
                + "loaded in \(formatSeconds(corpus.loadSeconds)) s, peak RSS \(formatMegabytes(peakAfterLoad)) MB")

        let warmUpStart = Clock.nanoseconds()
        try Workloads.warmUp(articles: corpus.articles, registry: registry, cores: cores)
        Console.progress("warm-up: \(formatSeconds(Clock.seconds(since: warmUpStart))) s (untimed)")

        let selected = try Workloads.all(articles: corpus.articles, registry: registry, cores: cores)
            .filter { options.only?.contains($0.name) ?? true }
        var measurements: [Measurement] = []
        for (position, workload) in selected.enumerated() {
            Console.progress("[\(position + 1)/\(selected.count)] \(workload.name): \(workload.summary)…")
            let measurement = measure(workload, corpus: corpus, repetitions: options.repetitions)
            Console.progress(
                "  \(String(format: "%.1f", measurement.megabytesPerSecond)) MB/s, "
                    + "\(formatSeconds(measurement.wallSeconds)) s wall, checksum \(measurement.checksum)")
            if measurement.failures > 0 {
                Console.warn("\(workload.name): \(measurement.failures) failure(s); its figures cover failed work")
            }
            measurements.append(measurement)
        }

        let machine = MachineInfo.current()
        Console.output(TableReport.render(measurements, corpus: corpus, peakAfterLoad: peakAfterLoad, machine: machine))
        let report = JSONReport(
            command: (["corpus-bench"] + arguments).map(shellQuoted).joined(separator: " "),
            date: Date().ISO8601Format(),
            machine: machine,
            corpus: .init(
                origin: corpus.origin, paths: corpus.paths,
                requestedSize: corpus.origin == .generated ? options.size.text : nil, bytes: corpus.bodyBytes,
                articles: corpus.articles.count, distinctArticles: corpus.distinctArticles,
                failedInputs: corpus.failures.count, loadSeconds: rounded(corpus.loadSeconds, 4),
                peakResidentBytesAfterLoad: peakAfterLoad),
            repetitions: options.repetitions,
            measurements: measurements)
        Console.output(try report.line())
        return corpus.failures.isEmpty ? 0 : 1
    }

    /// An argument as a shell would need it.
    private static func shellQuoted(_ argument: String) -> String {
        let plain = argument.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./,=+:@%".contains($0)) }
        return plain && !argument.isEmpty ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
