import Foundation
import Testing

/// `chronicle date`, run end to end: output on stdout for every input, exit status 1
/// when any input is invalid.
@Suite struct DateCommandTests {
  @Test func printsEachFieldForAValidDate() throws {
    let result = try runChronicle(["date", "1992-02-25/1992-02-26"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        '1992-02-25/1992-02-26'
          canonical:  1992-02-25/1992-02-26
          earliest:   1992-02-25
          latest:     1992-02-26
          precision:  day
          qualifiers: none
          display:    25–26 February 1992

        """)
  }

  @Test func printsEveryInputAndFailsWhenOneIsInvalid() throws {
    let result = try runChronicle(["date", "1992~", "1992-02-30", "1991-10/.."])
    #expect(result.status == 1)
    #expect(!result.terminatedBySignal)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        '1992~'
          canonical:  1992~
          earliest:   1992-01-01
          latest:     1992-12-31
          precision:  year
          qualifiers: approximate
          display:    c. 1992

        '1992-02-30'
          error:      day 30 is out of range for February 1992; expected 01-29 (offset 8)

        '1991-10/..'
          canonical:  1991-10/..
          earliest:   1991-10-01
          latest:     none
          precision:  none
          qualifiers: none
          display:    from October 1991

        """)
  }

  @Test func printsOneJSONObjectPerLine() throws {
    let result = try runChronicle(["date", "--json", "2004?-06-~11", "1984?/2004~", "2001-02-29"])
    #expect(result.status == 1)
    #expect(
      result.stdoutLines == [
        #"{"input":"2004?-06-~11","valid":true,"canonical":"2004?-06-~11","earliest":"2004-06-11","latest":"2004-06-11","precision":"day","qualifiers":["year:uncertain","day:approximate"],"display":"11 June 2004 (year uncertain, day approximate)","error":null}"#,
        #"{"input":"1984?/2004~","valid":true,"canonical":"1984?/2004~","earliest":"1984-01-01","latest":"2004-12-31","precision":"year","qualifiers":["start:uncertain","end:approximate"],"display":"1984? – c. 2004","error":null}"#,
        #"{"input":"2001-02-29","valid":false,"canonical":null,"earliest":null,"latest":null,"precision":null,"qualifiers":null,"display":null,"error":"day 29 is out of range for February 2001 (2001 is not a leap year); expected 01-28 (offset 8)"}"#,
      ])
  }

  @Test func jsonLinesAreValidJSONWithKeysInOrder() throws {
    let inputs = ["1985", "Y-17E7", "[1667,1668,1670..1672]", "../1985", "a\t\"b\"\\c\u{1}", "叶"]
    let result = try runChronicle(["date", "--json"] + inputs)
    #expect(result.status == 1)
    let keys = [
      "input", "valid", "canonical", "earliest", "latest", "precision", "qualifiers", "display",
      "error",
    ]
    #expect(result.stdoutLines.count == inputs.count)
    for (line, input) in zip(result.stdoutLines, inputs) {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["input"] as? String == input)
      #expect(Set(object?.keys.map { $0 } ?? []) == Set(keys))
      let positions = keys.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
      #expect(positions == positions.sorted() && positions.count == keys.count)
    }
  }

  @Test func jsonWritesFarYearsWithAllTheirDigits() throws {
    let result = try runChronicle(["date", "--json", "-0043-07-05", "Y-17E7"])
    #expect(result.status == 0)
    #expect(result.stdoutLines.count == 2)
    #expect(result.stdoutLines.first?.contains(#""earliest":"-0043-07-05""#) == true)
    #expect(result.stdoutLines.last?.contains(#""earliest":"-170000000-01-01""#) == true)
    #expect(result.stdoutLines.last?.contains(#""canonical":"Y-170000000""#) == true)
  }

  @Test func acceptsNegativeYearsWithoutADoubleDash() throws {
    let result = try runChronicle(["date", "-1985", "--json", "-0043"])
    #expect(result.status == 0)
    #expect(result.stdoutLines.count == 2)
    #expect(result.stdoutLines.first?.hasPrefix(#"{"input":"-1985","valid":true"#) == true)
    #expect(result.stdoutLines.last?.contains(#""display":"44 BCE""#) == true)
  }

  @Test func ignoresTheOptionTerminator() throws {
    let result = try runChronicle(["date", "--json", "--", "-1985"])
    #expect(result.status == 0)
    #expect(result.stdoutLines.count == 1)
    #expect(result.stdoutLines.first?.hasPrefix(#"{"input":"-1985","valid":true"#) == true)
  }

  @Test func asciiDisplayHasNoEnDash() throws {
    let result = try runChronicle(["date", "--ascii", "--json", "1991-24", "1992-02-25/1992-02-26"])
    #expect(result.status == 0)
    #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(result.stdoutLines.first?.contains(#""display":"winter 1991-92""#) == true)
    #expect(result.stdoutLines.last?.contains(#""display":"25-26 February 1992""#) == true)
  }

  @Test func readsStandardInputWhenGivenNoExpressions() throws {
    let result = try runChronicle(["date", "--json"], stdin: "1985\n\n2020-36\n1985-13\n")
    #expect(result.status == 1)
    #expect(result.stdoutLines.count == 3)
    #expect(result.stdoutLines[1].contains(#""display":"Q4 2020""#))
    #expect(result.stdoutLines[2].contains(#""valid":false"#))
  }

  @Test func emptyStandardInputPrintsNothing() throws {
    let result = try runChronicle(["date"])
    #expect(result.status == 0)
    #expect(result.stdout == "")
  }

  @Test func reportsOffsetsInCharacters() throws {
    let result = try runChronicle(["date", "叶1985", "1985-🇺🇳"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("error:      unexpected '叶' (U+53F6); expected a year (offset 0)"))
    #expect(
      result.stdout.contains(
        "error:      unexpected '🇺🇳' (U+1F1FA); expected two digits for the month (offset 5)"))
  }

  @Test func helpNamesTheCommandAndItsFlags() throws {
    let result = try runChronicle(["date", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("--json"))
    #expect(result.stdout.contains("--ascii"))
    #expect(result.stdout.contains("EXPR"))
  }

  @Test func mistypedOptionIsAUsageErrorButNegativeYearsAreDates() throws {
    let mistyped = try runChronicle(["date", "--jsn", "1984"])
    #expect(mistyped.status == 64)
    #expect(mistyped.stderr.contains("unknown option '--jsn'"))
    #expect(mistyped.stdout.isEmpty)
    let negative = try runChronicle(["date", "--json", "-1985", "--", "-0044"])
    #expect(negative.status == 0, "\(negative.stderr)")
    #expect(negative.stdoutLines.count == 2)
  }
}
