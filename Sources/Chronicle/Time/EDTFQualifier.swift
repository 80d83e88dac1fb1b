/// One qualification of an EDTF date: uncertain (`?`) or approximate (`~`), of the
/// whole value or of one component, of an interval's start or end.
///
///     try EDTFDate("1984?").qualifiers.map(\.description)         // ["uncertain"]
///     try EDTFDate("2004?-06-~11").qualifiers.map(\.description)  // ["year:uncertain", "day:approximate"]
///     try EDTFDate("1984?/2004~").qualifiers.map(\.description)   // ["start:uncertain", "end:approximate"]
///
/// `%` gives two qualifiers, one of each kind. A qualifier names no component when it
/// applies to every component of its date, and then comes first.
public struct EDTFQualifier: Hashable, Sendable, CustomStringConvertible {
  /// Which end of an interval a qualifier belongs to.
  public enum Part: String, Hashable, Sendable, CaseIterable {
    /// The start of an interval.
    case start
    /// The end of an interval.
    case end
  }

  /// The component of a date a qualifier applies to.
  public enum Component: String, Hashable, Sendable, CaseIterable {
    /// The year.
    case year
    /// The month, or the season or other sub-year grouping in its place.
    case month
    /// The day.
    case day
  }

  /// What the qualifier says.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// `?`: the value is uncertain (possibly wrong).
    case uncertain
    /// `~`: the value is approximate (about).
    case approximate
  }

  /// The end of the interval, or `nil` for a date that is not an interval.
  public var part: Part?
  /// The component qualified, or `nil` when the whole date is.
  public var component: Component?
  /// Uncertain or approximate.
  public var kind: Kind

  /// Creates a qualifier.
  public init(part: Part? = nil, component: Component? = nil, _ kind: Kind) {
    self.part = part
    self.component = component
    self.kind = kind
  }

  /// `[start:|end:][year:|month:|day:]uncertain|approximate`, for example `end:day:approximate`.
  public var description: String {
    var text = ""
    if let part { text += part.rawValue + ":" }
    if let component { text += component.rawValue + ":" }
    return text + kind.rawValue
  }
}
