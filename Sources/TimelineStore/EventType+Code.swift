extension EventType {
    /// The type's index in `allCases`, for the one-byte-per-event type column. A switch,
    /// because hashing the enum (through its raw `String`) per event costs more than the rest
    /// of indexing the type.
    var code: UInt8 {
        switch self {
        case .agree: 0
        case .consult: 1
        case .support: 2
        case .concede: 3
        case .cooperate: 4
        case .aid: 5
        case .retreat: 6
        case .investigate: 7
        case .demand: 8
        case .disapprove: 9
        case .reject: 10
        case .threaten: 11
        case .protest: 12
        case .mobilize: 13
        case .sanction: 14
        case .coerce: 15
        case .assault: 16
        case .fight: 17
        case .crime: 18
        }
    }
}
