import Foundation

/// Reads a corpus from files, directories and standard input lazily, one article at a time, so a corpus larger
/// than memory can be analysed as a stream. Iterate it synchronously (`for entry in reader`) or asynchronously
/// (`for await entry in reader`).
///
/// - A `.txt` file (any file not ending in `.jsonl`/`.ndjson` when named explicitly) is one article whose id is
///   the file name without extension.
/// - A `.jsonl` or `.ndjson` file holds one article per line: `id`, `title`, `text` or `body`, `publishedAt`,
///   `source`, `author`, `url`, `language`; other fields are kept in ``Article/metadata``.
/// - A directory is read recursively in sorted order; it contributes its `.txt`, `.text`, `.jsonl` and `.ndjson`
///   files. Other files are listed in ``skippedFiles`` (hidden files and folders are ignored).
/// - `-` reads JSONL from standard input.
///
/// Every input yields either an article or an error naming the file (and line or byte): an unreadable path,
/// an empty or binary file, invalid UTF-8, a malformed JSON line, a missing text field, an id already seen.
public struct CorpusReader: Sequence, AsyncSequence, Sendable {
    public typealias Element = CorpusEntry

    /// One input file, after directories are expanded.
    enum Input: Sendable {
        case textFile(String)
        case jsonLines(String)
        case standardInput
        case unreadable(String, String)
    }

    let inputs: [Input]
    /// Files found in directories that are not corpus files, so not read (reported, not silently ignored).
    public let skippedFiles: [String]

    /// Creates a reader; directories are listed now, files are read during iteration.
    /// - Parameter paths: Files, directories, or `-` for JSONL on standard input.
    public init(paths: [String]) {
        var inputs: [Input] = []
        var skipped: [String] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                inputs.append(.unreadable(path, "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                inputs.append(Self.isJSONLines(path) ? .jsonLines(path) : .textFile(path))
                continue
            }
            let children: [String]
            do {
                children = try Self.listFiles(in: path)
            } catch {
                inputs.append(.unreadable(path, "cannot list the directory: \(error.localizedDescription)"))
                continue
            }
            for child in children {
                let lower = child.lowercased()
                if Self.isJSONLines(lower) {
                    inputs.append(.jsonLines(child))
                } else if lower.hasSuffix(".txt") || lower.hasSuffix(".text") {
                    inputs.append(.textFile(child))
                } else {
                    skipped.append(child)
                }
            }
        }
        self.inputs = inputs
        self.skippedFiles = skipped
    }

    private static func isJSONLines(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
    }

    /// Regular files under `directory`, recursively, sorted by path; hidden entries are skipped.
    private static func listFiles(in directory: String) throws -> [String] {
        let manager = FileManager.default
        var files: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            for name in try manager.contentsOfDirectory(atPath: current) where !name.hasPrefix(".") {
                let child = current.hasSuffix("/") ? current + name : current + "/" + name
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue { pending.append(child) } else { files.append(child) }
            }
        }
        return files.sorted()
    }

    public func makeIterator() -> Iterator { Iterator(inputs: inputs) }
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: makeIterator()) }

    /// Reads entries one at a time; at most one JSONL file is open at once.
    public struct Iterator: IteratorProtocol {
        private let inputs: [Input]
        private var position = 0
        private var lines: (reader: LineReader, path: String, handle: FileHandle)?
        private var firstSeen: [String: String] = [:]

        init(inputs: [Input]) { self.inputs = inputs }

        public mutating func next() -> CorpusEntry? {
            while true {
                if let entry = nextFromLines() { return checkID(entry) }
                guard position < inputs.count else { return nil }
                let input = inputs[position]
                position += 1
                switch input {
                case .unreadable(let path, let reason):
                    return .failure(CorpusKitError(
                        .unreadableInput, "cannot read: \(reason)", location: .init(path: path)))
                case .textFile(let path):
                    do {
                        let data = try Data(contentsOf: URL(fileURLWithPath: path))
                        return checkID(ArticleDecoder.decodeTextFile(data, path: path))
                    } catch {
                        return .failure(CorpusKitError(
                            .unreadableInput, "cannot read: \(Self.reason(error))", location: .init(path: path)))
                    }
                case .jsonLines(let path):
                    guard let handle = FileHandle(forReadingAtPath: path) else {
                        return .failure(CorpusKitError(
                            .unreadableInput, "cannot open the file for reading", location: .init(path: path)))
                    }
                    lines = (LineReader(handle: handle), path, handle)
                case .standardInput:
                    lines = (LineReader(handle: .standardInput), "-", .standardInput)
                }
            }
        }

        /// The next entry of the open JSONL input, or `nil` when there is none open or it is finished.
        private mutating func nextFromLines() -> CorpusEntry? {
            guard var current = lines else { return nil }
            defer { if lines != nil { lines = current } }
            while true {
                let line: ArraySlice<UInt8>?
                do {
                    line = try current.reader.nextLine()
                } catch {
                    close()
                    return .failure(CorpusKitError(
                        .unreadableInput, "read error: \(Self.reason(error))",
                        location: .init(path: current.path, line: current.reader.lineNumber + 1)))
                }
                guard let line else {
                    close()
                    return nil
                }
                if let entry = ArticleDecoder.decodeJSONLine(
                    line, path: current.path, lineNumber: current.reader.lineNumber)
                {
                    return entry
                }
            }
        }

        private mutating func close() {
            if let handle = lines?.handle, handle !== FileHandle.standardInput { try? handle.close() }
            lines = nil
        }

        /// Turns a second article with an id already seen into an error naming the first.
        private mutating func checkID(_ entry: CorpusEntry) -> CorpusEntry {
            guard case .success(let article) = entry else { return entry }
            let here = currentLocation()
            if let first = firstSeen[article.id] {
                return .failure(CorpusKitError(
                    .duplicateID, "duplicate id '\(article.id)' (first seen at \(first))", location: here,
                    articleID: article.id))
            }
            firstSeen[article.id] = here.description
            return entry
        }

        private func currentLocation() -> CorpusKitError.Location {
            if let lines { return .init(path: lines.path, line: lines.reader.lineNumber) }
            switch inputs[position - 1] {
            case .textFile(let path), .jsonLines(let path), .unreadable(let path, _): return .init(path: path)
            case .standardInput: return .init(path: "-")
            }
        }

        private static func reason(_ error: Error) -> String {
            let nsError = error as NSError
            if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
                return underlying.localizedDescription
            }
            return nsError.localizedDescription
        }
    }

    /// Asynchronous iteration over the same entries (file reads are blocking and short).
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: Iterator
        public mutating func next() async -> CorpusEntry? { base.next() }
    }
}
