/// Wraps paragraphs to a width with a hanging indent, writing UTF-8 bytes.
///
///     var output: [UInt8] = []
///     TextWrapper(width: 20).wrap("Assault on and capture of the town", prefix: "  ", indent: "    ", into: &output)
///     // "  Assault on and\n    capture of the\n    town\n"
///
/// Lines break only at spaces (U+0020); runs of spaces count as one, and a line feed
/// in the text forces a break (blank lines collapse). Words are never split: a word
/// wider than the line stays whole on a line of its own. Widths are counted in
/// terminal columns: combining marks and format characters take none, East Asian
/// wide and emoji characters take two, everything else one. No line ends in spaces.
struct TextWrapper: Sendable {
  /// The number of columns; zero or less means no wrapping.
  var width: Int
  /// Whether a word that would start a Markdown block at the start of a line
  /// (`-`, `+`, `=`, `*`, `#`, `>`, `|`, `~`, `` ` ``, `_`, `1.`, `1)`) stays on the line before.
  var keepsBlockMarkersInline: Bool

  init(width: Int, keepsBlockMarkersInline: Bool = false) {
    self.width = width
    self.keepsBlockMarkersInline = keepsBlockMarkersInline
  }

  /// Writes `text` as one paragraph: the first line starts with `prefix`, the
  /// following ones with `indent`; ends with a line feed.
  ///
  /// `prefix` and `indent` must be ASCII (their byte counts are their widths).
  func wrap(_ text: String, prefix: String, indent: String, into output: inout [UInt8]) {
    wrap(Array(text.utf8), prefix: Array(prefix.utf8), indent: Array(indent.utf8), into: &output)
  }

  /// Writes UTF-8 `text` as one paragraph, as the `String` overload does.
  func wrap(_ text: [UInt8], prefix: [UInt8], indent: [UInt8], into output: inout [UInt8]) {
    text.withUnsafeBufferPointer { bytes in
      prefix.withUnsafeBufferPointer { prefix in
        indent.withUnsafeBufferPointer { indent in
          wrap(bytes, prefix: prefix, indent: indent, into: &output)
        }
      }
    }
  }

  /// Writes UTF-8 `bytes` as one paragraph, as the `String` overload does: a paragraph
  /// that fits on one line as it is is copied whole; others are wrapped word by word
  /// (where every byte is below 0x80, a word's bytes are its columns).
  func wrap(
    _ bytes: UnsafeBufferPointer<UInt8>, prefix: UnsafeBufferPointer<UInt8>, indent: UnsafeBufferPointer<UInt8>,
    into output: inout [UInt8]
  ) {
    let lineFeed = UInt8(ascii: "\n")
    let shape = Self.shape(of: bytes, after: prefix.count, width: width)
    if shape.fitsOneLine {
      output.append(contentsOf: prefix)
      output.append(contentsOf: bytes)
      output.append(lineFeed)
      return
    }
    wrapWords(bytes, prefix: prefix, indent: indent, ascii: shape.ascii, into: &output)
  }

  /// ``wrap(_:prefix:indent:into:)`` word by word, without its one-line shortcut.
  func wrapWords(_ bytes: UnsafeBufferPointer<UInt8>, prefix: [UInt8], indent: [UInt8], into output: inout [UInt8]) {
    prefix.withUnsafeBufferPointer { prefix in
      indent.withUnsafeBufferPointer { indent in
        wrapWords(bytes, prefix: prefix, indent: indent, ascii: false, into: &output)
      }
    }
  }

