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
        (["evaluate", "sentiment", "--gold", "x", "y"], "unknown task 'sentiment'"),
        (["evaluate", "cleaning", "Examples/corpus"], "'cleaning' needs --gold <dir>"),
        (["evaluate", "cleaning", "--gold", "Examples/cleaning-eval/gold"], "missing <path>"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let run = try Tool.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
