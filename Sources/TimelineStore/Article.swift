/// The text of a source's article, with its paragraphs. Offsets everywhere are Unicode scalar
/// offsets into `text`, because quotes must match the file's scalars exactly (no canonical
/// equivalence: a curly apostrophe is not a straight one).
public struct Article: Sendable {
    public let sourceID: String
    public let textFile: String
    public let text: String
    public let paragraphs: [Paragraph]
    let scalars: [Unicode.Scalar]

    public init(sourceID: String, textFile: String, text: String) {
        self.sourceID = sourceID
        self.textFile = textFile
        self.text = text
        scalars = Array(text.unicodeScalars)
        paragraphs = Article.splitParagraphs(scalars)
    }

    /// The paragraph wholly containing `range`, or nil when the range is outside every
    /// paragraph or spans two.
    public func paragraph(containing range: Range<Int>) -> Paragraph? {
        var low = 0
        var high = paragraphs.count
        while low < high {
            let middle = (low + high) / 2
            if paragraphs[middle].end < range.upperBound { low = middle + 1 } else { high = middle }
        }
        guard low < paragraphs.count, paragraphs[low].start <= range.lowerBound else { return nil }
        return paragraphs[low]
    }

    /// The paragraphs a range touches, in order (for "quote spans paragraphs 3 and 4").
    func paragraphs(overlapping range: Range<Int>) -> [Paragraph] {
        paragraphs.filter { $0.start < range.upperBound && range.lowerBound < $0.end }
    }

    /// Start offsets of every occurrence of `needle`, compared scalar by scalar.
    func occurrences(of needle: String) -> [Int] {
        let pattern = Array(needle.unicodeScalars)
        guard let first = pattern.first, pattern.count <= scalars.count else { return [] }
        var found: [Int] = []
        var index = 0
        let lastStart = scalars.count - pattern.count
        while index <= lastStart {
            if scalars[index] == first {
                var offset = 1
                while offset < pattern.count && scalars[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { found.append(index) }
            }
            index += 1
        }
        return found
    }

    func contains(_ needle: String) -> Bool {
        !occurrences(of: needle).isEmpty
    }

    func text(in range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    private static func splitParagraphs(_ scalars: [Unicode.Scalar]) -> [Paragraph] {
        var bounds: [Range<Int>] = []
        var paragraphStart: Int?
        var paragraphEnd = 0

        func endLine(from lineStart: Int, to lineEnd: Int) {
            var contentEnd = lineEnd
            if contentEnd > lineStart && scalars[contentEnd - 1] == "\r" { contentEnd -= 1 }
            // A line of only spaces (NBSP included) is blank: it separates paragraphs.
            let isBlank = scalars[lineStart..<contentEnd].allSatisfy { $0.properties.isWhitespace }
            if isBlank {
                if let start = paragraphStart { bounds.append(start..<paragraphEnd) }
                paragraphStart = nil
            } else {
                if paragraphStart == nil { paragraphStart = lineStart }
                paragraphEnd = contentEnd
            }
        }

        var lineStart = 0
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
            endLine(from: lineStart, to: offset)
            lineStart = offset + 1
        }
        endLine(from: lineStart, to: scalars.count)
        if let start = paragraphStart { bounds.append(start..<paragraphEnd) }

        return bounds.enumerated().map { index, range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return Paragraph(number: index + 1, text: String(view), start: range.lowerBound, end: range.upperBound)
        }
    }
}
