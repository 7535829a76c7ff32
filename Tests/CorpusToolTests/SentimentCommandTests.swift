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
}
