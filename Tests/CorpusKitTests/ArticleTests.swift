import CorpusKit
import Foundation
import Testing

@Suite("Articles, dates, spans and offsets")
struct ArticleTests {
    @Test(arguments: [
        ("Le cafe\u{301}", "Le café"),  // combining accent composed
        ("a\r\nb\rc", "a\nb\nc"),  // Windows and old Mac line breaks
        ("x\u{0}y\u{7}z", "x y z"),  // control characters become spaces
        ("\u{FEFF}Bonjour", "Bonjour"),  // byte-order mark dropped
        ("L’été « chaud » 🌍", "L’été « chaud » 🌍"),  // already clean: unchanged
    ])
    func bodyIsNormalisedOnce(raw: String, body: String) {
        let article = Article(id: "a", text: raw)
        #expect(Array(article.body.unicodeScalars) == Array(body.unicodeScalars))
        #expect(article.rawText == raw)
    }

    @Test func setBodyNormalisesAndKeepsRawText() {
        var article = Article(id: "a", text: "Accueil > Actualité\nLe texte.")
        article.setBody("Le texte\r\n")
        #expect(article.body == "Le texte\n")
        #expect(article.rawText == "Accueil > Actualité\nLe texte.")
    }

    @Test(arguments: [
        ("2024", "2024", PublicationDate.Precision.year),
        ("2024-03", "2024-03", .month),
        ("2024-03-14", "2024-03-14", .day),
        ("2024-03-14T18:32", "2024-03-14T18:32", .minute),
        ("2024-03-14T18:32:05.123Z", "2024-03-14T18:32Z", .minute),
        ("2024-03-14 18:32:05-04:30", "2024-03-14T18:32-04:30", .minute),
    ])
    func iso8601DatesKeepTheirPrecision(text: String, iso: String, precision: PublicationDate.Precision) throws {
        let date = try #require(PublicationDate(iso8601: text))
        #expect(date.iso8601 == iso)
        #expect(date.precision == precision)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-03-32", "14/03/2024", "2024-03-14T25:00", "", "2024-3-1"])
    func invalidISODatesAreRejected(text: String) {
        #expect(PublicationDate(iso8601: text) == nil)
    }

    @Test func leapDayIsAccepted() {
        #expect(PublicationDate(iso8601: "2024-02-29")?.day == 29)
    }

    @Test func spansConvertToStringRangesAndScalarOffsets() throws {
        let text = "Élysée 🇫🇷 : « Oui »"
        let index = ScalarOffsetIndex(text)
        let range = try #require(text.range(of: "Oui"))
        let span = TextSpan(range, in: text)
        #expect(span.range(in: text) == range)
        #expect(span.substring(of: text) == "Oui")
        // Python: "Élysée 🇫🇷 : « Oui »".index("Oui") == 14
        #expect(index.scalarOffset(ofUTF8Offset: span.start) == 14)
        #expect(index.utf8Offset(ofScalarOffset: 14) == span.start)
        // Every scalar boundary round-trips.
        var utf8Offset = 0
        for (scalarOffset, scalar) in text.unicodeScalars.enumerated() {
            #expect(index.scalarOffset(ofUTF8Offset: utf8Offset) == scalarOffset)
            #expect(index.utf8Offset(ofScalarOffset: scalarOffset) == utf8Offset)
            utf8Offset += String(scalar).utf8.count
        }
    }

    @Test func aSpanThatSplitsAScalarHasNoRange() {
        #expect(TextSpan(start: 0, end: 1).range(in: "é") == nil)
        #expect(TextSpan(start: 0, end: 9).range(in: "abc") == nil)
        #expect(TextSpan(start: 0, end: 9).substring(of: "abc") == "")
    }

    @Test func jsonOutputUsesScalarOffsetsAndTheContractKeys() throws {
        let pipeline = try Pipeline(registry: .core, selecting: [.text])
        var article = Article(id: "é-1", text: "Été : l’eau.", title: "Titre", language: "fr")
        article.publishedAt = PublicationDate(iso8601: "2021-11-04")
        let data = try AnalysisJSONEncoder().encode(pipeline.analyze(article))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == [
            "id", "title", "publishedAt", "source", "author", "url", "language", "metadata", "analyses", "errors",
        ])
        #expect(object["publishedAt"] as? String == "2021-11-04")
        #expect(object["source"] is NSNull)
        let analyses = try #require(object["analyses"] as? [String: Any])
        let text = try #require(analyses["text"] as? [String: Any])
        let tokens = try #require(text["tokens"] as? [[String: Any]])
        // "Été : l’eau." — `eau` starts at scalar 8 (UTF-8 byte 12).
        let eau = try #require(tokens.first { ($0["start"] as? Int) == 8 })
        #expect(eau["end"] as? Int == 11)
        #expect(eau["kind"] as? String == "word")
    }

    @Test func entitiesKeepTitlesOutOfNames() {
        let entity = Entity(
            kind: .person, canonicalName: "Jean Martin", aliases: ["Martin", "Jean Martin"],
            mentions: [EntityMention(span: TextSpan(start: 3, end: 9), text: "Martin", title: "M.")])
        #expect(entity.aliases == ["Martin"])
        #expect(entity.mentions.first?.title == "M.")
        #expect(EntityKind("product").rawValue == "product")
    }

    @Test func entityJSONIsFlatWithEveryKey() throws {
        let entity = Entity(
            kind: .person, canonicalName: "Jean Martin", aliases: ["Martin"],
            variants: [.init(text: "Jean Martin", count: 1, reason: "canonical"), .init(text: "Martin", count: 1, reason: "surname")],
            mentions: [EntityMention(span: TextSpan(start: 0, end: 11), text: "Jean Martin", sentence: 0, paragraph: 0),
                       EntityMention(span: TextSpan(start: 20, end: 26), text: "Martin", title: "M.")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try #require(String(data: try encoder.encode(entity), encoding: .utf8))
        #expect(json.hasPrefix(#"{"aliases":["Martin"],"count":2,"kind":"person","mentions":[{"end":11,"paragraph":0,"sentence":0,"start":0,"text":"Jean Martin","title":null}"#))
        let decoded = try JSONDecoder().decode(Entity.self, from: Data(json.utf8))
        #expect(decoded == entity)
        #expect(decoded.count == 2)
    }
}

@Suite("Fast JSON for tokens")
struct TokenJSONTests {
    @Test(arguments: [
        "Le 14/03/2024 à 18h32, M. Martin l’a dit : « Nous irons. »",
        "👩‍👩‍👧 Émoji, cafe\u{301}, \"guillemets\" et \\ barre\r\nNouvelle ligne.",
        "",
        String(repeating: "« ", count: 200),
    ])
    func theFastWriterWritesWhatJSONEncoderWrites(text: String) throws {
        let pipeline = try Pipeline(registry: .core, selecting: [.text])
        let analysis = pipeline.analyze(Article(id: "t", text: text))
        let fast = String(decoding: try AnalysisJSONEncoder().encode(analysis), as: UTF8.self)
        let structure = try #require(analysis[.text])
        let viaEncoder = String(
            decoding: try AnalysisJSONEncoder().encode(structure, body: analysis.article.body), as: UTF8.self)
        #expect(fast.hasPrefix("{\"analyses\":{\"text\":" + viaEncoder + "},\"author\":null,"))
        #expect(try JSONSerialization.jsonObject(with: Data(fast.utf8)) is [String: Any])
    }
}
