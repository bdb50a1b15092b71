#if canImport(Glibc)
import Glibc
#endif

/// Whole lines straight to file descriptors 1 and 2: unbuffered, so a supervisor or a test
/// reading our output sees the "listening" line at once, and free of C's global FILE state.
enum StandardStream {
    static func output(_ line: String) { write(line + "\n", to: 1) }
    static func error(_ line: String) { write(line + "\n", to: 2) }

    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
