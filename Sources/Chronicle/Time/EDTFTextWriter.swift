/// Writes the canonical text of EDTF values as bytes into one buffer, then makes one
/// `String` of it.
///
/// Every date a reader meets is put in canonical form once (``EDTFDate/description``
/// and the sort key hold it). Building that text from a `String` per component, with
/// arrays for the qualifiers' placement, cost about 8,000 instructions a date: 15 % of
/// reading and validating a generated timeline. This writer appends digits and
/// characters to a byte array instead.
struct EDTFTextWriter {
  /// The text written so far, in UTF-8.
  private(set) var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(32) }

  /// The text written.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The canonical text of `expression`.
  static func text(of expression: EDTFExpression) -> String {
    var writer = EDTFTextWriter()
    writer.expression(expression)
    return writer.text
  }

  /// The canonical text of one value, written by `write`.
  static func text(_ write: (inout EDTFTextWriter) -> Void) -> String {
    var writer = EDTFTextWriter()
    write(&writer)
    return writer.text
  }

  // MARK: Pieces

  mutating func character(_ scalar: Unicode.Scalar) { bytes.append(UInt8(ascii: scalar)) }

  /// The UTF-8 of `text`.
  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// The decimal digits of `magnitude`, zero-padded on the left to at least `width`.
  mutating func decimal(_ magnitude: UInt, width: Int = 1) {
    var count = 1
    var rest = magnitude / 10
    while rest > 0 {
      count += 1
      rest /= 10
    }
    let end = bytes.count + max(count, width)
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(count, width)))
    var value = magnitude
    var index = end
    repeat {
      index -= 1
      bytes[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
      value /= 10
    } while value > 0
  }

  /// `?`, `~`, `%`, or nothing.
  mutating func qualifiers(_ set: EDTFQualifierSet) {
    switch set.rawValue {
    case 1: character("?")
    case 2: character("~")
    case 3: character("%")
    default: break
    }
  }

  /// Two digits, each an `X` where `mask` says so (bit 1 the first, bit 0 the second).
  mutating func component(_ value: UInt8, mask: UInt8) {
    character(mask & 0b10 != 0 ? "X" : Unicode.Scalar(UInt8(ascii: "0") + value / 10 % 10))
    character(mask & 0b01 != 0 ? "X" : Unicode.Scalar(UInt8(ascii: "0") + value % 10))
  }

  // MARK: Values

  /// The year without `S`: `1985`, `-0043`, `19X5`, `Y-170000000`.
  mutating func yearDigits(_ year: EDTFYear) {
    if year.isPrefixed {
      character("Y")
      if year.isNegative { character("-") }
      decimal(year.value.magnitude)
      return
    }
    if year.isNegative { character("-") }
    let start = bytes.count
    decimal(year.value.magnitude, width: 4)
    for index in 0..<4 where year.unspecifiedMask & (1 << (3 - index)) != 0 {
      bytes[start + index] = UInt8(ascii: "X")
    }
  }

  /// The year in canonical form: `1985`, `-0043`, `19X5`, `Y-170000000`, `1950S2`.
  mutating func year(_ year: EDTFYear) {
    yearDigits(year)
    if year.significantDigits != 0 {
      character("S")
      decimal(UInt(year.significantDigits))
    }
  }

  /// The offset in canonical form: `Z` for zero, `+05` for whole hours, `+05:30`.
  mutating func offset(_ time: EDTFTimeOfDay) {
    guard let offsetMinutes = time.offsetMinutes else { return }
    if offsetMinutes == 0 { return character("Z") }
    let magnitude = UInt(offsetMinutes.magnitude)
    character(offsetMinutes < 0 ? "-" : "+")
    decimal(magnitude / 60, width: 2)
    if magnitude % 60 != 0 {
      character(":")
      decimal(magnitude % 60, width: 2)
    }
  }

  /// `T23:20:30` plus the offset.
  mutating func time(_ time: EDTFTimeOfDay) {
    character("T")
    decimal(UInt(time.hour), width: 2)
    character(":")
    decimal(UInt(time.minute), width: 2)
    character(":")
    decimal(UInt(time.second), width: 2)
    offset(time)
  }

  /// One date in canonical form.
  ///
  /// Qualifiers: for each kind, the longest run of qualified components from the year
  /// on is written once, to the right of its last component (`2004-06~-11`); any other
  /// qualified component gets the character to its left (`2004?-06-~11`). Characters
  /// for both kinds at one place merge into `%`.
  mutating func date(_ date: EDTFSingleDate) {
    let count = Int(date.depth)
    let sets = SIMD4<UInt8>(
      date.yearQualifiers.rawValue, date.monthQualifiers.rawValue, date.dayQualifiers.rawValue, 0)
    var left = SIMD4<UInt8>()
    var right = SIMD4<UInt8>()
    for kind in [EDTFQualifierSet.uncertain.rawValue, EDTFQualifierSet.approximate.rawValue] {
      var run = 0
      while run < count && sets[run] & kind != 0 { run += 1 }
      if run > 0 { right[run - 1] |= kind }
      for index in run..<count where sets[index] & kind != 0 { left[index] |= kind }
    }
    qualifiers(EDTFQualifierSet(rawValue: left[0]))
    year(date.year)
    qualifiers(EDTFQualifierSet(rawValue: right[0]))
    if count >= 2 {
      character("-")
      qualifiers(EDTFQualifierSet(rawValue: left[1]))
      component(date.month, mask: date.monthMask)
      qualifiers(EDTFQualifierSet(rawValue: right[1]))
    }
    if count >= 3 {
      character("-")
      qualifiers(EDTFQualifierSet(rawValue: left[2]))
      component(date.day, mask: date.dayMask)
      qualifiers(EDTFQualifierSet(rawValue: right[2]))
    }
    if let time = date.time { self.time(time) }
  }

  /// A date, `..` for an open end, nothing for an unknown one.
  mutating func intervalEnd(_ end: EDTFIntervalEnd) {
    switch end {
    case .date(let date): self.date(date)
    case .open: dots()
    case .unknown: break
    }
  }

  /// `date`, `first..last`, `..date` or `date..`.
  mutating func setMember(_ member: EDTFSetMember) {
    switch member {
    case .date(let date):
      self.date(date)
    case .range(let first, let last):
      date(first)
      dots()
      date(last)
    case .onOrBefore(let date):
      dots()
      self.date(date)
    case .onOrAfter(let date):
      self.date(date)
      dots()
    }
  }

  /// A date, `start/end`, `[a,b]` or `{a,b}`.
  mutating func expression(_ expression: EDTFExpression) {
    switch expression {
    case .date(let date):
      self.date(date)
    case .interval(let start, let end):
      intervalEnd(start)
      character("/")
      intervalEnd(end)
    case .set(let kind, let members):
      character(kind == .oneOf ? "[" : "{")
      for (index, member) in members.enumerated() {
        if index > 0 { character(",") }
        setMember(member)
      }
      character(kind == .oneOf ? "]" : "}")
    }
  }

  private mutating func dots() {
    character(".")
    character(".")
  }
}
