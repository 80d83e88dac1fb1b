/// A day of the proleptic Gregorian calendar, with astronomical year numbering
/// (year 0 is 1 BCE, year -1 is 2 BCE).
///
///     let day = CalendarDay(year: 1992, month: 2, day: 29)  // Optional: nil for 1991-02-29
///     day?.description                                      // "1992-02-29"
///     day?.dayNumber                                        // 8094, days since 1970-01-01
///
/// Years of up to four digits print with four digits and a leading `-` when negative
/// (`-0043-07-05`); longer years print all their digits (`-170000000-01-01`). Days
/// order chronologically, and the order agrees with ``dayNumber``.
public struct CalendarDay: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The largest year magnitude a day can have: 15 digits, so that day numbers and
  /// every sum the library forms with them stay far from `Int` overflow.
  public static let maximumYearMagnitude = 999_999_999_999_999

  /// The astronomical year: 1992, 0 for 1 BCE, -43 for 44 BCE.
  public let year: Int
  private let monthValue: UInt8
  private let dayValue: UInt8

  /// The month, 1 (January) to 12 (December).
  public var month: Int { Int(monthValue) }
  /// The day of the month, 1 to 31.
  public var day: Int { Int(dayValue) }

  /// Creates a day, or returns `nil` when there is no such day (`1991-02-29`,
  /// `2004-13-01`) or the year is outside ±``maximumYearMagnitude``.
  ///
  ///     CalendarDay(year: 2000, month: 2, day: 29)  // a day: 2000 is a leap year
  ///     CalendarDay(year: 1900, month: 2, day: 29)  // nil: 1900 is not
  public init?(year: Int, month: Int, day: Int) {
    guard year.magnitude <= UInt(Self.maximumYearMagnitude), (1...12).contains(month),
      day >= 1, day <= Self.numberOfDays(inMonth: month, year: year)
    else { return nil }
    self.init(unchecked: year, month, day)
  }

  /// Creates a day from a number of days since 1970-01-01 (negative before it),
  /// or returns `nil` when the day falls outside the supported years.
  ///
  ///     CalendarDay(dayNumber: 0)?.description   // "1970-01-01"
  ///     CalendarDay(dayNumber: -1)?.description  // "1969-12-31"
  public init?(dayNumber: Int) {
    // ±(10^15 years × 366 days) keeps every step below within Int.
    let limit = 366_000_000_000_000_000
    guard dayNumber.magnitude <= UInt(limit) else { return nil }
    // Howard Hinnant's civil_from_days, in 400-year eras of 146097 days.
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    guard year.magnitude <= UInt(Self.maximumYearMagnitude) else { return nil }
    self.init(unchecked: year, month, day)
  }

  /// For callers that have already checked the day exists.
  init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.monthValue = UInt8(truncatingIfNeeded: month)
    self.dayValue = UInt8(truncatingIfNeeded: day)
  }

  /// The number of days since 1970-01-01 (the Unix epoch), negative before it.
  ///
  /// Consecutive days have consecutive numbers, so differences are durations in days:
  ///
  ///     CalendarDay(year: 1992, month: 3, day: 1)!.dayNumber
  ///       - CalendarDay(year: 1992, month: 2, day: 1)!.dayNumber  // 29
  public var dayNumber: Int {
    // Howard Hinnant's days_from_civil: count from 0000-03-01 so leap days fall last.
    let y = year - (month <= 2 ? 1 : 0)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// `YYYY-MM-DD`: `1992-02-29`, `0000-01-01`, `-0043-03-15`, `170000002-12-31`.
  public var description: String {
    var text = year < 0 ? "-" : ""
    text += Self.paddedYearDigits(year.magnitude)
    text += "-"
    text += Self.twoDigits(month)
    text += "-"
    text += Self.twoDigits(day)
    return text
  }

  /// Chronological order.
  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.monthValue, lhs.dayValue) < (rhs.year, rhs.monthValue, rhs.dayValue)
  }

  /// Whether a year is a leap year in the proleptic Gregorian calendar.
  ///
  ///     CalendarDay.isLeapYear(2000)  // true
  ///     CalendarDay.isLeapYear(1900)  // false
  ///     CalendarDay.isLeapYear(-4)    // true (5 BCE)
  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in a month (1–12) of a year; 0 for a month outside 1–12.
  ///
  ///     CalendarDay.numberOfDays(inMonth: 2, year: 1992)  // 29
  public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeapYear(year) ? 29 : 28
    default: return 0
    }
  }

  /// The same day of month `months` months later (earlier when negative), moved
  /// back to the month's last day when it has fewer days.
  func addingMonths(_ months: Int) -> CalendarDay {
    let index = year * 12 + (month - 1) + months
    let newYear = index >= 0 ? index / 12 : (index - 11) / 12
    let newMonth = index - newYear * 12 + 1
    let newDay = Swift.min(day, Self.numberOfDays(inMonth: newMonth, year: newYear))
    return CalendarDay(unchecked: newYear, newMonth, newDay)
  }

  /// The day `days` days later (earlier when negative), or this day when that
  /// leaves the supported years.
  func addingDays(_ days: Int) -> CalendarDay {
    CalendarDay(dayNumber: dayNumber + days) ?? self
  }

  static func paddedYearDigits(_ magnitude: UInt) -> String {
    let digits = String(magnitude)
    return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
  }

  static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }
}
