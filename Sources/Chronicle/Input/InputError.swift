/// Why a timeline file could not be read as JSON or YAML, and where.
///
/// Readers stop at the first problem: a file that cannot be parsed has no
/// tree to check further. The message says what was found and what was expected.
///
///     do {
///       _ = try JSONReader.read(Array(#"{"id": 1, "id": 2}"#.utf8))
///     } catch {
///       print(error)  // 1:11: duplicate key "id" (first at 1:2)
///       let diagnostic = error.diagnostic(file: "letters.json")
///     }
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of problem, such as ``Diagnostic/Code/malformedJSON``.
  public var code: Diagnostic.Code
  /// What was found and what was expected, in words; short and single-line.
  public var message: String
  /// The line and column of the problem (columns count Unicode scalars), if known.
  public var position: TextPosition?
  /// The offset of the problem in the file's bytes, counting a byte order mark, if known.
  public var byteOffset: Int?

  /// Creates an error.
  ///
  ///     let error = InputError(.duplicateKey, #"duplicate key "id""#,
  ///                            position: TextPosition(line: 3, column: 5), byteOffset: 24)
  public init(
    _ code: Diagnostic.Code, _ message: String,
    position: TextPosition? = nil, byteOffset: Int? = nil
  ) {
    self.code = code
    self.message = message
    self.position = position
    self.byteOffset = byteOffset
  }

  /// `line:column: message`, or the message alone when the position is unknown.
  public var description: String {
    guard let position else { return message }
    return "\(position): \(message)"
  }

  /// The error as an error-severity ``Diagnostic`` in `file` (`-` for standard input).
  ///
  ///     let diagnostic = error.diagnostic(file: "letters.yaml")
  ///     print(diagnostic)  // letters.yaml:2:1: error: duplicate key "id" …
  public func diagnostic(file: String?) -> Diagnostic {
    Diagnostic(.error, code, message, file: file, position: position)
  }
}

extension InputError {
  /// The longest text, in Unicode scalars, that a message quotes from the input.
  static let quoteLimit = 40

  /// `text` in double (or `quote`) quotes, escaped as JSON would and cut at ``quoteLimit``
  /// with `…`, so that a message stays on one line and short whatever the input holds.
  static func quoted(_ text: String, quote: String = "\"") -> String {
    var result = quote
    var count = 0
    for scalar in text.unicodeScalars {
      if count == quoteLimit {
        result += "…"
        break
      }
      count += 1
      switch scalar {
      case "\"" where quote == "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if isInvisible(scalar) {
          result += "\\u{" + hex(scalar.value) + "}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + quote
  }

  /// One character for a message: `'x'`, or `U+0007` for a character that would not show.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    if isInvisible(scalar) || scalar == " " { return "U+" + hex(scalar.value) }
    if scalar == "'" { return "\"'\"" }
    return "'" + String(scalar) + "'"
  }

  /// Characters that would not show, or not show as themselves, in a quoted message:
  /// controls, format characters (such as the byte order mark), spaces other than
  /// U+0020, separators, marks that combine with the quote, and unassigned scalars.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse,
      .unassigned, .surrogate, .nonspacingMark, .spacingMark, .enclosingMark:
      return scalar != " "
    default:
      return false
    }
  }

  /// `value` as at least four upper-case hex digits, as in `U+0007`.
  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
