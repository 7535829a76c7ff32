import Foundation

/// Turns the bytes of a `.txt` file, or one JSONL line, into an ``Article`` — or into an error that says
/// exactly what is wrong and where.
enum ArticleDecoder {
    /// Decodes a plain-text file: the whole file is one article whose id is the file name without extension.
    static func decodeTextFile(_ data: Data, path: String) -> CorpusEntry {
        let location = CorpusKitError.Location(path: path)
        if data.isEmpty { return .failure(CorpusKitError(.emptyInput, "the file is empty", location: location)) }
        return data.withUnsafeBytes { raw -> CorpusEntry in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let problem = binaryProblem(bytes) {
                return .failure(CorpusKitError(.binaryInput, problem, location: location))
            }
            if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
                let line = UTF8Validation.line(of: bad, in: bytes)
                return .failure(CorpusKitError(
                    .invalidUTF8,
                    String(format: "invalid UTF-8 (byte 0x%02X) at line %d; save the file as UTF-8", bytes[bad], line),
                    location: CorpusKitError.Location(path: path, byte: bad)))
            }
            var text = String(decoding: bytes, as: UTF8.self)
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            if isBlank(text) {
                return .failure(CorpusKitError(.emptyInput, "the file holds only whitespace", location: location))
            }
            let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return .success(Article(id: id, text: text))
        }
    }

    /// Decodes one line of a JSONL file.
    /// - Parameters:
    ///   - line: The line's bytes, without its line break.
    ///   - path: The file's path, for messages and default ids.
    ///   - lineNumber: The 1-based line number.
    /// - Returns: The article, an error, or `nil` for a blank line (nothing to report).
    static func decodeJSONLine(_ line: ArraySlice<UInt8>, path: String, lineNumber: Int) -> CorpusEntry? {
        let location = CorpusKitError.Location(path: path, line: lineNumber)
        func failure(_ code: CorpusKitError.Code, _ message: String, byte: Int? = nil) -> CorpusEntry {
            var location = location
            location.byte = byte
            return .failure(CorpusKitError(code, message, location: location))
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let invalid = line.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
        if let invalid {
            return failure(.invalidUTF8, "invalid UTF-8 in this line; save the file as UTF-8", byte: invalid)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        } catch {
            return failure(.malformedJSON, "not valid JSON: \(shortReason(error))")
        }
        guard let record = object as? [String: Any] else {
            return failure(.malformedJSON, "a JSONL line must hold a JSON object, not \(jsonTypeName(object))")
        }

        func string(_ key: String) -> Result<String?, CorpusKitError> {
            switch record[key] {
            case nil, is NSNull: return .success(nil)
            case let value as String: return .success(value)
            default:
                return .failure(CorpusKitError(
                    .invalidField, "field '\(key)' must be a string, not \(jsonTypeName(record[key]!))",
                    location: location))
            }
        }

        // The text: `text`, or `body` for exports that call it so.
        let textKey = record["text"] != nil && !(record["text"] is NSNull) ? "text" : "body"
        let text: String
        switch string(textKey) {
        case .failure(let error): return .failure(error)
        case .success(nil):
            return failure(.missingText, "the object has no 'text' (or 'body') string")
        case .success(let value?): text = value
        }
        if isBlank(text) { return failure(.emptyInput, "the '\(textKey)' field is empty") }

        // The id: a string, or an integer written as a number; generated from the file and line when absent.
        let id: String
        switch record["id"] {
        case nil, is NSNull:
            id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "-\(lineNumber)"
        case let value as String where !value.isEmpty: id = value
        case let value as NSNumber where !(value is Bool) && value.doubleValue.rounded() == value.doubleValue:
            id = String(value.int64Value)
        default:
            return failure(.invalidField, "field 'id' must be a non-empty string or an integer")
        }

        var fields: [String: String?] = [:]
        for key in ["title", "source", "author", "url", "language", "publishedAt"] {
            switch string(key) {
            case .failure(let error): return .failure(error)
            case .success(let value): fields[key] = value
            }
        }

        var metadata: [String: MetadataValue] = [:]
        let known: Set<String> = ["id", "title", "text", "body", "source", "author", "url", "language", "publishedAt"]
        for (key, value) in record where !known.contains(key) { metadata[key] = metadataValue(value) }
        if textKey == "text", let body = record["body"], !(body is NSNull) { metadata["body"] = metadataValue(body) }

        var publishedAt: PublicationDate?
        if let raw = fields["publishedAt"] ?? nil {
            publishedAt = PublicationDate(iso8601: raw.trimmingCharacters(in: .whitespaces))
            // An unreadable date is kept as it was, never dropped.
            if publishedAt == nil { metadata["publishedAt"] = .string(raw) }
        }

        return .success(Article(
            id: id, text: text, title: fields["title"] ?? nil, publishedAt: publishedAt,
            source: fields["source"] ?? nil, author: fields["author"] ?? nil, url: fields["url"] ?? nil,
            language: fields["language"] ?? nil, metadata: metadata))
    }

    /// Says why bytes look binary, or `nil` when they look like text. Checks well-known file signatures and,
    /// in the first 8 KiB, the share of NUL and other control bytes (a stray NUL in a text file is tolerated).
    static func binaryProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("a PDF document", Array("%PDF".utf8)), ("a PNG image", [0x89, 0x50, 0x4E, 0x47]),
            ("a JPEG image", [0xFF, 0xD8, 0xFF]), ("a GIF image", Array("GIF8".utf8)),
            ("a ZIP archive (or DOCX/XLSX)", [0x50, 0x4B, 0x03, 0x04]), ("a gzip archive", [0x1F, 0x8B]),
            ("an ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ]
        for (name, signature) in signatures where bytes.count >= signature.count {
            if zip(bytes, signature).allSatisfy({ $0 == $1 }) { return "binary file (\(name)), not text" }
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
        }
        let sample = Swift.min(bytes.count, 8192)
        var controls = 0
        for k in 0..<sample {
            let b = bytes[k]
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        if controls * 10 > sample {
            return "binary file: \(controls) of its first \(sample) bytes are control characters"
        }
        return nil
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" || $0 == "\u{200B}" }
    }

    private static func jsonTypeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "a string"
        case let number as NSNumber: return number is Bool ? "a boolean" : "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "a \(type(of: value))"
        }
    }

    private static func shortReason(_ error: Error) -> String {
        let nsError = error as NSError
        if let debug = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return debug }
        return nsError.localizedDescription
    }

    static func metadataValue(_ value: Any) -> MetadataValue {
        switch value {
        case is NSNull: return .null
        case let value as String: return .string(value)
        case let value as NSNumber:
            if value is Bool { return .bool(value.boolValue) }
            return .number(value.doubleValue)
        case let value as [Any]: return .array(value.map(metadataValue))
        case let value as [String: Any]: return .object(value.mapValues(metadataValue))
        default: return .string(String(describing: value))
        }
    }

}
