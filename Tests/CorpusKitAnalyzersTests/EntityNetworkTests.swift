import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Entities written for these tests, as an entity recognizer would give them for short French stories. Names are
/// invented; spans are placeholders, since the network reads only the sentence and paragraph indices.
enum NetworkFixtures {
    static let garnier = "Élodie Garnier"
    static let cooperative = "Coopérative laitière du Haut-Vivarais"
    static let village = "Saint-Aurèle-sur-Vône"
    static let prefecture = "Préfecture du Haut-Vivarais"
    static let brossard = "Hélène Brossard"

    /// A mention at the given sentence and paragraph.
    static func mention(_ text: String, sentence: Int?, paragraph: Int?) -> EntityMention {
        EntityMention(
            span: TextSpan(start: 0, end: text.utf8.count), text: text, sentence: sentence, paragraph: paragraph)
    }

    /// An entity with mentions at (sentence, paragraph) positions.
    static func entity(_ kind: EntityKind, _ name: String, at positions: [(Int?, Int?)]) -> Entity {
        Entity(
            kind: kind, canonicalName: name, variants: [.init(text: name, count: positions.count, reason: "canonical")],
            mentions: positions.map { mention(name, sentence: $0.0, paragraph: $0.1) })
    }

    /// A story in two paragraphs:
    ///
    /// > (§0) Élodie Garnier a rencontré jeudi les dirigeants de la Coopérative laitière du Haut-Vivarais. Selon
    /// > Mme Garnier, la coopérative devra investir deux millions d'euros.
    /// > (§1) À Saint-Aurèle-sur-Vône, les éleveurs attendent des garanties. « Nous serons là », assure Élodie
    /// > Garnier, qui promet de revenir voir la coopérative en mai.
    ///
    /// plus a photo caption naming Élodie Garnier, outside any sentence or paragraph. Garnier and the cooperative
    /// share 3 sentences, 2 paragraphs, 1 article; each shares with the village 0 sentences, 1 paragraph, 1 article.
    static let dairyStory: [Entity] = [
        entity(.person, garnier, at: [(0, 0), (1, 0), (3, 1), (nil, nil)]),
        entity(.organization, cooperative, at: [(0, 0), (1, 0), (3, 1)]),
        entity(.location, village, at: [(2, 1)]),
    ]

    /// A short item: the prefecture and Garnier in one sentence, the village alone in the next paragraph.
    static let prefectureItem: [Entity] = [
        entity(.organization, prefecture, at: [(0, 0)]),
        entity(.person, garnier, at: [(0, 0)]),
        entity(.location, village, at: [(1, 1)]),
    ]

    /// A corpus-level record with counts but no mentions (4 + 2 mentions, no position).
    static let countsOnly: [Entity] = [
        Entity(
            kind: .person, canonicalName: brossard,
            variants: [
                .init(text: brossard, count: 4, reason: "canonical"), .init(text: "Brossard", count: 2, reason: "surname"),
            ]),
        entity(.organization, cooperative, at: []),
    ]

    /// Several varied articles, for the merge and ordering tests.
    static var corpus: [[Entity]] {
        [
            dairyStory, prefectureItem, countsOnly,
            [
                entity(.person, brossard, at: [(0, 0), (2, 1)]),
                entity(.organization, prefecture, at: [(0, 0), (1, 0), (2, 1)]),
                entity(.location, village, at: [(1, 0)]),
            ],
            [
                entity(.person, garnier, at: [(4, 2)]),
                entity(.person, brossard, at: [(4, 2), (5, 2)]),
                entity(.organization, cooperative, at: [(5, 2)]),
            ],
            [],
        ]
    }

    /// Names that XML and CSV must escape: `&`, `<`, `>`, `"`, `'`, a comma, an emoji, a tab, a line break, and a
    /// control character (U+0001) that XML 1.0 cannot carry.
    static let awkwardArticle: [Entity] = [
        entity(.organization, "Dupont & Fils <Tanneries> \"Les Ateliers\" l'Étoile 🧵", at: [(0, 0)]),
        entity(.person, "Martin, dit \"le Grand\"", at: [(0, 0), (1, 0)]),
        entity(.location, "Bourg\u{1}-Neuf", at: [(0, 0)]),
        entity(.location, "Bourg-Neuf", at: [(1, 0)]),
        entity(.misc, "Fête\tde la\r\nmoisson", at: [(1, 0)]),
        entity(EntityKind("média:local"), "Radio Vône 🎙️", at: [(1, 0)]),
    ]
}

@Suite("Entity network")
struct EntityNetworkTests {
    typealias Fx = NetworkFixtures

