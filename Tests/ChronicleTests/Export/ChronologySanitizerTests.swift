import PropertyBased
import Testing

@testable import Chronicle

@Suite struct ChronologySanitizerTests {
  private func sanitized(_ text: String, ascii: Bool = false, markdown: Bool = false) -> String {
    var sanitizer = ChronologySanitizer(ascii: ascii, markdown: markdown)
    return sanitizer.sanitized(text)
  }

  @Test(arguments: [
    ("Xocalı", "Xocali"),
    ("Jonas Ødegård", "Jonas Odegard"),
    ("Ana Petrović", "Ana Petrovic"),
    ("Məmmədov", "Mammadov"),
    ("Straße", "Strasse"),
    ("Æsir œuvre", "AEsir oeuvre"),
    ("İstanbul, Şəki, Ağdam", "Istanbul, Saki, Agdam"),
    ("Cafe\u{301}", "Cafe"),
    ("“quoted” – ‘single’ — x … ⚠ • № 5", "\"quoted\" - 'single' - x ... ! * No. 5"),
    ("25\u{00A0}February", "25 February"),
    ("zero\u{200B}width\u{00AD}", "zerowidth"),
    ("叶 Ходжалы 🇺🇳 👨‍👩‍👧", "? ??????? ? ?"),
  ])
  func foldsToASCII(text: String, expected: String) {
    #expect(sanitized(text, ascii: true) == expected)
  }

  @Test func keepsUserTextExactOutsideASCIIMode() {
    let text = "Xocalı “Ходжалы” 叶 🇺🇳 e\u{301} \u{200B}"
    #expect(sanitized(text) == text)
  }

  @Test(arguments: [false, true])
  func replacesControls(ascii: Bool) {
    let substitute = ascii ? "?" : "\u{FFFD}"
    let text = "A\u{1B}[31mred\u{07}\u{0}B\r\nC\rD\tE\u{7F}\u{85}\u{9B}F\u{2028}G"
    #expect(sanitized(text, ascii: ascii)
      == "A\(substitute)[31mred\(substitute)\(substitute)B\nC\nD E\(substitute)\(substitute)\(substitute)F\nG")
    #expect(sanitized(text, ascii: ascii, markdown: true)
      == "A\(substitute)\\[31mred\(substitute)\(substitute)B C D E\(substitute)\(substitute)\(substitute)F G")
  }

  @Test func closesBidirectionalControlsLeftOpen() {
    #expect(sanitized("abc\u{202E}def") == "abc\u{202E}def\u{202C}")
    #expect(sanitized("a\u{2067}b\u{202B}c") == "a\u{2067}b\u{202B}c\u{202C}\u{2069}")
    #expect(sanitized("a\u{2067}b\u{202B}c\u{2069}d") == "a\u{2067}b\u{202B}c\u{2069}d")
    #expect(sanitized("a\u{202E}b\nc") == "a\u{202E}b\u{202C}\nc")
    #expect(sanitized("a\u{202E}b", ascii: true) == "ab")
  }

  @Test(arguments: [
    ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
    ("# heading", "\\# heading"),
    ("*bold* and _it_", "\\*bold\\* and \\_it\\_"),
    ("a | b", "a \\| b"),
    ("![img](x) `code` ~~s~~ &amp; $x$ \\", "\\!\\[img\\](x) \\`code\\` \\~\\~s\\~\\~ \\&amp; \\$x\\$ \\\\"),
    ("- item", "\\- item"),
    ("  - item", "  \\- item"),
    ("\n+ item", " \\+ item"),
    ("+ item", "\\+ item"),
    ("===", "\\==="),
    ("1. first", "1\\. first"),
    ("1992) x", "1992\\) x"),
    ("1,324 or 3.5", "1,324 or 3.5"),
    ("a - b. 1. c", "a - b. 1. c"),
  ])
  func escapesMarkdown(text: String, expected: String) {
    #expect(sanitized(text, markdown: true) == expected)
  }

  @Test func neverLetsAControlThrough() async {
    let scalar = Gen<UInt32>.value(in: 0...0x3000).map { Unicode.Scalar($0) ?? "?" }
    await propertyCheck(count: 500, input: scalar.array(of: 0...24)) { scalars in
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      for ascii in [false, true] {
        for markdown in [false, true] {
          let result = sanitized(text, ascii: ascii, markdown: markdown)
          #expect(!result.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
          #expect(!markdown || !result.contains("\n"))
          #expect(!ascii || result.utf8.allSatisfy { $0 < 0x80 })
        }
      }
    }
  }
}
