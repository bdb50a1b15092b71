#if canImport(Glibc)
import Glibc
#endif

/// Waits for SIGINT or SIGTERM without a signal handler: the signals are blocked in every
/// thread (so none of libmicrohttpd's threads is interrupted) and taken with `sigwait`.
struct ShutdownSignal {
    private var set = sigset_t()

    /// Must run before any other thread starts, so that threads inherit the blocked mask.
    static func install(_ signals: [Int32]) -> ShutdownSignal {
        var shutdown = ShutdownSignal()
        sigemptyset(&shutdown.set)
        for number in signals { sigaddset(&shutdown.set, number) }
        pthread_sigmask(SIG_BLOCK, &shutdown.set, nil)
        // A client that resets its connection must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        return shutdown
    }

    func wait() -> Int32 {
        var set = self.set
        var received: Int32 = 0
        sigwait(&set, &received)
        return received
    }
}
