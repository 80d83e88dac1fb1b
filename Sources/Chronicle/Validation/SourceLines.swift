/// A file's bytes with the offsets where its lines start, counted as the readers count
/// them (LF, CR and CRLF end lines, and in YAML also NEL, LS and PS; a UTF-8 byte order
/// mark is not part of line 1; columns count Unicode scalars).
///
/// Built once per file, it finds a line and a column without walking the file again,
/// so quoting thousands of diagnostics about a 1 MB file (or a 1 MB line) stays linear.
struct SourceLines: Sendable {
  private let bytes: [UInt8]
  private let unicodeBreaks: Bool
  /// For each line, the offset of its first byte and the offset just past its last
  /// (before its line break).
  private var lines: [Range<Int>] = []
  /// For long lines, by line index: the offset of column 1 + k × ``markSpacing`` at k - 1,
  /// so that finding a column never walks more than ``markSpacing`` scalars.
  private var marks: [Int: [Int]] = [:]
  private static let markSpacing = 1024

  /// Columns of context kept either side of the place, before the formatter cuts the
  /// line to its own width.
  static let window = 400

  /// Indexes `bytes`; `unicodeBreaks` makes NEL, LS and PS end lines too, as in YAML.
  init(_ bytes: [UInt8], unicodeBreaks: Bool) {
    self.bytes = bytes
    self.unicodeBreaks = unicodeBreaks
    var lines: [Range<Int>] = []
    var marks: [Int: [Int]] = [:]
    bytes.withUnsafeBufferPointer { buffer in
      var start = InputFormat.byteOrderMarkLength(buffer)
      var index = start
      var column = 1
      while index < buffer.count {
        let length = InputFormat.lineBreakLength(at: index, in: buffer, unicodeBreaks: unicodeBreaks)
        if length > 0 {
          lines.append(start..<index)
          index += length
          start = index
          column = 1
        } else {
          if buffer[index] & 0xC0 != 0x80 {
            if column > 1, (column - 1) % Self.markSpacing == 0 { marks[lines.count, default: []].append(index) }
            column += 1
          }
          index += 1
        }
      }
      lines.append(start..<buffer.count)
    }
    self.lines = lines
    self.marks = marks
  }

  /// The part of the line at `position` within ``window`` columns either side of its
  /// column, and the column of the place in that part; nil when there is no such line.
  func window(at position: TextPosition) -> (text: String, column: Int)? {
    guard position.line >= 1, position.line <= lines.count else { return nil }
    let lineIndex = position.line - 1
    let line = lines[lineIndex]
    // Clamped: a diagnostic made or decoded elsewhere may hold any column.
    let column = min(max(1, position.column), Int.max / 2)
    let firstColumn = max(1, column - Self.window)
    let start = offset(ofColumn: firstColumn, line: lineIndex)
    let end = offset(ofColumn: column + Self.window, in: start..<line.upperBound, startColumn: firstColumn)
    return (String(decoding: bytes[start..<end], as: UTF8.self), column - firstColumn + 1)
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
