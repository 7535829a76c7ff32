import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("corpus-tool entities and network", .serialized)
struct EntityCommandsTests {
    @Test func entitiesListsTheCorpusMostMentionedFirst() throws {
        let run = try Tool.run(["entities", "Examples/corpus", "--format", "csv", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "kind,name,mentions,documents,first,last,variants")
        let mentions = lines.dropFirst().compactMap { line -> Int? in
            // The mentions column is the third; names here hold no commas or quotes.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count >= 3 ? Int(fields[2]) : nil
        }
        #expect(!mentions.isEmpty)
        #expect(mentions == mentions.sorted(by: >))
        // The same person spelled two ways in two articles is one entity.
        #expect(lines.contains { $0.hasPrefix("person,Abdelmadjid Ould Cheikh,2,2,") && $0.contains("Abdelmajid Ould Cheikh=1") })
    }

    @Test func entitiesFiltersByKindAndTop() throws {
        let run = try Tool.run(["entities", "Examples/corpus", "--kind", "organization", "--top", "3", "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 3)
        #expect(list.allSatisfy { $0["kind"] as? String == "organization" })
    }

    @Test func aUserNameFileAddsAndForbidsNames() throws {
        try Tool.withFiles(["names.tsv": "!Afrique\n", "bad.tsv": "Sonelgaz\n"]) { directory in
            let names = directory.appendingPathComponent("names.tsv").path
            let run = try Tool.run(["entities", "Examples/corpus", "--names", names, "--format", "csv", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.contains("location,Afrique,"))
            let failed = try Tool.run(["entities", "Examples/corpus", "--names", directory.appendingPathComponent("bad.tsv").path])
            #expect(failed.status == 64)
            #expect(failed.stderr.contains("bad.tsv:1"))
        }
    }

    @Test func networkExportsParseBack() throws {
        for format in ["gexf", "graphml"] {
            let run = try Tool.run(["network", "Examples/corpus", "--format", format, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let counter = ElementCounter()
            let parser = XMLParser(data: Data(run.stdout.utf8))
            parser.delegate = counter
            #expect(parser.parse(), "\(format) is not well-formed XML")
            #expect(counter.counts["node", default: 0] > 5)
            #expect(counter.counts["edge", default: 0] > 5)
        }
        let csv = try Tool.run(["network", "Examples/corpus", "--format", "csv", "--unit", "article", "--quiet"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("source,target,weight\r\n"))
        let missing = try Tool.run(["network", "Examples/corpus"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--format"))
    }
}

/// Counts XML elements by name.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:])
    {
        counts[elementName, default: 0] += 1
    }
}

@Suite("corpus-tool quotes", .serialized)
struct QuotesCommandTests {
    @Test func quotesAreListedWithSpeakers() throws {
        let run = try Tool.run(["quotes", "Examples/corpus", "--format", "csv", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "article,kind,speaker,method,cue,confidence,text")
        #expect(lines.contains { $0.hasPrefix("fr-rabat-paris-accord-mobilite-etudiants,direct,Jean Martin,name,a déclaré,") })
    }

    @Test func speakerFilterIgnoresCaseAndAccents() throws {
        let run = try Tool.run(["quotes", "Examples/corpus", "--speaker", "jean MARTIN", "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            let quote = row["quote"] as? [String: Any]
            let speaker = quote?["speakerEntity"] as? [String: Any]
            #expect(speaker?["name"] as? String == "Jean Martin")
        }
    }
}
