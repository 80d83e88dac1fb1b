extension EDTFDate {
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// The value in words, for people reading a chronology.
  ///
  ///     try EDTFDate("1992-02-25/1992-02-26").humanDescription()  // "25–26 February 1992"
  ///     try EDTFDate("1991-10/..").humanDescription()             // "from October 1991"
  ///     try EDTFDate("1992~").humanDescription()                  // "c. 1992"
  ///     try EDTFDate("1992?").humanDescription()                  // "1992?"
  ///     try EDTFDate("2020-36").humanDescription()                // "Q4 2020"
  ///     try EDTFDate("1991-24").humanDescription()                // "winter 1991–92"
  ///     try EDTFDate("201X").humanDescription()                   // "2010s"
  ///     try EDTFDate("-0043-03-15").humanDescription()            // "15 March 44 BCE"
  ///     try EDTFDate("1991-24").humanDescription(ascii: true)     // "winter 1991-92"
  ///
  /// Rules: `~` reads "c." before the date and `?` follows it; qualifiers on single
  /// components are spelled out after it ("11 June 2004 (year uncertain, day
  /// approximate)"). A winter (24, 28) or southern summer (30) spans the turn of the
  /// year and reads "winter 1991–92"; `1991-24?` reads "winter 1991–92?". Years up to
  /// 0 read as BCE (0 is 1 BCE); years beyond four digits read "year 170,000,002" and,
  /// when negative, keep their astronomical number ("year -170,000,000"), where BCE
  /// would be off by one. Unspecified digits read "2010s", "1900s", "some day in April
  /// 1985"; other patterns name the range they allow.
  ///
  /// - Parameter ascii: Use only ASCII: a hyphen for the en dash.
  public func humanDescription(ascii: Bool = false) -> String {
    let text = EDTFDisplay.describe(expression)
    return ascii ? String(text.map { $0 == "–" ? "-" : $0 }) : text
  }
}

/// The English phrases behind ``EDTFDate/humanDescription(ascii:)``.
private enum EDTFDisplay {
  static func describe(_ expression: EDTFExpression) -> String {
    switch expression {
    case .date(let date):
      return describe(date)
    case .interval(let start, let end):
      return describe(start, end)
    case .set(let kind, let members):
      let items = members.map { member in
        switch member {
        case .date(let date):
          return describe(date)
        case .range(let first, let last):
          return range(first, last)
        case .onOrBefore(let date):
          return describe(date) + (kind == .oneOf ? " or earlier" : " and earlier")
        case .onOrAfter(let date):
          return describe(date) + (kind == .oneOf ? " or later" : " and later")
        }
      }
      return (kind == .oneOf ? "one of: " : "all of: ") + items.joined(separator: ", ")
    }
  }

  private static func describe(_ start: EDTFIntervalEnd, _ end: EDTFIntervalEnd) -> String {
    switch (start, end) {
    case (.date(let first), .date(let last)):
      return range(first, last)
    case (.date(let first), .open):
      return "from " + describe(first)
    case (.date(let first), .unknown):
      return "from " + describe(first) + " to an unknown date"
    case (.open, .date(let last)):
      return "until " + describe(last)
    case (.unknown, .date(let last)):
      return "from an unknown date until " + describe(last)
    default:
      return "any time"
    }
  }

  /// `25–26 February 1992`, `June–August 2004`, `1964–2008`, `c. 1984 – June 2004`.
  private static func range(_ first: EDTFSingleDate, _ last: EDTFSingleDate) -> String {
    if first == last { return describe(first) }
    if let compact = compactRange(first, last) { return compact }
    let start = describe(first)
    let end = describe(last)
    // Bytes, not Foundation's `contains`: a space is one byte in UTF-8.
    return start.utf8.contains(0x20) || end.utf8.contains(0x20) ? start + " – " + end : start + "–" + end
  }

