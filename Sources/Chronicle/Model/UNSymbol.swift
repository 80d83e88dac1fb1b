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

  /// Whether `text` parses as a symbol: `UNSymbol(text) != nil`, without building the
  /// parts. ASCII text (all symbols in practice) is checked byte by byte; other text is
  /// parsed.
  static func isWellFormed(_ text: String) -> Bool {
    var text = text
    let ascii: Bool? = text.withUTF8 { bytes in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return isWellFormedASCII(bytes)
    }
    return ascii ?? (UNSymbol(text) != nil)
  }

  /// ``isWellFormed(_:)`` for ASCII bytes, where each byte is one character (a CR LF
  /// pair, one character, is whitespace as each of its bytes is, so it fails alike).
  private static func isWellFormedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let slash = UInt8(ascii: "/")
    let hyphen = UInt8(ascii: "-")
    func isUpper(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }
    // A hyphen splits joint parts where upper-case letters and a slash follow it.
    var pieceStart = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == hyphen {
        var end = index + 1
        while end < bytes.count && isUpper(bytes[end]) { end += 1 }
        if end > index + 1, end < bytes.count, bytes[end] == slash {
          guard isWellFormedPart(bytes, pieceStart..<index) else { return false }
          pieceStart = index + 1
        }
      }
      index += 1
    }
    return isWellFormedPart(bytes, pieceStart..<bytes.count)
  }

  /// The rules of ``parsePart(_:)`` for an ASCII piece.
  private static func isWellFormedPart(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let slash = UInt8(ascii: "/")
    var components: [Range<Int>] = []
    var start = range.lowerBound
    for index in range where bytes[index] == slash {
      components.append(start..<index)
      start = index + 1
    }
    components.append(start..<range.upperBound)
    guard components.count >= 3 else { return false }
    for component in components {
      guard !component.isEmpty else { return false }
      for index in component where bytes[index] == 0x20 || (0x09...0x0D).contains(bytes[index]) { return false }
    }
    guard components[0].allSatisfy({ bytes[$0] &- UInt8(ascii: "A") < 26 }) else { return false }
    let prefixes: [StaticString] = ["Add.", "Rev.", "Corr.", "Amend.", "Summary", "Suppl."]
    func hasModifierPrefix(_ component: Range<Int>) -> Bool {
      prefixes.contains { prefix in
        let count = prefix.utf8CodeUnitCount
        guard component.count >= count else { return false }
        return (0..<count).allSatisfy { bytes[component.lowerBound + $0] == prefix.utf8Start[$0] }
      }
    }
    let modifierStart = components.firstIndex(where: hasModifierPrefix) ?? components.count
    guard modifierStart >= 3 else { return false }
    let number = components[modifierStart - 1]
    guard bytes[number.lowerBound] &- UInt8(ascii: "0") < 10 else { return false }
    return number.allSatisfy { index in
      let byte = bytes[index]
      return byte &- UInt8(ascii: "0") < 10 || byte &- UInt8(ascii: "A") < 26 || byte &- UInt8(ascii: "a") < 26
    }
  }
}
