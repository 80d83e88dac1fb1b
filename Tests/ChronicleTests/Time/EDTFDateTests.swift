import Chronicle
import Foundation
import PropertyBased
import Testing

/// One example: the text, its canonical form, its bounds and precision (`nil`: none).
struct EDTFExample: Sendable, CustomTestStringConvertible {
  var text: String
  var canonical: String
  var earliest: String?
  var latest: String?
  var precision: EDTFPrecision?

  init(
    _ text: String, _ canonical: String, _ earliest: String?, _ latest: String?,
    _ precision: EDTFPrecision?
  ) {
    self.text = text
    self.canonical = canonical
    self.earliest = earliest
    self.latest = latest
    self.precision = precision
  }

  /// An example already in canonical form.
  init(_ text: String, _ earliest: String?, _ latest: String?, _ precision: EDTFPrecision?) {
    self.init(text, text, earliest, latest, precision)
  }

  var testDescription: String { text }
}

@Suite struct EDTFDateTests {
  /// Every example of the EDTF specification (Library of Congress, 2019), level 0.
  static let level0: [EDTFExample] = [
    EDTFExample("1985-04-12", "1985-04-12", "1985-04-12", .day),
    EDTFExample("1985-04", "1985-04-01", "1985-04-30", .month),
    EDTFExample("1985", "1985-01-01", "1985-12-31", .year),
    EDTFExample("1985-04-12T23:20:30", "1985-04-12", "1985-04-12", .second),
    EDTFExample("1985-04-12T23:20:30Z", "1985-04-12", "1985-04-12", .second),
    EDTFExample("1985-04-12T23:20:30-04", "1985-04-12", "1985-04-12", .second),
    EDTFExample("1985-04-12T23:20:30+04:30", "1985-04-12", "1985-04-12", .second),
    EDTFExample("1964/2008", "1964-01-01", "2008-12-31", .year),
    EDTFExample("2004-06/2006-08", "2004-06-01", "2006-08-31", .month),
    EDTFExample("2004-02-01/2005-02-08", "2004-02-01", "2005-02-08", .day),
    EDTFExample("2004-02-01/2005-02", "2004-02-01", "2005-02-28", nil),
    EDTFExample("2004-02-01/2005", "2004-02-01", "2005-12-31", nil),
    EDTFExample("2005/2006-02", "2005-01-01", "2006-02-28", nil),
  ]

  /// Every example of level 1.
  static let level1: [EDTFExample] = [
    EDTFExample("Y170000002", "170000002-01-01", "170000002-12-31", .year),
    EDTFExample("Y-170000002", "-170000002-01-01", "-170000002-12-31", .year),
    EDTFExample("2001-21", "2001-03-01", "2001-05-31", .season),
    EDTFExample("2001-22", "2001-06-01", "2001-08-31", .season),
    EDTFExample("2001-23", "2001-09-01", "2001-11-30", .season),
    EDTFExample("2001-24", "2001-12-01", "2002-02-28", .season),
    EDTFExample("1984?", "1984-01-01", "1984-12-31", .year),
    EDTFExample("2004-06~", "2004-06-01", "2004-06-30", .month),
    EDTFExample("2004-06-11%", "2004-06-11", "2004-06-11", .day),
    EDTFExample("201X", "2010-01-01", "2019-12-31", .year),
    EDTFExample("20XX", "2000-01-01", "2099-12-31", .year),
    EDTFExample("2004-XX", "2004-01-01", "2004-12-31", .month),
    EDTFExample("1985-04-XX", "1985-04-01", "1985-04-30", .day),
    EDTFExample("1985-XX-XX", "1985-01-01", "1985-12-31", .day),
    EDTFExample("1985-04-12/..", "1985-04-12", nil, nil),
    EDTFExample("1985-04/..", "1985-04-01", nil, nil),
    EDTFExample("1985/..", "1985-01-01", nil, nil),
    EDTFExample("../1985-04-12", nil, "1985-04-12", nil),
    EDTFExample("../1985-04", nil, "1985-04-30", nil),
    EDTFExample("../1985", nil, "1985-12-31", nil),
    EDTFExample("1985-04-12/", "1985-04-12", nil, nil),
    EDTFExample("1985-04/", "1985-04-01", nil, nil),
    EDTFExample("1985/", "1985-01-01", nil, nil),
    EDTFExample("/1985-04-12", nil, "1985-04-12", nil),
    EDTFExample("/1985-04", nil, "1985-04-30", nil),
    EDTFExample("/1985", nil, "1985-12-31", nil),
    EDTFExample("1984~/2004-06", "1984-01-01", "2004-06-30", nil),
    EDTFExample("1984/2004-06~", "1984-01-01", "2004-06-30", nil),
    EDTFExample("1984~/2004~", "1984-01-01", "2004-12-31", .year),
    EDTFExample("1984?/2004%", "1984-01-01", "2004-12-31", .year),
    EDTFExample("1984-06?/2004-08?", "1984-06-01", "2004-08-31", .month),
    EDTFExample("1984-06-02?/2004-08-08~", "1984-06-02", "2004-08-08", .day),
    EDTFExample("1984-06-02?/", "1984-06-02", nil, nil),
    EDTFExample("-1985", "-1985-01-01", "-1985-12-31", .year),
  ]

