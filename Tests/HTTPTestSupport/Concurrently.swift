import Foundation
import Synchronization

/// Runs `body` on `count` real threads at once (not the cooperative pool, which on a
/// 2-core machine would run two at a time) and returns the errors they threw.
public func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [String] {
    let errors = Mutex<[String]>([])
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            do { try body(index) } catch { errors.withLock { $0.append("thread \(index): \(error)") } }
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    return errors.withLock { $0 }
}
