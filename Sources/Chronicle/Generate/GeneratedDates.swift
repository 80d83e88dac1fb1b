/// The EDTF texts the generator writes, each built around a base day so that the
/// date's earliest day is on or before it and its latest day on or after it (when
/// the date has them).
///
/// That one property keeps every generated file free of anachronisms: a document
/// reports only events, and cites only documents, whose base day is not later than
/// its own, so the event's or cited document's earliest day can never follow the
/// citing document's latest day.
///
///     var text: [UInt8] = []
///     var random = GeneratorRandom(seed: 1)
///     GeneratedDates.appendEventDate(day: 8091, random: &random, into: &text)  // "1992-02-26", "1992-21", "199X"…
enum GeneratedDates {
  /// The forms of event dates, with their weights in a thousand.
  private static let eventWeights: [Int] = [
    400, 110, 50, 100, 25, 20, 20, 10, 10, 30, 30, 55, 25, 20, 15, 10, 10, 20, 5, 5, 5, 5, 5, 5, 10, 5,
  ]
  private static let eventTotal = eventWeights.reduce(0, +)

  /// Appends an event's date around `day` (days since 1970-01-01).
  static func appendEventDate(day: Int, random: inout GeneratorRandom, into text: inout [UInt8]) {
    let civil = civilDay(day)
    switch random.weighted(eventWeights, total: eventTotal) {
    case 0: appendDay(civil, into: &text)
    case 1: appendMonth(civil, into: &text)
    case 2: appendYear(civil.year, into: &text)
    case 3:
      // A night or a few days: `1992-02-25/1992-02-26`.
      appendDay(civil, into: &text)
      text.append(UInt8(ascii: "/"))
      appendDay(civilDay(day + random.within(1...6)), into: &text)
    case 4:
      appendMonth(civil, into: &text)
      text.append(UInt8(ascii: "/"))
      appendMonth(civilDay(day + random.within(31...400)), into: &text)
    case 5:
      appendMonth(civil, into: &text)
      text.append("/..")
    case 6:
      text.append("../")
      appendDay(civil, into: &text)
    case 7:
      text.append(UInt8(ascii: "/"))
      appendDay(civil, into: &text)
    case 8:
      appendDay(civil, into: &text)
      text.append(UInt8(ascii: "/"))
    case 9: appendSeason(civil, into: &text)
    case 10: appendQuarter(civil, into: &text)
    case 11:
      appendDay(civil, into: &text)
      text.append(qualifier(&random))
    case 12:
      appendMonth(civil, into: &text)
      text.append(qualifier(&random))
    case 13:
      appendYear(civil.year, into: &text)
      text.append(qualifier(&random))
    case 14:
      // Only the day in doubt: `1992-02-?26`.
      appendMonth(civil, into: &text)
      text.append(UInt8(ascii: "-"))
      text.append(qualifier(&random))
      appendTwoDigits(civil.day, into: &text)
    case 15:
      // Only the year in doubt: `1992?-02-26`.
      appendYear(civil.year, into: &text)
      text.append(qualifier(&random))
      text.append(UInt8(ascii: "-"))
      appendTwoDigits(civil.month, into: &text)
      text.append(UInt8(ascii: "-"))
      appendTwoDigits(civil.day, into: &text)
    case 16:
      appendYear(civil.year / 10, width: 3, into: &text)
      text.append(UInt8(ascii: "X"))
    case 17:
      appendYear(civil.year, into: &text)
      text.append("-XX")
    case 18:
      appendMonth(civil, into: &text)
      text.append("-XX")
    case 19:
      appendYear(civil.year / 100, width: 2, into: &text)
      text.append("XX")
    case 20:
      appendDateTime(civil, random: &random, into: &text)
    case 21:
      // One of two years: `[1991,1992]`.
      text.append(UInt8(ascii: "["))
      appendYear(civil.year - 1, into: &text)
      text.append(UInt8(ascii: ","))
      appendYear(civil.year, into: &text)
      text.append(UInt8(ascii: "]"))
    case 22:
      // All of two months: `{1992-02,1992-03}`.
      let first = civil.month == 12 ? 11 : civil.month
      text.append(UInt8(ascii: "{"))
      appendYear(civil.year, into: &text)
      text.append(UInt8(ascii: "-"))
      appendTwoDigits(first, into: &text)
      text.append(UInt8(ascii: ","))
      appendYear(civil.year, into: &text)
      text.append(UInt8(ascii: "-"))
      appendTwoDigits(first + 1, into: &text)
      text.append(UInt8(ascii: "}"))
    case 23:
      // An estimate with three significant digits: `1992S3` is some year of the 1990s.
      appendYear(civil.year, into: &text)
      text.append("S3")
    case 24:
      appendYear(civil.year, into: &text)
      text.append(UInt8(ascii: "/"))
      appendYear(civil.year + random.within(1...5), into: &text)
    default:
      appendSeason(civil, into: &text)
      text.append(UInt8(ascii: "/"))
      appendSeason(civilDay(day + random.within(92...400)), into: &text)
    }
  }

  /// The forms of document dates: mostly exact days, as documents are dated.
  private static let documentWeights: [Int] = [820, 60, 20, 40, 15, 15, 10, 10, 10]
  private static let documentTotal = documentWeights.reduce(0, +)