  /// Every example of level 2. The spec's `Y171010000S3` says "between 171010000 and
  /// 171010999", which keeps six digits, not three; its other examples (`1950S2`,
  /// `Y3388E2S3`) keep the first S digits, and so does Chronicle.
  static let level2: [EDTFExample] = [
    EDTFExample("Y-17E7", "Y-170000000", "-170000000-01-01", "-170000000-12-31", .year),
    EDTFExample("1950S2", "1900-01-01", "1999-12-31", nil),
    EDTFExample("Y171010000S3", "171000000-01-01", "171999999-12-31", nil),
    EDTFExample("Y3388E2S3", "Y338800S3", "338000-01-01", "338999-12-31", nil),
    EDTFExample("2001-34", "2001-04-01", "2001-06-30", .season),
    EDTFExample("[1667,1668,1670..1672]", "1667-01-01", "1672-12-31", nil),
    EDTFExample("[..1760-12-03]", nil, "1760-12-03", nil),
    EDTFExample("[1760-12..]", "1760-12-01", nil, nil),
    EDTFExample("[1760-01,1760-02,1760-12..]", "1760-01-01", nil, nil),
    EDTFExample("[1667,1760-12]", "1667-01-01", "1760-12-31", nil),
    EDTFExample("[..1984]", nil, "1984-12-31", nil),
    EDTFExample("{1667,1668,1670..1672}", "1667-01-01", "1672-12-31", nil),
    EDTFExample("{1960,1961-12}", "1960-01-01", "1961-12-31", nil),
    EDTFExample("{..1984}", nil, "1984-12-31", nil),
    EDTFExample("2004-06-11%", "2004-06-11", "2004-06-11", .day),
    EDTFExample("2004-06~-11", "2004-06-11", "2004-06-11", .day),
    EDTFExample("2004?-06-11", "2004-06-11", "2004-06-11", .day),
    EDTFExample("?2004-06-~11", "2004?-06-~11", "2004-06-11", "2004-06-11", .day),
    EDTFExample("2004-%06-11", "2004-06-11", "2004-06-11", .day),
    EDTFExample("156X-12-25", "1560-12-25", "1569-12-25", .day),
    EDTFExample("15XX-12-25", "1500-12-25", "1599-12-25", .day),
    EDTFExample("XXXX-12-XX", "0000-12-01", "9999-12-31", .day),
    EDTFExample("1XXX-XX", "1000-01-01", "1999-12-31", .month),
    EDTFExample("1XXX-12", "1000-12-01", "1999-12-31", .month),
    EDTFExample("1984-1X", "1984-10-01", "1984-12-31", .month),
    EDTFExample("2004-06-~01/2004-06-~20", "2004-06-01", "2004-06-20", .day),
    EDTFExample("2004-06-XX/2004-07-03", "2004-06-01", "2004-07-03", .day),
  ]

  @Test(arguments: level0 + level1 + level2)
  func specExample(_ example: EDTFExample) throws {
    let date = try EDTFDate(example.text)
    #expect(date.description == example.canonical)
    #expect(date.earliest?.description == example.earliest)
    #expect(date.latest?.description == example.latest)
    #expect(date.precision == example.precision)
    #expect(try EDTFDate(date.description) == date)
  }

