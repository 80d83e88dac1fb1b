/// A problem found in a timeline: what is wrong, how serious it is, and where.
///
/// Diagnostics are values; only the CLI prints them, as a compiler does:
///
///     letters.yaml:14:19: error: '1992-02-31': February has no day 31 [entities[3].date]
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable, Codable, CaseIterable {
    /// The input cannot be used as it is.
    case error
    /// The input can be used, but something in it is probably a mistake.
    case warning
  }

  /// A stable, machine-readable name for the kind of problem (for example `duplicate-id`).
  ///
  /// The set of codes grows; compare with the static members.
  public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code's text, in kebab-case.
    public var rawValue: String
    /// Creates a code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a code from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The code's text.
    public var description: String { rawValue }
  }

  /// How serious the problem is.
  public var severity: Severity
  /// The kind of problem.
  public var code: Code
  /// What is wrong and what was expected, in words.
  public var message: String
  /// The file the problem is in, as the user named it (`-` for standard input), if any.
  public var file: String?
  /// The line and column of the problem in that file, if known.
  public var position: TextPosition?
  /// The path of the value inside the document, such as `entities[12].date`, if known.
  public var path: String?

  /// Creates a diagnostic. Values quoted in the message (between `'` or `"` marks)
  /// longer than 80 characters are cut with `…`, a path longer than 120 characters
  /// too, and bidirectional controls in them are written `\u{202E}`: a diagnostic
  /// about hostile input stays short and cannot reorder the line it is printed on.
  public init(
    _ severity: Severity, _ code: Code, _ message: String,
    file: String? = nil, position: TextPosition? = nil, path: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = DiagnosticShortening.message(message)
    self.file = file
    self.position = position
    self.path = path.map(DiagnosticShortening.path)
  }

  /// `file:line:column: severity: message [path]`, leaving out what is unknown.
  public var description: String {
    var text = ""
    if let file { text += file + ":" }
    if let position { text += "\(position.line):\(position.column):" }
    if !text.isEmpty { text += " " }
    text += "\(severity.rawValue): \(message)"
    if let path, !path.isEmpty { text += " [\(path)]" }
    return text
  }
}
