/// Evidence: finding each quote in the article and computing its paragraph and offsets.
extension TimelineFileReader {
    /// The `evidence` array of a record. `owner` ("event", "actor") makes at least one
    /// item required.
    func evidenceList(_ record: JSONFieldReader, owner: String?) -> [Evidence] {
        let isEmpty: Bool
        switch record.value("evidence") {
        case nil: isEmpty = true
        case .array(let items)?: isEmpty = items.isEmpty
        default: isEmpty = false
        }
        if isEmpty, let owner {
            record.context.report("\(owner) has no evidence")
            return []
        }
        return (record.objects("evidence", required: false) ?? []).compactMap(evidence)
    }

    func evidence(_ record: JSONFieldReader?) -> Evidence? {
        guard let record else { return nil }
        let quote = record.string("quote", required: true)
        let occurrence = record.positiveInteger("occurrence")
        guard let quote, let occurrence, let article = contents.article else { return nil }
        return locate(quote, occurrence: occurrence, in: article, reportingTo: record.context)
    }

    private func locate(_ quote: String, occurrence: Int?, in article: Article,
                        reportingTo context: RecordContext) -> Evidence? {
        let found = article.occurrences(of: quote)
        let start: Int
        if found.isEmpty {
            context.report("quote not found in article: \"\(quote)\"")
            return nil
        } else if let occurrence {
            guard occurrence <= found.count else {
                context.report("quote occurrence \(occurrence) not found (found \(found.count) \(found.count == 1 ? "time" : "times")): \"\(quote)\"")
                return nil
            }
            start = found[occurrence - 1]
        } else if found.count > 1 {
            context.report("ambiguous quote (found \(found.count) times; give occurrence): \"\(quote)\"")
            return nil
        } else {
            start = found[0]
        }
        let range = start..<(start + quote.unicodeScalars.count)
        guard let paragraph = article.paragraph(containing: range) else {
            let touched = article.paragraphs(overlapping: range).map(\.number)
            if let first = touched.first, let last = touched.last, first != last {
                context.report("quote spans paragraphs \(first) and \(last): \"\(quote)\"")
            } else {
                context.report("quote is not inside a paragraph: \"\(quote)\"")
            }
            return nil
        }
        return Evidence(quote: quote, occurrence: occurrence, paragraph: paragraph.number,
                        start: range.lowerBound, end: range.upperBound)
    }

    /// Names, aliases and role titles are the article's words: each must occur in it.
    func checkInArticle(_ text: String, what: String, in record: JSONFieldReader) {
        guard let article = contents.article, !article.contains(text) else { return }
        record.context.report("\(what) not found in article: \"\(text)\"")
    }
}
