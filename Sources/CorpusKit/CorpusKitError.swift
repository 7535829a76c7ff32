/// The one error type of CorpusKit: a code, a message and, for input errors, where in which file.
///
/// A struct rather than an enum so that codes can be added without breaking clients that switch on them.
///
/// ```swift
/// do { _ = try Pipeline(registry: registry, selecting: ["sentiment"]) }
/// catch let error as CorpusKitError where error.code == .unknownAnalyzer { print(error) }
/// ```
public struct CorpusKitError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What went wrong, as a stable machine-readable word.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A file or directory could not be read.
        public static let unreadableInput = Code(rawValue: "unreadable-input")
        /// The input is not valid UTF-8.
        public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
        /// The input file is empty, or its text is only whitespace.
        public static let emptyInput = Code(rawValue: "empty-input")
        /// The input looks like a binary file (image, archive, executable…), not text.
        public static let binaryInput = Code(rawValue: "binary-input")
        /// A JSONL line is not a JSON object.
        public static let malformedJSON = Code(rawValue: "malformed-json")
        /// A JSONL object has no `text` or `body` string.
        public static let missingText = Code(rawValue: "missing-text")
        /// A JSONL field has the wrong type (for example a numeric `id` is accepted, an object is not).
        public static let invalidField = Code(rawValue: "invalid-field")
        /// Two articles of one corpus have the same id.
        public static let duplicateID = Code(rawValue: "duplicate-id")
        /// Two analyzers with the same id were registered.
        public static let duplicateAnalyzer = Code(rawValue: "duplicate-analyzer")
        /// An analyzer id was selected or depended upon but is not registered.
        public static let unknownAnalyzer = Code(rawValue: "unknown-analyzer")
        /// An analyzer depends on an id that is not registered.
        public static let missingDependency = Code(rawValue: "missing-dependency")
        /// Analyzers depend on each other in a cycle.
        public static let dependencyCycle = Code(rawValue: "dependency-cycle")
        /// An analyzer read a result that is not in its context, or has another type.
        public static let missingResult = Code(rawValue: "missing-result")
        /// An analyzer threw while analysing an article.
        public static let analyzerFailed = Code(rawValue: "analyzer-failed")
        /// A dependency of an analyzer failed, so the analyzer did not run.
        public static let dependencyFailed = Code(rawValue: "dependency-failed")
        /// Summaries that cannot be merged (different analyzers or formats).
        public static let incompatibleSummary = Code(rawValue: "incompatible-summary")
    }

    /// Where an input error is: a file and, when known, a line (1-based) and a byte offset (0-based).
    public struct Location: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The path as given by the user, or `-` for standard input.
        public var path: String
        /// 1-based line number, for line-oriented input.
        public var line: Int?
        /// 0-based byte offset in the file (or in the line, when `line` is set).
        public var byte: Int?

        /// Creates a location.
        public init(path: String, line: Int? = nil, byte: Int? = nil) {
            self.path = path
            self.line = line
            self.byte = byte
        }

        /// `path:line` or `path` followed by `(byte N)` when a byte offset is known.
        public var description: String {
            var text = path
            if let line { text += ":\(line)" }
            if let byte { text += " (byte \(byte))" }
            return text
        }
    }

    /// The kind of error.
    public var code: Code
    /// A sentence a person can act on.
    public var message: String
    /// Where the error is, for input errors.
    public var location: Location?
    /// The article the error concerns, when known.
    public var articleID: String?
    /// The analyzer the error concerns, when known.
    public var analyzerID: AnalyzerID?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, location: Location? = nil, articleID: String? = nil,
        analyzerID: AnalyzerID? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.articleID = articleID
        self.analyzerID = analyzerID
    }

    /// `location: message [code]`, the form printed by `corpus-tool`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        if let analyzerID { text += "analyzer '\(analyzerID)': " }
        text += "\(message) [\(code)]"
        return text
    }
}
