import MicroHTTP

/// Every way a request can fail, each mapped to one problem document in one place
/// (`problem(instance:)`), so no handler writes an error response by hand.
public enum APIError: Error, Sendable, Equatable {
    case notFound(path: String)
    case methodNotAllowed(method: HTTPMethod, allowed: [HTTPMethod])
    case unknownParameter(name: String, allowed: [String])
    case invalidParameter(name: String, reason: String)
    case repeatedParameter(name: String)
    case unknownResource(kind: String, id: String, suggestions: [String])
    case notAcceptable(accept: String, supported: [String])
    case unsupportedFormat(value: String, supported: [String])
    case bodyNotAllowed(length: Int)

    public func problem(instance: String) -> ProblemDetails {
        switch self {
        case .notFound(let path):
            return ProblemDetails(type: "urn:timeline-server:problem:not-found", status: .notFound,
                                  detail: "no resource at \(path); see / for the service index", instance: instance)
        case .methodNotAllowed(let method, let allowed):
            return ProblemDetails(type: "urn:timeline-server:problem:method-not-allowed", status: .methodNotAllowed,
                                  detail: "\(method) is not allowed here; allowed: \(allowed.map(\.rawValue).joined(separator: ", "))",
                                  instance: instance, extensions: [("allowed_methods", .strings(allowed.map(\.rawValue)))])
        case .unknownParameter(let name, let allowed):
            return ProblemDetails(type: "urn:timeline-server:problem:invalid-parameter", status: .badRequest,
                                  detail: "unknown parameter \"\(name)\"; allowed: \(allowed.joined(separator: ", "))",
                                  instance: instance,
                                  extensions: [("parameter", .string(name)), ("allowed_parameters", .strings(allowed))])
        case .invalidParameter(let name, let reason):
            return ProblemDetails(type: "urn:timeline-server:problem:invalid-parameter", status: .badRequest,
                                  detail: "invalid \(name): \(reason)", instance: instance,
                                  extensions: [("parameter", .string(name))])
        case .repeatedParameter(let name):
            return ProblemDetails(type: "urn:timeline-server:problem:invalid-parameter", status: .badRequest,
                                  detail: "parameter \"\(name)\" takes one value but was given more than once",
                                  instance: instance, extensions: [("parameter", .string(name))])
        case .unknownResource(let kind, let id, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
            return ProblemDetails(type: "urn:timeline-server:problem:not-found", status: .notFound,
                                  detail: "no \(kind) with id \"\(id)\"\(hint)", instance: instance,
                                  extensions: [("suggestions", .strings(suggestions))])
        case .notAcceptable(let accept, let supported):
            return ProblemDetails(type: "urn:timeline-server:problem:not-acceptable", status: .notAcceptable,
                                  detail: "no supported format satisfies Accept: \(accept)", instance: instance,
                                  extensions: [("supported_formats", .strings(supported))])
        case .unsupportedFormat(let value, let supported):
            return ProblemDetails(type: "urn:timeline-server:problem:invalid-parameter", status: .badRequest,
                                  detail: "invalid format: \"\(value)\" is not one of \(supported.joined(separator: ", "))",
                                  instance: instance,
                                  extensions: [("parameter", .string("format")), ("supported_formats", .strings(supported))])
        case .bodyNotAllowed(let length):
            return ProblemDetails(type: "urn:timeline-server:problem:body-not-allowed", status: .contentTooLarge,
                                  detail: "this API is read-only and takes no request body (\(length) bytes sent)",
                                  instance: instance)
        }
    }
}
