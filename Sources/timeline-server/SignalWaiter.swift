#if canImport(Glibc)
import Glibc
#endif

/// Takes process signals synchronously, without a signal handler: the signals are blocked
/// in every thread (so none of libmicrohttpd's threads is interrupted) and taken with
/// `sigwait` by the main thread, which can then do anything, such as reload the data.
struct SignalWaiter {
    private var set = sigset_t()

    /// Must run before any other thread starts, so that threads inherit the blocked mask.
    static func block(_ signals: [Int32]) -> SignalWaiter {
        var waiter = SignalWaiter()
        sigemptyset(&waiter.set)
        for number in signals { sigaddset(&waiter.set, number) }
        pthread_sigmask(SIG_BLOCK, &waiter.set, nil)
        // A client that resets its connection must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        return waiter
    }

    func next() -> Int32 {
        var set = self.set
        var received: Int32 = 0
        sigwait(&set, &received)
        return received
    }
}
