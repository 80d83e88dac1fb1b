import Chronicle
import Testing

/// One rejected input: its message in words and the 0-based character offset.
struct EDTFRejection: Sendable, CustomTestStringConvertible {
  var text: String
  var message: String
  var offset: Int
  var code: EDTFError.Code

  init(_ text: String, _ message: String, at offset: Int, _ code: EDTFError.Code = .syntax) {
    self.text = text
    self.message = message
    self.offset = offset
    self.code = code
  }

  var testDescription: String { "'\(text)'" }
}

@Suite struct EDTFParserTests {
  static let calendar: [EDTFRejection] = [
    EDTFRejection(
      "2001-02-29",
      "day 29 is out of range for February 2001 (2001 is not a leap year); expected 01-28",
      at: 8, .invalidDate),
    EDTFRejection(
      "1900-02-29",
      "day 29 is out of range for February 1900 (1900 is not a leap year); expected 01-28",
      at: 8, .invalidDate),
    EDTFRejection(
      "-0001-02-29",
      "day 29 is out of range for February -0001 (-0001 is not a leap year); expected 01-28",
      at: 9, .invalidDate),
    EDTFRejection(
      "1992-02-30", "day 30 is out of range for February 1992; expected 01-29", at: 8,
      .invalidDate),
    EDTFRejection(
      "2004-04-31", "day 31 is out of range for April 2004; expected 01-30", at: 8, .invalidDate),
    EDTFRejection(
      "2004-04-00", "day 00 is out of range for April 2004; expected 01-30", at: 8, .invalidDate),
    EDTFRejection(
      "2004-13-01",
      "month 13 is out of range; expected 01-12, or 21-41 for a season, quarter, quadrimester or semester",
      at: 5, .invalidDate),
    EDTFRejection(
      "2004-00",
      "month 00 is out of range; expected 01-12, or 21-41 for a season, quarter, quadrimester or semester",
      at: 5, .invalidDate),
    EDTFRejection(
      "2004-42",
      "month 42 is out of range; expected 01-12, or 21-41 for a season, quarter, quadrimester or semester",
      at: 5, .invalidDate),
    EDTFRejection(
      "2001-21-05",
      "21 is a sub-year grouping (spring), which has no days; days follow a month 01-12", at: 7,
      .invalidDate),
    EDTFRejection(
      "1985-2X", "no month 01-12 matches 2X; 'X' in a month stands for a month, not a season",
      at: 5, .invalidDate),
    EDTFRejection("1985-04-4X", "no day 01-31 matches 4X", at: 8, .invalidDate),
    EDTFRejection("1985-XX-32", "day 32 is out of range; expected 01-31", at: 8, .invalidDate),
    EDTFRejection("1985-02-3X", "no calendar date matches 1985-02-3X", at: 8, .invalidDate),
    EDTFRejection("XXX1-02-29", "no calendar date matches XXX1-02-29", at: 8, .invalidDate),
  ]

  static let years: [EDTFRejection] = [
    EDTFRejection(
      "Y2006", "the 'Y' prefix is only for years of more than four digits; write 2006", at: 0),
    EDTFRejection(
      "Y-2006", "the 'Y' prefix is only for years of more than four digits; write -2006", at: 0),
    EDTFRejection(
      "Y1E3", "the 'Y' prefix is only for years of more than four digits; write 1000", at: 0),
    EDTFRejection("Y02006", "a year with the 'Y' prefix has no leading zeros", at: 1),
    EDTFRejection("Y17E0", "the exponent after 'E' must be a positive integer", at: 4),
    EDTFRejection("-0000", "year -0000 is not allowed; write 0000", at: 0),
    EDTFRejection(
      "19850", "a year has four digits; longer years take the 'Y' prefix; write Y19850", at: 4),
    EDTFRejection("198", "unexpected end of input; expected four digits for the year", at: 3),
    EDTFRejection("y17000", "unexpected 'y'; the year prefix is an uppercase 'Y'", at: 0),
    EDTFRejection("201x", "unexpected 'x'; an unspecified digit is an uppercase 'X'", at: 3),
    EDTFRejection(
      "1950S5", "year 1950 has 4 digits, so its significant digits are 1 to 4, not 5", at: 5),
    EDTFRejection(
      "1950S0", "year 1950 has 4 digits, so its significant digits are 1 to 4, not 0", at: 5),
    EDTFRejection(
      "19X0S2", "significant digits 'S' cannot be combined with unspecified digits 'X'", at: 4),
    EDTFRejection("1950E2", "an exponential year takes the 'Y' prefix, as in Y-17E7", at: 4),
    EDTFRejection(
      "Y17000X", "unspecified digits 'X' are only allowed in four-digit years", at: 6),
    EDTFRejection(
      "Y-17E7-01", "a year with the 'Y' prefix stands alone; it cannot have a month or day",
      at: 6),
    EDTFRejection(
      "1950S2-01", "a year with significant digits stands alone; it cannot have a month or day",
      at: 6),
    EDTFRejection(
      "Y1E", "unexpected end of input; expected the digits of the exponent after 'E'", at: 3),
  ]

