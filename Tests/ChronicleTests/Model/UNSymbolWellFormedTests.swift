import Testing
@testable import Chronicle

/// ``UNSymbol/isWellFormed(_:)`` agrees with parsing.
struct UNSymbolWellFormedTests {
  @Test(arguments: [
    "A/75/660", "A/75/660-S/2020/1267", "E/CN.4/1998/53/Add.2", "A/RES/1/19", "S/2021/170/Rev.1", "A/1/120-S/1900/80",
    "", "A", "A/75", "a/75/660", "A//660", "A/75/x660", "A/75/660 ", "A/75/6-60", "A-S/75/660", "A/Add.1/2", "A/1/Add.2",
    "A/75/660-", "-S/2020/1", "A/75/660-s/2020/1", "A/75/66\r\n0", "A/75/6٠", "Ä/75/660", "A/75/660-S/2020/1267-T/1/2",
    "ST/SGB/2019/8", "A/75/660/Corr.1/Summary", "A/C.3/75/L.1",
  ])
  func agreesWithParsing(text: String) {
    #expect(UNSymbol.isWellFormed(text) == (UNSymbol(text) != nil), "\(text)")
  }

  @Test func agreesWithParsingOnRandomText() {
    let alphabet = Array("AS/-/0123./AddRevCorrSummary x\tEa-/9")
    var random = GeneratorRandom(seed: 0x9E37_79B9_7F4A_7C15)
    func next() -> Int { Int(truncatingIfNeeded: random.next() >> 33) }
    for _ in 0..<20_000 {
      let length = next() % 24
      let text = String((0..<length).map { _ in alphabet[next() % alphabet.count] })
      #expect(UNSymbol.isWellFormed(text) == (UNSymbol(text) != nil), "\(text)")
    }
    // Well-formed symbols with one character changed.
    let symbols = ["A/75/660-S/2020/1267", "E/CN.4/1998/53/Add.2", "S/2021/170/Rev.1"]
    for symbol in symbols {
      let characters = Array(symbol)
      for position in characters.indices {
        for replacement in ["-", "/", "a", "1", " ", "Z", ".", ""] {
          var changed = characters
          changed.replaceSubrange(position...position, with: Array(replacement))
          let text = String(changed)
          #expect(UNSymbol.isWellFormed(text) == (UNSymbol(text) != nil), "\(text)")
        }
      }
    }
  }
}