    func id(_ kind: EntityKind, _ name: String) -> String { EntityNetwork.nodeID(kind: kind, name: name) }

    func build(_ unit: EntityNetwork.Unit, _ articles: [[Entity]]) -> EntityNetwork {
        var network = EntityNetwork(unit: unit)
        for article in articles { network.add(article: article) }
        return network
    }

    @Test("Ids are the kind and the name, and stay unique with colons in kinds")
    func nodeIDs() {
        #expect(id(.person, "Jean Martin") == "person:Jean Martin")
        #expect(id(EntityKind("a:b"), "c") != id(EntityKind("a"), "b:c"))
        #expect(id(EntityKind("a%3Ab"), "c") != id(EntityKind("a:b"), "c"))
    }

    @Test(
        "Sentences, paragraphs and articles give different weights",
        arguments: zip(EntityNetwork.Unit.allCases, [(3, 0), (2, 1), (1, 1)]))
    func weightsPerUnit(unit: EntityNetwork.Unit, expected: (Int, Int)) {
        let (garnierCooperative, withVillage) = expected
        let network = build(unit, [Fx.dairyStory])
        let garnier = id(.person, Fx.garnier)
        let cooperative = id(.organization, Fx.cooperative)
        let village = id(.location, Fx.village)
        #expect(network.unit == unit)
        #expect(network.weight(between: garnier, and: cooperative) == garnierCooperative)
        #expect(network.weight(between: cooperative, and: garnier) == garnierCooperative)
        #expect(network.weight(between: garnier, and: village) == withVillage)
        #expect(network.weight(between: cooperative, and: village) == withVillage)
        #expect(network.edgeCount == (withVillage == 0 ? 1 : 3))
        #expect(network.edges.allSatisfy { $0.source < $0.target && $0.weight > 0 })
    }

    @Test("Nodes count mentions, counts without mentions, and articles")
    func mentionsAndDocuments() {
        let network = build(.sentence, [Fx.dairyStory, Fx.prefectureItem, Fx.countsOnly])
        let nodes = Dictionary(uniqueKeysWithValues: network.nodes.map { ($0.id, $0) })
        #expect(nodes.count == 5)
        // The caption mention has no sentence but is still a mention.
        #expect(nodes[id(.person, Fx.garnier)]?.mentions == 5)
        #expect(nodes[id(.person, Fx.garnier)]?.documents == 2)
        #expect(nodes[id(.person, Fx.garnier)]?.label == Fx.garnier)
        #expect(nodes[id(.person, Fx.garnier)]?.kind == .person)
        #expect(nodes[id(.organization, Fx.cooperative)]?.mentions == 3)
        #expect(nodes[id(.organization, Fx.cooperative)]?.documents == 2)
        #expect(nodes[id(.location, Fx.village)]?.documents == 2)
        #expect(nodes[id(.person, Fx.brossard)]?.mentions == 6)
        #expect(nodes[id(.person, Fx.brossard)]?.documents == 1)
        // The counts-only article has no positions: no sentence edge, even though both are in the article.
        #expect(network.weight(between: id(.person, Fx.brossard), and: id(.organization, Fx.cooperative)) == 0)
        #expect(network.weight(between: id(.person, Fx.garnier), and: id(.organization, Fx.prefecture)) == 1)
        #expect(network.weight(between: id(.person, Fx.garnier), and: id(.organization, Fx.cooperative)) == 3)
        #expect(network.weight(between: id(.person, Fx.garnier), and: id(.person, Fx.garnier)) == 0)
    }

    @Test("An entity listed twice in one article is one node, one article, and no loop")
    func repeatedEntity() {
        let twice = [
            Fx.entity(.person, Fx.garnier, at: [(0, 0)]), Fx.entity(.person, Fx.garnier, at: [(1, 0)]),
            Fx.entity(.location, "Lestrade", at: [(1, 0)]), Fx.entity(.organization, "Lestrade", at: [(1, 0)]),
        ]
        let network = build(.sentence, [twice])
        #expect(network.nodeCount == 3)
        let garnier = network.nodes.first { $0.id == id(.person, Fx.garnier) }
        #expect(garnier?.mentions == 2)
        #expect(garnier?.documents == 1)
        #expect(network.edges.allSatisfy { $0.source != $0.target })
        // Same name, different kinds: two nodes, linked.
        #expect(network.weight(between: id(.location, "Lestrade"), and: id(.organization, "Lestrade")) == 1)
        #expect(network.weight(between: id(.person, Fx.garnier), and: id(.location, "Lestrade")) == 1)
    }

