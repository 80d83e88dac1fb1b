/// The qualifiers on one component of a date: none, `?`, `~`, or both (`%`).
struct EDTFQualifierSet: OptionSet, Hashable, Sendable {
  let rawValue: UInt8
  init(rawValue: UInt8) { self.rawValue = rawValue }

  static let uncertain = EDTFQualifierSet(rawValue: 1)
  static let approximate = EDTFQualifierSet(rawValue: 2)

  /// The set a qualifier character stands for, or `nil` for any other character.
  init?(character: UInt8) {
    switch character {
    case UInt8(ascii: "?"): self = .uncertain
    case UInt8(ascii: "~"): self = .approximate
    case UInt8(ascii: "%"): self = [.uncertain, .approximate]
    default: return nil
    }
  }

  /// `?`, `~`, `%`, or nothing.
  var text: String {
    switch rawValue {
    case 1: "?"
    case 2: "~"
    case 3: "%"
    default: ""
    }
  }

  func contains(_ kind: EDTFQualifier.Kind) -> Bool {
    isSuperset(of: Self.of(kind))
  }

  static func of(_ kind: EDTFQualifier.Kind) -> EDTFQualifierSet {
    switch kind {
    case .uncertain: EDTFQualifierSet.uncertain
    case .approximate: EDTFQualifierSet.approximate
    }
  }
}
