import Foundation

/// The table, from the `RESULT` lines of benchmark outputs, and the bar judged on the largest N.
enum Report {
    static let queries = ["selective", "broad", "text", "combined"]

    /// Nanoseconds as milliseconds with about three significant digits.
    static func milliseconds(_ nanoseconds: UInt64) -> String {
        let value = Double(nanoseconds) / 1e6
        switch value {
        case ..<1: return String(format: "%.3f", value)
        case ..<10: return String(format: "%.2f", value)
        case ..<100: return String(format: "%.1f", value)
        default: return String(format: "%.0f", value)
        }
    }

    /// SQLite ÷ store, one decimal (two below 1, where the store is slower).
    static func ratio(_ sql: UInt64, _ store: UInt64) -> String {
        let value = Double(sql) / Double(max(1, store))
        return String(format: value < 1 ? "%.2f" : "%.1f", value)
    }

    static func results(in files: [String]) -> [[String: String]] {
        var rows: [[String: String]] = []
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("RESULT\t") {
                var row: [String: String] = [:]
                for field in line.split(separator: "\t").dropFirst() {
                    let parts = field.split(separator: "=", maxSplits: 1)
                    if parts.count == 2 { row[String(parts[0])] = String(parts[1]) }
                }
                rows.append(row)
            }
        }
        return rows.sorted { Int($0["n"] ?? "") ?? 0 < Int($1["n"] ?? "") ?? 0 }
    }

    static func print(files: [String]) {
        let rows = results(in: files)
        guard !rows.isEmpty else {
            Swift.print("no RESULT lines in \(files.joined(separator: " "))")
            return
        }
        func nanos(_ row: [String: String], _ key: String) -> UInt64 { UInt64(row[key] ?? "") ?? 0 }
        var header = "| N | build s wall / CPU | KB/event beyond text | text B/event |"
        var rule = "|---:|---:|---:|---:|"
        for query in queries {
            header += " \(query): store p50 / p99 ms | SQLite p50 / p99 ms | ratio p50 (p99) |"
            rule += "---:|---:|---:|"
        }
        header += " same ids | others (cores) |"
        rule += "---|---:|"
        Swift.print(header)
        Swift.print(rule)
        for row in rows {
            let n = Int(row["n"] ?? "") ?? 0
            let beyond = (Double(row["beyond_text"] ?? "") ?? 0) / 1024
            var line = "| \(n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) "
                + "| \(row["build_wall"] ?? "?") / \(row["build_cpu"] ?? "?") "
                + "| \(String(format: "%.2f", beyond)) | \(row["text_per_event"] ?? "?") |"
            for query in queries {
                let store = (nanos(row, "\(query)_store_p50"), nanos(row, "\(query)_store_p99"))
                let sql = (nanos(row, "\(query)_sql_p50"), nanos(row, "\(query)_sql_p99"))
                line += " \(milliseconds(store.0)) / \(milliseconds(store.1)) | \(milliseconds(sql.0)) / \(milliseconds(sql.1)) |"
                line += " \(ratio(sql.0, store.0)) (\(ratio(sql.1, store.1))) |"
            }
            line += (row["mismatches"] == "0" ? " yes" : " MISMATCH \(row["mismatches"] ?? "?")")
            line += " | \(row["build_others"] ?? "?") / \(row["query_others"] ?? "?") |"
            Swift.print(line)
        }

        // The bar, on the largest N measured.
        let largest = rows[rows.count - 1]
        let n = largest["n"] ?? "?"
        Swift.print("")
        Swift.print("Bar at N=\(n) (every query at least as fast as SQLite at p50 and p99; build ≤ 5 s; ≤ 1 KB/event beyond text):")
        for query in queries {
            let storeP50 = nanos(largest, "\(query)_store_p50")
            let storeP99 = nanos(largest, "\(query)_store_p99")
            let sqlP50 = nanos(largest, "\(query)_sql_p50")
            let sqlP99 = nanos(largest, "\(query)_sql_p99")
            let pass = storeP50 <= sqlP50 && storeP99 <= sqlP99
            // The same on thread CPU time: what the latencies are with a core to oneself.
            let cpu = (store: (nanos(largest, "\(query)_store_cpu_p50"), nanos(largest, "\(query)_store_cpu_p99")),
                       sql: (nanos(largest, "\(query)_sql_cpu_p50"), nanos(largest, "\(query)_sql_cpu_p99")))
            let cpuPass = cpu.store.0 <= cpu.sql.0 && cpu.store.1 <= cpu.sql.1
            Swift.print("- \(query): \(pass ? "PASS" : "FAIL") (p50 \(milliseconds(storeP50)) vs \(milliseconds(sqlP50)) ms, "
                        + "p99 \(milliseconds(storeP99)) vs \(milliseconds(sqlP99)) ms; on thread CPU time \(cpuPass ? "PASS" : "FAIL"): "
                        + "p50 \(milliseconds(cpu.store.0)) vs \(milliseconds(cpu.sql.0)), p99 \(milliseconds(cpu.store.1)) vs \(milliseconds(cpu.sql.1)))")
        }
        let buildWall = Double(largest["build_wall"] ?? "") ?? .infinity
        let buildCPU = Double(largest["build_cpu"] ?? "") ?? .infinity
        Swift.print("- build: \(buildWall <= 5 ? "PASS" : "FAIL") (\(largest["build_wall"] ?? "?") s wall, "
                    + "\(largest["build_cpu"] ?? "?") s CPU\(buildCPU <= 5 ? "" : ": over 5 s even on CPU time")"
                    + ", other processes used \(largest["build_others"] ?? "?") cores meanwhile)")
        let beyond = Double(largest["beyond_text"] ?? "") ?? .infinity
        Swift.print("- memory: \(beyond <= 1024 ? "PASS" : "FAIL") (\(largest["beyond_text"] ?? "?") B/event beyond "
                    + "\(largest["text_per_event"] ?? "?") B of text; \(largest["beyond_text_trimmed"] ?? "?") after malloc_trim)")
    }
}