    @Test("Merging shards equals adding every article to one network", arguments: EntityNetwork.Unit.allCases)
    func mergeShards(unit: EntityNetwork.Unit) {
        let corpus = Fx.corpus
        let whole = build(unit, corpus)
        let first = build(unit, Array(corpus.prefix(2)))
        let second = build(unit, Array(corpus.dropFirst(2)))
        var merged = first
        merged.merge(second)
        var reversed = second
        reversed.merge(first)
        #expect(merged == whole)
        #expect(reversed == whole)
        #expect(merged.gexf() == whole.gexf())
        #expect(reversed.csv() == whole.csv())
        var withEmpty = whole
        withEmpty.merge(EntityNetwork(unit: unit))
        #expect(withEmpty == whole)
        // One shard per article, merged in a scrambled order.
        var scrambled = EntityNetwork(unit: unit)
        for index in [3, 0, 5, 2, 4, 1] { scrambled.merge(build(unit, [corpus[index]])) }
        #expect(scrambled == whole)
    }

    @Test("Merging networks of another unit keeps this unit and adds the weights")
    func mergeAcrossUnits() {
        var sentences = build(.sentence, [Fx.dairyStory])
        sentences.merge(build(.article, [Fx.dairyStory]))
        #expect(sentences.unit == .sentence)
        let garnier = id(.person, Fx.garnier)
        #expect(sentences.weight(between: garnier, and: id(.organization, Fx.cooperative)) == 3 + 1)
        #expect(sentences.weight(between: garnier, and: id(.location, Fx.village)) == 1)
        #expect(sentences.nodes.first { $0.id == garnier }?.documents == 2)
    }