  /// ``wrap(_:prefix:indent:into:)`` word by word; `ascii` says that every byte of
  /// `bytes` is below 0x80, so that a word takes as many columns as it has bytes (as
  /// ``columns(of:)-(UnsafeBufferPointer<UInt8>)`` counts them).
  func wrapWords(
    _ bytes: UnsafeBufferPointer<UInt8>, prefix: UnsafeBufferPointer<UInt8>, indent: UnsafeBufferPointer<UInt8>,
    ascii: Bool, into output: inout [UInt8]
  ) {
    let space = UInt8(ascii: " ")
    let lineFeed = UInt8(ascii: "\n")
    var state = LineState(prefix: prefix, indent: indent)
    // The words of the unit being gathered: a word plus the block markers kept with it.
    var unit: [Range<Int>] = []
    var unitWidth = 0

    func flush() {
      guard !unit.isEmpty else { return }
      place(unit, width: unitWidth, of: bytes, state: &state, into: &output)
      unit.removeAll(keepingCapacity: true)
      unitWidth = 0
    }
    // Without units, the words placed on the current line and not yet copied: the
    // bytes pending..<pendingEnd of the text, words apart by single spaces as they
    // are to be written, so that a line is copied in one piece.
    var pending = 0
    var pendingEnd = 0
    func copyPending() {
      guard pendingEnd > pending else { return }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<pendingEnd]))
      pending = pendingEnd
    }

    var position = 0
    while position < bytes.count {
      let byte = bytes[position]
      if byte == space {
        position += 1
        continue
      }
      if byte == lineFeed {
        flush()
        copyPending()
        state.breakLine(into: &output)
        position += 1
        continue
      }
      var end = position
      while end < bytes.count, bytes[end] != space, bytes[end] != lineFeed { end += 1 }
      let word = position..<end
      let wordWidth = ascii ? word.count : Self.columns(of: UnsafeBufferPointer(rebasing: bytes[word]))
      if !keepsBlockMarkersInline {
        // Every word is a unit of its own: placed as place(_:width:of:state:into:)
        // places a unit, its bytes copied with the rest of its line.
        if state.hasWord, width > 0, state.column + 1 + wordWidth > width {
          copyPending()
          state.breakLine(into: &output)
        }
        if !state.hasWord {
          state.beginWord(into: &output)  // the prefix or indent
          pending = position
        } else if pendingEnd > pending, position == pendingEnd + 1 {
          state.column += 1  // the single space before the word, copied with it
        } else {
          copyPending()
          output.append(space)
          state.column += 1
          pending = position
        }
        pendingEnd = end
        state.column += wordWidth
        position = end
        continue
      }
      if !unit.isEmpty, !(keepsBlockMarkersInline && Self.startsBlock(UnsafeBufferPointer(rebasing: bytes[word]))) {
        flush()
      }
      unitWidth += unit.isEmpty ? wordWidth : 1 + wordWidth
      unit.append(word)
      position = end
    }
    flush()
    copyPending()
    state.finish(into: &output)
  }

  /// Whether a paragraph is written as it is, on one line after a prefix of
  /// `prefixCount` columns: it has words, no line feed, no space at either end or next
  /// to another, and it fits even if each of its bytes took a column (no character
  /// takes more columns than it has bytes).
  static func fitsOneLine(_ bytes: UnsafeBufferPointer<UInt8>, after prefixCount: Int, width: Int) -> Bool {
    shape(of: bytes, after: prefixCount, width: width).fitsOneLine
  }

  /// Whether a paragraph fits on one line as it is (``fitsOneLine(_:after:width:)``),
  /// and whether all its bytes are below 0x80; one pass over the bytes.
  static func shape(
    of bytes: UnsafeBufferPointer<UInt8>, after prefixCount: Int, width: Int
  ) -> (fitsOneLine: Bool, ascii: Bool) {
    let space = UInt8(ascii: " ")
    var breaks = false
    var high: UInt8 = 0
    var previous: UInt8 = 0
    var start = 0
    #if _endian(little)
      // Eight bytes at a time: a line feed, a space after a space, a byte of 0x80 or more.
      if let base = bytes.baseAddress, bytes.count >= 8 {
        var words: UInt64 = 0
        var carry: UInt64 = 0  // the high bit of the previous word's last byte, if a space
        while start + 8 <= bytes.count {
          let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
          let spaces = Self.bytesEqual(word, space)
          if Self.bytesEqual(word, UInt8(ascii: "\n")) != 0 || spaces & (spaces << 8 | carry) != 0 { breaks = true }
          carry = spaces >> 56
          words |= word
          start += 8
        }
        for shift in stride(from: 0, to: 64, by: 8) { high |= UInt8(truncatingIfNeeded: words >> UInt64(shift)) }
        previous = bytes[start - 1]
      }
    #endif
    for byte in UnsafeBufferPointer(rebasing: bytes[start...]) {
      if byte == UInt8(ascii: "\n") || (byte == space && previous == space) { breaks = true }
      high |= byte
      previous = byte
    }
    let ascii = high < 0x80
    guard let first = bytes.first, let last = bytes.last, first != space, last != space, !breaks else { return (false, ascii) }
    if width > 0, prefixCount + bytes.count > width { return (false, ascii) }
    return (true, ascii)
  }

  /// The high bit of each byte of `word` equal to `byte`, the other bits clear.
  @inline(__always)
  static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let difference = word ^ (ones &* UInt64(byte))
    // A byte's high bit is set when the byte is not zero; no carry crosses a byte.
    return ~(((difference & low) &+ low) | difference) & ~low
  }

  private func place(
    _ unit: [Range<Int>], width unitWidth: Int, of bytes: UnsafeBufferPointer<UInt8>, state: inout LineState,
    into output: inout [UInt8]
  ) {
    if state.hasWord, width > 0, state.column + 1 + unitWidth > width {
      state.breakLine(into: &output)
    }
    state.beginWord(into: &output)
    for (offset, word) in unit.enumerated() {
      if offset > 0 { output.append(UInt8(ascii: " ")) }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
    }
    state.column += unitWidth
  }

  /// The current line: its pending prefix is written only when a word comes, so no
  /// line ends in the spaces of an indent.
  private struct LineState {
    let prefix: UnsafeBufferPointer<UInt8>
    let indent: UnsafeBufferPointer<UInt8>
    var isFirstLine = true
    var hasWord = false
    var wroteAnything = false
    var column = 0

    init(prefix: UnsafeBufferPointer<UInt8>, indent: UnsafeBufferPointer<UInt8>) {
      self.prefix = prefix
      self.indent = indent
    }

    mutating func beginWord(into output: inout [UInt8]) {
      if hasWord {
        output.append(UInt8(ascii: " "))
        column += 1
        return
      }
      let lead = isFirstLine ? prefix : indent
      output.append(contentsOf: lead)
      column = lead.count
      hasWord = true
      wroteAnything = true
    }

    /// Ends the current line if it has words; a break with nothing before it is dropped.
    mutating func breakLine(into output: inout [UInt8]) {
      guard hasWord else { return }
      output.append(UInt8(ascii: "\n"))
      isFirstLine = false
      hasWord = false
      column = 0
    }

    mutating func finish(into output: inout [UInt8]) {
      if !wroteAnything {
        // An empty paragraph still shows its marker (`-`), without trailing spaces.
        var end = prefix.count
        while end > 0, prefix[end - 1] == UInt8(ascii: " ") { end -= 1 }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: prefix[..<end]))
        output.append(UInt8(ascii: "\n"))
      } else if hasWord {
        output.append(UInt8(ascii: "\n"))
      }
    }
  }

  // MARK: Markdown block markers

  /// Whether the word, at the start of a line, could open a Markdown block: a list
  /// item, heading, quotation, table row, fence, setext underline or thematic break.
  static func startsBlock(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = word.first else { return false }
    switch first {
    case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "*"), UInt8(ascii: "#"),
      UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "_"):
      return true
    default:
      var digits = 0
      while digits < word.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(word[digits]) { digits += 1 }
      guard digits > 0, digits < word.count else { return false }
      return word[digits] == UInt8(ascii: ".") || word[digits] == UInt8(ascii: ")")
    }
  }

  // MARK: Columns

  /// The terminal columns a UTF-8 word takes.
  static func columns(of word: UnsafeBufferPointer<UInt8>) -> Int {
    if word.allSatisfy({ $0 < 0x80 }) { return word.count }
    if let columns = latinColumns(of: word) { return columns }
    var total = 0
    for character in String(decoding: word, as: UTF8.self) { total += columns(of: character) }
    return total
  }

  /// The columns of a word whose characters are all below U+0300 (its bytes are all
  /// below 0xCC) or in U+2010–U+2027 (dashes, quotation marks,
  /// bullet, ellipsis: E2 80 90–A7); nil for any other word. There no character joins
  /// the next one, none is wide or an emoji shown as such, and only the controls (C0,
  /// DEL, C1) and the soft hyphen (a format character) take no column; so counting
  /// characters one by one, without grapheme breaking, gives what
  /// ``columns(of:)-(Character)`` gives.
  private static func latinColumns(of word: UnsafeBufferPointer<UInt8>) -> Int? {
    var total = 0
    var position = 0
    while position < word.count {
      let byte = word[position]
      if byte < 0x80 {
        if byte >= 0x20 && byte != 0x7F { total += 1 }
        position += 1
      } else if byte < 0xCC {
        // A two-byte sequence C2–CB xx: U+0080–U+02FF.
        let next: UInt8 = position + 1 < word.count ? word[position + 1] : 0
        if !(byte == 0xC2 && (next < 0xA0 || next == 0xAD)) { total += 1 }
        position += 2
      } else if byte == 0xE2, position + 2 < word.count, word[position + 1] == 0x80,
        (0x90...0xA7).contains(word[position + 2])
      {
        total += 1
        position += 3
      } else {
        return nil
      }
    }
    return total
  }

  /// The terminal columns a string takes, counted as for a word.
  static func columns(of text: String) -> Int {
    var text = text
    return text.withUTF8 { columns(of: $0) }
  }

  /// The terminal columns one character takes: 0, 1 or 2.
  static func columns(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let value = first.value
    if value < 0x80 { return value < 0x20 || value == 0x7F ? 0 : 1 }
    let properties = first.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
      return 0
    default:
      break
    }
    if properties.isEmojiPresentation || isWide(value) { return 2 }
    if properties.isEmoji, character.unicodeScalars.contains("\u{FE0F}") { return 2 }
    return 1
  }

  // East Asian Wide and Fullwidth blocks (UAX #11), approximately.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
