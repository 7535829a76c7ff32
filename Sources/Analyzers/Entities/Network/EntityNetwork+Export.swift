import CorpusKit

/// Writing the network in the formats of graph tools: GEXF (Gephi), GraphML (yEd, Cytoscape, NetworkX) and an
/// edge list in CSV.
///
/// Every export lists nodes and edges in the order of ``EntityNetwork/nodes`` and ``EntityNetwork/edges`` and
/// carries no date, so the same network always gives the same bytes (exports can be diffed and tested).
extension EntityNetwork {
    /// The network as a GEXF 1.3 document, for Gephi.
    ///
    /// Nodes carry their id, label, and the attributes `kind` (string), `mentions` and `documents` (integers);
    /// edges carry their weight. Text is escaped for XML, and characters XML 1.0 does not allow (control
    /// characters other than tab, line feed and carriage return; U+FFFE, U+FFFF) are dropped.
    /// - Returns: The document, in a `String` to be written as UTF-8.
    /// - Complexity: O(n log n + e log e) for n nodes and e edges, plus the length of the text.
    public func gexf() -> String {
        let nodes = self.nodes
        let ids = XMLText.exportIDs(for: nodes)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3">
              <meta>
                <creator>CorpusKit</creator>
                <description>Entity co-occurrence by \(unit.rawValue)</description>
              </meta>
              <graph defaultedgetype="undirected" mode="static">
                <attributes class="node">
                  <attribute id="kind" title="kind" type="string"/>
                  <attribute id="mentions" title="mentions" type="integer"/>
                  <attribute id="documents" title="documents" type="integer"/>
                </attributes>
                <nodes>

            """
        for node in nodes {
            out += "      <node id=\""
            XMLText.append(ids[node.id] ?? node.id, to: &out)
            out += "\" label=\""
            XMLText.append(node.label, to: &out)
            out += "\">\n        <attvalues>\n          <attvalue for=\"kind\" value=\""
            XMLText.append(node.kind.rawValue, to: &out)
            out += "\"/>\n          <attvalue for=\"mentions\" value=\"\(node.mentions)\"/>\n"
            out += "          <attvalue for=\"documents\" value=\"\(node.documents)\"/>\n"
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (number, edge) in edges.enumerated() {
            out += "      <edge id=\"e\(number)\" source=\""
            XMLText.append(ids[edge.source] ?? edge.source, to: &out)
            out += "\" target=\""
            XMLText.append(ids[edge.target] ?? edge.target, to: &out)
            out += "\" weight=\"\(edge.weight)\"/>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    /// The network as a GraphML document.
    ///
    /// Nodes carry the data keys `label` and `kind` (strings), `mentions` and `documents` (ints); edges carry
    /// `weight` (int). Text is escaped and cleaned as in ``gexf()``.
    /// - Returns: The document, in a `String` to be written as UTF-8.
    /// - Complexity: O(n log n + e log e) for n nodes and e edges, plus the length of the text.
    public func graphML() -> String {
        let nodes = self.nodes
        let ids = XMLText.exportIDs(for: nodes)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
            http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="kind" for="node" attr.name="kind" attr.type="string"/>
              <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
              <key id="documents" for="node" attr.name="documents" attr.type="int"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
              <graph id="\(unit.rawValue)" edgedefault="undirected">

            """
        for node in nodes {
            out += "    <node id=\""
            XMLText.append(ids[node.id] ?? node.id, to: &out)
            out += "\">\n      <data key=\"label\">"
            XMLText.append(node.label, to: &out)
            out += "</data>\n      <data key=\"kind\">"
            XMLText.append(node.kind.rawValue, to: &out)
            out += "</data>\n      <data key=\"mentions\">\(node.mentions)</data>\n"
            out += "      <data key=\"documents\">\(node.documents)</data>\n    </node>\n"
        }
        for (number, edge) in edges.enumerated() {
            out += "    <edge id=\"e\(number)\" source=\""
            XMLText.append(ids[edge.source] ?? edge.source, to: &out)
            out += "\" target=\""
            XMLText.append(ids[edge.target] ?? edge.target, to: &out)
            out += "\">\n      <data key=\"weight\">\(edge.weight)</data>\n    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// The edges as CSV: a `source,target,weight` header, then one record per edge with the nodes' labels.
    ///
    /// Fields holding a comma, a double quote, a carriage return or a line feed are quoted, with quotes doubled
    /// (RFC 4180); records end with CRLF, as RFC 4180 specifies. Labels are names, not ids: two entities of
    /// different kinds with the same name (`Paris` the city and `Paris` the person) look the same here; use
    /// ``gexf()`` or ``graphML()`` when that matters.
    /// - Returns: The CSV text.
    /// - Complexity: O(e log e) for e edges, plus the length of the text.
    public func csv() -> String {
        var labels: [String: String] = [:]
        for node in nodeStore { labels[node.id] = node.label }
        var out = "source,target,weight\r\n"
        for edge in edges {
            CSVText.append(labels[edge.source] ?? edge.source, to: &out)
            out += ","
            CSVText.append(labels[edge.target] ?? edge.target, to: &out)
            out += ",\(edge.weight)\r\n"
        }
        return out
    }
}

/// Escaping text for XML 1.0 attributes and character data.
private enum XMLText {
    /// Appends `text` escaped: `& < > " '` as entities; tab, line feed and carriage return as character references
    /// (so that attribute-value normalization does not turn them into spaces); characters XML 1.0 forbids dropped.
    static func append(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&apos;"
            case 0x09: out += "&#9;"
            case 0x0A: out += "&#10;"
            case 0x0D: out += "&#13;"
            case 0x00..<0x20, 0xFFFE, 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Whether XML 1.0 forbids the scalar (Swift strings hold no lone surrogates, so these are all the cases).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The id each node gets in an XML export: its own, with forbidden characters dropped. When that makes it equal
    /// to another's (`a\u{1}b` and `ab`), the id that lost characters takes the first free `#2`, `#3`… suffix, in
    /// `nodes` order: ids without forbidden characters never change, and the renaming is deterministic.
    /// - Returns: The ids that change, keyed by node id (most networks give an empty dictionary).
    static func exportIDs(for nodes: [EntityNetwork.Node]) -> [String: String] {
        let unclean = nodes.filter { $0.id.unicodeScalars.contains(where: isForbidden) }
        guard !unclean.isEmpty else { return [:] }
        // Clean ids are distinct and keep their value; the cleaned ones then take the first free name.
        var taken = Set(nodes.lazy.filter { !$0.id.unicodeScalars.contains(where: isForbidden) }.map(\.id))
        var renamed: [String: String] = [:]
        for node in unclean {
            var base = ""
            base.unicodeScalars.append(contentsOf: node.id.unicodeScalars.filter { !isForbidden($0) })
            var candidate = base
            var suffix = 2
            while taken.contains(candidate) {
                candidate = "\(base)#\(suffix)"
                suffix += 1
            }
            taken.insert(candidate)
            renamed[node.id] = candidate
        }
        return renamed
    }
}

/// Quoting CSV fields as RFC 4180 describes.
private enum CSVText {
    /// Appends `field`, between double quotes with inner quotes doubled if it holds `,` `"` CR or LF.
    static func append(_ field: String, to out: inout String) {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            out += field
            return
        }
        out += "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        out += "\""
    }
}