    @Test("Order is deterministic: nodes by mentions then id, edges by weight then ends")
    func deterministicOrder() {
        let forward = build(.paragraph, Fx.corpus)
        let backward = build(.paragraph, Fx.corpus.reversed())
        #expect(forward.nodes == backward.nodes)
        #expect(forward.edges == backward.edges)
        #expect(forward.gexf() == backward.gexf())
        #expect(forward.graphML() == backward.graphML())
        #expect(forward.csv() == backward.csv())
        let nodes = forward.nodes
        for (a, b) in zip(nodes, nodes.dropFirst()) {
            #expect(a.mentions > b.mentions || (a.mentions == b.mentions && a.id < b.id))
        }
        let edges = forward.edges
        for (a, b) in zip(edges, edges.dropFirst()) {
            #expect(
                a.weight > b.weight
                    || (a.weight == b.weight && (a.source < b.source || (a.source == b.source && a.target < b.target))))
        }
    }

    @Test("Canonically equivalent spellings are one node, named the same whatever the order")
    func canonicalEquivalence() {
        let decomposed = "He\u{301}le\u{300}ne Brossard"
        let articles = [
            [Fx.entity(.person, Fx.brossard, at: [(0, 0)])], [Fx.entity(.person, decomposed, at: [(0, 0)])],
        ]
        let forward = build(.sentence, articles)
        let backward = build(.sentence, articles.reversed())
        #expect(forward.nodeCount == 1)
        #expect(forward.nodes.first?.documents == 2)
        #expect(forward.nodes.map { Array($0.id.utf8) } == backward.nodes.map { Array($0.id.utf8) })
        #expect(forward.nodes.map { Array($0.label.utf8) } == backward.nodes.map { Array($0.label.utf8) })
    }

    @Test("Each unit pairs at most 200 entities, the most mentioned", arguments: [EntityNetwork.Unit.sentence, .article])
    func cap(unit: EntityNetwork.Unit) {
        // A results page: 250 candidates in one sentence; the first 50 are named once, the others three times.
        let names = (0..<250).map { "Candidat n° \(1000 + $0)" }
        var article = names.enumerated().map { index, name in
            Fx.entity(.person, name, at: index < 50 ? [(0, 0)] : [(0, 0), (0, 0), (0, 0)])
        }
        // The two least mentioned also meet in another sentence, where they are under the cap.
        article[0].mentions.append(Fx.mention(names[0], sentence: 1, paragraph: 0))
        article[1].mentions.append(Fx.mention(names[1], sentence: 1, paragraph: 0))
        let network = build(unit, [article])
        let cap = EntityNetwork.maximumEntitiesPerUnit
        #expect(cap == 200)
        #expect(network.nodeCount == 250)
        #expect(network.nodes.allSatisfy { $0.documents == 1 })
        let pairs = cap * (cap - 1) / 2
        let left = Set(names.prefix(50).map { id(.person, $0) })
        if unit == .sentence {
            #expect(network.edgeCount == pairs + 1)
            #expect(network.weight(between: id(.person, names[0]), and: id(.person, names[1])) == 1)
            #expect(network.edges.filter { left.contains($0.source) || left.contains($0.target) }.count == 1)
        } else {
            // The article is one unit: the 200 named three times.
            #expect(network.edgeCount == pairs)
            #expect(network.weight(between: id(.person, names[0]), and: id(.person, names[1])) == 0)
            #expect(network.edges.allSatisfy { !left.contains($0.source) && !left.contains($0.target) })
        }
        #expect(network.weight(between: id(.person, names[60]), and: id(.person, names[249])) == 1)
    }

    // MARK: Exports

    /// The text an XML export should give back: the name without the characters XML 1.0 forbids.
    func xmlClean(_ text: String) -> String {
        var clean = ""
        clean.unicodeScalars.append(
            contentsOf: text.unicodeScalars.filter {
                $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r"
            }.filter { $0.value != 0xFFFE && $0.value != 0xFFFF })
        return clean
    }

    func parse(_ xml: String) -> GraphCollector {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = GraphCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "XML error: \(String(describing: parser.parserError))")
        return collector
    }

    /// Checks parsed nodes and edges against the network; `values` gives a node's kind, mentions, documents and
    /// label as the format stores them.
    func check(
        _ collected: GraphCollector, against network: EntityNetwork, label: (GraphCollector.Node) -> String?,
        value: (GraphCollector.Node, String) -> String?, weight: (GraphCollector.Edge) -> String?
    ) {
        let nodes = network.nodes
        #expect(collected.nodes.count == nodes.count)
        #expect(collected.edges.count == network.edgeCount)
        #expect(Set(collected.nodes.map(\.id)).count == nodes.count, "exported ids are unique")
        var networkID: [String: String] = [:]
        for (parsed, node) in zip(collected.nodes, nodes) {
            networkID[parsed.id] = node.id
            #expect(parsed.id == xmlClean(node.id) || parsed.id.hasPrefix(xmlClean(node.id) + "#"))
            #expect(label(parsed).map { Array($0.unicodeScalars) } == Array(xmlClean(node.label).unicodeScalars))
            #expect(value(parsed, "kind") == node.kind.rawValue)
            #expect(value(parsed, "mentions") == String(node.mentions))
            #expect(value(parsed, "documents") == String(node.documents))
        }
        for (parsed, edge) in zip(collected.edges, network.edges) {
            #expect(networkID[parsed.source] == edge.source)
            #expect(networkID[parsed.target] == edge.target)
            #expect(weight(parsed) == String(edge.weight))
        }
    }

    func awkwardNetwork() -> EntityNetwork {
        build(.sentence, [Fx.awkwardArticle, Fx.dairyStory])
    }

    @Test("GEXF parses back with its attributes, escaped names and an emoji")
    func gexfRoundTrip() throws {
        let network = awkwardNetwork()
        let gexf = network.gexf()
        #expect(gexf.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"))
        #expect(!gexf.unicodeScalars.contains("\u{1}"))
        let collected = parse(gexf)
        #expect(collected.root == "gexf")
        #expect(collected.graph["defaultedgetype"] == "undirected")
        #expect(collected.graph["mode"] == "static")
        let declared = collected.declarations.filter { $0.value.owner == "node" }
        let titles = Dictionary(uniqueKeysWithValues: declared.map { ($0.value.name, $0.value.type) })
        #expect(titles == ["kind": "string", "mentions": "integer", "documents": "integer"])
        let titleOfID = declared.mapValues(\.name)
        check(
            collected, against: network, label: { $0.attributes["label"] },
            value: { node, title in
                node.values.first { titleOfID[$0.key] == title }?.value
            },
            weight: { $0.attributes["weight"] })
        let labels = collected.nodes.compactMap { $0.attributes["label"] }
        #expect(labels.contains("Dupont & Fils <Tanneries> \"Les Ateliers\" l'Étoile 🧵"))
        #expect(labels.contains("Bourg-Neuf"))
        #expect(Set(collected.nodes.map(\.id)).count == network.nodeCount)
    }

    @Test("GraphML parses back with its keys, escaped names and an emoji")
    func graphMLRoundTrip() throws {
        let network = awkwardNetwork()
        let collected = parse(network.graphML())
        #expect(collected.root == "graphml")
        #expect(collected.graph["edgedefault"] == "undirected")
        let nodeKeys = collected.declarations.filter { $0.value.owner == "node" }
        #expect(Set(nodeKeys.values.map(\.name)) == ["label", "kind", "mentions", "documents"])
        #expect(collected.declarations.values.filter { $0.owner == "edge" }.map(\.name) == ["weight"])
        let nameOfKey = collected.declarations.mapValues(\.name)
        func data(_ values: [String: String], _ name: String) -> String? {
            values.first { nameOfKey[$0.key] == name }?.value
        }
        check(
            collected, against: network, label: { data($0.values, "label") }, value: { data($0.values, $1) },
            weight: { data($0.values, "weight") })
        #expect(collected.nodes.contains { data($0.values, "label") == "Martin, dit \"le Grand\"" })
        #expect(collected.nodes.contains { data($0.values, "label") == "Fête\tde la\r\nmoisson" })
    }

    @Test("An empty network exports valid documents")
    func emptyExports() {
        let network = EntityNetwork(unit: .paragraph)
        #expect(parse(network.gexf()).nodes.isEmpty)
        #expect(parse(network.graphML()).edges.isEmpty)
        #expect(network.csv() == "source,target,weight\r\n")
    }

    @Test("CSV quotes commas, quotes and line breaks, and parses back to labels and weights")
    func csvRoundTrip() {
        let network = awkwardNetwork()
        let csv = network.csv()
        #expect(csv.contains("\"Martin, dit \"\"le Grand\"\"\""))
        let records = parseCSV(csv)
        #expect(records.first == ["source", "target", "weight"])
        let labels = Dictionary(uniqueKeysWithValues: network.nodes.map { ($0.id, $0.label) })
        let expected = network.edges.map { [labels[$0.source] ?? "", labels[$0.target] ?? "", String($0.weight)] }
        #expect(Array(records.dropFirst()) == expected)
        #expect(records.joined().contains("Martin, dit \"le Grand\""))
        #expect(records.joined().contains("Fête\tde la\r\nmoisson"))
    }

    /// A reader for RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; records end with
    /// CRLF or LF.
    func parseCSV(_ text: String) -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var index = 0
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count && scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": endField()
            case "\r", "\n":
                if scalar == "\r" && index < scalars.count && scalars[index] == "\n" { index += 1 }
                endField()
                records.append(record)
                record = []
            default: field.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}

