/// A place in a text file: 1-based line and column.
///
/// Columns count Unicode scalars, as Yams' marks do, so `叶` and `🇺🇳`
/// (two scalars) advance the column by one and two.
///
///     let position = TextPosition(line: 14, column: 19)
///     print(position)  // 14:19
public struct TextPosition: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column, counted in Unicode scalars.
  public var column: Int

  /// Creates a position from a 1-based line and column.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// Orders positions by line, then column.
  public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  /// `line:column`, as compilers print it.
  public var description: String { "\(line):\(column)" }
}