  private static func compactRange(_ first: EDTFSingleDate, _ last: EDTFSingleDate) -> String? {
    func isPlain(_ date: EDTFSingleDate) -> Bool {
      !date.isQualified && date.year.isExact && !date.hasUnspecifiedDigits && date.time == nil
        && date.grouping == nil && (1...9999).contains(date.year.value)
    }
    guard isPlain(first), isPlain(last), first.depth == last.depth, first.depth >= 2,
      first.year.value == last.year.value
    else { return nil }
    let firstMonth = EDTFDate.monthNames[Int(first.month) - 1]
    let lastMonth = EDTFDate.monthNames[Int(last.month) - 1]
    var writer = EDTFTextWriter()
    if first.depth == 2 {
      // June–August 2004
      writer.append(firstMonth)
      writer.append("–")
      writer.append(lastMonth)
    } else if first.month == last.month {
      // 25–26 February 1992
      writer.decimal(UInt(first.day))
      writer.append("–")
      writer.decimal(UInt(last.day))
      writer.character(" ")
      writer.append(firstMonth)
    } else {
      // 28 February – 1 March 1992
      writer.decimal(UInt(first.day))
      writer.character(" ")
      writer.append(firstMonth)
      writer.append(" – ")
      writer.decimal(UInt(last.day))
      writer.character(" ")
      writer.append(lastMonth)
    }
    writer.character(" ")
    writer.decimal(UInt(first.year.value))
    return writer.text
  }

  // MARK: - Single dates

  static func describe(_ date: EDTFSingleDate) -> String {
    var text = plainDescription(date)
    // Most dates have no qualifier: no phrase to add, nothing to group.
    guard date.hasQualifiers else { return text }
    let qualifiers = date.qualifiers(part: nil)
    // Components with the same kinds share a phrase: "year and month approximate".
    var groups: [(components: [String], kinds: String)] = []
    for component in EDTFQualifier.Component.allCases {
      let kinds = qualifiers.filter { $0.component == component }.map(\.kind.rawValue)
      guard !kinds.isEmpty else { continue }
      let phrase = kinds.joined(separator: " and ")
      if let index = groups.firstIndex(where: { $0.kinds == phrase }) {
        groups[index].components.append(component.rawValue)
      } else {
        groups.append(([component.rawValue], phrase))
      }
    }
    if qualifiers.contains(EDTFQualifier(.approximate)) { text = "c. " + text }
    if qualifiers.contains(EDTFQualifier(.uncertain)) { text += "?" }
    if !groups.isEmpty {
      let parts = groups.map { $0.components.joined(separator: " and ") + " " + $0.kinds }
      text += " (" + parts.joined(separator: ", ") + ")"
    }
    return text
  }

  private static func plainDescription(_ date: EDTFSingleDate) -> String {
    if date.year.significantDigits != 0 {
      let years = date.year.significantRange
      return yearRange(years.lowerBound, years.upperBound) + " (estimated "
        + (date.year.isPrefixed ? groupedDigits(date.year.value) : yearName(date.year.value)) + ")"
    }
    if date.hasUnspecifiedDigits {
      return unspecifiedDescription(date) ?? boundsDescription(date)
    }
    if let common = commonDescription(date) { return common }
    let year = date.year.value
    switch date.depth {
    case 1:
      return yearName(year)
    case 2:
      if let grouping = date.grouping { return groupingName(grouping, year: year) }
      return EDTFDate.monthNames[Int(date.month) - 1] + " " + yearName(year)
    default:
      var text = "\(date.day) " + EDTFDate.monthNames[Int(date.month) - 1] + " " + yearName(year)
      if let time = date.time {
        text += ", " + String(time.text.dropFirst())
        if let offset = time.offsetMinutes {
          text.removeLast(time.offsetText.count)
          text += offset == 0 ? " UTC" : " UTC" + time.offsetText
        }
      }
      return text
    }
  }

  /// `25 February 1992`, `February 1992`, `1992`: a date of years 1 to 9999 without a
  /// time or a season, written as bytes (the chronology and DOT's labels describe every
  /// date; joining `String`s cost about 1,400 instructions a date). `nil` for the rest.
  private static func commonDescription(_ date: EDTFSingleDate) -> String? {
    let year = date.year.value
    guard (1...9999).contains(year), date.time == nil, date.grouping == nil else { return nil }
    var writer = EDTFTextWriter()
    if date.depth >= 3 {
      writer.decimal(UInt(date.day))
      writer.character(" ")
    }
    if date.depth >= 2 {
      writer.append(EDTFDate.monthNames[Int(date.month) - 1])
      writer.character(" ")
    }
    writer.decimal(UInt(year))
    return writer.text
  }

  private static func groupingName(_ grouping: EDTFSubYearGrouping, year: Int) -> String {
    let years = grouping.crossesYear ? yearSpan(year) : yearName(year)
    return grouping.name + " " + years + grouping.hemisphereSuffix
  }

  /// The year and the next: `1991–92`, `1999–2000`, `45–44 BCE`, `1 BCE–1`.
  private static func yearSpan(_ year: Int) -> String {
    let next = year + 1
    if year >= 1 && next <= 9999 {
      return year / 100 == next / 100
        ? "\(year)–" + CalendarDay.twoDigits(next % 100) : "\(year)–\(next)"
    }
    return yearRange(year, next)
  }

