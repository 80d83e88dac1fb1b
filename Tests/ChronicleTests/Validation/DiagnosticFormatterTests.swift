import Testing
@testable import Chronicle

/// Diagnostics as the CLI and library users print them: the headline, the quoted line
/// and the caret; short and inert whatever the input holds.
struct DiagnosticFormatterTests {
  private func diagnostic(_ line: Int, _ column: Int, file: String = "t.yaml", message: String = "bad") -> Diagnostic {
    Diagnostic(.error, .wrongType, message, file: file, position: TextPosition(line: line, column: column), path: "a.b")
  }

  @Test func quotesTheLineWithACaretUnderTheColumn() {
    let formatter = DiagnosticFormatter(sources: ["t.yaml": "a: 1\nb:\n  date: 1992-02-31\n"])
    #expect(formatter.format(diagnostic(3, 9)) == """
      t.yaml:3:9: error: bad [a.b]
       3 |   date: 1992-02-31
         |         ^
      """)
    // A file the formatter does not know, or a line past its end: the headline alone.
    #expect(formatter.format(diagnostic(3, 9, file: "u.yaml")) == "u.yaml:3:9: error: bad [a.b]")
    #expect(formatter.format(diagnostic(9, 1)) == "t.yaml:9:1: error: bad [a.b]")
  }

  /// Lines end where the readers say they end: CRLF and CR too, and in YAML NEL, LS and
  /// PS; a byte order mark is not part of line 1.
  @Test(arguments: [
    ("t.yaml", "a: 1\r\nb: 2\r\nc: 3\r\n"),
    ("t.yaml", "a: 1\rb: 2\rc: 3"),
    ("t.yaml", "\u{FEFF}a: 1\u{85}b: 2\u{2028}c: 3"),
    ("t.json", "\u{FEFF}{\"a\": 1,\r\n\"b\": 2,\n\"c\": 3}"),
  ])
  func countsLinesAsTheReadersDo(file: String, text: String) {
    let formatter = DiagnosticFormatter(sources: [file: text])
    let quoted = formatter.format(diagnostic(2, 1, file: file)).split(separator: "\n").dropFirst().first
    #expect(quoted?.hasPrefix(" 2 | ") == true)
    #expect(quoted?.contains("b") == true && quoted?.contains("c") == false && quoted?.contains("\r") == false)
  }

  @Test func bytesAndTextGiveTheSameOutput() {
    let text = "entities:\n  - {id: \"caf\u{E9}\", kind: person, name: \u{202E}x}\n"
    let fromText = DiagnosticFormatter(sources: ["t.yaml": text])
    let fromBytes = DiagnosticFormatter(files: ["t.yaml": Array(text.utf8)])
    #expect(fromText.format(diagnostic(2, 39)) == fromBytes.format(diagnostic(2, 39)))
    // The bidirectional override shows as `�`, one for one, so the caret stays in place.
    #expect(fromBytes.format(diagnostic(2, 39)).hasSuffix("""
       2 |   - {id: "café", kind: person, name: \u{FFFD}x}
         |                                       ^
      """))
  }

  /// A 10,000-character line is quoted as a window around the place, cut with `…`.
  @Test func longLinesAreCutAroundThePlace() {
    let line = String(repeating: "a", count: 5_000) + "X" + String(repeating: "b", count: 5_000)
    let formatter = DiagnosticFormatter(files: ["t.json": Array(line.utf8)])
    let lines = formatter.format(diagnostic(1, 5_001, file: "t.json")).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].hasPrefix(" 1 | …") && lines[1].hasSuffix("…") && lines[1].count < 120)
    #expect(lines[1].firstIndex(of: "X").map { lines[1].distance(from: lines[1].startIndex, to: $0) }
      == lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) })
  }

  /// Values quoted in a message are cut at 80 characters and paths at 120 when the
  /// diagnostic is made; bidirectional controls are written out; controls show as `�`.
  @Test func messagesAreShortAndInert() {
    let long = String(repeating: "x", count: 10_000)
    let made = Diagnostic(.error, .duplicateID, "duplicate id '\(long)' (first defined at 2:10)",
                          path: "entities[0]." + long)
    #expect(made.message == "duplicate id '" + String(repeating: "x", count: 80) + "…' (first defined at 2:10)")
    #expect(made.path == "entities[0]." + String(repeating: "x", count: 108) + "…")
    let hostile = Diagnostic(.warning, .unrelatedEntity, "person 'a\u{202E}b\u{1B}[31m' is not related to anything")
    #expect(hostile.message == "person 'a\\u{202E}b\u{1B}[31m' is not related to anything")
    #expect(DiagnosticFormatter().format(hostile) == "warning: person 'a\\u{202E}b\u{FFFD}[31m' is not related to anything")
  }

  /// Changing one source re-indexes that one; removing one forgets it.
  @Test func sourcesCanBeChangedOneByOne() {
    var formatter = DiagnosticFormatter()
    formatter.sources["a.yaml"] = "x: 1\ny: 2\n"
    formatter.sources["b.yaml"] = "z: 3\n"
    #expect(formatter.format(diagnostic(2, 1, file: "a.yaml")).contains(" 2 | y: 2"))
    formatter.sources["a.yaml"] = "x: 1\nw: 9\n"
    #expect(formatter.format(diagnostic(2, 1, file: "a.yaml")).contains(" 2 | w: 9"))
    #expect(formatter.format(diagnostic(1, 1, file: "b.yaml")).contains(" 1 | z: 3"))
    formatter.sources["b.yaml"] = nil
    #expect(formatter.format(diagnostic(1, 1, file: "b.yaml")) == "b.yaml:1:1: error: bad [a.b]")
  }
}
