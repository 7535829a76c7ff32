import Foundation
import Testing

@Suite("corpus-tool analyze", .serialized)
struct AnalyzeCommandTests {
    @Test func sampleCorpusGivesOneJSONObjectPerArticle() throws {
        let run = try Tool.run(["analyze", "Examples/corpus", "--format", "jsonl", "--analyzers", "text"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let objects = try run.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        // 10 .txt files + 2 JSONL lines.
        #expect(objects.count == 12)
        for object in objects {
            #expect(object["id"] is String)
            #expect((object["errors"] as? [Any])?.isEmpty == true)
            let text = (object["analyses"] as? [String: Any])?["text"] as? [String: Any]
            #expect(((text?["tokens"] as? [Any])?.count ?? 0) > 100)
        }
        // Directory order: the JSONL file sorts first, its lines in order, then the .txt files by name.
        #expect(objects.prefix(3).compactMap { $0["id"] as? String } == [
            "fr-rabat-paris-accord-mobilite-etudiants", "en-niamey-sahel-rivers-warning", "en-ai-triage-study",
        ])
        #expect(objects[0]["language"] as? String == "fr")
        #expect(objects[0]["publishedAt"] as? String == "2024-03-14T18:32+01:00")
    }

    @Test func badInputsAreReportedAndGoodArticlesStillAnalysed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ data: Data) throws { try data.write(to: directory.appendingPathComponent(name)) }
        try write("a-bon.txt", Data("Le conseil s’est réuni jeudi.".utf8))
        try write("b-latin1.txt", Data([0x43, 0x61, 0x66, 0xE9]))
        try write("c-vide.txt", Data())
        try write("d-binaire.txt", Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x00]))
        try write("e-lignes.jsonl", Data("""
            {"id": "e1", "text": "Bon."}
            {"id": "e2", "text": "Cassé
            {"id": "e3", "title": "sans texte"}
            {"id": "a-bon", "text": "doublon"}
            {"id": "e5", "text": "Bon aussi."}

            """.utf8))
        let run = try Tool.run(["analyze", directory.path])
        #expect(run.status == 1)
        let ids = run.lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ["a-bon", "e1", "e5"])
        let stderr = run.stderr
        #expect(stderr.contains("b-latin1.txt (byte 3): invalid UTF-8"))
        #expect(stderr.contains("c-vide.txt: the file is empty [empty-input]"))
        #expect(stderr.contains("d-binaire.txt: binary file (a PDF document), not text [binary-input]"))
        #expect(stderr.contains("e-lignes.jsonl:2: not valid JSON"))
        #expect(stderr.contains("e-lignes.jsonl:3: the object has no 'text' (or 'body') string [missing-text]"))
        #expect(stderr.contains("e-lignes.jsonl:4: duplicate id 'a-bon'"))
        #expect(stderr.contains("analysed 3 article(s); 6 of 9 inputs could not be read"))
    }

    @Test func pagesAreCleanedUnlessAskedNotTo() throws {
        let page = "Accueil | Monde | Sport\nLe sommet de Rabat s’achève sur un accord\nPar Karim Alaoui — Le 14/03/2024 à 18h32\nLes délégués de onze pays ont adopté vendredi une déclaration commune sur la gestion de l’eau."
        let input = try String(data: JSONSerialization.data(withJSONObject: ["id": "p1", "text": page]), encoding: .utf8)!
        let cleaned = try Tool.run(["analyze", "-"], input: input)
        let object = try JSONSerialization.jsonObject(with: Data(cleaned.stdout.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "Le sommet de Rabat s’achève sur un accord")
        #expect(object?["author"] as? String == "Karim Alaoui")
        #expect(object?["publishedAt"] as? String == "2024-03-14T18:32")
        #expect(object?["language"] as? String == "fr")
        let raw = try Tool.run(["analyze", "-", "--no-clean"], input: input)
        let rawObject = try JSONSerialization.jsonObject(with: Data(raw.stdout.utf8)) as? [String: Any]
        #expect(rawObject?["title"] is NSNull)
        #expect(rawObject?["author"] is NSNull)
    }

    @Test func standardInputIsReadAsJSONLines() throws {
        let input = """
            {"id": "s1", "text": "Premier.", "source": "Agence"}
            {"id": "s2", "text": "Second."}
            """
        let run = try Tool.run(["analyze", "-", "--format", "table", "--analyzers", "text"], input: input)
        #expect(run.status == 0)
        #expect(run.lines.count == 3)
        #expect(run.lines[0].hasPrefix("ID"))
        #expect(run.lines[1].hasPrefix("s1"))
        #expect(run.lines[1].contains("Agence"))
        #expect(run.lines[1].contains("2 tokens, 1 sentences, 1 paragraphs"))
    }

    @Test func dateRegisterChoosesHowLooselyHoursAreRead() throws {
        let input = #"{"id": "c1", "text": "On se voit 17 à 18 ?", "publishedAt": "2024-03-15"}"#
        let chat = try Tool.run(
            ["analyze", "-", "--analyzers", "dates", "--no-clean", "--quiet", "--date-register", "conversation"],
            input: input)
        #expect(chat.status == 0)
        #expect(chat.stdout.contains(#""value":"T17:00\/T18:00""#) || chat.stdout.contains(#""value":"T17:00/T18:00""#))
        let news = try Tool.run(["analyze", "-", "--analyzers", "dates", "--no-clean", "--quiet"], input: input)
        #expect(news.status == 0)
        #expect(!news.stdout.contains("T17:00"))
        let wrong = try Tool.run(["analyze", "-", "--date-register", "chat"], input: input)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("unknown date register 'chat'"))
    }

    @Test func defaultOutputExplainsCleaningButHasNoTokens() throws {
        let run = try Tool.run(["analyze", "Examples/corpus"])
        #expect(run.status == 0)
        #expect(run.lines.count == 12)
        #expect(!run.stdout.contains("\"tokens\""))
        let first = try JSONSerialization.jsonObject(with: Data(run.lines[2].utf8)) as? [String: Any]
        let cleaning = (first?["analyses"] as? [String: Any])?["cleaning"] as? [String: Any]
        let removed = cleaning?["removed"] as? [[String: Any]]
        #expect((removed?.count ?? 0) > 5)
        #expect(removed?.first?["reason"] is String)
        #expect((removed?.first?["location"] as? [String: Any])?["line"] is Int)
    }

    @Test func jsonFormatIsOneValidArray() throws {
        let run = try Tool.run(["analyze", "Examples/corpus", "--format", "json"])
        #expect(run.status == 0)
        let array = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any]
        #expect(array?.count == 12)
    }

    @Test func outputMatchesTheGoldenFile() throws {
        let run = try Tool.run(["analyze", Tool.fixture("golden-input.jsonl"), "--analyzers", "text"])
        #expect(run.status == 0)
        let goldenPath = URL(fileURLWithPath: Tool.fixture("golden-output.jsonl"))
        if ProcessInfo.processInfo.environment["CORPUSKIT_UPDATE_GOLDEN"] == "1" {
            try Data(run.stdout.utf8).write(to: goldenPath)
        }
        let golden = try String(contentsOf: goldenPath, encoding: .utf8)
        #expect(run.stdout == golden, "regenerate with CORPUSKIT_UPDATE_GOLDEN=1 swift test if the change is intended")
    }

    @Test func summaryIsWrittenWhenAsked() throws {
        let summaryPath = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: summaryPath) }
        let run = try Tool.run([
            "analyze", "Examples/corpus", "--summary", summaryPath.path, "--format", "table", "--analyzers", "text",
        ])
        #expect(run.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: summaryPath)) as? [String: Any]
        #expect(summary?["articles"] as? Int == 12)
        let text = (summary?["analyzers"] as? [String: Any])?["text"] as? [String: Any]
        #expect(text?["articles"] as? Int == 12)
        // Cleaning removes menus, comments and repeats: fewer words than in the pages as read.
        let raw = try Tool.run([
            "analyze", "Examples/corpus", "--summary", summaryPath.path, "--format", "table", "--analyzers", "text",
            "--no-clean",
        ])
        #expect(raw.status == 0)
        let rawSummary = try JSONSerialization.jsonObject(with: Data(contentsOf: summaryPath)) as? [String: Any]
        let rawText = (rawSummary?["analyzers"] as? [String: Any])?["text"] as? [String: Any]
        let cleanWords = text?["words"] as? Int ?? 0
        let rawWords = rawText?["words"] as? Int ?? 0
        #expect(cleanWords > 4000)
        #expect(rawWords > cleanWords + 1000)
    }
}

