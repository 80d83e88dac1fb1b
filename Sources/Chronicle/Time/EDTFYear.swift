/// The year of an EDTF date: four digits (some may be `X`), or more digits after `Y`,
/// optionally with a number of significant digits (`1950S2`).
///
/// Values are normalised: an exponent is multiplied out (`Y-17E7` is -170000000),
/// the `Y` form is used exactly when the year has more than four digits, and `S` equal
/// to the number of digits is dropped (`1950S4` is 1950).
struct EDTFYear: Hashable, Sendable {
  /// The signed year, with unspecified digits read as 0.
  var value: Int
  /// Kept apart from `value`, which is 0 for `-0XXX`.
  var isNegative: Bool
  /// For four-digit years: bit 3 is the first digit … bit 0 the last; a set bit is an `X`.
  var unspecifiedMask: UInt8
  /// The number of significant digits, or 0 when all are.
  var significantDigits: UInt8

  var magnitude: Int { Int(value.magnitude) }

  /// Whether the year is written with the `Y` prefix: it has more than four digits.
  var isPrefixed: Bool { magnitude > 9999 }

  /// The number of digits as written: 4, or more with the `Y` prefix.
  var digitCount: Int {
    isPrefixed ? String(value.magnitude).count : 4
  }

  var hasUnspecifiedDigits: Bool { unspecifiedMask != 0 }

  /// The year, and only that year, is given.
  var isExact: Bool { unspecifiedMask == 0 && significantDigits == 0 }

  /// The number of trailing `X` digits when every `X` is at the right (`201X` → 1,
  /// `20XX` → 2), or `nil` for other patterns and for years without `X`.
  var trailingUnspecifiedCount: Int? {
    switch unspecifiedMask {
    case 0b0001: 1
    case 0b0011: 2
    case 0b0111: 3
    case 0b1111: 4
    default: nil
    }
  }

  /// The year as written in canonical form, without `S`.
  var digitsText: String { EDTFTextWriter.text { $0.yearDigits(self) } }

  /// The year in canonical form: `1985`, `-0043`, `19X5`, `Y-170000000`, `1950S2`.
  var text: String { EDTFTextWriter.text { $0.year(self) } }

  /// The years a significant-digit year stands for: `1950S2` → 1900…1999.
  var significantRange: ClosedRange<Int> {
    var unit = 1
    for _ in 0..<(digitCount - Int(significantDigits)) { unit *= 10 }
    let low = magnitude / unit * unit
    let high = low + unit - 1
    return isNegative ? -high ... -low : low...high
  }

  /// Calls `body` with each year the value can be, in ascending or descending
  /// order, until `body` returns true; returns whether it did.
  ///
  /// A pattern has at most 10⁴ candidates. Significant-digit years are not
  /// enumerated (see `significantRange`).
  func firstCandidate(ascending: Bool, where body: (Int) -> Bool) -> Bool {
    guard unspecifiedMask != 0 else { return body(value) }
    let positions = (0..<4).filter { unspecifiedMask & (1 << (3 - $0)) != 0 }
    var count = 1
    for _ in positions { count *= 10 }
    // Ascending years are ascending magnitudes, except below zero.
    let magnitudesAscending = ascending != isNegative
    let givenDigits = CalendarDay.paddedYearDigits(value.magnitude).map { Int(String($0)) ?? 0 }
    for step in 0..<count {
      var filler = magnitudesAscending ? step : count - 1 - step
      var digits = givenDigits
      for position in positions.reversed() {
        digits[position] = filler % 10
        filler /= 10
      }
      let candidate = digits.reduce(0) { $0 * 10 + $1 }
      if isNegative && candidate == 0 { continue }  // "-0000" is not a year
      if body(isNegative ? -candidate : candidate) { return true }
    }
    return false
  }
}
