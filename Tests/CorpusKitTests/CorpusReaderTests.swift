import CorpusKit
import Foundation
import Testing

@Suite("Loading corpora, and bad input")
struct CorpusReaderTests {
    private func read(_ paths: [String]) -> [CorpusEntry] { Array(CorpusReader(paths: paths)) }

    @Test func directoriesAreReadRecursivelyInSortedOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b.txt", "Deuxième article.")
        try directory.write("a.txt", "Premier article.")
        try directory.write("sous-dossier/c.txt", "Troisième article.")
        try directory.write("notes.md", "# pas un article")
        try directory.write(".cache/d.txt", "caché")
        let reader = CorpusReader(paths: [directory.path])
        let ids = reader.compactMap { try? $0.get().id }
        #expect(ids == ["a", "b", "c"])
        #expect(reader.skippedFiles.map { URL(fileURLWithPath: $0).lastPathComponent } == ["notes.md"])
    }

    @Test func jsonLinesKeepKnownFieldsAndMetadata() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("depeches.jsonl", """
            {"id": "d1", "title": "Sommet à Rabat", "text": "Le sommet s’est ouvert.", "publishedAt": "2024-03-14T18:32:00+01:00", "source": "Le Quotidien", "url": "https://www.lequotidien-exemple.ma/a", "language": "fr", "section": "Politique", "tags": ["eau", "climat"], "lu": 312}
            {"id": 42, "body": "Body field accepted.", "publishedAt": "14/03/2024"}

            {"text": "Sans identifiant."}
            """)
        let articles = read([path]).compactMap { try? $0.get() }
        #expect(articles.map(\.id) == ["d1", "42", "depeches-4"])
        let first = articles[0]
        #expect(first.title == "Sommet à Rabat")
        #expect(first.publishedAt?.iso8601 == "2024-03-14T18:32+01:00")
        #expect(first.publishedAt?.precision == .minute)
        #expect(first.source == "Le Quotidien")
        #expect(first.language == "fr")
        #expect(first.metadata["section"] == .string("Politique"))
        #expect(first.metadata["tags"] == .array([.string("eau"), .string("climat")]))
        #expect(first.metadata["lu"] == .number(312))
        #expect(articles[1].body == "Body field accepted.")
        // A date that is not ISO 8601 is kept, not dropped.
        #expect(articles[1].publishedAt == nil)
        #expect(articles[1].metadata["publishedAt"] == .string("14/03/2024"))
    }

    @Test func everyBadInputIsReportedWithItsPlaceAndTheRestIsRead() throws {
        let directory = try TemporaryDirectory()
        try directory.write("01-bon.txt", "Un bon article.")
        let invalid = try directory.write("02-latin1.txt", Data("Ligne un\nCaf".utf8) + Data([0xE9]) + Data(" noir\n".utf8))
        let empty = try directory.write("03-vide.txt", "")
        let blank = try directory.write("04-blanc.txt", " \n\t\n")
        let binary = try directory.write("05-image.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]))
        let jsonl = try directory.write("06-lignes.jsonl", """
            {"id": "j1", "text": "Bon."}
            {"id": "j2", "text": "Pas fermé.
            ["un", "tableau"]
            {"id": "j4", "title": "Sans texte"}
            {"id": "j5", "text": 12}
            {"id": "01-bon", "text": "Même id que le fichier texte."}
            {"id": "j7", "text": "Bon aussi."}
            """)
        let missing = directory.path + "/absent.txt"
        let entries = read([directory.path, missing])

        let ids = entries.compactMap { try? $0.get().id }
        #expect(ids == ["01-bon", "j1", "j7"])

        let errors = entries.compactMap { entry -> CorpusKitError? in
            if case .failure(let error) = entry { return error }
            return nil
        }
        #expect(errors.map(\.code) == [
            .invalidUTF8, .emptyInput, .emptyInput, .binaryInput, .malformedJSON, .malformedJSON, .missingText,
            .invalidField, .duplicateID, .unreadableInput,
        ])
        #expect(errors[0].location == .init(path: invalid, byte: 12))
        #expect(errors[0].message.contains("line 2"))
        #expect(errors[1].location?.path == empty)
        #expect(errors[2].location?.path == blank)
        #expect(errors[3].location?.path == binary)
        #expect(errors[3].message.contains("PNG"))
        #expect(errors[4].location == .init(path: jsonl, line: 2))
        #expect(errors[5].location == .init(path: jsonl, line: 3))
        #expect(errors[5].message.contains("not an array"))
        #expect(errors[6].location == .init(path: jsonl, line: 4))
        #expect(errors[7].message.contains("'text' must be a string"))
        #expect(errors[8].location == .init(path: jsonl, line: 6))
        #expect(errors[8].message.contains("first seen at"))
        #expect(errors[9].location?.path == missing)
        // Every input is accounted for: 3 articles + 10 errors = 4 good-or-bad files + 7 lines + 1 missing path + …
        #expect(entries.count == 13)
    }

    @Test func invalidUTF8InAJSONLineNamesTheLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            "x.jsonl", Data("{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"".utf8) + Data([0xFF]) + Data("\"}\n".utf8))
        let entries = read([path])
        #expect((try? entries[0].get().id) == "a")
        guard case .failure(let error) = entries[1] else { Issue.record("expected an error"); return }
        #expect(error.code == .invalidUTF8)
        #expect(error.location == .init(path: path, line: 2, byte: 18))
    }

    @Test func textFilesKeepRawTextAndNormaliseTheBody() throws {
        let directory = try TemporaryDirectory()
        let raw = "\u{FEFF}Titre\r\nLe cafe\u{301} est\u{0} servi.\r\n"
        let path = try directory.write("crlf.txt", raw)
        let article = try #require(try read([path]).first?.get())
        #expect(article.rawText == "Titre\r\nLe cafe\u{301} est\u{0} servi.\r\n")
        #expect(article.body == "Titre\nLe café est  servi.\n")
        #expect(article.body.unicodeScalars.contains("\u{E9}"))
    }

    @Test func aMegabyteLineWithoutNewlineIsRead() throws {
        let directory = try TemporaryDirectory()
        let long = String(repeating: "x", count: 3_000_000)
        let path = try directory.write("long.jsonl", "{\"id\": \"long\", \"text\": \"\(long)\"}")
        let article = try #require(try read([path]).first?.get())
        #expect(article.body.utf8.count == 3_000_000)
    }

    @Test func corpusLoadSplitsArticlesAndFailures() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "Un.")
        try directory.write("b.txt", "")
        let (corpus, failures) = Corpus.load(paths: [directory.path])
        #expect(corpus.map(\.id) == ["a"])
        #expect(failures.map(\.code) == [.emptyInput])
    }
}
