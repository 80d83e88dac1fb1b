import Testing
@testable import Chronicle

/// The chronology's byte-level shortcuts give the bytes of the general paths:
/// ``ChronologySanitizer`` copies text outside ASCII without walking its characters,
/// and ``TextWrapper`` copies a paragraph that fits on one line whole.
struct ChronologyFastPathTests {
  /// Pieces that the sanitizer or the wrapper treats specially.
  static let pieces: [String] = [
    "a", "word", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}",
    "\u{AD}", "é", "e\u{301}", " \u{301}", "Xocalı", "Ходжалы", "叶", "😀", "👩‍👩‍👧", "🇦🇿", "©\u{FE0F}",
    "\u{200B}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}",
    "\u{202E}", "\u{202F}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{206A}", "\u{FFFE}", "“", "—", "…",
    "*", "_", "#", "-", "1.", "[x]", "<b>", "&", "\\", "`", "|", "!",
  ]

  /// Deterministic strings of up to `length` pieces.
  static func strings(count: Int, length: Int, seed: UInt64) -> [String] {
    strings(of: pieces, count: count, length: length, seed: seed)
  }

  /// Deterministic strings of up to `length` of the given pieces.
  static func strings(of pieces: [String], count: Int, length: Int, seed: UInt64) -> [String] {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    return (0..<count).map { _ in (0..<next(length + 1)).map { _ in pieces[next(pieces.count)] }.joined() }
  }

  @Test func sanitizerShortcutGivesTheCharacterBytes() {
    for text in Self.pieces + Self.strings(count: 3000, length: 8, seed: 11) {
      for ascii in [false, true] {
        var fast = ChronologySanitizer(ascii: ascii, markdown: false)
        var slow = ChronologySanitizer(ascii: ascii, markdown: false)
        var fastBytes: [UInt8] = []
        var slowBytes: [UInt8] = []
        fast.append(text, to: &fastBytes)
        slow.appendSlowly(text, to: &slowBytes)
        #expect(fastBytes == slowBytes, "\(Array(text.unicodeScalars)) ascii \(ascii)")
      }
    }
  }

  /// In Markdown an ASCII character that a combining mark follows is not escaped
  /// (it is not a character of its own): the shortcut must leave such text alone.
  @Test func markdownTextWithSignificantCharactersTakesTheCharacterPath() {
    var sanitizer = ChronologySanitizer(ascii: false, markdown: true)
    #expect(sanitizer.sanitized("a *\u{301} b é") == "a *\u{301} b é")
    #expect(sanitizer.sanitized("a * b é") == "a \\* b é")
    #expect(sanitizer.sanitized("é\u{202E}x") == "é\u{202E}x\u{202C}")
  }

  @Test func oneLineShortcutGivesTheWrappedBytes() {
    let texts = Self.strings(count: 3000, length: 10, seed: 5) + ["", " ", "a", "a b", "a  b", " a", "a ", "a\nb"]
    for (offset, text) in texts.enumerated() {
      let width = [0, 1, 8, 20, 40, 80][offset % 6]
      for markdown in [false, true] {
        let wrapper = TextWrapper(width: width, keepsBlockMarkersInline: markdown)
        var fast: [UInt8] = []
        wrapper.wrap(Array(text.utf8), prefix: Array("  - ".utf8), indent: Array("    ".utf8), into: &fast)
        var slow: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { bytes in
          wrapper.wrapWords(bytes, prefix: Array("  - ".utf8), indent: Array("    ".utf8), into: &slow)
        }
        #expect(fast == slow, "\(Array(text.unicodeScalars)) width \(width) markdown \(markdown)")
      }
    }
  }

  /// Without block markers, placing words one by one (lines copied in one piece) and
  /// gathering them in units (Markdown) give the same lines.
  @Test func wordsAndUnitsAreWrappedAlike() {
    let markers = Set("-+=*#>|~`_0123456789".utf8)
    let texts = Self.strings(count: 4000, length: 14, seed: 9).filter { text in
      !text.split(separator: " ").contains { word in word.utf8.first.map(markers.contains) ?? false }
        && !text.split(separator: "\n").contains { word in word.utf8.first.map(markers.contains) ?? false }
    }
    #expect(texts.count > 500)
    for (offset, text) in texts.enumerated() {
      let width = [0, 1, 6, 12, 20, 33][offset % 6]
      var words: [UInt8] = []
      var units: [UInt8] = []
      Array(text.utf8).withUnsafeBufferPointer { bytes in
        TextWrapper(width: width).wrapWords(bytes, prefix: Array("  ".utf8), indent: Array("    ".utf8), into: &words)
        TextWrapper(width: width, keepsBlockMarkersInline: true)
          .wrapWords(bytes, prefix: Array("  ".utf8), indent: Array("    ".utf8), into: &units)
      }
      #expect(words == units, "\(Array(text.unicodeScalars)) width \(width)")
    }
  }

  @Test func noCharacterTakesMoreColumnsThanBytes() {
    for text in Self.pieces + Self.strings(count: 500, length: 4, seed: 3) {
      #expect(TextWrapper.columns(of: text) <= text.utf8.count, "\(Array(text.unicodeScalars))")
    }
  }

  @Test func notesAreNumberedByFirstUse() {
    var notes = ChronologyNotes()
    notes.reserveCapacity(4)
    let citations = [
      Citation(document: "a"), Citation(document: "a", locator: "p. 1"), Citation(document: "a", locator: ""),
      Citation(document: "b"), Citation(document: "a", locator: "p. 1"), Citation(document: "b", quote: "q"),
    ] + (0..<50).map { Citation(document: "d\($0 % 20)", locator: $0 % 3 == 0 ? nil : "l\($0 % 7)") }
    var expected: [ChronologyNotes.Key: Int] = [:]
    var order: [ChronologyNotes.Key] = []
    for citation in citations {
      let key = ChronologyNotes.Key(document: citation.document, locator: citation.locator.flatMap { $0.isEmpty ? nil : $0 })
      if expected[key] == nil {
        order.append(key)
        expected[key] = order.count
      }
      #expect(notes.number(for: citation) == expected[key])
    }
    #expect(notes.keys == order)
    #expect(notes.number(for: Citation(document: "a")) == 1)
  }
}
