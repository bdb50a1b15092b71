import CSQLite
import Foundation

/// What the process and the machine are doing, from /proc and getrusage (Linux).
enum Measure {
    /// Monotonic nanoseconds.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// This thread's CPU time in nanoseconds: unlike wall time, it does not grow while other
    /// processes hold the core.
    static func threadCPU() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// This process's user + system CPU seconds, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// VmRSS in bytes.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kilobytes = Int(fields[1]) { return kilobytes * 1024 }
        }
        return 0
    }

    /// Hands freed heap pages back to the kernel (glibc), so VmRSS shows live memory.
    static func trimHeap() {
        _ = csqlite_malloc_trim()
    }

    /// Busy CPU seconds of the whole machine so far (all cores; /proc/stat, less idle and iowait).
    static func machineBusySeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first else { return 0 }
        let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard ticks.count >= 5 else { return 0 }
        let idle = ticks[3] + ticks[4]
        // guest and guest_nice are already counted in user and nice.
        let total = ticks.prefix(8).reduce(0, +)
        return (total - idle) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// How many cores other processes kept busy between two samples.
    struct Window {
        let wall: UInt64 = Measure.now()
        let cpu = Measure.cpuSeconds()
        let machine = Measure.machineBusySeconds()

        /// (wall seconds, own CPU seconds, cores used by other processes on average).
        func end() -> (wall: Double, cpu: Double, others: Double) {
            let wall = Double(Measure.now() - self.wall) / 1e9
            let cpu = Measure.cpuSeconds() - self.cpu
            let machine = Measure.machineBusySeconds() - self.machine
            return (wall, cpu, wall > 0 ? max(0, machine - cpu) / wall : 0)
        }
    }

    static func percentiles(_ values: [UInt64]) -> (p50: UInt64, p99: UInt64) {
        let sorted = values.sorted()
        return (percentile(sorted, 0.5), percentile(sorted, 0.99))
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [UInt64], _ fraction: Double) -> UInt64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
        return sorted[min(sorted.count, rank) - 1]
    }
}