/// Collects the nodes, edges and attribute declarations of a GEXF or GraphML document.
final class GraphCollector: NSObject, XMLParserDelegate {
    /// A declared attribute (GEXF `<attribute>`) or key (GraphML `<key>`).
    struct Declaration {
        /// `node` or `edge`.
        var owner: String
        var name: String
        var type: String
    }

    struct Node {
        var id: String
        var attributes: [String: String]
        /// GEXF attvalues or GraphML data, by attribute id or key.
        var values: [String: String] = [:]
    }

    struct Edge {
        var source: String
        var target: String
        var attributes: [String: String]
        var values: [String: String] = [:]
    }

    var root = ""
    var graph: [String: String] = [:]
    var declarations: [String: Declaration] = [:]
    var nodes: [Node] = []
    var edges: [Edge] = []

    private var attributeClass = ""
    private var inNode = false
    private var inEdge = false
    private var dataKey: String?
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "gexf", "graphml": root = elementName
        case "graph": graph = attributes
        case "attributes": attributeClass = attributes["class"] ?? ""
        case "attribute":
            declarations[attributes["id"] ?? ""] = Declaration(
                owner: attributeClass, name: attributes["title"] ?? "", type: attributes["type"] ?? "")
        case "key":
            declarations[attributes["id"] ?? ""] = Declaration(
                owner: attributes["for"] ?? "", name: attributes["attr.name"] ?? "", type: attributes["attr.type"] ?? "")
        case "node":
            nodes.append(Node(id: attributes["id"] ?? "", attributes: attributes))
            inNode = true
        case "edge":
            edges.append(
                Edge(source: attributes["source"] ?? "", target: attributes["target"] ?? "", attributes: attributes))
            inEdge = true
        case "attvalue":
            if inNode, !nodes.isEmpty { nodes[nodes.count - 1].values[attributes["for"] ?? ""] = attributes["value"] }
        case "data":
            dataKey = attributes["key"]
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if dataKey != nil { text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch elementName {
        case "node": inNode = false
        case "edge": inEdge = false
        case "data":
            guard let key = dataKey else { return }
            if inNode, !nodes.isEmpty { nodes[nodes.count - 1].values[key] = text }
            if inEdge, !edges.isEmpty { edges[edges.count - 1].values[key] = text }
            dataKey = nil
        default: break
        }
    }
}
