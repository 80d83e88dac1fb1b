/// Why Graphviz produced no drawing.
///
///     do { _ = try await renderer.render(dot) }
///     catch where error.code == .graphvizMissing { print("install Graphviz") }
public struct RenderError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of failure; the set grows.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code's text.
    public var rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's text.
    public var description: String { rawValue }

    /// The Graphviz program is not installed.
    public static let graphvizMissing = Code(rawValue: "graphviz-missing")
    /// Graphviz ran longer than the timeout and was stopped.
    public static let timedOut = Code(rawValue: "timed-out")
    /// Graphviz could not be started, or exited with an error.
    public static let failed = Code(rawValue: "failed")
  }

  /// The kind of failure.
  public var code: Code
  /// What happened, in words.
  public var message: String
  /// Graphviz's standard error, when it ran.
  public var standardError: String

  /// Creates an error.
  public init(code: Code, message: String, standardError: String = "") {
    self.code = code
    self.message = message
    self.standardError = standardError
  }

  /// The message.
  public var description: String { message }
}