  @Test(arguments: [
    ("1985-04-12", 0), ("1985-04-12T23:20:30+04:30", 0), ("2004-02-01/2005", 0), ("0000", 0),
    ("Y170000002", 1), ("-1985", 1), ("2001-21", 1), ("2004-06~", 1), ("20XX", 1),
    ("1985-XX-XX", 1), ("1985/..", 1), ("/1985", 1), ("1984?/2004%", 1), ("?2004-?06", 1),
    ("Y-17E7", 1), ("1950S2", 2), ("2001-34", 2), ("2004?-06-11", 2), ("156X-12-25", 2),
    ("1985-04-X2", 2), ("[1667,1668]", 2), ("2004-06-~01/2004-06-~20", 2),
  ])
  func level(text: String, level: Int) throws {
    #expect(try EDTFDate(text).level == level)
  }

  /// Spellings that mean the same value print one way.
  @Test(arguments: [
    ("2004?-06?", "2004-06?"),
    ("?2004-?06", "2004-06?"),
    ("?2004-?06-?11", "2004-06-11?"),
    ("2004~-06~-11~", "2004-06-11~"),
    ("%2004-06~", "2004?-06~"),
    ("?2004?", "2004?"),
    ("2004-?06?-11", "2004-06?-11"),
    ("2004-06?-11%", "2004-06-11%"),
    ("2004-?06-?11", "2004-?06-?11"),
    ("2004?-06-?11", "2004?-06-?11"),
    ("2004%-06-11?", "2004~-06-11?"),
    ("Y-17E7", "Y-170000000"),
    ("Y17E7", "Y170000000"),
    ("Y12345E0001", "Y123450"),
    ("Y3388E2S3", "Y338800S3"),
    ("1950S4", "1950"),
    ("Y12345S5", "Y12345"),
    ("1985-04-12T23:20:30+00", "1985-04-12T23:20:30Z"),
    ("1985-04-12T23:20:30+00:00", "1985-04-12T23:20:30Z"),
    ("1985-04-12T23:20:30+05:00", "1985-04-12T23:20:30+05"),
    ("1985-04-12T23:20:30-04:30", "1985-04-12T23:20:30-04:30"),
    ("?-0043", "-0043?"),
    ("1984~/2004%", "1984~/2004%"),
  ])
  func canonicalSpelling(text: String, canonical: String) throws {
    let date = try EDTFDate(text)
    #expect(date.description == canonical)
    #expect(try EDTFDate(canonical) == date)
  }

  @Test(arguments: [
    ("1992-02-26", 1992), ("1992-02~", 1992), ("-0043", -43), ("Y170000002", 170_000_002),
  ])
  func year(text: String, year: Int) throws {
    #expect(try EDTFDate(text).year == year)
  }

  @Test(arguments: ["199X", "1950S2", "1964/2008", "[1667]"])
  func noYear(text: String) throws {
    #expect(try EDTFDate(text).year == nil)
  }

  @Test func kinds() throws {
    let interval = try EDTFDate("1985-04/..")
    #expect(interval.isInterval && !interval.isSet && interval.setKind == nil)
    let start = try EDTFDate("1985-04")
    #expect(interval.interval?.start == .date(start))
    #expect(interval.interval?.end == .open)
    #expect(try EDTFDate("/1985").interval?.start == .unknown)
    let oneOf = try EDTFDate("[1667,1668]")
    #expect(oneOf.isSet && !oneOf.isInterval && oneOf.setKind == .oneOf)
    #expect(try EDTFDate("{1667,1668}").setKind == .allOf)
    #expect(try EDTFDate("1985").interval == nil)
  }

  /// All sub-year groupings of 2000 (a leap year).
  @Test(arguments: [
    (21, "2000-03-01", "2000-05-31"), (22, "2000-06-01", "2000-08-31"),
    (23, "2000-09-01", "2000-11-30"), (24, "2000-12-01", "2001-02-28"),
    (25, "2000-03-01", "2000-05-31"), (26, "2000-06-01", "2000-08-31"),
    (27, "2000-09-01", "2000-11-30"), (28, "2000-12-01", "2001-02-28"),
    (29, "2000-09-01", "2000-11-30"), (30, "2000-12-01", "2001-02-28"),
    (31, "2000-03-01", "2000-05-31"), (32, "2000-06-01", "2000-08-31"),
    (33, "2000-01-01", "2000-03-31"), (34, "2000-04-01", "2000-06-30"),
    (35, "2000-07-01", "2000-09-30"), (36, "2000-10-01", "2000-12-31"),
    (37, "2000-01-01", "2000-04-30"), (38, "2000-05-01", "2000-08-31"),
    (39, "2000-09-01", "2000-12-31"), (40, "2000-01-01", "2000-06-30"),
    (41, "2000-07-01", "2000-12-31"),
  ])
  func subYearGrouping(code: Int, earliest: String, latest: String) throws {
    let date = try EDTFDate("2000-\(code)")
    #expect(date.precision == .season)
    #expect(date.earliest?.description == earliest)
    #expect(date.latest?.description == latest)
  }

