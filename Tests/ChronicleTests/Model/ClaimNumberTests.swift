import Testing
@testable import Chronicle

struct ClaimNumberTests {
  @Test(arguments: [
    ("613", "613", "613"),
    ("1324", "1324", "1,324"),
    ("1324.0", "1324", "1,324"),
    ("1e3", "1000", "1,000"),
    ("-7000", "-7000", "-7,000"),
    ("0.5", "0.5", "0.5"),
    ("-0", "0", "0"),
    ("1234567.25", "1234567.25", "1,234,567.25"),
    ("-1234.5", "-1234.5", "-1,234.5"),
    ("999", "999", "999"),
    ("-100000", "-100000", "-100,000"),
    ("9007199254740991", "9007199254740991", "9,007,199,254,740,991"),
    ("1e21", "1e+21", "1e+21"),
    ("0.0000001", "1e-07", "1e-07"),
    ("9007199254740992", "9007199254740992.0", "9,007,199,254,740,992.0"),
    ("-9007199254740991", "-9007199254740991", "-9,007,199,254,740,991"),
    ("-0.5", "-0.5", "-0.5"),
    ("-123.5", "-123.5", "-123.5"),
    ("1234.56789", "1234.56789", "1,234.56789"),
  ])
  func canonicalAndGrouped(text: String, canonical: String, grouped: String) throws {
    let number = try #require(ClaimNumber(parsing: text))
    #expect(number.description == canonical)
    #expect(number.grouped == grouped)
    #expect(ClaimNumber(parsing: number.description) == number)
  }

  @Test(arguments: ["", "1,324", "some 200", "01", "1.", ".5", "+1", "1e", "NaN", "inf", "1e400", "0x1F"])
  func rejectsNonNumbers(text: String) {
    #expect(ClaimNumber(parsing: text) == nil)
  }

  @Test func claimTextKeepsQualifierAndUnit() {
    var claim = Claim(subject: "s", property: "dead transported", value: .number(ClaimNumber(200)), unit: "dead", qualifier: "some")
    #expect(claim.valueText() == "some 200 dead")
    claim.value = .range(low: ClaimNumber(1000), high: ClaimNumber(1500))
    claim.qualifier = nil
    #expect(claim.valueText() == "1,000–1,500 dead")
    #expect(claim.valueText(ascii: true) == "1,000-1,500 dead")
  }
}
