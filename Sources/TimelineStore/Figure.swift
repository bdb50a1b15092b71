/// A number the article reports about an event ("hundreds killed"). `value` and the bounds
/// are set only when the article states a number; `currency` (ISO 4217) when `unit` is currency.
public struct Figure: Sendable, Hashable {
    public let measure: String
    public let unit: String
    public let value: Double?
    public let lowerBound: Double?
    public let upperBound: Double?
    public let qualifier: FigureQualifier?
    public let confirmed: Bool?
    public let currency: String?
    public let evidence: Evidence

    public init(
        measure: String,
        unit: String,
        value: Double? = nil,
        lowerBound: Double? = nil,
        upperBound: Double? = nil,
        qualifier: FigureQualifier? = nil,
        confirmed: Bool? = nil,
        currency: String? = nil,
        evidence: Evidence
    ) {
        self.measure = measure
        self.unit = unit
        self.value = value
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.qualifier = qualifier
        self.confirmed = confirmed
        self.currency = currency
        self.evidence = evidence
    }
}