  @Test(arguments: [
    ("1991-24", "1991-12-01", "1992-02-29"),
    ("199X-24", "1990-12-01", "2000-02-29"),
    ("1950S2", "1900-01-01", "1999-12-31"),
    ("-1950S2", "-1999-01-01", "-1900-12-31"),
    ("0950S2", "0900-01-01", "0999-12-31"),
    ("-0XXX", "-0999-01-01", "-0001-12-31"),
    ("-19X5", "-1995-01-01", "-1905-12-31"),
    ("XXXX-02-29", "0000-02-29", "9996-02-29"),
    ("19X1-02-XX", "1901-02-01", "1991-02-28"),
    ("1560-XX-25", "1560-01-25", "1560-12-25"),
    ("2004-X2-3X", "2004-12-30", "2004-12-31"),
    ("2001-XX-31", "2001-01-31", "2001-12-31"),
    ("1985-04-12T23:20:30-04", "1985-04-12", "1985-04-12"),
    ("1985-04-12T01:00:00+14", "1985-04-12", "1985-04-12"),
    ("1985/1985", "1985-01-01", "1985-12-31"),
    ("2004/2004-06", "2004-01-01", "2004-06-30"),
    ("Y999999999999999", "999999999999999-01-01", "999999999999999-12-31"),
    ("Y-999999999999999", "-999999999999999-01-01", "-999999999999999-12-31"),
  ])
  func bounds(text: String, earliest: String, latest: String) throws {
    let date = try EDTFDate(text)
    #expect(date.earliest?.description == earliest)
    #expect(date.latest?.description == latest)
  }

  /// `?` and `~` leave the bounds alone; the widened range allows one unit per
  /// qualified component.
  @Test(arguments: [
    ("1984~", "1984-01-01", "1984-12-31", "1983-01-01", "1985-12-31"),
    ("1984?", "1984-01-01", "1984-12-31", "1983-01-01", "1985-12-31"),
    ("2004-06~", "2004-06-01", "2004-06-30", "2003-06-01", "2005-06-30"),
    ("2004-?06", "2004-06-01", "2004-06-30", "2004-05-01", "2004-07-31"),
    ("2004-06-~11", "2004-06-11", "2004-06-11", "2004-06-10", "2004-06-12"),
    ("2004-02-29?", "2004-02-29", "2004-02-29", "2003-02-28", "2005-02-28"),
    ("2001-?21", "2001-03-01", "2001-05-31", "2000-12-01", "2001-08-31"),
    ("1984?/2004-06-~11", "1984-01-01", "2004-06-11", "1983-01-01", "2004-06-12"),
    ("1984/2004", "1984-01-01", "2004-12-31", "1984-01-01", "2004-12-31"),
    ("1985/..", "1985-01-01", nil, "1985-01-01", nil),
  ] as [(String, String, String?, String, String?)])
  func widenedBounds(
    text: String, earliest: String, latest: String?, widenedEarliest: String,
    widenedLatest: String?
  ) throws {
    let date = try EDTFDate(text)
    #expect(date.earliest?.description == earliest)
    #expect(date.latest?.description == latest)
    #expect(date.widenedEarliest?.description == widenedEarliest)
    #expect(date.widenedLatest?.description == widenedLatest)
  }

