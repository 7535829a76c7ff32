import CorpusKit
import CorpusKitAnalyzers

/// `corpus-tool list`: the registered analyzers, one line each.
struct ListCommand: ToolCommand {
    static let name = "list"
    static let abstract = "List the registered analyzers, one line each."
    static let usage = "corpus-tool list [--format table|jsonl]"
    static let options: [ArgumentScanner.Option] = [.init(name: "--format", takesValue: true)]
    static let help = """
        OVERVIEW: \(abstract)

        Each line gives the id (what --analyzers takes), whether it is a preprocessing stage (it rewrites articles
        before the analyzers run, such as page cleaning) or an analyzer, the ids it depends on, and what it finds.

        USAGE: \(usage)

        OPTIONS:
          --format <format>       table (default) or jsonl (one JSON object per analyzer).
          -h, --help              Show help information.

        EXAMPLES:
          corpus-tool list
          corpus-tool list --format jsonl
        """

    let format: String

    init(_ arguments: ArgumentScanner) throws {
        guard arguments.positionals.isEmpty else {
            throw UsageError("unexpected argument '\(arguments.positionals[0])'")
        }
        format = arguments.value("--format") ?? "table"
        guard ["table", "jsonl"].contains(format) else {
            throw UsageError("unknown format '\(format)' (expected table or jsonl)")
        }
    }

    func run() throws -> ExitCode {
        let descriptions = AnalyzerRegistry.standard.descriptions
        if format == "jsonl" {
            let encoder = AnalysisJSONEncoder()
            for description in descriptions {
                Terminal.write(try encoder.encode(description, body: ""))
                Terminal.writeLine("")
            }
            return .success
        }
        var table = TableRenderer(headers: ["ID", "KIND", "DEPENDS ON", "FINDS"])
        table.maxCellWidth = 100
        for description in descriptions {
            let dependencies = description.dependencies.map(\.rawValue).joined(separator: ",")
            table.add([
                description.id.rawValue, description.isPreprocessor ? "stage" : "analyzer",
                dependencies.isEmpty ? "-" : dependencies, description.abstract,
            ])
        }
        Terminal.writeLine(table.render())
        return .success
    }
}
