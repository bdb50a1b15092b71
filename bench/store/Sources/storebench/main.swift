import CSQLite
import Foundation

// storebench bench N [--runs R] [--seed S] [--plans] [--build-only] [--scale-test-shape] [--shared-references]
//                                                       one benchmark process (bench/store/run starts one per N)
// storebench report FILE...                             the table from the RESULT lines of earlier runs
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
switch arguments.first {
case "bench":
    guard arguments.count >= 2, let count = Int(arguments[1]), count >= 100 else {
        FileHandle.standardError.write("usage: storebench bench N [--runs R] [--seed S] [--plans]   (N ≥ 100)\n".data(using: .utf8)!)
        exit(2)
    }
    csqlite_line_buffered_stdout()
    Benchmark(eventCount: count, runs: Int(option("--runs") ?? "") ?? 240,
              seed: UInt64(option("--seed") ?? "") ?? 20_240_601, showPlans: arguments.contains("--plans"),
              buildOnly: arguments.contains("--build-only"), scaleTestShape: arguments.contains("--scale-test-shape"),
              sharedReferences: arguments.contains("--shared-references")).run()
case "report":
    Report.print(files: Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write("usage: storebench bench N [--runs R] [--seed S] [--plans] | storebench report FILE...\n".data(using: .utf8)!)
    exit(2)
}
