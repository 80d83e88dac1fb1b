import ArgumentParser
import Chronicle
import Foundation

/// Reads the input files of a command, prints their diagnostics like a compiler
/// on standard error, and hands back the graph, or exits with status 1.
struct TimelineLoader {
  var paths: [String]
  var strict = false

  /// Reads and validates; prints diagnostics; returns the result without exiting.
  func validate(printDiagnostics: Bool = true) -> ValidationResult {
    let result = TimelineReader.validate(contentsOf: paths)
    if printDiagnostics { print(result.diagnostics) }
    return result
  }

  /// The graph, or exit status 1 when there are errors (or warnings with `strict`).
  func load() throws -> TimelineGraph {
    let result = validate()
    if result.hasErrors || (strict && !result.warnings.isEmpty) {
      throw ExitCode(1)
    }
    return result.graph
  }

  /// Prints diagnostics with the offending line quoted.
  ///
  /// Each file is indexed once (where its lines start), and the formatter is given only
  /// a window of the diagnostic's line around its column, so that printing thousands
  /// of diagnostics about a 1 MB file (or a 1 MB line) stays linear. Values quoted in a
  /// message are shortened (see ``DiagnosticShortening``), so that no line printed is
  /// longer than a few hundred characters whatever the input holds.
  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    var sources: [String: SourceLines] = [:]
    for file in Set(diagnostics.compactMap(\.file)) where file != "-" {
      if let data = FileManager.default.contents(atPath: file), data.count <= 16 << 20 {
        let bytes = [UInt8](data)
        sources[file] = SourceLines(bytes, format: InputFormat(path: file, contents: bytes))
      }
    }
    let colour = Terminal.colourOnStandardError
    let headlines = DiagnosticFormatter(colour: colour)
    for diagnostic in diagnostics {
      let shown = DiagnosticShortening.shortened(diagnostic)
      var text = headlines.format(shown)
      if let file = diagnostic.file, let position = diagnostic.position, let snippet = sources[file]?.snippet(
        at: position, severity: diagnostic.severity, code: diagnostic.code, colour: colour)
      {
        text += "\n" + snippet
      }
      Terminal.error(text)
    }
  }
}

/// Makes a diagnostic short and inert enough to print on a terminal:
/// - any run of text between two `'` or `"` marks (a value quoted from the input)
///   longer than ``quotedLimit`` characters keeps its first ``quotedLimit`` characters
///   and `…`; a path longer than ``pathLimit`` is cut the same way;
/// - the bidirectional embedding, override and isolate controls (U+202A–U+202E,
///   U+2066–U+2069), which would reorder the rest of the line, are written `\u{202E}`.
///   (Other control characters are replaced by ``DiagnosticFormatter``.)
///
///     duplicate id 'xxxx…(10,000 x)…' (first defined at 2:10)   →   duplicate id 'xxx…x…' (first defined at 2:10)
enum DiagnosticShortening {
  /// The most characters kept of a quoted value.
  static let quotedLimit = 80
  /// The most characters kept of a path.
  static let pathLimit = 120

  static func shortened(_ diagnostic: Diagnostic) -> Diagnostic {
    var result = diagnostic
    result.message = escapedBidi(shortenedQuotes(diagnostic.message))
    if let path = diagnostic.path {
      result.path = escapedBidi(path.count > pathLimit ? String(path.prefix(pathLimit)) + "…" : path)
    }
    return result
  }

