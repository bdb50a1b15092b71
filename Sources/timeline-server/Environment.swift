#if canImport(Glibc)
import Glibc
#endif

/// Flag defaults from the environment, so containers configure the server without flags.
enum Environment {
    static func string(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    static func integer<T: FixedWidthInteger>(_ name: String) -> T? {
        string(name).flatMap { T($0) }
    }
}
