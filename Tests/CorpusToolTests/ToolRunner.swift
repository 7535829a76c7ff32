import Foundation

/// Runs the built `corpus-tool` binary, as a user would.
struct ToolRun {
    let status: Int32
    let stdout: String
    let stderr: String
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
}

enum Tool {
    /// The package root, found from this file's path so tests do not depend on the working directory.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("corpus-tool")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("corpus-tool")
    }

    /// A file of `Tests/CorpusToolTests/Fixtures`.
    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/CorpusToolTests/Fixtures/\(name)").path
    }

    /// Calls `body` with a fresh scratch directory holding `files` (name → contents), removed afterwards.
    static func withFiles<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try body(directory)
    }

    /// Runs the tool with `arguments`, feeding `input` on standard input.
    static func run(_ arguments: [String], input: String? = nil) throws -> ToolRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        // Read both pipes on other threads so a full pipe cannot block the tool.
        let outData = ReadBox(), errData = ReadBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outData.data = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return ToolRun(
            status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
            stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

private final class ReadBox: @unchecked Sendable {
    var data = Data()
}
