/// Text for a DOT label or tooltip, as lines of user or Chronicle text; ``DOTWriter``
/// substitutes control characters, wraps, escapes and quotes it.
///
///     var label = DOTText(width: 32)
///     label.append(entity.label)                    // wrapped at spaces
///     label.append("25–26 February 1992")
///     writer.quoted(label)  // "Assault on and capture of\nKhojaly\n25–26 February 1992"
///
/// Each appended string starts a new line and may itself become several lines: it
/// wraps at spaces (U+0020) once a line would pass `width` characters, and its line
/// breaks (LF, CR, CRLF, U+2028, U+2029) become line breaks of the label. Joining a
/// string's lines with single spaces gives the string back.
///
/// A label shows at most ``maximumLines`` lines' worth of each wrapped string: at most
/// `maximumLines × width` characters and `maximumLines` of its own lines. A longer
/// string is cut and ends with `…`; the exporter puts the whole text in the tooltip
/// (and JSON and the chronologies keep it whole). Without the cut, a title of
/// thousands of lines makes a node taller than Graphviz can draw.
///
/// The noncharacters U+FFFE and U+FFFF become U+FFFD `�` as they are appended: XML
/// cannot hold them, and Graphviz would copy them into an SVG that then is not XML.
/// (``DOTWriter`` substitutes the control characters.)
struct DOTText: Sendable {
  /// Which Graphviz attribute the text is for; they decode backslashes differently.
  enum Escaping: Sendable {
    /// A `label` (escString read once, then `\n`, `\l`, `\r` and entities).
    case label
    /// A `tooltip`, whose backslashes Graphviz reads twice.
    case tooltip
  }

  /// How the lines of a label are aligned.
  enum Justification: Sendable {
    /// Centred lines (`\n`).
    case center
    /// Left-aligned lines (`\l`).
    case left
  }

  struct Line: Sendable {
    var text: String
    var wraps: Bool
  }

  /// The lines, in order.
  private(set) var lines: [Line] = []
  /// The strings shown cut, whole, each with the name it was appended under (`title`,
  /// `role`…), for the tooltip (see ``appendWhole(of:)``).
  private(set) var cutTexts: [(name: String?, text: String)] = []
  /// The longest line, in characters, before a line wraps.
  var width: Int
  var escaping: Escaping
  var justification: Justification

  init(width: Int, escaping: Escaping = .label, justification: Justification = .center) {
    self.width = max(1, width)
    self.escaping = escaping
    self.justification = justification
  }

  /// The most lines' worth of one string a label shows (see ``cut(_:width:)``).
  static let maximumLines = 8

  /// Adds a string that wraps at spaces, cut with `…` when it is longer than a label
  /// shows; a cut string is kept whole in ``cutTexts`` under `name`.
  mutating func append(_ text: String, name: String? = nil) {
    if let shown = Self.cut(text, width: width) {
      cutTexts.append((name, text))
      lines.append(Line(text: Self.xmlCharacters(shown), wraps: true))
    } else {
      lines.append(Line(text: Self.xmlCharacters(text), wraps: true))
    }
  }

  /// Adds, one line each, the whole text of every string `label` shows cut: `name: text`
  /// (or the text alone when it has no name), so that a tooltip holds what a label cut.
  mutating func appendWhole(of label: DOTText) {
    for (name, text) in label.cutTexts { appendUnwrapped(name.map { $0 + ": " + text } ?? text) }
  }

  /// `text` cut to what a label of lines of `width` characters shows, ending with `…`:
  /// at most `maximumLines × width` characters (and 4 × as many Unicode scalars) and
  /// `maximumLines` lines of its own (LF, CR, CRLF, U+2028, U+2029 end a line). Nil
  /// when the text is shown whole.
  static func cut(_ text: String, width: Int) -> String? {
    let budget = max(1, min(width, 100_000)) * maximumLines
    // Few bytes mean few characters; then only line breaks, counted in the bytes, can
    // make it too long, and most labels need no walk through their characters at all.
    if text.utf8.count <= budget {
      let breaks = text.utf8.withContiguousStorageIfAvailable(lineBreakCount) ?? Array(text.utf8).withUnsafeBufferPointer(lineBreakCount)
      if breaks < maximumLines { return nil }
    }
    var characters = 0
    var scalars = 0
    var breaks = 0
    var end = text.startIndex
    for index in text.indices {
      let character = text[index]
      if character.isNewline, character != "\u{85}", character != "\u{0B}", character != "\u{0C}" { breaks += 1 }
      characters += 1
      scalars += character.unicodeScalars.count
      // Scalars are bounded too: one character may carry thousands of combining marks.
      if characters > budget || scalars > 4 * budget || breaks >= maximumLines {
        var kept = text[..<end]
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
      }
      end = text.index(after: index)
    }
    return nil
  }

  /// The line breaks in UTF-8 text: LF, CR, CRLF (once), U+2028 and U+2029.
  static func lineBreakCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // Eight bytes at a time up to the first that could begin a break (LF, CR, or the
    // E2 that leads U+2028 and U+2029; most labels have none): no break sequence
    // starts before it, so the count goes on from there as from the start.
    var start = 0
    #if _endian(little)
      if let base = bytes.baseAddress {
        while start + 8 <= bytes.count {
          let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
          let candidates =
            TextWrapper.bytesEqual(word, 0x0A) | TextWrapper.bytesEqual(word, 0x0D) | TextWrapper.bytesEqual(word, 0xE2)
          if candidates != 0 { break }
          start += 8
        }
      }
    #endif
    var count = 0
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in UnsafeBufferPointer(rebasing: bytes[start...]) {
      if byte == 0x0D || (byte == 0x0A && previous != 0x0D)
        || ((byte == 0xA8 || byte == 0xA9) && previous == 0x80 && beforePrevious == 0xE2)
      {
        count += 1
      }
      beforePrevious = previous
      previous = byte
    }
    return count
  }

  /// Adds a string that stays on one line (its own line breaks still break it).
  mutating func appendUnwrapped(_ text: String) {
    lines.append(Line(text: Self.xmlCharacters(text), wraps: false))
  }

  var isEmpty: Bool { lines.isEmpty }

  /// `text` with U+FFFE and U+FFFF, which are not XML characters, replaced by U+FFFD.
  static func xmlCharacters(_ text: String) -> String {
    // Both are EF BF BE / EF BF BF in UTF-8; most text has no 0xBF byte at all.
    let hasByteBF = text.utf8.withContiguousStorageIfAvailable { $0.contains(0xBF) } ?? text.utf8.contains(0xBF)
    guard hasByteBF,
      text.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF })
    else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      scalars.append(scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : scalar)
    }
    return String(scalars)
  }
}
