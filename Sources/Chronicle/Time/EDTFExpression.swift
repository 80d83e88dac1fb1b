/// A parsed EDTF expression: one date, an interval, or a set.
enum EDTFExpression: Hashable, Sendable {
  case date(EDTFSingleDate)
  case interval(EDTFIntervalEnd, EDTFIntervalEnd)
  case set(EDTFDate.SetKind, [EDTFSetMember])

  /// The expression in canonical form.
  var text: String { EDTFTextWriter.text(of: self) }

  /// The first and last day; `nil` on a side that is open or unknown.
  var bounds: (earliest: CalendarDay?, latest: CalendarDay?) {
    switch self {
    case .date(let date):
      let bounds = date.bounds
      return (bounds?.earliest, bounds?.latest)
    case .interval(let start, let end):
      return (start.date?.bounds?.earliest, end.date?.bounds?.latest)
    case .set(_, let members):
      var earliest: CalendarDay?
      var latest: CalendarDay?
      var openStart = false
      var openEnd = false
      for member in members {
        if case .onOrBefore = member { openStart = true }
        if case .onOrAfter = member { openEnd = true }
        if let first = member.first.bounds?.earliest, earliest.map({ first < $0 }) ?? true {
          earliest = first
        }
        if let last = member.last.bounds?.latest, latest.map({ last > $0 }) ?? true {
          latest = last
        }
      }
      return (openStart ? nil : earliest, openEnd ? nil : latest)
    }
  }

  /// The bounds moved out for the qualifiers (see ``EDTFSingleDate/widened(_:)``).
  var widenedBounds: (earliest: CalendarDay?, latest: CalendarDay?) {
    switch self {
    case .date(let date):
      guard let bounds = date.bounds else { return (nil, nil) }
      let widened = date.widened(bounds)
      return (widened.earliest, widened.latest)
    case .interval(let start, let end):
      let first = start.date.flatMap { date in date.bounds.map { date.widened($0).earliest } }
      let last = end.date.flatMap { date in date.bounds.map { date.widened($0).latest } }
      return (first, last)
    case .set:
      return bounds
    }
  }

  var precision: EDTFPrecision? {
    switch self {
    case .date(let date):
      return date.precision
    case .interval(let start, let end):
      guard let first = start.date?.precision, first == end.date?.precision else { return nil }
      return first
    case .set:
      return nil
    }
  }

  var level: Int {
    switch self {
    case .date(let date):
      return date.level
    case .interval(let start, let end):
      return max(start.level, end.level)
    case .set:
      return 2
    }
  }

  var qualifiers: [EDTFQualifier] {
    switch self {
    case .date(let date):
      return date.qualifiers(part: nil)
    case .interval(let start, let end):
      return (start.date?.qualifiers(part: .start) ?? []) + (end.date?.qualifiers(part: .end) ?? [])
    case .set:
      return []
    }
  }
}

/// One end of an interval: a date, open (`..`), or unknown (empty).
enum EDTFIntervalEnd: Hashable, Sendable {
  case date(EDTFSingleDate)
  case open
  case unknown

  var date: EDTFSingleDate? {
    if case .date(let date) = self { return date }
    return nil
  }

  /// Open and unknown ends are level 1 features.
  var level: Int { date?.level ?? 1 }
}

/// One member of a set: a date, a range `a..b`, or a date open on one side.
enum EDTFSetMember: Hashable, Sendable {
  case date(EDTFSingleDate)
  case range(EDTFSingleDate, EDTFSingleDate)
  /// `..date`: the date or any earlier one.
  case onOrBefore(EDTFSingleDate)
  /// `date..`: the date or any later one.
  case onOrAfter(EDTFSingleDate)

  var first: EDTFSingleDate {
    switch self {
    case .date(let date), .range(let date, _), .onOrBefore(let date), .onOrAfter(let date): date
    }
  }

  var last: EDTFSingleDate {
    switch self {
    case .date(let date), .range(_, let date), .onOrBefore(let date), .onOrAfter(let date): date
    }
  }
}
