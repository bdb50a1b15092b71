extension EDTFDate {
    /// A date from its already parsed parts (as `EventTable` keeps them), without parsing the
    /// text again.
    init(text: String, earliest: Day?, latest: Day?, precision: DatePrecision, isApproximate: Bool,
         isUncertain: Bool) {
        self.text = text
        self.earliest = earliest
        self.latest = latest
        self.precision = precision
        self.isApproximate = isApproximate
        self.isUncertain = isUncertain
    }
}
