import Foundation
import Testing

@Suite("corpus-tool evaluate", .serialized)
struct EvaluateCommandTests {
    @Test func cleaningIsScoredAgainstTheGoldDirectory() throws {
        let run = try Tool.run([
            "evaluate", "cleaning", "--gold", "Examples/cleaning-eval/gold",
            "Examples/corpus/fr-rabat-sommet-eau.txt", "Examples/corpus/en-northern-rail-strike.txt",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.first == "cleaning — 2 item(s) from Examples/cleaning-eval/gold")
        #expect(run.lines.contains { $0.hasPrefix("paragraphs") && $0.contains("F1") })
        #expect(run.lines.contains { $0.hasPrefix("fr-rabat-sommet-eau") })
    }

    @Test func jsonReportHasTheSharedShape() throws {
        let run = try Tool.run([
            "evaluate", "cleaning", "--gold", "Examples/cleaning-eval/gold", "--format", "json",
            "Examples/corpus/fr-tunis-penurie-medicaments.txt",
        ])
        #expect(run.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(report?["task"] as? String == "cleaning")
        #expect(report?["items"] as? Int == 1)
        let entries = report?["entries"] as? [[String: Any]]
        #expect(entries?.first?["name"] as? String == "paragraphs")
    }

    @Test func pagesWithoutGoldAreReportedWithExitCode1() throws {
        let run = try Tool.run([
            "evaluate", "cleaning", "--gold", "Examples/cleaning-eval/gold", "Examples/corpus/agence-depeches.jsonl",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no gold for 'fr-rabat-paris-accord-mobilite-etudiants'"))
    }

    @Test(arguments: [
        (["evaluate"], "missing <task>"),
        (["evaluate", "emotions", "--gold", "x", "y"], "unknown task 'emotions'"),
        (["evaluate", "cleaning", "Examples/corpus"], "'cleaning' needs --gold <dir>"),
        (["evaluate", "cleaning", "--gold", "Examples/cleaning-eval/gold"], "missing <path>"),
        (["evaluate", "dates"], "missing <path>"),
        (["evaluate", "dates", "--gold", "gold", "dates.tsv"], "'dates' takes no --gold"),
        (["evaluate", "dates", "--format", "csv", "dates.tsv"], "unknown format 'csv'"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let run = try Tool.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    // MARK: dates

    /// Writes gold TSV files of our own into a fresh directory and returns their paths by name.
    private static func dateFiles(_ files: [String: String]) throws -> [String: String] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("corpus-tool-evaluate-dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var paths: [String: String] = [:]
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            paths[name] = url.path
        }
        return paths
    }

    static let ducklingTSV = """
        id\ttext\tstart\tend\tgrain\tkind\tholiday\tbase_date\tsource
        k-1\tle conseil se réunira demain\t2022-05-11T00:00:00\t\tday\tinstant\t\t2022-05-10T09:15:00+02:00\tours
        k-2\tzzqx wvbk\t2022-05-12T00:00:00\t\tday\tinstant\t\t2022-05-10T09:15:00+02:00\tours
        k-3\tle chat dort sur le canapé\t\t\t\tnegative\t\t2022-05-10T09:15:00+02:00\tours

        """
    static let dateparserTSV = """
        id\ttext\texpected_iso\texpected_span\tbase_date\tkind\tperiod\texpected_raw\tsettings\tsource
        q-1\tle 3 février 2020\t2020-02-03T00:00:00\t\t2021-01-01T00:00:00\tabsolute\tday\tdatetime\t\tours
        q-2\tavant-hier\t\t\t\ttranslation\t\tin English\t\tours

        """

    @Test func datesAreScoredAgainstTheTSVFilesThemselves() throws {
        let paths = try Self.dateFiles(["mine_duckling.tsv": Self.ducklingTSV, "mine_dateparser.tsv": Self.dateparserTSV])
        let run = try Tool.run([
            "evaluate", "dates", paths["mine_duckling.tsv"]!, paths["mine_dateparser.tsv"]!, "--explain",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.first?.hasPrefix("dates — 4 item(s) from ") == true, "\(run.stdout)")
        #expect(run.lines.contains { $0.hasPrefix("duckling instant") && $0.contains("/2 (") })
        #expect(run.lines.contains { $0.hasPrefix("duckling negative") && $0.contains("/1 (") })
        #expect(run.lines.contains { $0.hasPrefix("dateparser absolute") && $0.contains("/1 (") })
        #expect(run.lines.contains { $0.hasPrefix("duckling (all)") })
        #expect(run.lines.contains("note: skipped 1 row(s): dateparser translation (asserts dateparser's French→English translation, not a date)"))
        // Nobody resolves the nonsense row: it is explained.
        #expect(run.lines.contains {
            $0.contains("duckling instant: k-2 «zzqx wvbk»") && $0.contains("expected 2022-05-12T00:00:00 at day")
                && $0.contains("found (nothing)")
        })
    }

    @Test func datesJSONReportHasTheSharedShape() throws {
        let paths = try Self.dateFiles(["mine.tsv": Self.ducklingTSV])
        let run = try Tool.run(["evaluate", "dates", "--format", "json", paths["mine.tsv"]!])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(report?["task"] as? String == "dates")
        #expect(report?["items"] as? Int == 3)
        let names = (report?["entries"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == [
            "duckling instant", "duckling negative", "duckling (all)", "duckling (all, no alternatives)",
            "duckling (all, searched as running text)",
        ])
        #expect((report?["mismatches"] as? [Any])?.isEmpty == false)
    }

    @Test func unreadableOrMalformedDateFilesGiveExitCode1() throws {
        let paths = try Self.dateFiles([
            "good.tsv": Self.ducklingTSV,
            "bad.tsv": "id\ttext\tstart\tend\tgrain\tkind\tholiday\tbase_date\tsource\nk-1\tdemain\tbientôt\n",
        ])
        let run = try Tool.run([
            "evaluate", "dates", paths["good.tsv"]!, paths["bad.tsv"]!, "/nonexistent/dates.tsv",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.tsv:2: expected 9 tab-separated fields, found 3"), "\(run.stderr)")
        #expect(run.stderr.contains("/nonexistent/dates.tsv"), "\(run.stderr)")
        // The readable file is still scored.
        #expect(run.lines.first?.hasPrefix("dates — 3 item(s) from ") == true, "\(run.stdout)")
    }

    @Test func helpListsTheDatesTask() throws {
        let run = try Tool.run(["evaluate", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  dates       Runs the date extractor"))
    }
}
