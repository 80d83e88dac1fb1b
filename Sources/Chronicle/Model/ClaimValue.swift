/// What a claim asserts: a number, a range of numbers, or text.
///
///     ClaimValue.number(ClaimNumber(613))
///     ClaimValue.range(low: ClaimNumber(1000), high: ClaimNumber(1500))
///     ClaimValue.text("genocidal act")
public enum ClaimValue: Hashable, Sendable, CustomStringConvertible {
  /// One number.
  case number(ClaimNumber)
  /// A range, low to high inclusive.
  case range(low: ClaimNumber, high: ClaimNumber)
  /// A non-numeric value, verbatim.
  case text(String)

  /// `613`, `1000–1500`, or the text.
  public var description: String {
    switch self {
    case .number(let number): number.description
    case .range(let low, let high): "\(low)–\(high)"
    case .text(let text): text
    }
  }

  /// The value written for people: thousands grouped (`1,324`), ranges with an en dash
  /// (or `-` when `ascii` is set).
  public func displayText(ascii: Bool = false) -> String {
    switch self {
    case .number(let number): number.grouped
    case .range(let low, let high): low.grouped + (ascii ? "-" : "–") + high.grouped
    case .text(let text): text
    }
  }
}

/// A number as a source gives it, kept exactly.
///
/// Stored as its canonical decimal text (`1324`, `0.5`, `-3`) and compared by value,
/// so `1324` and `1324.0` are the same number.
public struct ClaimNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The value.
  public let value: Double

  /// Creates a number.
  public init(_ value: Double) {
    self.value = value == 0 ? 0 : value  // -0 prints as 0
  }

  /// Parses a JSON number or plain decimal text (`1324`, `1.5e3`); nil if it is not
  /// one or is not finite.
  public init?(parsing text: String) {
    guard Self.isDecimal(text), let value = Double(text), value.isFinite else { return nil }
    self.init(value)
  }

  /// The canonical text: an integer without a fraction when the value is whole and
  /// exact, otherwise the shortest text that reads back as the same value.
  public var description: String {
    if value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return "\(value)"
  }

  /// The number with thousands grouped by commas, as English prose writes it.
  public var grouped: String {
    let text = description
    guard !text.contains("e"), !text.contains("E") else { return text }
    let negative = text.hasPrefix("-")
    let unsigned = negative ? String(text.dropFirst()) : text
    let integer = unsigned.prefix { $0 != "." }
    let fraction = unsigned.dropFirst(integer.count)
    guard integer.count > 3 else { return text }
    var groups: [Substring] = []
    var end = integer.endIndex
    while end > integer.startIndex {
      let start = integer.index(end, offsetBy: -3, limitedBy: integer.startIndex) ?? integer.startIndex
      groups.insert(integer[start..<end], at: 0)
      end = start
    }
    return (negative ? "-" : "") + groups.joined(separator: ",") + fraction
  }

  /// Orders by value.
  public static func < (lhs: ClaimNumber, rhs: ClaimNumber) -> Bool { lhs.value < rhs.value }

  // JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  static func isDecimal(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    func digits() -> Int {
      let count = bytes.prefix { $0 >= 48 && $0 <= 57 }.count
      bytes = bytes.dropFirst(count)
      return count
    }
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let leadingZero = bytes.first == UInt8(ascii: "0")
    let integerDigits = digits()
    guard integerDigits > 0, !(leadingZero && integerDigits > 1) else { return false }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      guard digits() > 0 else { return false }
    }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }
}
