import Foundation
import Testing

@Suite("corpus-tool sentiment", .serialized)
struct SentimentCommandTests {
    @Test func articlesAndEntitiesAreScored() throws {
        let run = try Tool.run(["sentiment", "Examples/corpus", "--format", "csv", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "article,score,label,count")
        #expect(lines.count == 13)
        let entities = try Tool.run(["sentiment", "Examples/corpus", "--by", "entity", "--format", "csv", "--quiet"])
        #expect(entities.status == 0)
        #expect(entities.stdout.contains("person: "))
        // By outlet and month: one row per source or month, each with its article count.
        for unit in ["outlet", "month"] {
            let run = try Tool.run(["sentiment", "Examples/corpus", "--by", unit, "--format", "csv", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let rows = run.stdout.split(separator: "\r\n").dropFirst()
            #expect(rows.count >= 2, "\(unit): \(run.stdout)")
            let counts = rows.compactMap { $0.split(separator: ",").last.flatMap { Int($0) } }
            #expect(counts.count == rows.count && counts.reduce(0, +) <= 12)
        }
    }

    @Test func overridesAndLexiconFilesAreReported() throws {
        try Tool.withFiles(["mine.tsv": "#! scale: -4 4\nsécheresse\t-3\nsécheresse\t-2\n"]) { directory in
            let lexicon = directory.appendingPathComponent("mine.tsv").path
            let run = try Tool.run(["sentiment", "Examples/corpus", "--lexicon", lexicon, "--set", "eau=0", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("1 duplicate"))
        }
        let bad = try Tool.run(["sentiment", "Examples/corpus", "--set", "eau=7"])
        #expect(bad.status == 64)
    }

    @Test func everyReaderIsOneOptionAway() throws {
        let files = [
            "words.dic": "%\n1\tposemo\n2\tnegemo\n%\nsécheresse\t2\n",
            "table.csv": "mot;note\npénurie;-3\n",
            "vader.txt": "drought\t-2.0\t0.5\t[-2]\n",
        ]
        try Tool.withFiles(files) { directory in
            func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
            let run = try Tool.run([
                "sentiment", "Examples/corpus", "--only-given", "--liwc", path("words.dic"), "--table", path("table.csv"),
                "--columns", "term=0,valence=1,scale=-5:5", "--vader", path("vader.txt"), "--format", "json", "--quiet",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("words.dic: 1 entries"))
            #expect(run.stderr.contains("table.csv: 1 entries"))
            // Only the given terms score: every hit is one of them.
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
            let hits = rows.flatMap { row -> [String] in
                let sentences = (row["sentiment"] as? [String: Any])?["sentences"] as? [[String: Any]] ?? []
                return sentences.flatMap { ($0["hits"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
            }
            #expect(!hits.isEmpty)
            #expect(Set(hits.map { $0.lowercased() }).isSubset(of: ["sécheresse", "pénurie", "drought"]), "\(Set(hits))")
            let missing = try Tool.run(["sentiment", "Examples/corpus", "--table", path("table.csv")])
            #expect(missing.status == 64)
            #expect(missing.stderr.contains("--columns"))
        }
    }

    @Test func explainListsTheTermsOfEachSentence() throws {
        let run = try Tool.run(["sentiment", "Examples/corpus/en-ai-triage-study.txt", "--explain", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let explained = run.lines.filter { $0.hasPrefix("  sentence ") }
        #expect(!explained.isEmpty)
        // Each line: the sentence number, its score, then `term ±valence→±score [modifiers]`.
        #expect(explained.allSatisfy { $0.contains("→") })
    }
}
