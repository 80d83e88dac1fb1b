import Foundation
import Testing
@testable import Chronicle

/// Fields of ASCII and Latin letters are folded byte by byte through a table; the
/// answers must be Foundation's, whatever the text.
struct TextMatcherTests {
  /// Foundation's answer: fold both, then look.
  private func expected(_ field: String, _ needle: String) -> Bool {
    let folded = TextMatcher.folded(needle)
    return !folded.isEmpty && TextMatcher.folded(field).contains(folded)
  }

  @Test func latinFieldsAreFoldedAsFoundationFoldsThem() {
    let cases: [(String, String)] = [
      ("Xocalı", "xocali"), ("Şutsk District", "sutsk"), ("Arçibad", "ARCIB"), ("Ahmed Müller", "muller"),
      ("Straße", "strasse"), ("Straße", "straße"), ("Œuvre", "oe"), ("Łódź", "lodz"), ("Æther", "ae"),
      ("café", "cafe"), ("cafe\u{301}", "cafe"), ("Ǆemal", "dz"), ("ĳssel", "ij"), ("naïve × 2", "x 2"),
      ("Ĳ", "ij"), ("Ø", "o"), ("Đakovo", "dakovo"), ("Ħal", "hal"), ("Ŀ", "l"), ("ŉ", "n"),
    ]
    // The table answers for Latin letters (Foundation is asked only for the rest).
    #expect(TextMatcher.latinContains("Şutsk District", Array("sutsk".utf8)) == true)
    #expect(TextMatcher.latinContains("Arçibad", Array("rci".utf8)) == true)
    #expect(TextMatcher.latinContains("cafe\u{301}", Array("cafe".utf8)) == nil)
    #expect(TextMatcher.latinContains("Жемал", Array("a".utf8)) == nil)
    for (field, needle) in cases {
      #expect(TextMatcher(needle).matches(field) == expected(field, needle), "\(field) / \(needle)")
    }
  }

  /// Random fields over ASCII, every Latin letter of the table and a few others
  /// (combining marks, Cyrillic, an emoji); random needles cut from the folded field.
  @Test func randomLatinTextAgreesWithFoundation() {
    var generator = SystemRandomNumberGenerator()
    let pool: [Unicode.Scalar] = (0x20...0x7E).compactMap(Unicode.Scalar.init)
      + (0xC0...0x24F).compactMap(Unicode.Scalar.init)
      + [0x301, 0x308, 0x416, 0x1F600, 0xDF, 0x130].compactMap(Unicode.Scalar.init)
    for _ in 0..<3_000 {
      var field = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...12, using: &generator) {
        field.append(pool.randomElement(using: &generator)!)
      }
      let text = String(field)
      let folded = Array(TextMatcher.folded(text))
      var needle = "a"
      if !folded.isEmpty, Bool.random(using: &generator) {
        let start = Int.random(in: 0..<folded.count, using: &generator)
        let end = Int.random(in: start...min(folded.count, start + 3), using: &generator)
        needle = String(folded[start..<end])
      } else {
        needle = String(pool.randomElement(using: &generator)!)
      }
      #expect(TextMatcher(needle).matches(text) == expected(text, needle), "\(text.unicodeScalars.map { $0.value }) / \(needle)")
    }
  }
}