  /// Appends a document's issue date around `day`.
  static func appendDocumentDate(day: Int, random: inout GeneratorRandom, into text: inout [UInt8]) {
    let civil = civilDay(day)
    switch random.weighted(documentWeights, total: documentTotal) {
    case 0: appendDay(civil, into: &text)
    case 1: appendMonth(civil, into: &text)
    case 2: appendYear(civil.year, into: &text)
    case 3:
      appendDay(civil, into: &text)
      text.append(random.chance(500) ? UInt8(ascii: "~") : UInt8(ascii: "?"))
    case 4:
      appendMonth(civil, into: &text)
      text.append("-XX")
    case 5:
      // Drafted over some days, ending on the base day.
      appendDay(civilDay(day - random.within(1...20)), into: &text)
      text.append(UInt8(ascii: "/"))
      appendDay(civil, into: &text)
    case 6: appendQuarter(civil, into: &text)
    case 7: appendSeason(civil, into: &text)
    default: appendDateTime(civil, random: &random, into: &text)
    }
  }

  /// Appends an open or closed period starting near `day`: `1990-05/..`, `1990/1995`.
  static func appendPeriod(day: Int, random: inout GeneratorRandom, into text: inout [UInt8]) {
    let civil = civilDay(day)
    switch random.below(4) {
    case 0:
      appendMonth(civil, into: &text)
      text.append("/..")
    case 1:
      appendYear(civil.year, into: &text)
      text.append(UInt8(ascii: "/"))
      appendYear(civil.year + random.within(1...8), into: &text)
    case 2:
      appendDay(civil, into: &text)
      text.append(UInt8(ascii: "/"))
      appendDay(civilDay(day + random.within(30...2000)), into: &text)
    default:
      appendYear(civil.year, into: &text)
      text.append("~/..")
    }
  }

  /// Appends `YYYY-MM-DD`.
  static func appendDay(_ civil: Civil, into text: inout [UInt8]) {
    appendMonth(civil, into: &text)
    text.append(UInt8(ascii: "-"))
    appendTwoDigits(civil.day, into: &text)
  }

  /// Appends the day as English prose writes it: `17 February 2021`.
  static func appendHumanDay(_ civil: Civil, into text: inout [UInt8]) {
    text.append(decimal: civil.day)
    text.append(0x20)
    text.append(contentsOf: monthNames[civil.month - 1])
    text.append(0x20)
    text.append(decimal: civil.year)
  }

  /// A day of the proleptic Gregorian calendar, from a day number (Howard Hinnant's
  /// `civil_from_days`), for the generator's years (1800–2200): no failure to handle.
  struct Civil {
    var year: Int
    var month: Int
    var day: Int
  }

  /// The calendar day of a day number (days since 1970-01-01).
  static func civilDay(_ dayNumber: Int) -> Civil {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return Civil(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// The day number of a calendar day (Howard Hinnant's `days_from_civil`).
  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static let monthNames: [[UInt8]] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ].map { Array($0.utf8) }

  private static func qualifier(_ random: inout GeneratorRandom) -> UInt8 {
    switch random.below(3) {
    case 0: UInt8(ascii: "?")
    case 1: UInt8(ascii: "~")
    default: UInt8(ascii: "%")
    }
  }

  private static func appendMonth(_ civil: Civil, into text: inout [UInt8]) {
    appendYear(civil.year, into: &text)
    text.append(UInt8(ascii: "-"))
    appendTwoDigits(civil.month, into: &text)
  }

  /// Meteorological seasons (21 spring … 24 winter); January and February belong to
  /// the winter that began the December before.
  private static func appendSeason(_ civil: Civil, into text: inout [UInt8]) {
    let month = civil.month
    let (year, season) = month <= 2 ? (civil.year - 1, 24) : (civil.year, 21 + (month - 3) / 3)
    appendYear(year, into: &text)
    text.append(UInt8(ascii: "-"))
    text.append(decimal: season)
  }

  /// Quarters 33–36.
  private static func appendQuarter(_ civil: Civil, into text: inout [UInt8]) {
    appendYear(civil.year, into: &text)
    text.append(UInt8(ascii: "-"))
    text.append(decimal: 33 + (civil.month - 1) / 3)
  }

  private static func appendDateTime(_ civil: Civil, random: inout GeneratorRandom, into text: inout [UInt8]) {
    appendDay(civil, into: &text)
    text.append(UInt8(ascii: "T"))
    appendTwoDigits(random.below(24), into: &text)
    text.append(UInt8(ascii: ":"))
    appendTwoDigits(random.below(60), into: &text)
    text.append(UInt8(ascii: ":"))
    appendTwoDigits(random.below(60), into: &text)
    switch random.below(4) {
    case 0: text.append(UInt8(ascii: "Z"))
    case 1: text.append("+04")
    case 2: text.append("+05:30")
    default: break  // local time
    }
  }

  static func appendYear(_ year: Int, width: Int = 4, into text: inout [UInt8]) {
    text.append(decimal: UInt(max(0, year)), width: width)
  }

  private static func appendTwoDigits(_ value: Int, into text: inout [UInt8]) {
    text.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10))
    text.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
  }
}
