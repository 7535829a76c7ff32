import Foundation

/// Reads a file or standard input line by line, in large chunks, with no limit on line length.
///
/// Lines are returned without their `\n` (and without a `\r` before it). A UTF-8 byte-order mark at the very
/// start is dropped.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes before this offset (from `start`) are known to hold no newline: a megabyte line is scanned once.
    private var searched = 0
    private var finished = false
    private var atFileStart = true
    /// 1-based number of the last line returned.
    private(set) var lineNumber = 0
    private static let chunkSize = 1 << 20

    init(handle: FileHandle) { self.handle = handle }

    /// The next line, or `nil` at end of input.
    /// - Throws: What reading the file throws.
    mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[Swift.max(start, searched)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                searched = start
                lineNumber += 1
                return line
            }
            searched = buffer.count
            if finished {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                lineNumber += 1
                return line
            }
            // Keep the unfinished line, drop what was returned, read more.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                searched -= start
                start = 0
            }
            let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            if chunk.isEmpty {
                finished = true
            } else {
                buffer.append(contentsOf: chunk)
                if atFileStart {
                    atFileStart = false
                    if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                        buffer.removeFirst(3)
                    }
                }
            }
        }
    }
}
