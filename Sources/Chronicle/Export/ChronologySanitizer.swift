/// Makes user text (titles, names, roles, locators, figures) safe to print in a
/// chronology, keeping it exact wherever it is safe.
///
///     var sanitizer = ChronologySanitizer(ascii: false, markdown: true)
///     var line: [UInt8] = []
///     sanitizer.append("[x](javascript:alert(1))", to: &line)  // \[x\](javascript:alert(1))
///
/// The rules, in order:
/// 1. Controls never pass: CR and CRLF become LF; LF, U+2028 and U+2029 are line
///    breaks (kept in text, a space in Markdown, where a line break renders as one);
///    TAB is a space; every other C0 control, DEL and every C1 control (NUL, BEL,
///    ESC…) becomes U+FFFD, or `?` in ASCII mode.
/// 2. Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are kept, as data, but
///    an embedding, override or isolate left open is closed (U+202C, U+2069) at the
///    end of the string and before a line break, so it cannot reorder the labels and
///    note numbers printed around it.
/// 3. In ASCII mode: dashes and the minus sign become `-`; single curly quotes and
///    primes `'`; double ones and guillemets `"`; `…` `...`; `⚠` `!`; `•` `*`; `×` `x`;
///    `№` `No.`; other spaces a space; format characters (zero-width and bidirectional
///    controls, soft hyphen) and combining marks are dropped; a Latin letter loses its
///    diacritics by its Unicode name (`ç` → `c`, `ı` → `i`, `ə` → `a`, `ß` → `ss`,
///    `æ` → `ae`, `þ` → `th`); anything else (other scripts, emoji) becomes one `?`
///    per character. Names stay readable where they are written in Latin letters.
/// 4. In Markdown: `\` `` ` `` `*` `_` `[` `]` `<` `>` `#` `|` `!` `~` `&` `$` are
///    backslash-escaped everywhere, and a string starting with `-`, `+`, `=` or with
///    digits followed by `.` or `)` has that character escaped, so no user string can
///    open a link, image, HTML tag, heading, list, table, footnote or emphasis.
struct ChronologySanitizer: Sendable {
  let ascii: Bool
  let markdown: Bool
  private var folded: [Character: String] = [:]
  private var openBidi: [BidiOpener] = []

  private enum BidiOpener {
    case embedding
    case isolate
  }

  init(ascii: Bool, markdown: Bool) {
    self.ascii = ascii
    self.markdown = markdown
  }

  /// The sanitized text, on its own.
  mutating func sanitized(_ text: String) -> String {
    var result: [UInt8] = []
    append(text, to: &result)
    return String(decoding: result, as: UTF8.self)
  }

