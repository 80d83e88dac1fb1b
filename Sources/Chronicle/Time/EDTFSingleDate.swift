/// One EDTF date (not an interval or set): a year, optionally a month or sub-year
/// grouping, optionally a day and a time of day, with per-component qualifiers.
struct EDTFSingleDate: Hashable, Sendable {
  var year: EDTFYear
  /// 1: year only; 2: year and month (or grouping); 3: year, month and day.
  var depth: UInt8
  /// The month (1–12) or grouping code (21–41), with unspecified digits read as 0.
  var month: UInt8 = 0
  /// Bit 1 is the first digit, bit 0 the second; a set bit is an `X`.
  var monthMask: UInt8 = 0
  var day: UInt8 = 0
  var dayMask: UInt8 = 0
  var time: EDTFTimeOfDay?
  var yearQualifiers: EDTFQualifierSet = []
  var monthQualifiers: EDTFQualifierSet = []
  var dayQualifiers: EDTFQualifierSet = []

  var grouping: EDTFSubYearGrouping? {
    depth == 2 && monthMask == 0 ? EDTFSubYearGrouping(rawValue: month) : nil
  }

  var hasUnspecifiedDigits: Bool {
    year.hasUnspecifiedDigits || monthMask != 0 || dayMask != 0
  }

  /// The qualifiers of the components present, year first.
  var componentQualifiers: [(EDTFQualifier.Component, EDTFQualifierSet)] {
    let all: [(EDTFQualifier.Component, EDTFQualifierSet)] = [
      (.year, yearQualifiers), (.month, monthQualifiers), (.day, dayQualifiers),
    ]
    return Array(all.prefix(Int(depth)))
  }

  var isQualified: Bool {
    !yearQualifiers.isEmpty || !monthQualifiers.isEmpty || !dayQualifiers.isEmpty
  }

  /// Whether ``qualifiers(part:)`` is not empty: a component within the depth is
  /// qualified. Answered without the arrays (the DOT scene asks it of every date).
  var hasQualifiers: Bool {
    (depth >= 1 && !yearQualifiers.isEmpty) || (depth >= 2 && !monthQualifiers.isEmpty)
      || (depth >= 3 && !dayQualifiers.isEmpty)
  }

  /// Every component carries the same qualifiers, as level 1 writes them (`2004-06~`).
  var isUniformlyQualified: Bool {
    componentQualifiers.allSatisfy { $0.1 == yearQualifiers }
  }

  var precision: EDTFPrecision? {
    if time != nil { return .second }
    switch depth {
    case 3: return .day
    case 2: return grouping == nil ? .month : .season
    default: return year.significantDigits == 0 ? .year : nil
    }
  }

  func monthMatches(_ candidate: Int) -> Bool {
    Self.matches(candidate, value: month, mask: monthMask)
  }

  func dayMatches(_ candidate: Int) -> Bool {
    Self.matches(candidate, value: day, mask: dayMask)
  }

  private static func matches(_ candidate: Int, value: UInt8, mask: UInt8) -> Bool {
    (mask & 0b10 != 0 || candidate / 10 == Int(value) / 10)
      && (mask & 0b01 != 0 || candidate % 10 == Int(value) % 10)
  }

  static func componentText(_ value: UInt8, mask: UInt8) -> String {
    EDTFTextWriter.text { $0.component(value, mask: mask) }
  }

  var monthText: String { Self.componentText(month, mask: monthMask) }
  var dayText: String { Self.componentText(day, mask: dayMask) }

  // MARK: - Canonical text

  /// The date in canonical form (see ``EDTFTextWriter/date(_:)``): `2004?-06-~11`.
  var text: String { EDTFTextWriter.text { $0.date(self) } }

  // MARK: - Bounds

  /// The first and last calendar day the date can denote, or `nil` when no day
  /// matches (`XXX1-02-29`: no leap year ends in 1).
  var bounds: (earliest: CalendarDay, latest: CalendarDay)? {
    if year.significantDigits != 0 {
      let years = year.significantRange
      return (
        CalendarDay(unchecked: years.lowerBound, 1, 1),
        CalendarDay(unchecked: years.upperBound, 12, 31)
      )
    }
    var earliest: CalendarDay?
    var latest: CalendarDay?
    _ = year.firstCandidate(ascending: true) { candidate in
      earliest = firstDay(inYear: candidate)
      return earliest != nil
    }
    _ = year.firstCandidate(ascending: false) { candidate in
      latest = lastDay(inYear: candidate)
      return latest != nil
    }
    guard let earliest, let latest else { return nil }
    return (earliest, latest)
  }

  private func firstDay(inYear year: Int) -> CalendarDay? {
    if depth == 1 { return CalendarDay(unchecked: year, 1, 1) }
    if let grouping { return grouping.firstDay(ofYear: year) }
    if let day = writtenDay(inYear: year) { return day.earliest }
    for month in 1...12 where monthMatches(month) {
      if depth == 2 { return CalendarDay(unchecked: year, month, 1) }
      let days = CalendarDay.numberOfDays(inMonth: month, year: year)
      for day in 1...days where dayMatches(day) {
        return CalendarDay(unchecked: year, month, day)
      }
    }
    return nil
  }

