import CorpusKit
import CorpusKitAnalyzers
import Testing

/// Strings written for these tests, each one a date as pages and scraped records print them.
@Suite("Date parsing: a string that is a date")
struct DateParsingTests {
    let now = PublicationDate(iso8601: "2024-03-15T10:30")!
    let parser = DateExtractor()

    @Test func agesArePastInstants() throws {
        #expect(parser.parse("il y a 2 heures", anchor: now)?.value == "2024-03-15T08:30")
        #expect(parser.parse("Il y a moins de 21 min", anchor: now)?.value == "2024-03-15T10:09")
        #expect(parser.parse("moins de 21h", anchor: now)?.value == "2024-03-14T13:30")
        #expect(parser.parse("3 days ago", anchor: now)?.value == "2024-03-12")
        #expect(parser.parse("1 an 2 mois", anchor: now)?.value == "2023-01-15")
        #expect(parser.parse("2 ans, 1 mois et 1 semaine", anchor: now)?.value == "2022-02-08")
        let age = try #require(parser.parse("il y a 45s", anchor: now))
        #expect(age.value == "2024-03-15T10:29:15")
        #expect(age.kind == .dateTime)
        #expect(age.rule == "parse-age")
    }

    @Test func aheadWithEnOrDans() {
        #expect(parser.parse("dans 3 jours", anchor: now)?.value == "2024-03-18")
        #expect(parser.parse("En 2 heures", anchor: now)?.value == "2024-03-15T12:30")
        #expect(parser.parse("in 2 weeks", anchor: now)?.value == "2024-03-29")
    }

    @Test func notAges() {
        // A clock time alone, a year after `en`, a span of time, mixed languages, no anchor.
        #expect(parser.parse("21h", anchor: now)?.value == "T21:00")
        #expect(parser.parse("en 2021", anchor: now)?.value == "2021")
        #expect(parser.parse("pendant 3 jours", anchor: now)?.value == "P3D")
        #expect(parser.parse("4 heures ago", anchor: now) == nil)
        #expect(parser.parse("rien à voir", anchor: now) == nil)
        #expect(parser.parse("il y a 2 heures", anchor: nil)?.flags.contains(.unanchored) != false)
    }

    @Test func shapesTooAmbiguousInRunningTextAreRead() {
        // In running text `le 16` is a shirt number and `17 02` two counts; a string that is a date says more.
        #expect(parser.parse("le 16", anchor: now)?.value == "2024-03-16")
        #expect(parser.parse("le 16", anchor: now)?.alternatives.map(\.value) == ["2024-02-16"])
        #expect(parser.parse("17 02", anchor: now)?.value == "2024-02-17")
        #expect(parser.parse("le 20 02 14", anchor: now)?.value == "2014-02-20")
        #expect(DateExtractor().extract(from: "Il a marqué 17 02 fois.", anchor: now).isEmpty)
    }

    @Test func aPartOfTheDayAloneIsTheAnchorDays() {
        // In running text `le soir` is a habit; a string that is a date means this evening.
        #expect(parser.parse("le soir", anchor: now)?.intervalStart == "2024-03-15T18:00")
        #expect(DateExtractor().extract(from: "Le soir, il lit.", anchor: now).isEmpty)
    }

    @Test func partsAreJoined() throws {
        let e = try #require(parser.parse("le 16 plutôt vers 18h", anchor: now))
        #expect(e.value == "2024-03-16T18:00")
        #expect(e.kind == .dateTime)
        #expect(e.text == "le 16 plutôt vers 18h")
        #expect(parser.parse("le 16 vers 6h dans la soirée", anchor: now)?.value == "2024-03-16T18:00")
        #expect(parser.parse("Publié le 12 - 02 - 2021 à 18h32", anchor: now)?.value == "2021-02-12T18:32")
    }

    @Test func oddInputNeverTraps() {
        for text in ["", " ", "\u{0}", "il y a", "moins de", "en", "ago", "12 " + String(repeating: "02 ", count: 50_000),
                     String(repeating: "a", count: 1_000_000), "le 99", "le 0", "31 02", "il y a 99999999999 ans"] {
            _ = parser.parse(text, anchor: now)
            _ = parser.parse(text, anchor: nil)
        }
        #expect(parser.parse("31 02", anchor: now) == nil)
    }
}
