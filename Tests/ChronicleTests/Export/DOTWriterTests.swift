import Testing
@testable import Chronicle

/// The DOT text `DOTWriter` writes for one label, quotes included.
private func label(_ lines: [String], width: Int = 32, escaping: DOTText.Escaping = .label,
                   justification: DOTText.Justification = .center) -> String {
  var text = DOTText(width: width, escaping: escaping, justification: justification)
  for line in lines { text.append(line) }
  var writer = DOTWriter()
  writer.quoted(text)
  return String(decoding: writer.bytes, as: UTF8.self)
}

private func label(_ line: String, width: Int = 32, escaping: DOTText.Escaping = .label) -> String {
  label([line], width: width, escaping: escaping)
}

/// The DOT text for one quoted ID.
private func quotedID(_ text: String) -> String {
  var writer = DOTWriter()
  writer.quoted(text)
  return String(decoding: writer.bytes, as: UTF8.self)
}

struct DOTWriterTests {
  // MARK: IDs (the three bugs STYLE.md names)

  @Test(arguments: [
    ("1abc", #""1abc""#),  // bare, dot would read `1` then `abc`
    (#"a\"#, #""a\\""#),  // written as "a\" it would swallow its closing quote
    ("", #""""#),  // written as nothing it would vanish
    ("node", #""node""#), ("EDGE", #""EDGE""#), ("Graph", #""Graph""#), ("digraph", #""digraph""#),
    ("SubGraph", #""SubGraph""#), ("strict", #""strict""#),
    ("a -> b; c -- d { }", #""a -> b; c -- d { }""#),
    ("<b>html</b>", #""<b>html</b>""#),
  ])
  func quotesEveryID(text: String, expected: String) {
    #expect(quotedID(text) == expected)
  }

  // MARK: Labels, one hostile class at a time

  @Test(arguments: [
    (#"say "hi""#, #""say \"hi\"""#),
    (#"C:\path"#, #""C:\\path""#),
    (#"trailing\"#, #""trailing\\""#),
    (#"odd\\\"#, #""odd\\\\\\""#),
    (#"\\"#, #""\\\\""#),
    (#"\N \G \E \T \H \L"#, #""\\N \\G \\E \\T \\H \\L""#),
    (#"\n \l \r"#, #""\\n \\l \\r""#),
    (#"\""#, #""\\\"""#),
    ("AT&T", #""AT&amp;T""#),
    ("AT&amp;T", #""AT&amp;amp;T""#),
    ("&#92;n &lt;", #""&amp;#92;n &amp;lt;""#),
    ("<b>bold</b> <<x>>", #""<b>bold</b> <<x>>""#),
    ("{ } ; -> -- [ ] = ,", #""{ } ; -> -- [ ] = ,""#),
    ("node edge graph digraph subgraph strict", #""node edge graph digraph subgraph strict""#),
    ("/* comment */ // line # hash", #""/* comment */ // line # hash""#),
  ])
  func escapesLabelText(text: String, expected: String) {
    #expect(label(text, width: Int.max) == expected)
  }

  @Test(arguments: [
    ("a\nb", #""a\nb""#),
    ("a\r\nb", #""a\nb""#),
    ("a\rb", #""a\nb""#),
    ("a\u{2028}b\u{2029}c", #""a\nb\nc""#),
    ("a\n\nb", #""a\n\nb""#),
  ])
  func turnsLineBreaksIntoLabelLineBreaks(text: String, expected: String) {
    #expect(label(text, width: Int.max) == expected)
  }

  @Test(arguments: [
    ("\u{0}", "␀"), ("a\u{1}b", "a␁b"), ("\t", "␉"), ("\u{1B}[31m", "␛[31m"), ("\u{1F}", "␟"),
    ("\u{7F}", "␡"), ("\u{80}", "\u{FFFD}"), ("\u{85}", "\u{FFFD}"), ("\u{9F}", "\u{FFFD}"),
    ("\u{A0}", "\u{A0}"),  // no-break space is not a control character
  ])
  func replacesControlCharactersWithVisibleOnes(text: String, shown: String) {
    #expect(label(text, width: Int.max) == "\"" + shown + "\"")
  }

  @Test(arguments: ["𝄞 🇺🇳 👩‍👩‍👧", "e\u{301}\u{20DD}", "叶 Xocalı Ağdam", "\u{202E}rtl\u{202C}", "\u{FEFF}\u{200D}"])
  func writesOtherUnicodeAsIs(text: String) {
    #expect(label(text, width: Int.max) == "\"" + text + "\"")
  }

  @Test func neverWritesARawControlByte() {
    var text = ""
    for value in 0..<0xA0 { text.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
    let bytes = Array(label(text, width: 8).utf8)
    #expect(!bytes.contains { $0 < 0x20 || $0 == 0x7F })
    #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
  }

  // MARK: Tooltips

  @Test(arguments: [
    (#"\N"#, #""\\\\N""#),  // Graphviz reads a tooltip's backslashes twice
    (#"a\"#, #""a\\\\""#),
    ("a\nb", #""a\nb""#),
    (#"x"&y"#, #""x\"&amp;y""#),
  ])
  func escapesTooltips(text: String, expected: String) {
    #expect(label(text, width: Int.max, escaping: .tooltip) == expected)
  }

  // MARK: Wrapping

  @Test(arguments: [
    ("Assault on and capture of Khojaly", 32, ["Assault on and capture of", "Khojaly"]),
    ("short", 32, ["short"]),
    ("a b c d", 3, ["a b", "c d"]),
    ("Supercalifragilisticexpialidocious word", 10, ["Supercalifragilisticexpialidocious", "word"]),
    ("a  b", 1, ["a", "", "b"]),  // each break takes one space
    ("a  b", 2, ["a ", "b"]),
    ("ab ", 2, ["ab", ""]),
    ("e\u{301}\u{301}e\u{301}e\u{301} e", 5, ["e\u{301}\u{301}e\u{301}e\u{301} e"]),  // marks take no width
    ("one\ntwo three", 5, ["one", "two", "three"]),
  ])
  func wrapsAtSpacesOnly(text: String, width: Int, lines: [String]) {
    let expected = "\"" + lines.joined(separator: #"\n"#) + "\""
    #expect(label(text, width: width) == expected)
  }

  @Test func joiningWrappedLinesGivesTheTextBack() {
    let text = "Letter dated 17 February 2021 from the Permanent Representative of Azerbaijan  to the United Nations"
    let written = label(text, width: 13)
    let lines = written.dropFirst().dropLast().components(separatedBy: #"\n"#)
    #expect(lines.joined(separator: " ") == text)
    #expect(lines.allSatisfy { $0.count <= 13 || !$0.contains(" ") })
  }

  /// A label shows at most 8 × width characters and 8 lines of each string, then `…`.
  @Test func longTextIsCutWithAnEllipsis() {
    #expect(DOTText.cut(String(repeating: "a", count: 80), width: 10) == nil)
    #expect(DOTText.cut(String(repeating: "a", count: 81), width: 10) == String(repeating: "a", count: 80) + "…")
    #expect(DOTText.cut("one two   " + String(repeating: "x", count: 90), width: 1) == "one two…")
    let manyLines = (1...20).map(String.init).joined(separator: "\r\n")
    #expect(DOTText.cut(manyLines, width: 32) == "1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n7\r\n8…")
    #expect(DOTText.cut((1...8).map(String.init).joined(separator: "\u{2028}"), width: 32) == nil)
    #expect(DOTText.cut((1...8).map(String.init).joined(separator: "\r\n"), width: 32) == nil)
    #expect(DOTText.cut((1...9).map(String.init).joined(separator: "\u{2029}"), width: 32)
      == (1...8).map(String.init).joined(separator: "\u{2029}") + "…")
    #expect(DOTText.cut((1...9).map(String.init).joined(separator: "\r"), width: 32) == "1\r2\r3\r4\r5\r6\r7\r8…")
    #expect(DOTText.cut(String(repeating: "a\u{2027}b\u{2030}c", count: 8), width: 12) == nil)  // E2 80 A7, E2 80 B0: not line breaks
    #expect(DOTText.cut(String(repeating: "😀", count: 10_000), width: 32) == String(repeating: "😀", count: 256) + "…")
    #expect(label(String(repeating: "b ", count: 100), width: 4).hasSuffix("b b…\""))
    // One character with 10,000 combining marks: bounded by scalars (4 × 8 × 32 = 1,024).
    let zalgo = "a" + String(repeating: "\u{301}", count: 10_000) + "b"
    #expect(DOTText.cut(zalgo, width: 32) == "…")
    let marks = String(repeating: "e\u{301}", count: 600)
    #expect(DOTText.cut(marks, width: 32) == String(repeating: "e\u{301}", count: 256) + "…")
  }

  @Test func leftAlignedLabelsEndEveryLineWithL() {
    #expect(label(["first line", "second"], width: 6, justification: .left) == #""first\lline\lsecond\l""#)
  }

  // MARK: Long strings

  @Test(arguments: ["x", "é", "🇺🇳", "\\", "&", "\"", "\u{0}", "a b"])
  func splitsLongStringsIntoChunks(unit: String) {
    let text = String(repeating: unit, count: 40_000 / unit.utf8.count)
    let written = label(text, width: Int.max)
    let chunks = written.dropFirst().dropLast().components(separatedBy: "\" + \"")
    #expect(chunks.count > 1)
    #expect(chunks.allSatisfy { $0.utf8.count <= DOTWriter.maximumChunkBytes })
    // No chunk ends inside an escape: an odd run of backslashes at its end would.
    #expect(chunks.allSatisfy { ($0.reversed().prefix { $0 == "\\" }.count).isMultiple(of: 2) })
    let escapedUnit = label(unit, width: Int.max).dropFirst().dropLast()
    #expect(chunks.joined() == String(repeating: String(escapedUnit), count: 40_000 / unit.utf8.count))
  }

  @Test func shortStringsStayInOneChunk() {
    let text = String(repeating: "x", count: DOTWriter.maximumChunkBytes)
    #expect(!label(text, width: Int.max).contains("\" + \""))
  }
}