  private func lastDay(inYear year: Int) -> CalendarDay? {
    if depth == 1 { return CalendarDay(unchecked: year, 12, 31) }
    if let grouping { return grouping.lastDay(ofYear: year) }
    if let day = writtenDay(inYear: year) { return day.latest }
    for month in (1...12).reversed() where monthMatches(month) {
      let days = CalendarDay.numberOfDays(inMonth: month, year: year)
      if depth == 2 { return CalendarDay(unchecked: year, month, days) }
      for day in (1...days).reversed() where dayMatches(day) {
        return CalendarDay(unchecked: year, month, day)
      }
    }
    return nil
  }

  /// For a month, or a month and day, written without `X` (most dates): the first and
  /// last day in `year` without a search over the months and days, `.some((nil, nil))`
  /// when that day does not exist; `nil` when a digit is unspecified.
  private func writtenDay(inYear year: Int) -> (earliest: CalendarDay?, latest: CalendarDay?)? {
    guard monthMask == 0 && dayMask == 0 else { return nil }
    let month = Int(self.month)
    guard (1...12).contains(month) else { return (nil, nil) }
    let days = CalendarDay.numberOfDays(inMonth: month, year: year)
    if depth == 2 { return (CalendarDay(unchecked: year, month, 1), CalendarDay(unchecked: year, month, days)) }
    let day = Int(self.day)
    guard (1...days).contains(day) else { return (nil, nil) }
    let found = CalendarDay(unchecked: year, month, day)
    return (found, found)
  }

  /// The bounds moved out for the qualifiers: each qualified component may be off
  /// by one of its units (a year; a month, or a grouping's length; a day), and
  /// the largest such margin applies on both sides.
  func widened(_ bounds: (earliest: CalendarDay, latest: CalendarDay)) -> (
    earliest: CalendarDay, latest: CalendarDay
  ) {
    let monthsMargin: Int
    if !yearQualifiers.isEmpty {
      monthsMargin = 12
    } else if depth >= 2 && !monthQualifiers.isEmpty {
      monthsMargin = grouping?.monthCount ?? 1
    } else {
      monthsMargin = 0
    }
    if monthsMargin > 0 {
      var latest = bounds.latest.addingMonths(monthsMargin)
      if depth < 3 {
        // A month or coarser ends on the last day of its month.
        latest = CalendarDay(
          unchecked: latest.year, latest.month,
          CalendarDay.numberOfDays(inMonth: latest.month, year: latest.year))
      }
      return (bounds.earliest.addingMonths(-monthsMargin), latest)
    }
    if depth == 3 && !dayQualifiers.isEmpty {
      return (bounds.earliest.addingDays(-1), bounds.latest.addingDays(1))
    }
    return bounds
  }

  // MARK: - Level and qualifiers

  /// The lowest EDTF level whose syntax writes this date in canonical form.
  var level: Int {
    if year.significantDigits != 0 { return 2 }
    var level = year.isNegative || year.isPrefixed ? 1 : 0
    if let grouping { level = max(level, grouping.isLevel1 ? 1 : 2) }
    if isQualified { level = max(level, isUniformlyQualified ? 1 : 2) }
    if hasUnspecifiedDigits { level = max(level, hasLevel1UnspecifiedDigits ? 1 : 2) }
    return level
  }

  /// Level 1 allows `X` only from the right: `201X`, `20XX`, `2004-XX`,
  /// `1985-04-XX`, `1985-XX-XX`.
  private var hasLevel1UnspecifiedDigits: Bool {
    switch depth {
    case 1: return year.unspecifiedMask == 0b0001 || year.unspecifiedMask == 0b0011
    case 2: return year.unspecifiedMask == 0 && monthMask == 0b11
    default:
      return year.unspecifiedMask == 0 && dayMask == 0b11 && (monthMask == 0 || monthMask == 0b11)
    }
  }

  /// The qualifiers in the shared vocabulary: a kind on every component names no
  /// component and comes first; then year, month, day, uncertain before approximate.
  func qualifiers(part: EDTFQualifier.Part?) -> [EDTFQualifier] {
    let components = componentQualifiers
    var result: [EDTFQualifier] = []
    var whole: EDTFQualifierSet = []
    for kind in EDTFQualifier.Kind.allCases where components.allSatisfy({ $0.1.contains(kind) }) {
      whole.insert(.of(kind))
      result.append(EDTFQualifier(part: part, kind))
    }
    for (component, set) in components {
      for kind in EDTFQualifier.Kind.allCases where set.contains(kind) && !whole.contains(kind) {
        result.append(EDTFQualifier(part: part, component: component, kind))
      }
    }
    return result
  }
}