  /// `1900–1999`, `2000–1901 BCE`, `years 171,000,000–171,999,999`.
  private static func yearRange(_ first: Int, _ last: Int) -> String {
    if first >= 1 && last <= 9999 { return "\(first)–\(last)" }
    if first >= -9999 && last <= 0 { return "\(1 - first)–\(1 - last) BCE" }
    if first > 9999 { return "years " + groupedDigits(first) + "–" + groupedDigits(last) }
    if last < -9999 { return "years " + groupedDigits(first) + " to " + groupedDigits(last) }
    return yearName(first) + " – " + yearName(last)
  }

  /// `1992`, `44 BCE` for -43, `1 BCE` for 0, `year 170,000,002` beyond four digits.
  static func yearName(_ year: Int) -> String {
    if year >= 1 && year <= 9999 { return String(year) }
    if year <= 0 && year >= -9999 { return "\(1 - year) BCE" }
    return "year " + groupedDigits(year)
  }

  /// `170,000,002`, `-170,000,000`.
  private static func groupedDigits(_ number: Int) -> String {
    let digits = Array(String(number.magnitude))
    var grouped = number < 0 ? "-" : ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
      grouped.append(digit)
    }
    return grouped
  }

  // MARK: - Unspecified digits

  private enum YearPhrase {
    /// `1985`
    case exact(String)
    /// `1560s`, read "in the 1560s"
    case decades(String)
    /// `some year in 1000–1999`
    case some(String)

    var standalone: String {
      switch self {
      case .exact(let text), .decades(let text), .some(let text): text
      }
    }

    /// After a month or "some day": "April 1985", "April in the 1560s".
    var afterMonth: String {
      switch self {
      case .exact(let text): " " + text
      case .decades(let text): " in the " + text
      case .some(let text): " of " + text
      }
    }

    /// After "some month in": "1985", "the 1560s", "1000–1999".
    var afterIn: String {
      switch self {
      case .exact(let text): text
      case .decades(let text): "the " + text
      case .some(let text): String(text.dropFirst(Self.somePrefix.count))
      }
    }

    static let somePrefix = "some year in "
  }

  private static func yearPhrase(_ year: EDTFYear) -> YearPhrase {
    if !year.hasUnspecifiedDigits { return .exact(yearName(year.value)) }
    if !year.isNegative, let count = year.trailingUnspecifiedCount, count <= 2 {
      return .decades("\(year.value)s")
    }
    var lowest = year.value
    var highest = year.value
    _ = year.firstCandidate(ascending: true) { lowest = $0; return true }
    _ = year.firstCandidate(ascending: false) { highest = $0; return true }
    return .some(YearPhrase.somePrefix + yearRange(lowest, highest))
  }

  /// Phrases for the patterns people write; `nil` for the others.
  private static func unspecifiedDescription(_ date: EDTFSingleDate) -> String? {
    let year = yearPhrase(date.year)
    let monthName =
      date.depth >= 2 && date.monthMask == 0 && (1...12).contains(date.month)
      ? EDTFDate.monthNames[Int(date.month) - 1] : nil
    switch date.depth {
    case 1:
      return year.standalone
    case 2:
      if date.grouping != nil { return nil }
      if let monthName { return monthName + year.afterMonth }
      return date.monthMask == 0b11 ? "some month in " + year.afterIn : nil
    default:
      switch (date.monthMask, date.dayMask) {
      case (0, 0):
        return "\(date.day) " + (monthName ?? "") + year.afterMonth
      case (0, 0b11):
        return "some day in " + (monthName ?? "") + year.afterMonth
      case (0b11, 0b11):
        return "some day in " + year.afterIn
      case (0b11, 0):
        return "day \(date.day) of some month in " + year.afterIn
      default:
        return nil
      }
    }
  }

  /// "some day between 10 June 2004 and 19 June 2004", from the bounds.
  private static func boundsDescription(_ date: EDTFSingleDate) -> String {
    guard let bounds = date.bounds else { return date.text }
    func name(_ day: CalendarDay) -> String {
      let month = EDTFDate.monthNames[day.month - 1] + " " + yearName(day.year)
      return date.depth == 3 ? "\(day.day) " + month : month
    }
    let unit = date.depth == 3 ? "day" : date.depth == 2 ? "month" : "year"
    return "some \(unit) between " + name(bounds.earliest) + " and " + name(bounds.latest)
  }
}