  /// Years beyond 15 digits are errors, never arithmetic overflow.
  static let tooLarge: [EDTFRejection] = [
    "Y99999999999999999999", "Y1E999", "Y1000000000000000", "Y-1E15",
    "Y9223372036854775807", "Y9223372036854775808", "Y1E9223372036854775808",
    "Y99999999999999999999999999999999999999E99999999999999999999",
  ].map {
    EDTFRejection(
      $0, "year \($0) is outside the supported range; years have at most 15 digits", at: 0,
      .yearOutOfRange)
  }

  static let structure: [EDTFRejection] = [
    EDTFRejection("", "empty input; expected an EDTF date such as 1985-04-12", at: 0),
    EDTFRejection(" 1985", "unexpected space; EDTF allows no spaces", at: 0),
    EDTFRejection("1985-04-12 ", "unexpected space; EDTF allows no spaces", at: 10),
    EDTFRejection("[1667, 1668]", "unexpected space; EDTF allows no spaces", at: 6),
    EDTFRejection("1985-4", "unexpected end of input; expected two digits for the month", at: 6),
    EDTFRejection("1985-004", "unexpected third digit '4'; a month has two digits", at: 7),
    EDTFRejection("1985-04-123", "unexpected third digit '3'; a day has two digits", at: 10),
    EDTFRejection("1985-04-12x", "unexpected 'x' after the date", at: 10),
    EDTFRejection(
      "1985–1986",
      "unexpected '–' (U+2013) after the date; an interval is written with '/', as in 1985/1986",
      at: 4),
    EDTFRejection("１９８５", "unexpected '１' (U+FF11); expected a year", at: 0),
    EDTFRejection("叶1985", "unexpected '叶' (U+53F6); expected a year", at: 0),
    EDTFRejection(
      "1985-🇺🇳", "unexpected '🇺🇳' (U+1F1FA); expected two digits for the month", at: 5),
    EDTFRejection("1985\t", "unexpected control character U+0009 after the date", at: 4),
    EDTFRejection(
      "1984?~",
      "unexpected '~' after a qualifier; write one qualifier per place, '%' for uncertain and approximate",
      at: 5),
    EDTFRejection(
      "?~1984",
      "unexpected '~' after a qualifier; write one qualifier per place, '%' for uncertain and approximate",
      at: 1),
    EDTFRejection("2004-06-~", "unexpected end of input; expected two digits for the day", at: 9),
  ]

  static let times: [EDTFRejection] = [
    EDTFRejection("1985-04-12T24:00:00", "hour 24 is out of range; expected 00-23", at: 11, .invalidTime),
    EDTFRejection("1985-04-12T23:60:00", "minute 60 is out of range; expected 00-59", at: 14, .invalidTime),
    EDTFRejection("1985-04-12T23:20:60", "second 60 is out of range; expected 00-59", at: 17, .invalidTime),
    EDTFRejection(
      "1985-04-12T23:20",
      "unexpected end of input; expected ':' between minute and second (EDTF times are hh:mm:ss)",
      at: 16),
    EDTFRejection(
      "1985-04-12T23:20:30.5", "fractions of a second are not part of EDTF", at: 19, .unsupported),
    EDTFRejection(
      "1985-04-12T23:20:30+15", "offset +15 is out of range; expected -14:00 to +14:00", at: 19,
      .invalidOffset),
    EDTFRejection(
      "1985-04-12T23:20:30+14:30", "offset +14:30 is out of range; expected -14:00 to +14:00",
      at: 19, .invalidOffset),
    EDTFRejection(
      "1985-04-12T23:20:30-00", "a zero offset is written Z or +00, not -00", at: 19,
      .invalidOffset),
    EDTFRejection(
      "1985-04-12T23:20:30-00:00", "a zero offset is written Z or +00, not -00:00", at: 19,
      .invalidOffset),
    EDTFRejection(
      "1985-04-12T23:20:30+0530",
      "an offset is written ±hh:mm, with a colon between hours and minutes", at: 22,
      .invalidOffset),
    EDTFRejection(
      "1985-04-12T23:20:30+05:60", "offset minutes 60 are out of range; expected 00-59", at: 23,
      .invalidOffset),
    EDTFRejection(
      "1985-04-12T23:20:30z", "unexpected 'z'; UTC is an uppercase 'Z'", at: 19, .invalidOffset),
    EDTFRejection(
      "1985-04-12T23:20:30?", "a date with a time of day cannot be qualified", at: 19),
    EDTFRejection(
      "1985-04-12?T23:20:30", "a date with a time of day cannot be qualified", at: 10),
    EDTFRejection(
      "1985-04T10:00:00",
      "a time of day needs a complete date (year, month and day) before 'T'", at: 7),
    EDTFRejection(
      "1985-XX-12T10:00:00", "a date with a time of day cannot have unspecified digits 'X'",
      at: 10),
  ]

