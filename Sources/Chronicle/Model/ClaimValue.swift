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
    if case .text(let text) = self { return text }
    var bytes: [UInt8] = []
    appendDisplayText(ascii: ascii, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends ``displayText(ascii:)`` as UTF-8.
  func appendDisplayText(ascii: Bool, to bytes: inout [UInt8]) {
    switch self {
    case .number(let number):
      number.appendGrouped(to: &bytes)
    case .range(let low, let high):
      low.appendGrouped(to: &bytes)
      bytes.append(contentsOf: ascii ? "-".utf8 : "–".utf8)
      high.appendGrouped(to: &bytes)
    case .text(let text):
      bytes.append(contentsOf: text.utf8)
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
    var bytes: [UInt8] = []
    appendGrouped(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends ``grouped`` as UTF-8, without making a `String` for a whole number
  /// (the chronology writes one per figure).
  func appendGrouped(to bytes: inout [UInt8]) {
    if value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
      return Self.appendGrouped(Int64(value), to: &bytes)
    }
    // `1.5e-07`, `1234567.25`: group the digits before the point, unless an exponent.
    let text = Array(description.utf8)
    guard !text.contains(UInt8(ascii: "e")), !text.contains(UInt8(ascii: "E")) else {
      return bytes.append(contentsOf: text)
    }
    let negative = text.first == UInt8(ascii: "-")
    let start = negative ? 1 : 0
    let point = text.firstIndex(of: UInt8(ascii: ".")) ?? text.count
    if negative { bytes.append(UInt8(ascii: "-")) }
    for position in start..<point {
      if position > start && (point - position) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(text[position])
    }
    bytes.append(contentsOf: text[point...])
  }

  /// Appends a whole number with thousands grouped: `-7,000`.
  static func appendGrouped(_ number: Int64, to bytes: inout [UInt8]) {
    // 19 digits, 6 commas and a sign at most.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
      var magnitude = number.magnitude
      var start = buffer.count
      var digits = 0
      repeat {
        if digits > 0 && digits % 3 == 0 {
          start -= 1
          buffer[start] = UInt8(ascii: ",")
        }
        start -= 1
        buffer[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
        magnitude /= 10
        digits += 1
      } while magnitude > 0
      if number < 0 {
        start -= 1
        buffer[start] = UInt8(ascii: "-")
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
    }
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
