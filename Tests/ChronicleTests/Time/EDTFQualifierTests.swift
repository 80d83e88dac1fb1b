import Chronicle
import Testing

@Suite struct EDTFQualifierTests {
  @Test(arguments: [
    ("1984", []),
    ("1984?", ["uncertain"]),
    ("1984~", ["approximate"]),
    ("1984%", ["uncertain", "approximate"]),
    ("2004-06~", ["approximate"]),
    ("2004-06-11%", ["uncertain", "approximate"]),
    ("2004?-06-~11", ["year:uncertain", "day:approximate"]),
    ("?2004-06-~11", ["year:uncertain", "day:approximate"]),
    ("2004-06~-11", ["year:approximate", "month:approximate"]),
    ("2004?-06-11", ["year:uncertain"]),
    ("2004-%06-11", ["month:uncertain", "month:approximate"]),
    ("2004~-06-11?", ["uncertain", "year:approximate"]),
    ("2001-21?", ["uncertain"]),
    ("2001-?21", ["month:uncertain"]),
    ("Y-17E7~", ["approximate"]),
    ("1950S2?", ["uncertain"]),
    ("1984?/2004~", ["start:uncertain", "end:approximate"]),
    ("1984-06-02?/2004-08-08~", ["start:uncertain", "end:approximate"]),
    ("1984~/..", ["start:approximate"]),
    ("2004-06-~01/2004-06-~20", ["start:day:approximate", "end:day:approximate"]),
    ("[1667,1668]", []),
    ("../2004-06~", ["end:approximate"]),
    ("/1984?", ["end:uncertain"]),
    ("1984/2004", []),
    ("XXXX", []),
  ] as [(String, [String])])
  func vocabulary(text: String, qualifiers: [String]) throws {
    let date = try EDTFDate(text)
    #expect(date.qualifiers.map(\.description) == qualifiers)
    #expect(date.isQualified == !qualifiers.isEmpty)
  }

  @Test func description() {
    #expect(EDTFQualifier(.uncertain).description == "uncertain")
    #expect(EDTFQualifier(component: .day, .approximate).description == "day:approximate")
    #expect(
      EDTFQualifier(part: .end, component: .month, .uncertain).description == "end:month:uncertain")
  }
}
