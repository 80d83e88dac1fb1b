import Chronicle
import PropertyBased
import Testing

@Suite struct CalendarDayTests {
  @Test(arguments: [
    (2000, true), (1900, false), (1992, true), (1991, false), (2400, true), (2100, false),
    (0, true), (-4, true), (-1, false), (-100, false), (-400, true),
  ])
  func leapYear(year: Int, isLeap: Bool) {
    #expect(CalendarDay.isLeapYear(year) == isLeap)
    #expect((CalendarDay(year: year, month: 2, day: 29) != nil) == isLeap)
  }

  @Test(arguments: [
    (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 3, 1, 11017), (1992, 2, 29, 8094),
    (0, 3, 1, -719_468), (0, 1, 1, -719_528), (-1, 12, 31, -719_529),
  ])
  func dayNumber(year: Int, month: Int, day: Int, number: Int) throws {
    let calendarDay = try #require(CalendarDay(year: year, month: month, day: day))
    #expect(calendarDay.dayNumber == number)
    #expect(CalendarDay(dayNumber: number) == calendarDay)
  }

  @Test(arguments: [
    (1992, 2, 29, "1992-02-29"), (79, 8, 24, "0079-08-24"), (0, 1, 1, "0000-01-01"),
    (-43, 7, 5, "-0043-07-05"), (-170_000_000, 1, 1, "-170000000-01-01"),
    (170_000_002, 12, 31, "170000002-12-31"),
  ])
  func description(year: Int, month: Int, day: Int, text: String) throws {
    #expect(try #require(CalendarDay(year: year, month: month, day: day)).description == text)
  }

  @Test(arguments: [
    (1991, 2, 29), (2004, 13, 1), (2004, 0, 1), (2004, 4, 31), (2004, 4, 0),
    (1_000_000_000_000_000, 1, 1), (-1_000_000_000_000_000, 1, 1),
  ])
  func noSuchDay(year: Int, month: Int, day: Int) {
    #expect(CalendarDay(year: year, month: month, day: day) == nil)
  }

  @Test func dayNumbersOutsideTheSupportedYearsAreNil() {
    #expect(CalendarDay(dayNumber: .max) == nil)
    #expect(CalendarDay(dayNumber: .min) == nil)
    #expect(CalendarDay(dayNumber: 366_000_000_000_000_001) == nil)
  }

  @Test func extremeYearsHaveDayNumbers() throws {
    for year in [CalendarDay.maximumYearMagnitude, -CalendarDay.maximumYearMagnitude] {
      let first = try #require(CalendarDay(year: year, month: 1, day: 1))
      let last = try #require(CalendarDay(year: year, month: 12, day: 31))
      #expect(last.dayNumber - first.dayNumber == (CalendarDay.isLeapYear(year) ? 365 : 364))
      #expect(CalendarDay(dayNumber: first.dayNumber) == first)
    }
  }

  /// Day numbers and days convert both ways, and their orders agree.
  @Test func dayNumberRoundTrips() async {
    let numbers = Gen.int(in: -800_000_000...800_000_000)
    await propertyCheck(count: 1000, input: numbers, numbers) { first, second in
      let firstDay = try #require(CalendarDay(dayNumber: first))
      let secondDay = try #require(CalendarDay(dayNumber: second))
      #expect(firstDay.dayNumber == first)
      #expect((firstDay < secondDay) == (first < second))
      let next = try #require(CalendarDay(dayNumber: first + 1))
      #expect(CalendarDay(year: next.year, month: next.month, day: next.day) == next)
    }
  }
}
