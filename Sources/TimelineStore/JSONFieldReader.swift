/// Reads the fields of one JSON object, reporting each missing or ill-typed field to the
/// record's context (with its path, like `evidence[0].quote`) and returning nil for it, so
/// reading goes on and every problem is found.
struct JSONFieldReader {
    let fields: [String: JSONValue]
    /// Path of this object within its record; empty for the record itself.
    let path: String
    let context: RecordContext

    func fieldPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The value, or nil when absent or `null` (the format uses null for "none").
    func value(_ key: String) -> JSONValue? {
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String, required: Bool) -> String? {
        guard let value = value(key) else {
            if required { context.report("missing field \"\(fieldPath(key))\"") }
            return nil
        }
        guard case .string(let string) = value else {
            context.report("field \"\(fieldPath(key))\" must be a string")
            return nil
        }
        if string.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            context.report("field \"\(fieldPath(key))\" must not be empty")
            return nil
        }
        return string
    }

    func number(_ key: String) -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value else {
            context.report("field \"\(fieldPath(key))\" must be a number")
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let bool) = value else {
            context.report("field \"\(fieldPath(key))\" must be true or false")
            return nil
        }
        return bool
    }

    /// An optional 1-based count such as `occurrence`. The outer optional is nil when the
    /// value is present but wrong (already reported).
    func positiveInteger(_ key: String) -> Int?? {
        guard let value = value(key) else { return .some(nil) }
        guard case .number(let number) = value, number >= 1, number <= Double(Int32.max),
              number == number.rounded() else {
            context.report("field \"\(fieldPath(key))\" must be a positive integer")
            return nil
        }
        return .some(Int(number))
    }

    func enumeration<Value: RawRepresentable & CaseIterable>(
        _ key: String, _ type: Value.Type, required: Bool
    ) -> Value? where Value.RawValue == String {
        guard let raw = string(key, required: required) else { return nil }
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            context.report("invalid value \"\(raw)\" for field \"\(fieldPath(key))\": expected one of \(allowed)")
            return nil
        }
        return value
    }

    func array(_ key: String, required: Bool) -> [JSONValue]? {
        guard let value = value(key) else {
            if required { context.report("missing field \"\(fieldPath(key))\"") }
            return nil
        }
        guard case .array(let elements) = value else {
            context.report("field \"\(fieldPath(key))\" must be an array")
            return nil
        }
        return elements
    }

    /// The strings of an array field; nil when the field or any element is wrong.
    func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let elements = array(key, required: required) else { return required ? nil : [] }
        var strings: [String] = []
        var valid = true
        for (index, element) in elements.enumerated() {
            if case .string(let string) = element, !string.isEmpty {
                strings.append(string)
            } else {
                context.report("field \"\(fieldPath(key))[\(index)]\" must be a non-empty string")
                valid = false
            }
        }
        return valid ? strings : nil
    }

    /// Readers for the objects of an array field; a non-object element is reported and skipped.
    func objects(_ key: String, required: Bool) -> [JSONFieldReader]? {
        guard let elements = array(key, required: required) else { return nil }
        return elements.enumerated().compactMap { index, element in
            nestedReader(element, path: "\(fieldPath(key))[\(index)]")
        }
    }

    func object(_ key: String, required: Bool) -> JSONFieldReader? {
        guard let value = value(key) else {
            if required { context.report("missing field \"\(fieldPath(key))\"") }
            return nil
        }
        return nestedReader(value, path: fieldPath(key))
    }

    private func nestedReader(_ value: JSONValue, path: String) -> JSONFieldReader? {
        guard case .object(let fields) = value else {
            context.report("field \"\(path)\" must be an object")
            return nil
        }
        return JSONFieldReader(fields: fields, path: path, context: context)
    }
}
