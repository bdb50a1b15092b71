extension TimelineFileReader {
    mutating func readPlace(_ record: JSONFieldReader) {
        let id = declareID(record, kind: .place)
        let name = record.string("name", required: true)
        let kind = record.enumeration("kind", PlaceKind.self, required: true)
        let country = record.string("country", required: false)
        if let country, !TimelineFileReader.isCode(country, length: 2) {
            record.context.report("invalid country \"\(country)\": expected an ISO 3166-1 alpha-2 code like \"KZ\"")
        }
        let coordinates = readCoordinates(record)
        let coordinatesSource = record.string("coordinates_source", required: false)
        if coordinates == nil && record.value("coordinates") == nil && coordinatesSource != nil {
            record.context.report("coordinates_source must be null when coordinates are null")
        }
        let evidence = evidenceList(record, owner: nil)
        guard let id, let name, let kind else { return }
        contents.places.append(Place(
            id: id, sourceID: contents.source?.id ?? "", name: name, kind: kind, country: country,
            coordinates: coordinates, coordinatesSource: coordinatesSource, evidence: evidence))
    }

    /// `[longitude, latitude]` in WGS84 degrees, or null.
    private func readCoordinates(_ record: JSONFieldReader) -> Coordinates? {
        guard let value = record.value("coordinates") else { return nil }
        guard case .array(let pair) = value, pair.count == 2,
              case .number(let longitude) = pair[0], case .number(let latitude) = pair[1] else {
            record.context.report("field \"coordinates\" must be [longitude, latitude]")
            return nil
        }
        guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
            record.context.report("coordinates out of range: [\(longitude), \(latitude)]")
            return nil
        }
        return Coordinates(longitude: longitude, latitude: latitude)
    }

    /// Upper-case ASCII letters, `length` of them (ISO 3166-1 alpha-2, ISO 4217).
    static func isCode(_ text: String, length: Int) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