  /// Whether `scalar` opens or closes a bidirectional embedding, override or isolate.
  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  /// `text` with its bidirectional controls written as `\u{202E}`.
  static func escapedBidi(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
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
    guard message.count > quotedLimit else { return message }
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

/// A file's bytes with the offsets where its lines start, counted as the readers count
/// them (LF, CR and CRLF end lines, and in YAML also NEL, LS and PS; a UTF-8 byte order
/// mark is not part of line 1; columns count Unicode scalars).
struct SourceLines {
  private let bytes: [UInt8]
  private let unicodeBreaks: Bool
  /// For each line, the offset of its first byte and the offset just past its last
  /// (before its line break).
  private var lines: [Range<Int>] = []
  /// For long lines, by line index: the offset of column 1 + k × ``markSpacing`` at k - 1,
  /// so that finding a column never walks more than ``markSpacing`` scalars.
  private var marks: [Int: [Int]] = [:]
  private static let markSpacing = 1024

  /// Columns of context quoted either side of the place, before the formatter cuts the
  /// line to its own width.
  static let window = 400

  init(_ bytes: [UInt8], format: InputFormat) {
    self.bytes = bytes
    self.unicodeBreaks = format == .yaml
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var index = start
    var column = 1
    while index < bytes.count {
      let length = lineBreakLength(at: index)
      if length > 0 {
        lines.append(start..<index)
        index += length
        start = index
        column = 1
      } else {
        if bytes[index] & 0xC0 != 0x80 {
          if column > 1, (column - 1) % Self.markSpacing == 0 { marks[lines.count, default: []].append(index) }
          column += 1
        }
        index += 1
      }
    }
    lines.append(start..<bytes.count)
  }

  private func lineBreakLength(at index: Int) -> Int {
    switch bytes[index] {
    case 0x0A: return 1
    case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
    case 0xC2 where unicodeBreaks:
      return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
    case 0xE2 where unicodeBreaks:
      guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
      return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
    default: return 0
    }
  }

  /// The quoted line and caret for a diagnostic at `position`, as ``DiagnosticFormatter``
  /// draws them, or nil when the file has no such line.
  func snippet(at position: TextPosition, severity: Diagnostic.Severity, code: Diagnostic.Code, colour: Bool) -> String? {
    guard position.line >= 1, position.line <= lines.count else { return nil }
    let lineIndex = position.line - 1
    let line = lines[lineIndex]
    // The window: up to `window` scalars before the column and after it.
    let column = max(1, position.column)
    let firstColumn = max(1, column - Self.window)
    let start = offset(ofColumn: firstColumn, line: lineIndex)
    let end = offset(ofColumn: column + Self.window, in: start..<line.upperBound, startColumn: firstColumn)
    // Bidirectional controls would reorder the quoted line: shown as `�`, one for one,
    // as the formatter shows control characters, so the caret stays in place.
    var text = String(decoding: bytes[start..<end], as: UTF8.self)
    if text.unicodeScalars.contains(where: DiagnosticShortening.isBidiControl) {
      text = String(String.UnicodeScalarView(text.unicodeScalars.map {
        DiagnosticShortening.isBidiControl($0) ? "\u{FFFD}" : $0
      }))
    }
    let local = Diagnostic(severity, code, "", file: "-", position: TextPosition(line: 1, column: column - firstColumn + 1))
    let formatted = DiagnosticFormatter(sources: ["-": text], colour: colour).format(local)
    // The formatter numbered the window line 1 (" 1 | text", "   | ^"): give it its number.
    let parts = formatted.split(separator: "\n", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[1].hasPrefix(" 1 |"), parts[2].hasPrefix("   |") else { return nil }
    let gutter = String(position.line)
    let pad = String(repeating: " ", count: gutter.count)
    return " \(gutter)" + parts[1].dropFirst(2) + "\n \(pad)" + parts[2].dropFirst(2)
  }

  /// The offset of the scalar at `column` of line `lineIndex` (the line's end when it
  /// is shorter), starting from the nearest mark.
  private func offset(ofColumn target: Int, line lineIndex: Int) -> Int {
    let line = lines[lineIndex]
    let markIndex = (target - 1) / Self.markSpacing
    if markIndex > 0, let lineMarks = marks[lineIndex] {
      let usable = min(markIndex, lineMarks.count)
      if usable > 0 {
        return offset(
          ofColumn: target, in: lineMarks[usable - 1]..<line.upperBound, startColumn: 1 + usable * Self.markSpacing)
      }
    }
    return offset(ofColumn: target, in: line, startColumn: 1)
  }

  /// The offset of the scalar at column `target` in `range`, whose first byte starts
  /// column `startColumn` (the range's end when it is shorter).
  private func offset(ofColumn target: Int, in range: Range<Int>, startColumn: Int) -> Int {
    var index = range.lowerBound
    var column = startColumn
    while index < range.upperBound {
      if bytes[index] & 0xC0 != 0x80 {
        if column == target { return index }
        column += 1
      }
      index += 1
    }
    return range.upperBound
  }
}

/// The input files, shared by the commands that read timelines.
struct InputFiles: ParsableArguments {
  @Argument(help: ArgumentHelp("Timeline files (.json, .yaml, .yml); '-' reads standard input. Several files are merged.", valueName: "file"))
  var files: [String]
}
