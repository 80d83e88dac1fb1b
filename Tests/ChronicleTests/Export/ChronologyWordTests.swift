import Foundation
import Testing

@testable import Chronicle

/// The wrapper's and the renderer's byte-level shortcuts agree with the general
/// paths: a paragraph's shape read eight bytes at a time, the columns of words with
/// dashes and quotation marks, and the search for "uncertain" in a date's description.
struct ChronologyWordTests {
  /// Pieces of words: ASCII, Latin letters, general punctuation (U+2010–U+2027) and its
  /// neighbours, combining marks, joiners, wide characters and emoji. (No ASCII
  /// control: the sanitizer replaces them before a word is wrapped, and an ASCII word's
  /// bytes are its columns.)
  private static let pieces: [String] = [
    "a", "Z", "9", ".", "é", "e\u{301}", "ı", "ß", "\u{A0}", "\u{AD}", "\u{85}", "\u{2010}", "\u{2013}", "\u{2014}",
    "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2026}", "\u{2027}", "\u{2028}", "\u{200B}",
    "\u{200D}", "\u{200F}", "\u{202F}", "\u{2030}", "\u{203C}", "\u{2049}", "\u{301}", "\u{FE0F}", "叶", "😀",
    "👩‍👩‍👧", "🇦🇿", "©\u{FE0F}", "\u{2013}\u{301}",
  ]

  @Test func wordColumnsAreTheCharactersColumns() {
    for word in Self.pieces + ChronologyFastPathTests.strings(of: Self.pieces, count: 4000, length: 6, seed: 5) {
      let expected = word.reduce(0) { $0 + TextWrapper.columns(of: $1) }
      #expect(TextWrapper.columns(of: word) == expected, "\(Array(word.unicodeScalars))")
    }
  }

  /// ``TextWrapper/shape(of:after:width:)`` as it is defined, one byte at a time.
  private static func referenceShape(_ bytes: [UInt8], after prefix: Int, width: Int) -> (fitsOneLine: Bool, ascii: Bool) {
    let space = UInt8(ascii: " ")
    let ascii = bytes.allSatisfy { $0 < 0x80 }
    let breaks = bytes.contains(UInt8(ascii: "\n")) || zip(bytes, bytes.dropFirst()).contains { $0 == space && $1 == space }
    guard let first = bytes.first, let last = bytes.last, first != space, last != space, !breaks else { return (false, ascii) }
    return (width <= 0 || prefix + bytes.count <= width, ascii)
  }

  /// Every length up to 40 and every position of the bytes that matter, including a
  /// pair of spaces across two eight-byte words.
  @Test func shapeReadEightBytesAtATimeIsTheBytewiseShape() {
    var state: UInt64 = 17
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    let alphabet: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: " "), UInt8(ascii: "\n"), 0xC3, 0xA9, 0x80, 0xFF, 0x7F, 0x0A ^ 0x80,
                             0x20 ^ 0x80, 0x21, 0x1F, 0x00]
    var texts: [[UInt8]] = []
    for length in 0...40 {
      for _ in 0..<60 { texts.append((0..<length).map { _ in next(4) == 0 ? alphabet[next(alphabet.count)] : UInt8(ascii: "x") }) }
      for position in 0..<max(0, length - 1) {
        var text = [UInt8](repeating: UInt8(ascii: "b"), count: length)
        text[position] = UInt8(ascii: " ")
        text[position + 1] = UInt8(ascii: " ")
        texts.append(text)
        text[position + 1] = UInt8(ascii: "\n")
        texts.append(text)
        text[position + 1] = 0x80
        texts.append(text)
      }
    }
    for text in texts {
      for width in [0, 8, 30] {
        let shape = text.withUnsafeBufferPointer { TextWrapper.shape(of: $0, after: 2, width: width) }
        let expected = Self.referenceShape(text, after: 2, width: width)
        #expect(shape == expected, "\(text) width \(width)")
      }
    }
  }

  @Test func uncertainIsFoundAsFoundationFindsIt() throws {
    let dates = ["1984?", "2004?-06-~11", "1984?/2004~", "1991-24?", "1992-02-25/1992-02-26?", "../1993?", "1990~",
                 "2004-06?", "-0043?", "1992-02-25%"]
    var texts = try dates.flatMap { text -> [String] in
      let date = try EDTFDate(text)
      return [date.humanDescription(ascii: false), date.humanDescription(ascii: true)]
    }
    texts += ["uncertain", "uncertai", "un certain", "(uncertain)", "–uncertain–", "uncertaiñ", "uncertain\u{301}",
              "é uncertain", "ＵＮＣＥＲＴＡＩＮ", "", "UNCERTAIN", "year uncertain, day"]
    for text in texts {
      #expect(ChronologyRenderer.saysUncertain(text) == text.contains("uncertain"), "\(Array(text.unicodeScalars))")
    }
  }

  /// Dates copied from those written lately give the bytes of dates described each
  /// time, on one thread and on two, in every layout.
  @Test func copiedDatesAreTheDescribedDates() throws {
    let graphs = [try ChronologyHostileParallelTests.hostileGraph(seed: 8), try TimelineGenerator(events: 300, seed: 5).graph()]
    let layouts = [ChronologyOptions(), ChronologyOptions(width: 20, ascii: true), ChronologyOptions(format: .markdown)]
    for graph in graphs {
      for options in layouts {
        for threshold in [Int.max, -1] {
          var described = ChronologyRenderer(graph: graph, options: options)
          described.cachesDates = false
          described.parallelEntries = threshold
          var copied = ChronologyRenderer(graph: graph, options: options)
          copied.parallelEntries = threshold
          copied.blockEntries = 7
          let same = copied.render() == described.render()
          #expect(same, "\(options), threshold \(threshold)")
        }
      }
    }
  }
}
