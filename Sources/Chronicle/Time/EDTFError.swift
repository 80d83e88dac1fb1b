/// Why a text is not a valid EDTF date: what is wrong, where, and in which input.
///
///     do {
///       _ = try EDTFDate("1992-02-30")
///     } catch {
///       error.message      // "day 30 is out of range for February 1992; expected 01-29"
///       error.offset       // 8: the day starts at the ninth character
///       error.description  // "'1992-02-30': day 30 is out of range … (offset 8)"
///     }
public struct EDTFError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A stable, machine-readable name for the kind of problem.
  ///
  /// The set of codes grows; compare with the static members.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code's text, in kebab-case.
    public var rawValue: String
    /// Creates a code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's text.
    public var description: String { rawValue }

    /// A character that EDTF does not allow where it stands, or a missing one.
    public static let syntax = Code(rawValue: "edtf-syntax")
    /// A month, day or combination that the calendar does not have (`2001-02-29`).
    public static let invalidDate = Code(rawValue: "edtf-invalid-date")
    /// An hour, minute or second out of range.
    public static let invalidTime = Code(rawValue: "edtf-invalid-time")
    /// A time zone offset that is malformed or out of range.
    public static let invalidOffset = Code(rawValue: "edtf-invalid-offset")
    /// A year outside the supported range, or too large to compute with.
    public static let yearOutOfRange = Code(rawValue: "edtf-year-out-of-range")
    /// An interval or set range whose start is after its end.
    public static let reversed = Code(rawValue: "edtf-reversed")
    /// A feature EDTF allows that this library does not support (documented on ``EDTFDate``).
    public static let unsupported = Code(rawValue: "edtf-unsupported")
  }

  /// The kind of problem.
  public var code: Code
  /// What is wrong and what was expected, in words.
  public var message: String
  /// Where the problem is: a 0-based offset in characters into ``input``
  /// (equal to `input.count` when the input ends too early).
  public var offset: Int
  /// The text that was parsed.
  public var input: String

  /// Creates an error.
  public init(_ code: Code, _ message: String, offset: Int, input: String) {
    self.code = code
    self.message = message
    self.offset = offset
    self.input = input
  }

  /// The message and its offset, without the input: `day 30 is … (offset 8)`.
  public var messageWithOffset: String { "\(message) (offset \(offset))" }

  /// `'input': message (offset N)`.
  public var description: String { "'\(input)': \(messageWithOffset)" }
}