@Suite("corpus-tool usage, help and exit codes")
struct UsageTests {
    @Test(arguments: [
        (["analyze"], "missing <path>"),
        (["analyze", "Examples/corpus", "--format", "xml"], "unknown format 'xml'"),
        (["analyze", "Examples/corpus", "--analyzers", "emotions"], "no analyzer 'emotions' is registered"),
        (["analyze", "Examples/corpus", "--frmat", "json"], "unknown option '--frmat'"),
        (["analyze", "Examples/corpus", "--format"], "missing value for '--format'"),
        (["frobnicate"], "unknown subcommand 'frobnicate'"),
        ([], "missing subcommand"),
    ])
    func usageErrorsExitWith64(arguments: [String], message: String) throws {
        let run = try Tool.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(arguments: [["--help"], ["analyze", "--help"], ["list", "-h"], ["help", "analyze"]])
    func helpIsPrintedOnStandardOutput(arguments: [String]) throws {
        let run = try Tool.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: corpus-tool"))
        #expect(run.stdout.contains("OVERVIEW:"))
    }

    @Test func commandHelpHasExamples() throws {
        let run = try Tool.run(["analyze", "--help"])
        #expect(run.stdout.contains("EXAMPLES:"))
        #expect(run.stdout.contains("corpus-tool analyze Examples/corpus"))
    }

    @Test func versionIsPrinted() throws {
        let run = try Tool.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: ".").count == 3)
    }

    @Test func listShowsOneLinePerAnalyzer() throws {
        let run = try Tool.run(["list"])
        #expect(run.status == 0)
        #expect(run.lines.first?.hasPrefix("ID") == true)
        #expect(run.lines.contains { $0.hasPrefix("cleaning ") && $0.contains(" stage ") })
        #expect(run.lines.contains { $0.hasPrefix("text ") && $0.contains(" analyzer ") })
        let json = try Tool.run(["list", "--format", "jsonl"])
        let objects = try json.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.first??["id"] as? String == "cleaning")
        #expect(objects.first??["isPreprocessor"] as? Bool == true)
        #expect(objects.contains { $0?["id"] as? String == "text" })
    }
}
