#if canImport(Glibc)
import Glibc
#endif

/// The monotonic clock in nanoseconds, for timing requests. `ContinuousClock.now` and
/// `Duration.components` cost a few hundred instructions per request in 128-bit arithmetic;
/// this is one vDSO call and a subtraction.
enum MonotonicClock {
    static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    static func seconds(since start: UInt64) -> Double {
        Double(nanoseconds() &- start) / 1e9
    }
}
