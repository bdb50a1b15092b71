import Synchronization
import Foundation
struct C { var a: [Int] }
final class M: Sendable { let m = Mutex(C(a: Array(repeating: 0, count: 10))) }
let box = M()
let g = DispatchGroup()
for _ in 0..<4 {
    g.enter()
    Thread { for i in 0..<10000 { box.m.withLock { $0.a[i % 10] += 1 } }; g.leave() }.start()
}
g.wait()
print(box.m.withLock { $0.a.reduce(0, +) })
