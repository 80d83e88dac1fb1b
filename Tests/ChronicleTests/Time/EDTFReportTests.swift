import Chronicle
import Foundation
import Testing

@Suite struct EDTFReportTests {
  @Test(arguments: [
    (
      "1984?",
      #"{"input":"1984?","valid":true,"canonical":"1984?","earliest":"1984-01-01","latest":"1984-12-31","precision":"year","qualifiers":["uncertain"],"display":"1984?","error":null}"#
    ),
    (
      "2004?-06-~11",
      #"{"input":"2004?-06-~11","valid":true,"canonical":"2004?-06-~11","earliest":"2004-06-11","latest":"2004-06-11","precision":"day","qualifiers":["year:uncertain","day:approximate"],"display":"11 June 2004 (year uncertain, day approximate)","error":null}"#
    ),
    (
      "1985/..",
      #"{"input":"1985/..","valid":true,"canonical":"1985/..","earliest":"1985-01-01","latest":null,"precision":null,"qualifiers":[],"display":"from 1985","error":null}"#
    ),
    (
      "Y-17E7",
      #"{"input":"Y-17E7","valid":true,"canonical":"Y-170000000","earliest":"-170000000-01-01","latest":"-170000000-12-31","precision":"year","qualifiers":[],"display":"year -170,000,000","error":null}"#
    ),
    (
      "1992-02-30",
      #"{"input":"1992-02-30","valid":false,"canonical":null,"earliest":null,"latest":null,"precision":null,"qualifiers":null,"display":null,"error":"day 30 is out of range for February 1992; expected 01-29 (offset 8)"}"#
    ),
    (
      "\"\\\u{1}\u{1F}\n叶",
      #"{"input":"\"\\\u0001\u001f\n叶","valid":false,"canonical":null,"earliest":null,"latest":null,"precision":null,"qualifiers":null,"display":null,"error":"unexpected '\"'; expected a year (offset 0)"}"#
        .replacingOccurrences(of: #"\n叶"#, with: #"\u000a叶"#)
    ),
  ])
  func jsonLine(input: String, line: String) {
    #expect(EDTFReport(input: input).jsonLine() == line)
  }

  @Test func jsonLineParsesBack() throws {
    let line = EDTFReport(input: "1991-24").jsonLine(ascii: true)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["display"] as? String == "winter 1991-92")
    #expect(object["latest"] as? String == "1992-02-29")
    #expect(object["valid"] as? Bool == true)
  }

  @Test func textBlock() {
    #expect(
      EDTFReport(input: "1992~").text() == """
        '1992~'
          canonical:  1992~
          earliest:   1992-01-01
          latest:     1992-12-31
          precision:  year
          qualifiers: approximate
          display:    c. 1992
        """)
    #expect(
      EDTFReport(input: "1985\u{1B}").text() == """
        '1985\\u{1B}'
          error:      unexpected control character U+001B after the date (offset 4)
        """)
  }
}
