import CorpusKit
import Foundation

/// Standard output for results, standard error for everything else.
enum Console {
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func warn(_ message: String) {
        progress("warning: \(message)")
    }

    static func error(_ message: String) {
        progress("error: \(message)")
    }
}

func formatSeconds(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

func formatMegabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

/// The aligned table for people.
enum TableReport {
    static let headers = [
        "MEASUREMENT", "THREADS", "MB/S", "ARTICLES/S", "WALL S", "CPU S", "CPU/WALL", "PEAK RSS MB", "CHECKSUM",
        "FAILURES",
    ]

    static func render(
        _ measurements: [Measurement], corpus: BenchmarkCorpus, peakAfterLoad: Int, machine: MachineInfo
    ) -> String {
        var lines: [String] = []
        let source = corpus.origin == .generated
            ? "generated from \(corpus.paths.joined()) (\(corpus.distinctArticles) distinct articles)"
            : corpus.paths.joined(separator: " ")
        lines.append(
            "corpus: \(corpus.articles.count) articles, \(corpus.bodyBytes) bytes of bodies "
                + "(\(formatMegabytes(corpus.bodyBytes)) MB), \(source); "
                + "loaded in \(formatSeconds(corpus.loadSeconds)) s · \(machine.cores) cores · \(machine.configuration) build"
                + " · best of \(measurements.first?.repetitions ?? 1)")
        let perMeasurement = measurements.allSatisfy(\.peakIsPerMeasurement)
        lines.append(
            "peak RSS after load \(formatMegabytes(peakAfterLoad)) MB; PEAK RSS is the whole process's peak "
                + (perMeasurement ? "during each measurement, corpus included" : "since it started"))
        let rows = measurements.map { measurement in
            [
                measurement.name,
                "\(measurement.threads)",
                String(format: "%.1f", measurement.megabytesPerSecond),
                String(format: "%.0f", measurement.articlesPerSecond),
                formatSeconds(measurement.wallSeconds),
                formatSeconds(measurement.cpuSeconds),
                String(format: "%.2f", measurement.cpuPerWall),
                formatMegabytes(measurement.peakResidentBytes),
                "\(measurement.checksum)",
                "\(measurement.failures)",
            ]
        }
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // Names left-aligned, figures right-aligned.
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        lines.append(line(headers))
        lines.append(contentsOf: rows.map(line))
        return lines.joined(separator: "\n")
    }
}

/// The machine the figures come from.
struct MachineInfo: Encodable {
    let cores: Int
    let activeCores: Int
    let cpuModel: String?
    let physicalMemoryBytes: UInt64
    let operatingSystem: String
    let architecture: String
    /// The oldest Swift compiler version this build is known to be at least.
    let swiftCompiler: String
    /// `release` or `debug`.
    let configuration: String

    static var isDebugBuild: Bool {
        #if DEBUG
        return true
        #else
        return _isDebugAssertConfiguration()
        #endif
    }

    static func current() -> MachineInfo {
        let process = ProcessInfo.processInfo
        return MachineInfo(
            cores: process.processorCount, activeCores: process.activeProcessorCount, cpuModel: cpuModel(),
            physicalMemoryBytes: process.physicalMemory, operatingSystem: process.operatingSystemVersionString,
            architecture: architecture, swiftCompiler: swiftCompiler,
            configuration: isDebugBuild ? "debug" : "release")
    }

    private static var architecture: String {
        #if arch(x86_64)
        return "x86_64"
        #elseif arch(arm64)
        return "arm64"
        #else
        return "other"
        #endif
    }

    private static var swiftCompiler: String {
        #if compiler(>=6.4)
        return ">=6.4"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// The `model name` of the first processor in /proc/cpuinfo (Linux), when there is one.
    private static func cpuModel() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

/// The one line of JSON for machines.
struct JSONReport: Encodable {
    struct CorpusInfo: Encodable {
        let origin: BenchmarkCorpus.Origin
        let paths: [String]
        /// The `--size` asked for, for a generated corpus.
        let requestedSize: String?
        let bytes: Int
        let articles: Int
        let distinctArticles: Int
        let failedInputs: Int
        let loadSeconds: Double
        /// Peak resident memory once the corpus was loaded, before any measurement.
        let peakResidentBytesAfterLoad: Int
    }

    let tool = "corpus-bench"
    let corpusKitVersion = CorpusKitVersion.current
    /// The command line, so that the figures can be reproduced.
    let command: String
    let date: String
    let machine: MachineInfo
    let corpus: CorpusInfo
    let repetitions: Int
    let measurements: [Measurement]

    enum CodingKeys: String, CodingKey {
        case tool, corpusKitVersion, command, date, machine, corpus, repetitions, measurements
    }

    func line() throws -> String {
        let encoder = JSONEncoder()
        // Sorted keys: the same run always gives the same line, easy to diff.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
