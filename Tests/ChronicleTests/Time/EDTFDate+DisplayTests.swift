import Chronicle
import PropertyBased
import Testing

@Suite struct EDTFDateDisplayTests {
  @Test(arguments: [
    ("1992-02-25/1992-02-26", "25–26 February 1992", "25-26 February 1992"),
    ("1992-02-25/1992-03-03", "25 February – 3 March 1992", "25 February - 3 March 1992"),
    ("1992-12-25/1993-01-03", "25 December 1992 – 3 January 1993", "25 December 1992 - 3 January 1993"),
    ("2004-06/2004-08", "June–August 2004", "June-August 2004"),
    ("2004-06/2006-08", "June 2004 – August 2006", "June 2004 - August 2006"),
    ("1964/2008", "1964–2008", "1964-2008"),
    ("1991-10/..", "from October 1991", "from October 1991"),
    ("../1985-04-12", "until 12 April 1985", "until 12 April 1985"),
    ("1985/", "from 1985 to an unknown date", "from 1985 to an unknown date"),
    ("/1985", "from an unknown date until 1985", "from an unknown date until 1985"),
    ("1992~", "c. 1992", "c. 1992"),
    ("1992?", "1992?", "1992?"),
    ("1992%", "c. 1992?", "c. 1992?"),
    ("1984?/2004~", "1984? – c. 2004", "1984? - c. 2004"),
    ("2020-36", "Q4 2020", "Q4 2020"),
    ("1991-24", "winter 1991–92", "winter 1991-92"),
    ("1991-24?", "winter 1991–92?", "winter 1991-92?"),
    ("1999-24", "winter 1999–2000", "winter 1999-2000"),
    ("-0044-24", "winter 45–44 BCE", "winter 45-44 BCE"),
    ("2001-21", "spring 2001", "spring 2001"),
    ("2001-25", "spring 2001 (northern hemisphere)", "spring 2001 (northern hemisphere)"),
    ("2001-30", "summer 2001–02 (southern hemisphere)", "summer 2001-02 (southern hemisphere)"),
    ("2001-32", "winter 2001 (southern hemisphere)", "winter 2001 (southern hemisphere)"),
    ("2001-38", "second quadrimester 2001", "second quadrimester 2001"),
    ("2001-40", "first semester 2001", "first semester 2001"),
    ("201X", "2010s", "2010s"),
    ("20XX", "2000s", "2000s"),
    ("1992-09", "September 1992", "September 1992"),
    ("1992-09-01", "1 September 1992", "1 September 1992"),
    ("0079-08-24", "24 August 79", "24 August 79"),
    ("-0043-03-15", "15 March 44 BCE", "15 March 44 BCE"),
    ("0000", "1 BCE", "1 BCE"),
    ("Y170000002", "year 170,000,002", "year 170,000,002"),
    ("Y-17E7", "year -170,000,000", "year -170,000,000"),
    ("1950S2", "1900–1999 (estimated 1950)", "1900-1999 (estimated 1950)"),
    ("Y3388E2S3", "years 338,000–338,999 (estimated 338,800)", "years 338,000-338,999 (estimated 338,800)"),
    ("2004-XX", "some month in 2004", "some month in 2004"),
    ("1985-04-XX", "some day in April 1985", "some day in April 1985"),
    ("1985-XX-XX", "some day in 1985", "some day in 1985"),
    ("156X-12-25", "25 December in the 1560s", "25 December in the 1560s"),
    ("1XXX-12", "December of some year in 1000–1999", "December of some year in 1000-1999"),
    ("1984-1X", "some month between October 1984 and December 1984", "some month between October 1984 and December 1984"),
    ("1560-XX-25", "day 25 of some month in 1560", "day 25 of some month in 1560"),
    ("2004?-06-~11", "11 June 2004 (year uncertain, day approximate)", "11 June 2004 (year uncertain, day approximate)"),
    ("2004-06~-11", "11 June 2004 (year and month approximate)", "11 June 2004 (year and month approximate)"),
    ("2004-%06-11", "11 June 2004 (month uncertain and approximate)", "11 June 2004 (month uncertain and approximate)"),
    ("1985-04-12T23:20:30", "12 April 1985, 23:20:30", "12 April 1985, 23:20:30"),
    ("1985-04-12T23:20:30Z", "12 April 1985, 23:20:30 UTC", "12 April 1985, 23:20:30 UTC"),
    ("1985-04-12T23:20:30+04:30", "12 April 1985, 23:20:30 UTC+04:30", "12 April 1985, 23:20:30 UTC+04:30"),
    ("[1667,1668,1670..1672]", "one of: 1667, 1668, 1670–1672", "one of: 1667, 1668, 1670-1672"),
    ("[..1760-12-03]", "one of: 3 December 1760 or earlier", "one of: 3 December 1760 or earlier"),
    ("{1960,1961-12}", "all of: 1960, December 1961", "all of: 1960, December 1961"),
    ("{1760-12..}", "all of: December 1760 and later", "all of: December 1760 and later"),
  ])
  func display(text: String, unicode: String, ascii: String) throws {
    let date = try EDTFDate(text)
    #expect(date.humanDescription() == unicode)
    #expect(date.humanDescription(ascii: true) == ascii)
  }

  @Test func asciiDisplayIsAllASCII() async {
    await propertyCheck(count: 500, input: EDTFGenerators.expressionText) { text in
      let date = try EDTFDate(text)
      #expect(date.humanDescription(ascii: true).unicodeScalars.allSatisfy { $0.isASCII })
      #expect(!date.humanDescription().isEmpty)
    }
  }
}