  static let intervalsAndSets: [EDTFRejection] = [
    EDTFRejection(
      "2005/2004", "the interval is reversed: its start 2005 is after its end 2004", at: 4,
      .reversed),
    EDTFRejection(
      "2004-06-12/2004-06-11",
      "the interval is reversed: its start 2004-06-12 is after its end 2004-06-11", at: 10,
      .reversed),
    EDTFRejection("1985/1986/1987", "unexpected second '/'; an interval has exactly one", at: 9),
    EDTFRejection(
      "/", "an interval needs a date at its start or its end, not only '..' or nothing", at: 0),
    EDTFRejection(
      "../..", "an interval needs a date at its start or its end, not only '..' or nothing",
      at: 0),
    EDTFRejection(
      "..1985/1990", "an open end of an interval is written '..' with nothing else", at: 0),
    EDTFRejection(
      "1985-04-12T10:00:00/1986",
      "the ends of an interval cannot have a time of day; EDTF intervals are of dates", at: 10),
    EDTFRejection("1985-/2004", "unexpected '/'; expected two digits for the month", at: 5),
    EDTFRejection("[]", "a set needs at least one member", at: 1),
    EDTFRejection("{}", "a set needs at least one member", at: 1),
    EDTFRejection("[1667", "unexpected end of input; expected ',' or ']' to close the set", at: 5),
    EDTFRejection("[1667}", "unexpected '}'; this set closes with ']'", at: 5),
    EDTFRejection("[1667,]", "unexpected ']'; expected a year", at: 6),
    EDTFRejection(
      "[1667,..1668]",
      "'..' before a member (on or before) is only allowed on the first member", at: 6),
    EDTFRejection(
      "[1667..,1668]", "'..' after a member (on or after) is only allowed on the last member",
      at: 5),
    EDTFRejection("[..1667..]", "a set member cannot be open on both sides", at: 7),
    EDTFRejection(
      "[1670..1667]", "the range 1670..1667 is reversed: 1670 is after 1667", at: 5, .reversed),
    EDTFRejection(
      "[1667..1668-01]",
      "the ends of a range 'a..b' must have the same precision, not year and month", at: 5),
    EDTFRejection(
      "[1667?]", "qualifiers inside sets are not supported; a set lists plain dates", at: 5,
      .unsupported),
    EDTFRejection("[1985-04-12T10:00:00]", "set members cannot have a time of day", at: 11),
    EDTFRejection("[1667]x", "unexpected 'x' after the set", at: 6),
  ]

  @Test(arguments: calendar + years + tooLarge + structure + times + intervalsAndSets)
  func rejects(_ rejection: EDTFRejection) {
    let error = #expect(throws: EDTFError.self) { try EDTFDate(rejection.text) }
    #expect(error?.message == rejection.message)
    #expect(error?.offset == rejection.offset)
    #expect(error?.code == rejection.code)
    #expect(error?.input == rejection.text)
  }

  @Test func errorDescriptionQuotesTheInput() {
    let error = #expect(throws: EDTFError.self) { try EDTFDate("1992-02-30") }
    #expect(
      error?.description
        == "'1992-02-30': day 30 is out of range for February 1992; expected 01-29 (offset 8)")
    #expect(
      error?.messageWithOffset
        == "day 30 is out of range for February 1992; expected 01-29 (offset 8)")
  }

  /// Leap years in the proleptic Gregorian calendar, with astronomical year numbers.
  @Test(arguments: [
    ("2000-02-29", true), ("1900-02-29", false), ("1992-02-29", true), ("1991-02-29", false),
    ("2400-02-29", true), ("2100-02-29", false), ("0000-02-29", true), ("-0004-02-29", true),
    ("-0001-02-29", false), ("-0100-02-29", false), ("-0400-02-29", true),
    ("1600-02-29", true), ("1700-02-29", false),
  ])
  func february29(text: String, valid: Bool) {
    #expect(((try? EDTFDate(text)) != nil) == valid)
  }
}
