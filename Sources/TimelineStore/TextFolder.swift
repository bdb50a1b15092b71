import Foundation

/// Folds text for matching (lower case, diacritics removed, compatibility forms unified:
/// `Türkiye` → `turkiye`, `Ａ` → `a`) and splits it into tokens on non-alphanumerics.
///
/// Folding goes scalar by scalar: ASCII inline, anything else through Foundation once per
/// distinct scalar and then from a cache, which keeps indexing a million events fast.
/// A value type with its own cache, so each build or query owns one and nothing is shared.
struct TextFolder {
    private var cache: [UInt32: [Unicode.Scalar]] = [:]

    /// The folded form of one scalar: usually one scalar, none for a combining mark, several
    /// for a ligature (`ﬁ` → `fi`).
    mutating func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII { return [TextFolder.lowercasedASCII(scalar)] }
        if let folded = cache[scalar.value] { return folded }
        let folded = Array(String(scalar)
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .unicodeScalars
            .filter { !TextFolder.isMark($0) })
        cache[scalar.value] = folded
        return folded
    }

    /// Calls `body` with each token and the range of Unicode scalar offsets it covers in `text`.
    mutating func forEachToken(in text: String, _ body: (String, Range<Int>) -> Void) {
        var token = String.UnicodeScalarView()
        var tokenStart = -1
        var tokenEnd = 0
        func flush() {
            if tokenStart >= 0 {
                body(String(token), tokenStart..<tokenEnd)
                token = String.UnicodeScalarView()
                tokenStart = -1
            }
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            if scalar.isASCII {
                if TextFolder.isASCIIAlphanumeric(scalar) {
                    if tokenStart < 0 { tokenStart = offset }
                    token.append(TextFolder.lowercasedASCII(scalar))
                    tokenEnd = offset + 1
                } else {
                    flush()
                }
                continue
            }
            let folded = fold(scalar)
            if folded.isEmpty {
                // A combining mark belongs to the word it follows.
                if tokenStart >= 0 { tokenEnd = offset + 1 }
                continue
            }
            for part in folded {
                if TextFolder.isTokenScalar(part) {
                    if tokenStart < 0 { tokenStart = offset }
                    token.append(part)
                    tokenEnd = offset + 1
                } else {
                    flush()
                }
            }
        }
        flush()
    }

    mutating func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        forEachToken(in: text) { token, _ in tokens.append(token) }
        return tokens
    }

    /// The distinct tokens of `text`, sorted: a query's terms in normal form.
    mutating func terms(_ text: String) -> [String] {
        Array(Set(tokens(text))).sorted()
    }

    /// A name in lookup form: folded, whitespace runs made one space, trimmed. Punctuation
    /// stays (`u.s.` is not `us`).
    mutating func foldedName(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if scalar.isASCII {
                if pendingSpace {
                    result.append(" ")
                    pendingSpace = false
                }
                result.append(TextFolder.lowercasedASCII(scalar))
                continue
            }
            for part in fold(scalar) {
                if pendingSpace {
                    result.append(" ")
                    pendingSpace = false
                }
                result.append(part)
            }
        }
        return String(result)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    private static func lowercasedASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIAlphanumeric(scalar) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        default: false
        }
    }
}
