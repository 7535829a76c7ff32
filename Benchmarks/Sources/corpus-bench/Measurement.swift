import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The monotonic wall clock.
enum Clock {
    static func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func seconds(since start: UInt64) -> Double { Double(nanoseconds() - start) / 1e9 }
}

/// CPU time the process has used so far, from `getrusage(RUSAGE_SELF)`.
enum CPUTime {
    /// User + system CPU seconds of every thread of the process.
    static func seconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Resident memory of the whole process (every thread).
///
/// On Linux the peak is `VmHWM` of `/proc/self/status`, not `ru_maxrss`: `ru_maxrss` survives `execve`, so under
/// `swift run` (which execs the benchmark) it reports SwiftPM's own peak whenever that is higher. `VmHWM` can
/// also be reset (`/proc/self/clear_refs`), which gives the peak of each measurement rather than of the run so
/// far. Elsewhere, `ru_maxrss`, a peak since the process started.
enum Memory {
    /// The peak resident set size, in bytes, since the process started or since the last ``resetPeak()``.
    static func peakResidentBytes() -> Int {
        if let kilobytes = statusField("VmHWM:") { return kilobytes * 1024 }
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024  // KiB on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)  // bytes on Darwin
        #endif
    }

    /// The current resident set size in bytes, when known.
    static func currentResidentBytes() -> Int? {
        statusField("VmRSS:").map { $0 * 1024 }
    }

    /// Sets the peak back to the current resident size; `false` where that is not possible (then peaks are
    /// since the process started).
    static func resetPeak() -> Bool {
        #if os(Linux)
        guard statusField("VmHWM:") != nil else { return false }
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return write(descriptor, "5", 1) == 1
        #else
        return false
        #endif
    }

    /// A `kB` field of /proc/self/status, in KiB.
    private static func statusField(_ name: String) -> Int? {
        #if os(Linux)
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            // "VmHWM:\t  123456 kB"
            return line.dropFirst(name.count).split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        }
        return nil
        #else
        return nil
        #endif
    }
}

/// What one run of a workload reports, so that its work is used and cannot be optimised away.
struct WorkResult {
    /// A count of what was produced (tokens, sentences, outputs, JSON bytes; see the README).
    var checksum = 0
    /// Analyzer failures and encoding failures (0 for the tokenizer and sentence measurements).
    var failures = 0
}

/// One thing to measure over the whole corpus.
struct Workload {
    enum Kind: String, Encodable {
        case tokenizer, sentences, cleaning, dates, entities, quotes, sentiment, analyzer, pipeline, pipelineJSON = "pipeline+json"
    }

    /// The name used by `--only` and in reports.
    let name: String
    let kind: Kind
    /// Threads it uses: 1, or every core.
    let threads: Int
    /// For pipeline workloads, the analyzers that run (dependencies first); empty otherwise.
    let analyzers: [String]
    /// What the workload does, for `--list`.
    let summary: String
    /// Runs the workload once over the whole corpus.
    let run: () -> WorkResult
}

/// The best of several runs of a workload.
struct Measurement: Encodable {
    let name: String
    let kind: Workload.Kind
    let threads: Int
    let analyzers: [String]
    /// Runs made; the fastest is reported.
    let repetitions: Int
    let bytes: Int
    let articles: Int
    let wallSeconds: Double
    let cpuSeconds: Double
    /// Resident memory of the process when the measurement started (mostly the corpus), when known.
    let residentBytesAtStart: Int?
    /// Peak resident memory of the whole process during the measurement (it includes the corpus itself), or
    /// since the process started when ``peakIsPerMeasurement`` is false.
    let peakResidentBytes: Int
    let peakIsPerMeasurement: Bool
    let checksum: Int
    let failures: Int

    var megabytesPerSecond: Double { wallSeconds > 0 ? Double(bytes) / 1e6 / wallSeconds : 0 }
    var articlesPerSecond: Double { wallSeconds > 0 ? Double(articles) / wallSeconds : 0 }
    /// Average number of busy cores.
    var cpuPerWall: Double { wallSeconds > 0 ? cpuSeconds / wallSeconds : 0 }

    enum CodingKeys: String, CodingKey {
        case name, kind, threads, analyzers, repetitions, bytes, articles, megabytesPerSecond, articlesPerSecond,
            wallSeconds, cpuSeconds, cpuPerWall, residentBytesAtStart, peakResidentBytes, peakResidentScope, checksum,
            failures
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(threads, forKey: .threads)
        try container.encode(analyzers, forKey: .analyzers)
        try container.encode(repetitions, forKey: .repetitions)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(articles, forKey: .articles)
        try container.encode(rounded(megabytesPerSecond, 2), forKey: .megabytesPerSecond)
        try container.encode(rounded(articlesPerSecond, 1), forKey: .articlesPerSecond)
        try container.encode(rounded(wallSeconds, 4), forKey: .wallSeconds)
        try container.encode(rounded(cpuSeconds, 4), forKey: .cpuSeconds)
        try container.encode(rounded(cpuPerWall, 3), forKey: .cpuPerWall)
        try container.encodeIfPresent(residentBytesAtStart, forKey: .residentBytesAtStart)
        try container.encode(peakResidentBytes, forKey: .peakResidentBytes)
        try container.encode(peakIsPerMeasurement ? "measurement" : "process", forKey: .peakResidentScope)
        try container.encode(checksum, forKey: .checksum)
        try container.encode(failures, forKey: .failures)
    }
}

/// Rounds to `digits` decimals, so that the JSON stays readable.
func rounded(_ value: Double, _ digits: Int) -> Double {
    let scale = pow(10, Double(digits))
    return (value * scale).rounded() / scale
}

/// Runs `workload` `repetitions` times over `corpus` and keeps the run with the shortest wall time; the peak
/// memory is that of all the runs.
func measure(_ workload: Workload, corpus: BenchmarkCorpus, repetitions: Int) -> Measurement {
    let residentAtStart = Memory.currentResidentBytes()
    let peakIsPerMeasurement = Memory.resetPeak()
    var best: (wall: Double, cpu: Double, result: WorkResult)?
    var firstChecksum: Int?
    for repetition in 1...repetitions {
        let cpuBefore = CPUTime.seconds()
        let start = Clock.nanoseconds()
        let result = workload.run()
        let wall = Clock.seconds(since: start)
        let cpu = CPUTime.seconds() - cpuBefore
        if repetitions > 1 { Console.progress("  run \(repetition)/\(repetitions): \(formatSeconds(wall)) s") }
        if let firstChecksum, firstChecksum != result.checksum {
            Console.warn("\(workload.name): run \(repetition) gave checksum \(result.checksum), run 1 gave \(firstChecksum)")
        }
        firstChecksum = firstChecksum ?? result.checksum
        if let current = best, current.wall <= wall { continue }
        best = (wall, cpu, result)
    }
    let run = best!
    return Measurement(
        name: workload.name, kind: workload.kind, threads: workload.threads, analyzers: workload.analyzers,
        repetitions: repetitions, bytes: corpus.bodyBytes, articles: corpus.articles.count, wallSeconds: run.wall,
        cpuSeconds: run.cpu, residentBytesAtStart: residentAtStart, peakResidentBytes: Memory.peakResidentBytes(),
        peakIsPerMeasurement: peakIsPerMeasurement,
        checksum: run.result.checksum, failures: run.result.failures)
}
