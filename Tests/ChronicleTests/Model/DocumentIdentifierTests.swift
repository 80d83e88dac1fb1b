import Testing
@testable import Chronicle

struct DocumentIdentifierTests {
  @Test func jointSymbolSplitsIntoOrgans() throws {
    let symbol = try #require(UNSymbol("A/75/660-S/2020/1267"))
    #expect(symbol.parts.count == 2)
    #expect(symbol.parts[0].organ == "A")
    #expect(symbol.parts[0].organName == "General Assembly")
    #expect(symbol.parts[0].series == ["75"])
    #expect(symbol.parts[0].number == "660")
    #expect(symbol.parts[1].organName == "Security Council")
    #expect(symbol.parts[1].series == ["2020"])
    #expect(symbol.parts[1].number == "1267")
    #expect(symbol.description == "A/75/660-S/2020/1267")
  }

  @Test(arguments: [
    ("A/74/676-S/2020/90", 2, "90"),
    ("A/RES/60/147", 1, "147"),
    ("S/2020/1161", 1, "1161"),
    ("E/CN.4/1998/53/Add.2", 1, "53"),
    ("A/75/625-S/2020/1161", 2, "1161"),
  ])
  func parsesSymbols(text: String, parts: Int, lastNumber: String) throws {
    let symbol = try #require(UNSymbol(text))
    #expect(symbol.parts.count == parts)
    #expect(symbol.parts.last?.number == lastNumber)
    #expect(symbol.description == text)
  }

  @Test func modifiersAreKeptApart() throws {
    let symbol = try #require(UNSymbol("E/CN.4/1998/53/Add.2"))
    #expect(symbol.parts[0].series == ["CN.4", "1998"])
    #expect(symbol.parts[0].modifiers == ["Add.2"])
  }

  @Test(arguments: ["", "A", "A/75", "a/75/660", "A/75/", "A//660", "A/75/660-", "A/75/x", "40984/07", "A/75/660 S/2020/1"])
  func rejectsNonSymbols(text: String) {
    #expect(UNSymbol(text) == nil)
  }

  @Test(arguments: [
    (DocumentIdentifier.Scheme.application, "40984/07", true),
    (.application, "40984/2007", false),
    (.application, "abc/07", false),
    (.isbn, "978-0-8147-7082-5", true),
    (.isbn, "0-8147-1945-7", true),
    (.isbn, "0-8147-1945-6", false),
    (.isbn, "978-0-8147-7082-4", false),
    (.isbn, "080442957X", true),
    (.url, "https://justiceforkhojaly.org/content/countries-organizations", true),
    (.url, "http://www.hrw.org/news/1997/03/23/response-armenian-government-letter-town-khojaly-nagorno-karabakh#", true),
    (.url, "www.hrw.org", false),
    (.url, "https://", false),
    (.url, "https://a b", false),
    (.unSymbol, "A/75/660-S/2020/1267", true),
    (.unSymbol, "CM/Del/Concl(92)471bis", false),
    (.number, "CM/Del/Concl(92)471bis", true),
    (.doi, "10.1017/9781316676462", true),
    (.doi, "doi:10", false),
  ])
  func checksSchemes(scheme: DocumentIdentifier.Scheme, value: String, valid: Bool) {
    #expect((DocumentIdentifier(scheme: scheme, value: value).problem == nil) == valid)
  }

  @Test func problemsSayWhatIsExpected() {
    let problem = DocumentIdentifier(scheme: .application, value: "40984-07").problem
    #expect(problem == "'40984-07' is not a court application number; expected digits, a slash and a two-digit year, such as '40984/07'")
  }
}
