extension String {
    /// "kazakh protesters" → "kazakh-protesters": a typed name in id form.
    func replacingSpacesWithHyphens() -> String {
        String(unicodeScalars.map { $0 == " " ? "-" : Character($0) })
    }
}
