import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool entities`: the people, organisations and places of a corpus, counted and merged.
struct EntitiesCommand: ToolCommand {
    static let name = "entities"
    static let abstract = "Count the people, organisations and places a corpus names."
    static let usage = "corpus-tool entities <path> ... [--top <n>] [--kind <kind>] [--format table|json|csv] [--names <file>] [--aliases <file>]"
    static let options: [ArgumentScanner.Option] = [
        .init(name: "--top", takesValue: true), .init(name: "--kind", takesValue: true),
        .init(name: "--format", takesValue: true), .init(name: "--names", takesValue: true), .init(name: "--aliases", takesValue: true),
        .init(name: "--no-clean", takesValue: false), .init(name: "--quiet", takesValue: false),
    ]
    static let help = """
        OVERVIEW: \(abstract)

        Recognises the entities of every article (people with their titles kept apart, organisations by head word
        and acronym, places by gazetteer and context), merges the mentions of each within its article (`M. Martin`
        and `Martin` with `Jean Martin`, an acronym with its expansion), then across the corpus (names equal after
        folding case, accents and hyphens, and spelling variants of transliterated names such as `Abdelmadjid` and
        `Abdelmajid`, when unambiguous), and lists them most mentioned first with the number of articles naming
        them, the first and last publication dates and every spelling with its count and merge reason.

        USAGE: \(usage)

        ARGUMENTS:
          <path>                  A .txt file (one article, id = file name), a .jsonl file (one article per
                                  line), a directory (read recursively, sorted), or - for JSONL on stdin.

        OPTIONS:
          --top <n>               Only the n most mentioned entities (default: all).
          --kind <kind>           Only this kind: person, organization, location, misc (repeatable as a
                                  comma-separated list).
          --format <format>       table (default), json (one array) or csv (kind,name,mentions,documents,
                                  first,last,variants).
          --names <file>          Your own names: `name<TAB>kind` lines add or force a name, `!name` lines forbid
                                  one (see the README).
          --aliases <file>        Merges to force (`name<TAB>=<TAB>canonical`) or forbid (`name<TAB>!=<TAB>other`)
                                  across the corpus.
          --no-clean              Read the pages as they are, without the page-cleaning stage.
          --quiet                 No progress line on standard error.
          -h, --help              Show help information.

        EXAMPLES:
          corpus-tool entities Examples/corpus --top 20
          corpus-tool entities articles.jsonl --kind person --format csv > people.csv
          corpus-tool entities pages/ --names my-names.tsv --format json
        """

    enum Format: String { case table, json, csv }

    let paths: [String]
    let top: Int?
    let kinds: Set<EntityKind>?
    let format: Format
    let names: String?
    let aliases: EntityAliases
    let clean: Bool
    let quiet: Bool

    init(_ arguments: ArgumentScanner) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing <path>: give files, directories or -") }
        paths = arguments.positionals
        if let text = arguments.value("--top") {
            guard let value = Int(text), value > 0 else { throw UsageError("--top expects a whole number above 0, got '\(text)'") }
            top = value
        } else {
            top = nil
        }
        kinds = arguments.value("--kind").map { Set($0.split(separator: ",").map { EntityKind(String($0).trimmingCharacters(in: .whitespaces)) }) }
        let formatName = arguments.value("--format") ?? "table"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)' (expected table, json or csv)")
        }
        self.format = format
        names = arguments.value("--names")
        aliases = try EntityInput.aliases(arguments.value("--aliases"))
        clean = !arguments.flag("--no-clean")
        quiet = arguments.flag("--quiet")
    }

    func run() throws -> ExitCode {
        let pipeline = try EntityInput.pipeline(names: names, clean: clean)
        let (summary, analyzerFailures) = CorpusInput.run(pipeline, paths: paths, quiet: quiet, verb: "read")
        Terminal.clearProgress()
        let index = summary.summary(of: .entities, as: EntityIndex.self) ?? EntityIndex()
        var entities = index.entities(aliases: aliases)
        if let kinds { entities = entities.filter { kinds.contains($0.kind) } }
        if let top { entities = Array(entities.prefix(top)) }
        var encodingFailures = 0
        switch format {
        case .table:
            var table = TableRenderer(headers: ["KIND", "NAME", "MENTIONS", "ARTICLES", "FIRST", "LAST", "SPELLINGS"])
            table.maxCellWidth = 60
            for entity in entities {
                table.add([
                    entity.kind.rawValue, entity.name, String(entity.mentions), String(entity.documents),
                    entity.firstPublished ?? "-", entity.lastPublished ?? "-",
                    entity.variants.map { "\($0.text) (\($0.count))" }.joined(separator: ", "),
                ])
            }
            Terminal.writeLine(entities.isEmpty ? "No entities found." : table.render())
        case .json:
            do {
                Terminal.write(try AnalysisJSONEncoder(prettyPrinted: true).encode(entities, body: ""))
                Terminal.writeLine("")
            } catch {
                encodingFailures += 1
                Terminal.diagnose("error: cannot encode the entities: \(error)")
            }
        case .csv:
            Terminal.write("kind,name,mentions,documents,first,last,variants\r\n")
            for entity in entities {
                let variants = entity.variants.map { "\($0.text)=\($0.count)" }.joined(separator: "|")
                let fields = [entity.kind.rawValue, entity.name, String(entity.mentions), String(entity.documents),
                              entity.firstPublished ?? "", entity.lastPublished ?? "", variants]
                Terminal.write(fields.map(CSVField.quoted).joined(separator: ",") + "\r\n")
            }
        }
        Terminal.flush()
        return RunOutcome.finish("read", summary: summary, analyzerFailures: analyzerFailures,
                                 encodingFailures: encodingFailures)
    }
}

/// RFC 4180 quoting.
enum CSVField {
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// What the `entities` and `network` commands share: the pipeline with the user's names, and their aliases.
enum EntityInput {
    /// The user's alias file, if given.
    static func aliases(_ path: String?) throws -> EntityAliases {
        var aliases = EntityAliases()
        guard let path else { return aliases }
        do {
            try aliases.load(contentsOf: path)
        } catch let error as CorpusKitError {
            throw UsageError("\(error)")
        }
        return aliases
    }

    /// The pipeline computing entities, with the user's name list when given.
    static func pipeline(names: String?, clean: Bool) throws -> Pipeline {
        var registry = AnalyzerRegistry.standard
        if let names {
            var gazetteer = EntityGazetteer.standard
            do {
                try gazetteer.load(contentsOf: names)
            } catch let error as CorpusKitError {
                throw UsageError("\(error)")
            }
            registry.replace(with: EntityAnalyzer(recognizer: EntityRecognizer(gazetteer: gazetteer)))
        }
        do {
            return try Pipeline(registry: registry, selecting: [.entities], preprocessing: clean)
        } catch let error as CorpusKitError {
            throw UsageError(error.message)
        }
    }
}