  /// Appends the sanitized text to `line`, as UTF-8.
  mutating func append(_ text: String, to line: inout [UInt8]) {
    let start = line.count
    var text = text
    let done = text.withUTF8 { bytes -> Bool in
      // Printable ASCII: nothing to replace, Markdown escaping aside.
      guard !bytes.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return false }
      if markdown && bytes.contains(where: Self.isMarkdownSignificant) {
        for byte in bytes { appendASCII(byte, to: &line) }
      } else {
        line.append(contentsOf: bytes)
      }
      return true
    }
    if !done, !appendUnicode(text, to: &line) { appendSlowly(text, to: &line) }
    if markdown { escapeLeadingBlockMarker(in: &line, from: start) }
  }

  /// Appends text outside ASCII byte by byte when ``appendSlowly(_:to:)`` would copy it
  /// unchanged (UTF-8 mode, nothing Markdown escapes): no C0 control or DEL, no C1
  /// control (C2 80–9F), no line or paragraph separator and no bidirectional control
  /// (E2 80 A8–AE, E2 81 A6–A9). Returns false, having appended nothing, otherwise.
  /// Controls and separators are grapheme clusters of their own, so nothing this
  /// looks past would be seen by the character-by-character path either.
  private func appendUnicode(_ text: String, to line: inout [UInt8]) -> Bool {
    guard !ascii else { return false }
    var text = text
    return text.withUTF8 { bytes -> Bool in
      var position = 0
      while position < bytes.count {
        let byte = bytes[position]
        if byte < 0x20 || byte == 0x7F || (markdown && Self.isMarkdownSignificant(byte)) { return false }
        if byte == 0xC2, position + 1 < bytes.count, bytes[position + 1] < 0xA0 { return false }
        if byte == 0xE2, position + 2 < bytes.count {
          let second = bytes[position + 1]
          let third = bytes[position + 2]
          if second == 0x80, (0xA8...0xAE).contains(third) { return false }
          if second == 0x81, (0xA6...0xA9).contains(third) { return false }
        }
        position += 1
      }
      line.append(contentsOf: bytes)
      return true
    }
  }

  /// Appends text character by character (grapheme clusters), substituting, folding,
  /// escaping and closing bidirectional controls; the byte-level paths give the same
  /// bytes where they apply (tests compare them).
  mutating func appendSlowly(_ text: String, to line: inout [UInt8]) {
    openBidi.removeAll(keepingCapacity: true)
    for character in text {
      if let byte = character.asciiValue {
        // "\r\n" is one character whose ASCII value is LF.
        switch byte {
        case 0x0A, 0x0D: lineBreak(in: &line)
        case 0x09: line.append(UInt8(ascii: " "))
        case 0x00..<0x20, 0x7F: substitute(in: &line)
        default: appendASCII(byte, to: &line)
        }
        continue
      }
      guard let first = character.unicodeScalars.first else { continue }
      switch first.value {
      case 0x80...0x9F:
        substitute(in: &line)
      case 0x2028, 0x2029:
        lineBreak(in: &line)
      default:
        if ascii {
          for byte in fold(character).utf8 { appendASCII(byte, to: &line) }
        } else {
          trackBidi(first.value)
          line.append(contentsOf: character.utf8)
        }
      }
    }
    closeBidi(in: &line)
  }

  private func substitute(in line: inout [UInt8]) {
    if ascii {
      line.append(UInt8(ascii: "?"))
    } else {
      line.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
    }
  }

  private mutating func lineBreak(in line: inout [UInt8]) {
    closeBidi(in: &line)
    line.append(markdown ? UInt8(ascii: " ") : UInt8(ascii: "\n"))
  }

  private func appendASCII(_ byte: UInt8, to line: inout [UInt8]) {
    if markdown && Self.isMarkdownSignificant(byte) { line.append(UInt8(ascii: "\\")) }
    line.append(byte)
  }

  static func isMarkdownSignificant(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"),
      UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "$"):
      return true
    default:
      return false
    }
  }

  /// Escapes what would open a list item or setext heading were the string (from
  /// `start` on) to start a line; leading spaces do not count, as the wrapper drops them.
  private func escapeLeadingBlockMarker(in line: inout [UInt8], from start: Int) {
    var first = start
    while first < line.count, line[first] == UInt8(ascii: " ") { first += 1 }
    guard first < line.count else { return }
    let byte = line[first]
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=") {
      line.insert(UInt8(ascii: "\\"), at: first)
      return
    }
    var end = first
    while end < line.count, end - first < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) { end += 1 }
    guard end > first, end - first <= 9, end < line.count,
      line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")")
    else { return }
    line.insert(UInt8(ascii: "\\"), at: end)
  }

  // MARK: Bidirectional controls

  private mutating func trackBidi(_ value: UInt32) {
    switch value {
    case 0x202A, 0x202B, 0x202D, 0x202E:
      openBidi.append(.embedding)
    case 0x202C:
      if openBidi.last == .embedding { openBidi.removeLast() }
    case 0x2066, 0x2067, 0x2068:
      openBidi.append(.isolate)
    case 0x2069:
      // A pop isolate closes the embeddings opened inside the isolate as well.
      if let isolate = openBidi.lastIndex(of: .isolate) { openBidi.removeSubrange(isolate...) }
    default:
      break
    }
  }

  private mutating func closeBidi(in line: inout [UInt8]) {
    while let opener = openBidi.popLast() {
      // U+202C POP DIRECTIONAL FORMATTING, U+2069 POP DIRECTIONAL ISOLATE.
      line.append(contentsOf: opener == .embedding ? [0xE2, 0x80, 0xAC] : [0xE2, 0x81, 0xA9])
    }
  }

  // MARK: ASCII

  /// The ASCII for one non-ASCII character (see rule 3).
  private mutating func fold(_ character: Character) -> String {
    if let known = folded[character] { return known }
    let result = Self.asciiFolding(of: character)
    folded[character] = result
    return result
  }

  static func asciiFolding(of character: Character) -> String {
    guard let first = character.unicodeScalars.first else { return "" }
    if first.isASCII { return String(first) }  // a base letter with combining marks
    if let known = punctuation[first.value] { return known }
    let properties = first.properties
    switch properties.generalCategory {
    case .format, .nonspacingMark, .enclosingMark:
      return ""
    case .spaceSeparator:
      return " "
    default:
      return latinBase(of: first) ?? "?"
    }
  }

  private static let punctuation: [UInt32: String] = {
    var table: [UInt32: String] = [
      0x2026: "...", 0x26A0: "!", 0x2022: "*", 0x00D7: "x", 0x2116: "No.",
      0x00AB: "\"", 0x00BB: "\"", 0x2039: "'", 0x203A: "'", 0x02BC: "'",
    ]
    for dash: UInt32 in [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D] {
      table[dash] = "-"
    }
    for quote: UInt32 in [0x2018, 0x2019, 0x201A, 0x201B, 0x2032] { table[quote] = "'" }
    for quote: UInt32 in [0x201C, 0x201D, 0x201E, 0x201F, 0x2033] { table[quote] = "\"" }
    return table
  }()

  /// `LATIN SMALL LETTER C WITH CEDILLA` → `c`; nil for letters of other scripts.
  static func latinBase(of scalar: Unicode.Scalar) -> String? {
    guard let name = scalar.properties.name else { return nil }
    let forms: [(prefix: String, lowercase: Bool)] = [
      ("LATIN SMALL LETTER ", true), ("LATIN CAPITAL LETTER ", false),
      ("LATIN SMALL LIGATURE ", true), ("LATIN CAPITAL LIGATURE ", false),
    ]
    guard let form = forms.first(where: { name.hasPrefix($0.prefix) }) else { return nil }
    var letter = name.dropFirst(form.prefix.count)
    if let with = letter.range(of: " WITH ") { letter = letter[..<with.lowerBound] }
    let base: String
    switch letter {
    case "DOTLESS I": base = "I"
    case "DOTLESS J": base = "J"
    case "SHARP S": base = "SS"
    case "SCHWA": base = "A"  // Azerbaijani ə, written a in English (Məmmədov, Mammadov)
    case "THORN": base = "TH"
    case "ETH": base = "D"
    case "ENG": base = "NG"
    default:
      guard (1...2).contains(letter.count), letter.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
      base = String(letter)
    }
    return form.lowercase ? base.lowercased() : base
  }
}
