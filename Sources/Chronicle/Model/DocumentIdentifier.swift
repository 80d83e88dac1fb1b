/// An identifier of a document: a UN symbol, a court application number, an ISBN,
/// a URL, or another reference number.
///
///     let symbol = DocumentIdentifier(scheme: .unSymbol, value: "A/75/660-S/2020/1267")
///     symbol.unSymbol?.parts.map(\.organName)  // ["General Assembly", "Security Council"]
public struct DocumentIdentifier: Hashable, Sendable {
  /// The kinds of identifier Chronicle knows.
  public struct Scheme: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The scheme's name as written in files.
    public var rawValue: String
    /// Creates a scheme from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The scheme's name.
    public var description: String { rawValue }

    /// A United Nations document symbol, possibly joint (`A/75/660-S/2020/1267`).
    public static let unSymbol = Scheme(rawValue: "un-symbol")
    /// A court application number (`40984/07`).
    public static let application = Scheme(rawValue: "application")
    /// An ISBN-10 or ISBN-13.
    public static let isbn = Scheme(rawValue: "isbn")
    /// A web address.
    public static let url = Scheme(rawValue: "url")
    /// A Digital Object Identifier.
    public static let doi = Scheme(rawValue: "doi")
    /// Any other document number, such as `CM/Del/Concl(92)471bis`.
    public static let number = Scheme(rawValue: "number")

    /// The schemes Chronicle checks the form of.
    public static let known: [Scheme] = [.unSymbol, .application, .isbn, .url, .doi, .number]
  }

  /// The kind of identifier.
  public var scheme: Scheme
  /// The identifier as written.
  public var value: String

  /// Creates an identifier.
  public init(scheme: Scheme, value: String) {
    self.scheme = scheme
    self.value = value
  }

  /// The parsed UN symbol, when the scheme is `un-symbol` and the value is well formed.
  public var unSymbol: UNSymbol? {
    scheme == .unSymbol ? UNSymbol(value) : nil
  }

  /// Why the value does not fit its scheme, or nil when it does (or the scheme is not checked).
  public var problem: String? {
    switch scheme {
    case .unSymbol:
      return !UNSymbol.isWellFormed(value)
        ? "'\(value)' is not a UN document symbol; expected a form such as 'A/75/660' or 'A/75/660-S/2020/1267'"
        : nil
    case .application:
      return Self.isApplicationNumber(value)
        ? nil : "'\(value)' is not a court application number; expected digits, a slash and a two-digit year, such as '40984/07'"
    case .isbn:
      return Self.isISBN(value) ? nil : "'\(value)' is not a valid ISBN-10 or ISBN-13 (wrong length or check digit)"
    case .url:
      return Self.isURL(value) ? nil : "'\(value)' is not a web address; expected 'http://' or 'https://' followed by a host"
    case .doi:
      return value.hasPrefix("10.") && value.contains("/") ? nil : "'\(value)' is not a DOI; expected '10.' followed by a prefix, '/' and a suffix"
    default:
      return value.isEmpty ? "an identifier must not be empty" : nil
    }
  }

  static func isApplicationNumber(_ text: String) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    return (1...6).contains(parts[0].count) && parts[0].allSatisfy(\.isASCIIDigit)
      && parts[1].count == 2 && parts[1].allSatisfy(\.isASCIIDigit)
  }

  static func isISBN(_ text: String) -> Bool {
    let characters = text.filter { $0 != "-" && $0 != " " }
    let digits = characters.compactMap { $0.wholeNumberValue }
    if characters.count == 13, digits.count == 13 {
      let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 1 : 3) }
      return sum.isMultiple(of: 10)
    }
    if characters.count == 10 {
      var sum = 0
      for (offset, character) in characters.enumerated() {
        let weight = 10 - offset
        if let digit = character.wholeNumberValue, character.isASCIIDigit {
          sum += digit * weight
        } else if offset == 9, character == "X" || character == "x" {
          sum += 10
        } else {
          return false
        }
      }
      return sum.isMultiple(of: 11)
    }
    return false
  }

  /// ``isURL(_:)`` for ASCII bytes, where each byte is one character; nil for other text.
  private static func isASCIIURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    func hasPrefix(_ prefix: StaticString) -> Bool {
      let count = prefix.utf8CodeUnitCount
      guard bytes.count >= count else { return false }
      for index in 0..<count {
        let byte = bytes[index]
        let lower = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
        if lower != prefix.utf8Start[index] { return false }
      }
      return true
    }
    let hostStart: Int
    if hasPrefix("https://") {
      hostStart = 8
    } else if hasPrefix("http://") {
      hostStart = 7
    } else {
      return false
    }
    guard hostStart < bytes.count else { return false }
    let first = bytes[hostStart]
    guard first != UInt8(ascii: "/"), first != UInt8(ascii: "?"), first != UInt8(ascii: "#") else { return false }
    return !bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
  }

  static func isURL(_ text: String) -> Bool {
    var copy = text
    if let ascii = copy.withUTF8({ isASCIIURL($0) }) { return ascii }
    let lower = text.lowercased()
    for prefix in ["https://", "http://"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      return !host.isEmpty && !text.contains(where: { $0.isWhitespace })
    }
    return false
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
