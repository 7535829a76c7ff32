import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool network`: the co-occurrence network of a corpus's entities, for Gephi or a spreadsheet.
struct NetworkCommand: ToolCommand {
    static let name = "network"
    static let abstract = "Export the co-occurrence network of entities (GEXF, GraphML, CSV)."
    static let usage = "corpus-tool network <path> ... --format gexf|graphml|csv [--unit sentence|paragraph|article] [--names <file>]"
    static let options: [ArgumentScanner.Option] = [
        .init(name: "--format", takesValue: true), .init(name: "--unit", takesValue: true),
        .init(name: "--kind", takesValue: true), .init(name: "--names", takesValue: true), .init(name: "--aliases", takesValue: true),
        .init(name: "--no-clean", takesValue: false), .init(name: "--quiet", takesValue: false),
    ]
    static let help = """
        OVERVIEW: \(abstract)

        Nodes are the corpus's entities (merged across articles as `corpus-tool entities` does), with their kind,
        mentions and number of articles as attributes; an edge joins two entities named in the same unit, its
        weight the number of units they share. Written to standard output.

        USAGE: \(usage)

        OPTIONS:
          --format <format>       gexf (GEXF 1.3, for Gephi), graphml, or csv (source,target,weight).
          --unit <unit>           sentence (default), paragraph or article.
          --kind <kind>           Only these kinds (comma-separated: person,organization,location,misc).
          --names <file>          Your own names (`name<TAB>kind`, `!name`), as for `entities`.
          --aliases <file>        Merges to force or forbid, as for `entities`.
          --no-clean              Read the pages as they are, without the page-cleaning stage.
          --quiet                 No progress line on standard error.
          -h, --help              Show help information.

        EXAMPLES:
          corpus-tool network Examples/corpus --format gexf > corpus.gexf
          corpus-tool network articles.jsonl --format csv --unit paragraph --kind person > people.csv
        """

    enum Format: String { case gexf, graphml, csv }

    let paths: [String]
    let format: Format
    let unit: EntityNetwork.Unit
    let kinds: Set<EntityKind>?
    let names: String?
    let aliases: EntityAliases
    let clean: Bool
    let quiet: Bool

    init(_ arguments: ArgumentScanner) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing <path>: give files, directories or -") }
        paths = arguments.positionals
        guard let formatName = arguments.value("--format") else {
            throw UsageError("missing --format (gexf, graphml or csv)")
        }
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)' (expected gexf, graphml or csv)")
        }
        self.format = format
        let unitName = arguments.value("--unit") ?? "sentence"
        guard let unit = EntityNetwork.Unit(rawValue: unitName) else {
            throw UsageError("unknown unit '\(unitName)' (expected sentence, paragraph or article)")
        }
        self.unit = unit
        kinds = arguments.value("--kind").map { Set($0.split(separator: ",").map { EntityKind(String($0).trimmingCharacters(in: .whitespaces)) }) }
        names = arguments.value("--names")
        aliases = try EntityInput.aliases(arguments.value("--aliases"))
        clean = !arguments.flag("--no-clean")
        quiet = arguments.flag("--quiet")
    }

    func run() throws -> ExitCode {
        let pipeline = try EntityInput.pipeline(names: names, clean: clean)
        var articles: [[Entity]] = []
        let (summary, analyzerFailures) = CorpusInput.run(pipeline, paths: paths, quiet: quiet, verb: "read") { analysis in
            articles.append(analysis[.entities] ?? [])
        }
        Terminal.clearProgress()
        let index = summary.summary(of: .entities, as: EntityIndex.self) ?? EntityIndex()
        let merged = index.mergedNames(aliases: aliases)
        var network = EntityNetwork(unit: unit)
        for var entities in articles {
            if let kinds { entities = entities.filter { kinds.contains($0.kind) } }
            for k in entities.indices {
                let key = entities[k].kind.rawValue + "\u{1F}" + entities[k].canonicalName
                if let name = merged[key] { entities[k].canonicalName = name }
            }
            network.add(article: entities)
        }
        switch format {
        case .gexf: Terminal.write(network.gexf())
        case .graphml: Terminal.write(network.graphML())
        case .csv: Terminal.write(network.csv())
        }
        Terminal.flush()
        return RunOutcome.finish("read", summary: summary, analyzerFailures: analyzerFailures, encodingFailures: 0)
    }
}
