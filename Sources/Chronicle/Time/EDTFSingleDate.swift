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
    let digits = Array(CalendarDay.twoDigits(Int(value)))
    return String(mask & 0b10 != 0 ? "X" : digits[0]) + String(mask & 0b01 != 0 ? "X" : digits[1])
  }

  var monthText: String { Self.componentText(month, mask: monthMask) }
  var dayText: String { Self.componentText(day, mask: dayMask) }

  // MARK: - Canonical text

  /// The date in canonical form.
  ///
  /// Qualifiers: for each kind, the longest run of qualified components from the year
  /// on is written once, to the right of its last component (`2004-06~-11`); any other
  /// qualified component gets the character to its left (`2004?-06-~11`). Characters
  /// for both kinds at one place merge into `%`.
  var text: String {
    let count = Int(depth)
    let sets = [yearQualifiers, monthQualifiers, dayQualifiers]
    var left: [EDTFQualifierSet] = [[], [], []]
    var right: [EDTFQualifierSet] = [[], [], []]
    for kind in [EDTFQualifierSet.uncertain, .approximate] {
      var run = 0
      while run < count && sets[run].contains(kind) { run += 1 }
      if run > 0 { right[run - 1].insert(kind) }
      for index in run..<count where sets[index].contains(kind) { left[index].insert(kind) }
    }
    var text = left[0].text + year.text + right[0].text
    if depth >= 2 { text += "-" + left[1].text + monthText + right[1].text }
    if depth >= 3 { text += "-" + left[2].text + dayText + right[2].text }
    if let time { text += time.text }
    return text
  }

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
    for month in (1...12).reversed() where monthMatches(month) {
      let days = CalendarDay.numberOfDays(inMonth: month, year: year)
      if depth == 2 { return CalendarDay(unchecked: year, month, days) }
      for day in (1...days).reversed() where dayMatches(day) {
        return CalendarDay(unchecked: year, month, day)
      }
    }
    return nil
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
