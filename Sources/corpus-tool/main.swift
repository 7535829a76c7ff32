import Foundation

// The whole tool is `CorpusTool.run`; `main` only turns its exit code into the process status.
exit(CorpusTool.run(arguments: Array(CommandLine.arguments.dropFirst())).rawValue)
