/// Formats diagnostics as a compiler does: `file:line:column: error: message [path]`,
/// then the line of input with a caret under the place.
///
///     let formatter = DiagnosticFormatter(sources: ["letters.yaml": text])
///     print(formatter.format(diagnostic))
///     // letters.yaml:14:19: error: '1992-02-31': day 31 is out of range for February 1992 [entities[3].date]
///     //    14 |     date: 1992-02-31
///     //       |           ^
///
/// Long lines are cut around the column with `…`, control characters are shown as
/// `�`, and the caret is placed by characters (not bytes or scalars), so `叶` and
/// `🇺🇳` before the place do not shift it.
public struct DiagnosticFormatter: Sendable {
  /// The text of each file, by the name diagnostics use, for the quoted line.
  public var sources: [String: String] {
    didSet {
      // Only what changed is indexed again (unchanged texts compare by identity).
      for (file, text) in sources where oldValue[file] != text {
        sourceLines[file] = Self.index([file: Array(text.utf8)])[file]
      }
      for file in oldValue.keys where sources[file] == nil { sourceLines[file] = nil }
    }
  }
  /// Whether to colour the severity and caret with ANSI escapes.
  public var colour: Bool
  /// The widest quoted line, in characters, before it is cut.
  public var maximumLineWidth: Int
  /// The line index of each of ``sources``.
  private var sourceLines: [String: SourceLines]
  /// The line index of each file given as bytes.
  private let fileLines: [String: SourceLines]

  /// Creates a formatter that quotes lines from the text of each file.
  public init(sources: [String: String] = [:], colour: Bool = false, maximumLineWidth: Int = 100) {
    self.sources = sources
    self.colour = colour
    self.maximumLineWidth = maximumLineWidth
    self.sourceLines = Self.index(sources.mapValues { Array($0.utf8) })
    self.fileLines = [:]
  }

  /// Creates a formatter that quotes lines from each file's bytes, as read from disk
  /// (no copy into a `String`; each file is indexed once, so formatting any number of
  /// diagnostics stays linear in the file's size).
  public init(files: [String: [UInt8]], colour: Bool = false, maximumLineWidth: Int = 100) {
    self.sources = [:]
    self.colour = colour
    self.maximumLineWidth = maximumLineWidth
    self.sourceLines = [:]
    self.fileLines = Self.index(files)
  }

  /// Lines are counted as the readers count them: in YAML also at NEL, LS and PS.
  private static func index(_ files: [String: [UInt8]]) -> [String: SourceLines] {
    var result: [String: SourceLines] = [:]
    for (file, bytes) in files {
      result[file] = SourceLines(bytes, unicodeBreaks: InputFormat(path: file, contents: bytes) == .yaml)
    }
    return result
  }

  /// The diagnostic's first line, and the quoted input line with a caret when the source
  /// is known. Quoted values are shortened and bidirectional controls escaped (as
  /// ``Diagnostic/init(_:_:_:file:position:path:)`` does); control characters show as `�`.
  public func format(_ diagnostic: Diagnostic) -> String {
    var text = headline(diagnostic)
    if let file = diagnostic.file, let lines = sourceLines[file] ?? fileLines[file], let position = diagnostic.position,
      let (window, column) = lines.window(at: position)
    {
      text += "\n" + snippet(window, line: position.line, column: column)
    }
    return text
  }

  private func headline(_ diagnostic: Diagnostic) -> String {
    var text = ""
    if let file = diagnostic.file { text += Self.clean(DiagnosticShortening.escapedBidi(file)) + ":" }
    if let position = diagnostic.position { text += "\(position.line):\(position.column):" }
    if !text.isEmpty { text += " " }
    let severity = diagnostic.severity.rawValue + ":"
    if colour {
      let code = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
      text += code + severity + "\u{1B}[0m"
    } else {
      text += severity
    }
    text += " " + Self.clean(DiagnosticShortening.message(diagnostic.message))
    if let path = diagnostic.path, !path.isEmpty { text += " [\(Self.clean(DiagnosticShortening.path(path)))]" }
    return text
  }

  /// The quoted line (a window of it, numbered `lineNumber`) and a caret under `column`.
  private func snippet(_ line: String, line lineNumber: Int, column: Int) -> String {
    let position = TextPosition(line: lineNumber, column: column)
    // Columns count scalars; find the character that holds the column's scalar.
    var characters: [Character] = []
    var caret = 0
    var scalarsSeen = 0
    for character in line {
      let width = character.unicodeScalars.count
      if scalarsSeen + width < position.column { caret += 1 }
      scalarsSeen += width
      characters.append(Self.visible(character))
    }
    caret = min(caret, characters.count)
    var start = 0
    var prefix = ""
    if characters.count > maximumLineWidth {
      start = max(0, min(caret - maximumLineWidth / 2, characters.count - maximumLineWidth))
      if start > 0 { prefix = "…" }
    }
    let end = min(characters.count, start + maximumLineWidth)
    let suffix = end < characters.count ? "…" : ""
    let shown = prefix + String(characters[start..<end]) + suffix
    let gutter = String(position.line)
    let pad = String(repeating: " ", count: gutter.count)
    let marker = colour ? "\u{1B}[1;32m^\u{1B}[0m" : "^"
    let indent = String(repeating: " ", count: caret - start + prefix.count)
    return " \(gutter) | \(shown)\n \(pad) | \(indent)\(marker)"
  }

  /// Control characters, and bidirectional controls (which would reorder the rest of
  /// the line), show as `�`, one for one, so the caret stays in place.
  private static func visible(_ character: Character) -> Character {
    character.unicodeScalars.contains { isReplaced($0) || DiagnosticShortening.isBidiControl($0) }
      ? "\u{FFFD}" : character
  }

  /// Replaces control characters (ESC, BEL, CR…) and the line and paragraph separators
  /// (U+2028, U+2029) so that user text cannot drive the terminal or break the line.
  static func clean(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isReplaced) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(isReplaced(scalar) ? "\u{FFFD}" : scalar)
    }
    return String(result)
  }

  /// The control characters (general category Cc: U+0000–U+001F and U+007F–U+009F,
  /// tested by value, without a look-up in Unicode's tables) and U+2028, U+2029.
  private static func isReplaced(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
  }
}
