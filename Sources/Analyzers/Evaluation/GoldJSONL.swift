import CorpusKit
import Foundation

/// What the `evaluate` tasks that read gold JSONL files share: reading the file, splitting it into non-blank
/// lines (a byte-order mark and CRLF endings tolerated), naming the dataset, and reading ids written as strings
/// or numbers.
enum GoldJSONL {
    /// The bytes of a gold file.
    /// - Throws: ``CorpusKit/CorpusKitError`` (`unreadable-input`) naming the file.
    static func contents(of path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusKitError(.unreadableInput, "cannot read the file", location: .init(path: path))
        }
        return data
    }

    /// The dataset's name: the file name without its extension.
    static func datasetName(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Calls `body` with each non-blank line (without its line break) and its 1-based number.
    /// Splitting on the byte 0x0A is safe in UTF-8: it never occurs inside a multi-byte scalar.
    /// - Complexity: O(n) in the size of the file.
    static func forEachLine(in data: Data, _ body: (ArraySlice<UInt8>, Int) throws -> Void) rethrows {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = bytes[lineStart..<contentEnd]
            lineStart = lineEnd + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            try body(line, lineNumber)
        }
    }

    /// Every record of a gold file, read line by line by `read` (given the line, its number, a shared decoder and
    /// the dataset's name), and the dataset's name.
    /// - Throws: What `read` throws for the first bad line; `empty-input` naming the file when it holds no
    ///   record (`noun` names what a record is: `sentence`, `document`, `item`).
    static func records<Record>(
        in data: Data, path: String, noun: String,
        _ read: (ArraySlice<UInt8>, Int, JSONDecoder, String) throws -> Record
    ) throws -> (name: String, records: [Record]) {
        let name = datasetName(of: path)
        var records: [Record] = []
        let decoder = JSONDecoder()
        try forEachLine(in: data) { line, number in records.append(try read(line, number, decoder, name)) }
        guard !records.isEmpty else {
            throw CorpusKitError(.emptyInput, "the file holds no \(noun) (expected one JSON object per line)",
                                 location: .init(path: path))
        }
        return (name, records)
    }

    /// An id: a string, or an integer written as a number.
    struct ID: Decodable {
        var value: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                value = text
            } else if let number = try? container.decode(Int.self) {
                value = String(number)
            } else {
                throw DecodingError.typeMismatch(
                    ID.self, .init(codingPath: decoder.codingPath, debugDescription: "not a string or an integer"))
            }
        }
    }
}
