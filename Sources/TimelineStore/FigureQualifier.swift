/// How exact a reported figure is, in the article's own terms ("hundreds killed" → `hundreds`).
public enum FigureQualifier: String, Sendable, Hashable, CaseIterable {
    case exact = "exact"
    case moreThan = "more-than"
    case dozens = "dozens"
    case hundreds = "hundreds"
    case thousands = "thousands"
    case approximately = "approximately"
}
