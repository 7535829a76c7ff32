/// Splits a command line into options and positional arguments, the way swift-argument-parser accepts them:
/// `--name value`, `--name=value`, flags, `-h`, and `--` to end options.
struct ArgumentScanner {
    /// An option a command accepts.
    struct Option {
        let name: String
        let takesValue: Bool
        /// Whether the option may be given several times (`--lexicon a.tsv --lexicon b.tsv`).
        var repeatable = false
    }

    private(set) var values: [String: String] = [:]
    private(set) var repeated: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Scans `arguments` against the options a command accepts.
    /// - Throws: ``UsageError`` for an unknown option, a missing value or a repeated option.
    init(_ arguments: [String], options: [Option]) throws {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let option = options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '\(name)'")
            }
            if option.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError("missing value for '\(name)'") }
                    value = arguments[index]
                    index += 1
                }
                if option.repeatable {
                    repeated[name, default: []].append(value)
                    continue
                }
                guard values[name] == nil else { throw UsageError("'\(name)' is given more than once") }
                values[name] = value
            } else {
                guard inlineValue == nil else { throw UsageError("'\(name)' does not take a value") }
                flags.insert(name)
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }
    /// Every value of a repeatable option, in order.
    func values(_ name: String) -> [String] { repeated[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
