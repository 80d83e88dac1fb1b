/// Makes a diagnostic short and inert enough to print on a terminal:
/// - any run of text between two `'` or `"` marks (a value quoted from the input)
///   longer than ``quotedLimit`` characters keeps its first ``quotedLimit`` characters
///   and `…`; a path longer than ``pathLimit`` is cut the same way;
/// - the bidirectional embedding, override and isolate controls (U+202A–U+202E,
///   U+2066–U+2069), which would reorder the rest of the line, are written `\u{202E}`.
///   (Other control characters are replaced by ``DiagnosticFormatter``.)
///
/// ``Diagnostic/init(_:_:_:file:position:path:)`` applies it, so every diagnostic,
/// printed by the CLI or by a program using the library, is short and inert.
///
///     duplicate id 'xxxx…(10,000 x)…' (first defined at 2:10)   →   duplicate id 'xxx…x…' (first defined at 2:10)
enum DiagnosticShortening {
  /// The most characters kept of a quoted value.
  static let quotedLimit = 80
  /// The most characters kept of a path.
  static let pathLimit = 120

  /// A message with its quoted values shortened and its bidirectional controls escaped.
  static func message(_ text: String) -> String { escapedBidi(shortenedQuotes(text)) }

  /// A path cut to ``pathLimit`` characters, its bidirectional controls escaped.
  static func path(_ text: String) -> String {
    escapedBidi(text.utf8.count > pathLimit && text.count > pathLimit ? String(text.prefix(pathLimit)) + "…" : text)
  }

  /// Whether `scalar` opens or closes a bidirectional embedding, override or isolate.
  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  /// `text` with its bidirectional controls written as `\u{202E}`.
  static func escapedBidi(_ text: String) -> String {
    // Every one of them is E2 80 Ax or E2 81 Ax in UTF-8.
    guard text.utf8.contains(0xE2), text.unicodeScalars.contains(where: isBidiControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isBidiControl(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The message with every segment between two quote marks at most ``quotedLimit``
  /// characters long. Chronicle's own words between two quoted values are short, so
  /// only text from the input is ever cut.
  static func shortenedQuotes(_ message: String) -> String {
    guard message.utf8.count > quotedLimit, message.count > quotedLimit else { return message }
    var result = ""
    var segment = ""
    var open = false
    for character in message {
      if character == "'" || character == "\"" {
        if open, segment.count > quotedLimit {
          result += segment.prefix(quotedLimit) + "…"
        } else {
          result += segment
        }
        segment = ""
        result.append(character)
        open = true
      } else {
        segment.append(character)
      }
    }
    return result + segment
  }
}