  @Test func codableAsCanonicalText() throws {
    let dates = try ["?2004-06-~11", "Y-17E7", "1985/.."].map { try EDTFDate($0) }
    let data = try JSONEncoder().encode(dates)
    #expect(String(decoding: data, as: UTF8.self) == #"["2004?-06-~11","Y-170000000","1985\/.."]"#)
    #expect(try JSONDecoder().decode([EDTFDate].self, from: data) == dates)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([EDTFDate].self, from: Data(#"["2001-02-29"]"#.utf8))
    }
  }

  @Test func equalValuesHashAlike() throws {
    let spellings = try ["?2004-?06", "2004?-06?", "2004-06?"].map { try EDTFDate($0) }
    #expect(Set(spellings).count == 1)
  }

  // MARK: - Properties

  /// A month or day written in full is bounded without a search over the candidates:
  /// its bounds are the calendar's, and the same as those the search finds when the
  /// digits are `X` (`1985-04-XX` is bounded as `1985-04`, `1985-XX-XX` as `1985`).
  @Test func writtenDaysAndMonthsAreBoundedAsTheCalendarSays() async {
    let years = Gen.int(in: -9999...9999), months = Gen.int(in: 1...12), days = Gen.int(in: 1...31)
    await propertyCheck(count: 1500, input: years, months, days) { year, month, day in
      let yearText = (year < 0 ? "-" : "") + String(repeating: "0", count: 4 - String(year.magnitude).count)
        + String(year.magnitude)
      let monthText = (month < 10 ? "0" : "") + String(month)
      let dayText = (day < 10 ? "0" : "") + String(day)
      let first = try #require(CalendarDay(year: year, month: month, day: 1))
      let next = month == 12
        ? try #require(CalendarDay(year: year + 1, month: 1, day: 1))
        : try #require(CalendarDay(year: year, month: month + 1, day: 1))
      let last = try #require(CalendarDay(dayNumber: next.dayNumber - 1))

      let monthDate = try EDTFDate("\(yearText)-\(monthText)")
      #expect(monthDate.earliest == first && monthDate.latest == last)
      let searched = try EDTFDate("\(yearText)-\(monthText)-XX")
      #expect(searched.earliest == first && searched.latest == last)
      let qualified = try EDTFDate("\(yearText)-\(monthText)~")
      #expect(qualified.earliest == first && qualified.latest == last)

      if let calendarDay = CalendarDay(year: year, month: month, day: day) {
        let dayDate = try EDTFDate("\(yearText)-\(monthText)-\(dayText)")
        #expect(dayDate.earliest == calendarDay && dayDate.latest == calendarDay)
        #expect(dayDate.description == "\(yearText)-\(monthText)-\(dayText)")
      } else {
        #expect(throws: EDTFError.self) { try EDTFDate("\(yearText)-\(monthText)-\(dayText)") }
      }
      let wholeYear = try EDTFDate("\(yearText)-XX-XX")
      #expect(wholeYear.earliest == CalendarDay(year: year, month: 1, day: 1))
      #expect(wholeYear.latest == CalendarDay(year: year, month: 12, day: 31))
    }
  }

  @Test func parsePrintParseIsTheIdentity() async {
    await propertyCheck(count: 2000, input: EDTFGenerators.expressionText) { text in
      let date = try EDTFDate(text)
      let reparsed = try EDTFDate(date.description)
      #expect(reparsed == date)
      #expect(reparsed.description == date.description)
      #expect(reparsed.earliest == date.earliest && reparsed.latest == date.latest)
      #expect(reparsed.precision == date.precision && reparsed.qualifiers == date.qualifiers)
      if let earliest = date.earliest, let latest = date.latest {
        #expect(earliest <= latest)
      }
      #expect((date.widenedEarliest == nil) == (date.earliest == nil))
      #expect((date.widenedLatest == nil) == (date.latest == nil))
      if let earliest = date.earliest, let widened = date.widenedEarliest {
        #expect(widened <= earliest)
      }
      if let latest = date.latest, let widened = date.widenedLatest {
        #expect(widened >= latest)
      }
    }
  }

  /// Random text from EDTF's alphabet either parses, and round-trips, or throws an
  /// error pointing inside the input; it never traps.
  @Test func arbitraryTextNeverTraps() async {
    await propertyCheck(count: 3000, input: EDTFGenerators.noise) { text in
      let date: EDTFDate
      do throws(EDTFError) {
        date = try EDTFDate(text)
      } catch {
        #expect(error.offset >= 0 && error.offset <= text.count)
        #expect(!error.message.isEmpty)
        return
      }
      let reparsed = try EDTFDate(date.description)
      #expect(reparsed == date)
    }
  }
}
