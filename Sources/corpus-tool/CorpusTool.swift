import CorpusKit
import CorpusKitAnalyzers

/// `corpus-tool`: dispatches to a subcommand and turns errors into exit codes. No analysis logic lives here.
enum CorpusTool {
    /// The subcommands, in the order `--help` lists them.
    static var commands: [any ToolCommand.Type] { [
        AnalyzeCommand.self, CleanCommand.self, DuplicatesCommand.self, EntitiesCommand.self, NetworkCommand.self, QuotesCommand.self,
        SentimentCommand.self,
        EvaluateCommand.self, ListCommand.self,
    ] }

    static let overview = """
        OVERVIEW: Analyse corpora of news articles (French and English) with CorpusKit.

        USAGE: corpus-tool <subcommand> [<arguments>]

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
        \(commands.map { "  " + $0.name.padding(22) + "  " + $0.abstract }.joined(separator: "\n"))

          See 'corpus-tool help <subcommand>' or 'corpus-tool <subcommand> --help' for detailed help.

        EXIT STATUS:
          0   success
          1   some inputs could not be read, or an analyzer failed on some articles (the rest is in the output)
          64  usage error
        """

    /// Runs the tool with the arguments after the program name and returns the exit status.
    static func run(arguments: [String]) -> ExitCode {
        guard let first = arguments.first else {
            Terminal.diagnose("error: missing subcommand\n\n\(overview)")
            return .usage
        }
        switch first {
        case "-h", "--help":
            Terminal.writeLine(overview)
            Terminal.flush()
            return .success
        case "--version":
            Terminal.writeLine(CorpusKitVersion.current)
            Terminal.flush()
            return .success
        case "help":
            guard let name = arguments.dropFirst().first else {
                Terminal.writeLine(overview)
                Terminal.flush()
                return .success
            }
            guard let command = commands.first(where: { $0.name == name }) else {
                Terminal.diagnose("error: unknown subcommand '\(name)'\n\n\(overview)")
                return .usage
            }
            Terminal.writeLine(command.help)
            Terminal.flush()
            return .success
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            Terminal.diagnose("error: unknown subcommand '\(first)'\n\n\(overview)")
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        do {
            let scanner = try ArgumentScanner(rest, options: command.options + [.init(name: "--help", takesValue: false)])
            if scanner.flag("--help") {
                Terminal.writeLine(command.help)
                Terminal.flush()
                return .success
            }
            let status = try command.init(scanner).run()
            Terminal.flush()
            return status
        } catch let error as UsageError {
            Terminal.flush()
            Terminal.diagnose("error: \(error.message)\nUsage: \(command.usage)\n  See 'corpus-tool \(command.name) --help'.")
            return .usage
        } catch let error as CorpusKitError {
            Terminal.flush()
            Terminal.diagnose("error: \(error)")
            return .usage
        } catch {
            Terminal.flush()
            Terminal.diagnose("error: \(error)")
            return .partialFailure
        }
    }
}

/// A subcommand of `corpus-tool`.
protocol ToolCommand {
    static var name: String { get }
    static var abstract: String { get }
    static var usage: String { get }
    static var help: String { get }
    static var options: [ArgumentScanner.Option] { get }
    init(_ arguments: ArgumentScanner) throws
    func run() throws -> ExitCode
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
