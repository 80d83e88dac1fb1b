/// What `chronicle date` prints for one input: the parsed value or the error, as a
/// JSON line or as a block of text.
///
///     let report = EDTFReport(input: "1984?")
///     report.jsonLine()
///     // {"input":"1984?","valid":true,"canonical":"1984?","earliest":"1984-01-01",
///     //  "latest":"1984-12-31","precision":"year","qualifiers":["uncertain"],
///     //  "display":"1984?","error":null}   (one line)
public struct EDTFReport: Hashable, Sendable {
  /// The text as given.
  public var input: String
  /// The parsed value, or why the input is not one.
  public var result: Result<EDTFDate, EDTFError>

  /// Parses `input` and keeps the outcome.
  public init(input: String) {
    self.input = input
    do {
      result = .success(try EDTFDate(input))
    } catch {
      result = .failure(error)
    }
  }

  /// Whether the input is a valid EDTF expression.
  public var isValid: Bool {
    if case .success = result { return true }
    return false
  }

  /// One JSON object, without a newline, with the keys in this order: `input`, `valid`,
  /// `canonical`, `earliest`, `latest`, `precision`, `qualifiers`, `display`, `error`.
  ///
  /// Days are `YYYY-MM-DD` strings (``CalendarDay/description``); a missing day,
  /// precision or error is `null`. An invalid input has `null` for every field but
  /// `input`, `valid` and `error`, the message with its offset.
  ///
  /// - Parameter ascii: Use the ASCII display (see ``EDTFDate/humanDescription(ascii:)``).
  public func jsonLine(ascii: Bool = false) -> String {
    let date = try? result.get()
    var fields: [(String, String)] = [
      ("input", Self.jsonString(input)),
      ("valid", date == nil ? "false" : "true"),
      ("canonical", Self.jsonString(date?.description)),
      ("earliest", Self.jsonString(date?.earliest?.description)),
      ("latest", Self.jsonString(date?.latest?.description)),
      ("precision", Self.jsonString(date?.precision?.rawValue)),
    ]
    if let date {
      let qualifiers = date.qualifiers.map { Self.jsonString($0.description) }
      fields.append(("qualifiers", "[" + qualifiers.joined(separator: ",") + "]"))
    } else {
      fields.append(("qualifiers", "null"))
    }
    fields.append(("display", Self.jsonString(date?.humanDescription(ascii: ascii))))
    if case .failure(let error) = result {
      fields.append(("error", Self.jsonString(error.messageWithOffset)))
    } else {
      fields.append(("error", "null"))
    }
    return "{" + fields.map { Self.jsonString($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  /// The human-readable block: the input quoted, then one indented line per field.
  ///
  ///     '1992~'
  ///       canonical:  1992~
  ///       earliest:   1992-01-01
  ///       latest:     1992-12-31
  ///       precision:  year
  ///       qualifiers: approximate
  ///       display:    c. 1992
  ///
  /// An invalid input gets one line, `  error:      <message> (offset N)`. Control
  /// characters in the quoted input are written `\u{1B}`.
  public func text(ascii: Bool = false) -> String {
    var lines = ["'" + Self.printable(input) + "'"]
    func add(_ label: String, _ value: String) {
      let padded = label + ":" + String(repeating: " ", count: max(1, 11 - label.count))
      lines.append("  " + padded + value)
    }
    switch result {
    case .success(let date):
      add("canonical", date.description)
      add("earliest", date.earliest?.description ?? "none")
      add("latest", date.latest?.description ?? "none")
      add("precision", date.precision?.rawValue ?? "none")
      let qualifiers = date.qualifiers.map(\.description)
      add("qualifiers", qualifiers.isEmpty ? "none" : qualifiers.joined(separator: ", "))
      add("display", date.humanDescription(ascii: ascii))
    case .failure(let error):
      add("error", error.messageWithOffset)
    }
    return lines.joined(separator: "\n")
  }

  /// A JSON string literal: `"`, `\` and control characters escaped (`\u001b`),
  /// everything else as is; `null` for `nil`.
  static func jsonString(_ text: String?) -> String {
    guard let text else { return "null" }
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\u{00}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  private static func printable(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
