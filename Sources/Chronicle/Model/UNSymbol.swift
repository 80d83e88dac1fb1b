/// A United Nations document symbol, parsed into its parts.
///
/// A joint symbol names the same document in two organs' series:
///
///     let symbol = UNSymbol("A/75/660-S/2020/1267")!
///     symbol.parts[0].organName   // "General Assembly"
///     symbol.parts[0].series      // ["75"]   (the session)
///     symbol.parts[0].number      // "660"
///     symbol.parts[1].organName   // "Security Council"
///     symbol.parts[1].series      // ["2020"] (the year)
public struct UNSymbol: Hashable, Sendable, CustomStringConvertible {
  /// One organ's symbol inside a (possibly joint) symbol.
  public struct Part: Hashable, Sendable, CustomStringConvertible {
    /// The organ's letter or letters: `A`, `S`, `E`, `CCPR`…
    public var organ: String
    /// The components between the organ and the number: a session, a year, a body.
    public var series: [String]
    /// The document number.
    public var number: String
    /// Modifiers after the number: `Add.1`, `Rev.2`, `Corr.1`.
    public var modifiers: [String]

    /// The organ's name when the letter is one of the principal organs' series.
    public var organName: String? {
      switch organ {
      case "A": "General Assembly"
      case "S": "Security Council"
      case "E": "Economic and Social Council"
      case "T": "Trusteeship Council"
      case "ST": "Secretariat"
      default: nil
      }
    }

    /// The part as written.
    public var description: String {
      ([organ] + series + [number] + modifiers).joined(separator: "/")
    }
  }

  /// The parts, in the order written: one for a plain symbol, two or more for a joint one.
  public var parts: [Part]

  /// The symbol as written.
  public var description: String { parts.map(\.description).joined(separator: "-") }

  /// Parses a symbol; nil when the text is not one.
  ///
  /// A part is an organ (upper-case letters), at least one series component, and a
  /// number, separated by `/`; joint symbols join parts with `-`.
  public init?(_ text: String) {
    var parts: [Part] = []
    for piece in Self.splitJoint(text) {
      guard let part = Self.parsePart(piece) else { return nil }
      parts.append(part)
    }
    guard !parts.isEmpty else { return nil }
    self.parts = parts
  }

  // A hyphen separates joint parts only where the next part starts with an organ and a slash.
  private static func splitJoint(_ text: String) -> [String] {
    var pieces: [String] = []
    var current = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "-" {
        let rest = text[text.index(after: index)...]
        let organ = rest.prefix { $0.isUppercase && $0.isASCII }
        if !organ.isEmpty, rest.dropFirst(organ.count).first == "/" {
          pieces.append(current)
          current = ""
          index = text.index(after: index)
          continue
        }
      }
      current.append(character)
      index = text.index(after: index)
    }
    pieces.append(current)
    return pieces
  }

  private static func parsePart(_ text: String) -> Part? {
    let components = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard components.count >= 3, components.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
      return nil
    }
    let organ = components[0]
    guard organ.allSatisfy({ $0.isUppercase && $0.isASCII }) else { return nil }
    let modifierStart = components.firstIndex { component in
      ["Add.", "Rev.", "Corr.", "Amend.", "Summary", "Suppl."].contains { component.hasPrefix($0) }
    } ?? components.count
    guard modifierStart >= 3 else { return nil }
    let number = components[modifierStart - 1]
    guard number.first?.isASCIIDigit == true, number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
      return nil
    }
    return Part(
      organ: organ,
      series: Array(components[1..<(modifierStart - 1)]),
      number: number,
      modifiers: Array(components[modifierStart...])
    )
  }
}
