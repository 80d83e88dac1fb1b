import PropertyBased
import Testing

@testable import Chronicle

@Suite struct TextWrapperTests {
  private func wrap(_ text: String, width: Int, prefix: String = "", indent: String = "", markdown: Bool = false) -> String {
    var output: [UInt8] = []
    TextWrapper(width: width, keepsBlockMarkersInline: markdown).wrap(text, prefix: prefix, indent: indent, into: &output)
    return String(decoding: output, as: UTF8.self)
  }

  @Test func wrapsAtSpacesWithAHangingIndent() {
    #expect(wrap("Assault on and capture of the town", width: 20, prefix: "  ", indent: "    ")
      == "  Assault on and\n    capture of the\n    town\n")
  }

  @Test func keepsAWordLongerThanTheLineWholeOnItsOwnLine() {
    let url = "https://example.org/judgments/doe-v-esterland/99999-99/full-text"
    #expect(wrap("Identifiers: no. 1; \(url) and more", width: 30, prefix: "  ", indent: "    ")
      == "  Identifiers: no. 1;\n    \(url)\n    and more\n")
    #expect(wrap(url, width: 10, prefix: "- ", indent: "  ") == "- \(url)\n")
  }

  @Test func neverSplitsWordsAndNeverLeavesTrailingSpaces() {
    let text = "one  two   three\u{0020}four five-six seven,eight nine"
    for width in 1...40 {
      let wrapped = wrap(text, width: width, prefix: "", indent: "  ")
      #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
      for line in wrapped.split(separator: "\n") {
        #expect(line.last != " ")
        let words = line.split(separator: " ")
        #expect(words.count == 1 || line.count <= width)
      }
    }
  }

  @Test func lineFeedsForceBreaksAndBlankLinesCollapse() {
    #expect(wrap("first line\n\n\nsecond\n", width: 80, prefix: "  ", indent: "    ") == "  first line\n    second\n")
  }

  @Test func emptyTextKeepsItsMarkerWithoutTrailingSpaces() {
    #expect(wrap("", width: 80, prefix: "  - ", indent: "    ") == "  -\n")
    #expect(wrap("   ", width: 80, prefix: "", indent: "") == "\n")
  }

  @Test func zeroWidthTurnsWrappingOff() {
    let text = String(repeating: "word ", count: 50)
    #expect(wrap(text, width: 0).split(separator: "\n").count == 1)
  }

  @Test func countsTerminalColumns() {
    #expect(TextWrapper.columns(of: "叶") == 2)
    #expect(TextWrapper.columns(of: "🇺🇳") == 2)
    #expect(TextWrapper.columns(of: "e\u{301}") == 1)
    #expect(TextWrapper.columns(of: "Xocalı") == 6)
    #expect(TextWrapper.columns(of: "a\u{200B}b") == 2)
    // Four wide characters fill eight columns.
    #expect(wrap("叶叶 叶叶 ab", width: 9) == "叶叶 叶叶\nab\n")
  }

  /// A word that would open a Markdown block at the start of a line stays on the line before.
  @Test(arguments: ["-", "+", "=", "*", "#", ">", "|", "1.", "12)"])
  func keepsMarkdownBlockMarkersInline(marker: String) {
    let wrapped = wrap("aaaa bbbb \(marker) cccc", width: 9, markdown: true)
    #expect(!wrapped.split(separator: "\n").contains { $0.hasPrefix(marker) })
    #expect(wrap("aaaa bbbb \(marker) cccc", width: 9).split(separator: "\n").contains { $0.hasPrefix(marker) })
  }

  @Test func wrappedTextKeepsEveryWordInOrder() async {
    let words = Gen.element(of: ["a", "to", "Xocalı", "叶子", "🇺🇳", "e\u{301}té", "1,324", "supercalifragilistic", "—"])
      .array(of: 0...30).map { $0.compactMap { $0 } }
    let widths = Gen<Int>.value(in: 1...40)
    await propertyCheck(count: 300, input: words, widths) { words, width in
      let wrapped = wrap(words.joined(separator: " "), width: width, prefix: "  ", indent: "    ")
      #expect(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) == words)
      for line in wrapped.split(separator: "\n") where line.split(separator: " ").count > 1 {
        #expect(TextWrapper.columns(of: String(line)) <= width)
      }
    }
  }

  /// Words of characters below U+0300 are counted without grapheme breaking; the
  /// count must be what counting characters gives, controls and soft hyphen included
  /// (a word of ASCII alone counts its bytes, as it always has).
  @Test(arguments: [
    "Xocalı", "Ağdam", "Œuvre", "naïve", "ſ", "a\u{AD}b", "\u{80}\u{9F}\u{A0}", "ÿ\u{85}x", "ʼʻˆ˙ˀ",
    "\u{7F}\u{1B}é", "\u{2FF}\u{100}", "é\u{301}", "a\u{300}", "Ā\u{20DD}",
  ])
  func countsLatinWordsAsCharactersDo(_ word: String) {
    let expected = word.reduce(0) { $0 + TextWrapper.columns(of: $1) }
    #expect(TextWrapper.columns(of: word) == expected)
  }

  @Test func countsEveryScalarBelowCombiningMarksAsItsCharacterDoes() {
    for value in UInt32(0x80)..<0x300 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let word = "a" + String(Character(scalar)) + "b"
      #expect(TextWrapper.columns(of: word) == word.reduce(0) { $0 + TextWrapper.columns(of: $1) }, "U+\(value)")
    }
  }
}
