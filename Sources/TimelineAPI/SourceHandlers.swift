import MicroHTTP
import TimelineStore

/// `/v1/sources…`: the bibliographic records, the article text, and its paragraphs.
enum SourceHandlers {
    @Sendable static func list(_ context: RouteContext) throws(APIError) -> Representation {
        let sources = context.snapshot.sources.map(context.nodes.source)
        return .json(.object([
            ("data", .array(sources)),
            ("meta", .object([("total", .int(sources.count))])),
            ("links", .object([("self", .string(context.selfLink))])),
        ]), pretty: context.pretty)
    }

    @Sendable static func item(_ context: RouteContext) throws(APIError) -> Representation {
        .json(.object([("data", context.nodes.source(try resolve(context)))]), pretty: context.pretty)
    }

    @Sendable static func text(_ context: RouteContext) throws(APIError) -> Representation {
        let source = try resolve(context)
        guard let article = context.snapshot.article(ofSource: source.id) else {
            throw .unknownResource(kind: "source text", id: source.id, suggestions: [])
        }
        return Representation(contentType: "text/plain; charset=utf-8", body: Array(article.text.utf8))
    }

    @Sendable static func paragraphs(_ context: RouteContext) throws(APIError) -> Representation {
        let source = try resolve(context)
        let paragraphs = context.snapshot.paragraphs(ofSource: source.id) ?? []
        let page = ListPage(items: paragraphs.map { context.nodes.paragraph($0, sourceID: source.id) },
                            total: paragraphs.count, limit: nil, nextCursor: nil,
                            query: [("source", .string(source.id))], selfLink: context.selfLink, nextLink: nil, columns: [])
        return ListRendering.render(page, format: context.format, fields: nil, pretty: context.pretty, nodes: context.nodes)
    }

    @Sendable static func paragraph(_ context: RouteContext) throws(APIError) -> Representation {
        let source = try resolve(context)
        let paragraphs = context.snapshot.paragraphs(ofSource: source.id) ?? []
        let text = context.pathParameters[1]
        guard let number = Int(text), number >= 1, number <= paragraphs.count else {
            throw .unknownResource(kind: "paragraph", id: text,
                                   suggestions: paragraphs.isEmpty ? [] : ["1", String(paragraphs.count)])
        }
        return .json(.object([("data", context.nodes.paragraph(paragraphs[number - 1], sourceID: source.id))]),
                     pretty: context.pretty)
    }

    static func resolve(_ context: RouteContext) throws(APIError) -> Source {
        let id = context.pathParameters[0]
        guard let source = context.snapshot.source(id: id) else {
            throw .unknownResource(kind: "source", id: id, suggestions: context.snapshot.suggestions(for: id, among: [.source]))
        }
        return source
    }
}
