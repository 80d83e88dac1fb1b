import Foundation
@testable import Chronicle

/// A statement of DOT output as Graphviz's lexer reads it: a node, an edge, a
/// default (`graph`, `node`, `edge`) or a subgraph opening, with its attributes.
struct DOTStatement: Equatable {
  enum Kind: Equatable { case node, edge, defaults, subgraph, rank, setting }
  var kind: Kind
  /// The IDs: one for a node, two for an edge, the keyword for defaults, the name
  /// of a subgraph, the members of a `{rank=...}` group.
  var ids: [String]
  /// Attribute values as the lexer gives them: quotes removed, `\"` read as `"`,
  /// `"a" + "b"` joined; other backslashes kept.
  var attributes: [String: String]
  /// Attribute names in the order written.
  var names: [String]
}

/// A small reader for the DOT that ``DOTExporter`` writes (one statement per line,
/// every ID quoted). It is strict: anything it does not expect makes it return nil.
enum DOTReader {
  enum Token: Equatable {
    case quoted(String)
    case word(String)
    case symbol(Character)
    case arrow
  }

  /// The tokens of a DOT text, or nil when a quoted string is not closed.
  static func tokens(_ text: String) -> [Token]? {
    var tokens: [Token] = []
    let characters = Array(text.unicodeScalars)
    var position = 0
    while position < characters.count {
      let character = characters[position]
      switch character {
      case " ", "\n", "\t", "\r":
        position += 1
      case "\"":
        var value = String.UnicodeScalarView()
        position += 1
        var closed = false
        while position < characters.count {
          let scalar = characters[position]
          if scalar == "\\", position + 1 < characters.count, characters[position + 1] == "\"" {
            value.append("\"")
            position += 2
          } else if scalar == "\\", position + 1 < characters.count, characters[position + 1] == "\\" {
            value.append("\\")
            value.append("\\")
            position += 2
          } else if scalar == "\"" {
            closed = true
            position += 1
            break
          } else {
            value.append(scalar)
            position += 1
          }
        }
        guard closed else { return nil }
        if tokens.count >= 2, tokens[tokens.count - 1] == .symbol("+"), case .quoted(let previous) = tokens[tokens.count - 2] {
          tokens.removeLast(2)
          tokens.append(.quoted(previous + String(value)))
        } else {
          tokens.append(.quoted(String(value)))
        }
      case "/" where position + 1 < characters.count && characters[position + 1] == "/":
        while position < characters.count, characters[position] != "\n" { position += 1 }
      case "-" where position + 1 < characters.count && characters[position + 1] == ">":
        tokens.append(.arrow)
        position += 2
      case "[", "]", "{", "}", ";", "=", ",", "+":
        tokens.append(.symbol(Character(character)))
        position += 1
      default:
        var word = ""
        while position < characters.count, characters[position].properties.isAlphabetic || characters[position] == "_"
          || ("0"..."9").contains(characters[position])
        {
          word.unicodeScalars.append(characters[position])
          position += 1
        }
        guard !word.isEmpty else { return nil }
        tokens.append(.word(word))
      }
    }
    return tokens
  }

  /// The statements of a DOT text, or nil when it is not of the expected form.
  static func statements(_ text: String) -> [DOTStatement]? {
    guard let tokens = tokens(text) else { return nil }
    var statements: [DOTStatement] = []
    var position = 0
    func attributeList() -> (values: [String: String], names: [String])? {
      var values: [String: String] = [:]
      var names: [String] = []
      guard position < tokens.count, tokens[position] == .symbol("[") else { return ([:], []) }
      position += 1
      while position < tokens.count, tokens[position] != .symbol("]") {
        guard case .word(let name) = tokens[position], position + 2 < tokens.count, tokens[position + 1] == .symbol("="),
          case .quoted(let value) = tokens[position + 2]
        else { return nil }
        values[name] = value
        names.append(name)
        position += 3
        if position < tokens.count, tokens[position] == .symbol(",") { position += 1 }
      }
      position += 1
      return (values, names)
    }
    while position < tokens.count {
      switch tokens[position] {
      case .word(let keyword) where ["digraph", "subgraph"].contains(keyword):
        guard case .quoted(let name) = tokens[position + 1], tokens[position + 2] == .symbol("{") else { return nil }
        statements.append(DOTStatement(kind: .subgraph, ids: [name], attributes: [:], names: []))
        position += 3
      case .word(let keyword) where ["graph", "node", "edge"].contains(keyword):
        position += 1
        guard let list = attributeList() else { return nil }
        statements.append(DOTStatement(kind: .defaults, ids: [keyword], attributes: list.values, names: list.names))
      case .word(let name):
        // `name="value";` inside a subgraph
        guard tokens[position + 1] == .symbol("="), case .quoted(let value) = tokens[position + 2] else { return nil }
        statements.append(DOTStatement(kind: .setting, ids: [name], attributes: [name: value], names: [name]))
        position += 3
      case .symbol("{"):
        // `{rank="same"; "a"; "b";}`
        guard tokens[position + 1] == .word("rank"), tokens[position + 2] == .symbol("="),
          case .quoted(let rank) = tokens[position + 3]
        else { return nil }
        position += 4
        var members: [String] = []
        while position < tokens.count, tokens[position] != .symbol("}") {
          if case .quoted(let member) = tokens[position] { members.append(member) }
          position += 1
        }
        position += 1
        statements.append(DOTStatement(kind: .rank, ids: members, attributes: ["rank": rank], names: ["rank"]))
      case .symbol("}"), .symbol(";"):
        position += 1
      case .quoted(let first):
        position += 1
        if position < tokens.count, tokens[position] == .arrow {
          guard case .quoted(let second) = tokens[position + 1] else { return nil }
          position += 2
          guard let list = attributeList() else { return nil }
          statements.append(DOTStatement(kind: .edge, ids: [first, second], attributes: list.values, names: list.names))
        } else {
          guard let list = attributeList() else { return nil }
          statements.append(DOTStatement(kind: .node, ids: [first], attributes: list.values, names: list.names))
        }
      default:
        return nil
      }
    }
    return statements
  }

  /// A label as Graphviz shows it: its lines, after `\\`, `\n`, `\l`, `\r` and `&amp;`.
  static func labelLines(_ value: String) -> [String] {
    var lines: [String] = []
    var line = ""
    var characters = Array(value)[...]
    while let character = characters.popFirst() {
      if character == "\\", let next = characters.popFirst() {
        switch next {
        case "n", "l", "r":
          lines.append(line)
          line = ""
        default:
          line.append(next)
        }
      } else {
        line.append(character)
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines.map { $0.replacingOccurrences(of: "&amp;", with: "&") }
  }
}

/// What Chronicle shows for user text: control characters as pictures, line breaks
/// as breaks; the lines wrapped at spaces once past `width` columns (marks and
/// format characters take none). Written independently of `DOTWriter`, as the
/// oracle of the tests.
enum DisplayOracle {
  static func paragraphs(_ text: String) -> [String] {
    var paragraphs: [String] = []
    var current = String.UnicodeScalarView()
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      switch scalar.value {
      case 0x0D:
        if scalars.first == "\n" { scalars.removeFirst() }
        paragraphs.append(String(current))
        current = String.UnicodeScalarView()
      case 0x0A, 0x2028, 0x2029:
        paragraphs.append(String(current))
        current = String.UnicodeScalarView()
      case 0x00..<0x20:
        current.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
      case 0x7F:
        current.append("\u{2421}")
      case 0x80..<0xA0:
        current.append("\u{FFFD}")
      default:
        current.append(scalar)
      }
    }
    paragraphs.append(String(current))
    return paragraphs
  }

  static func width(_ text: String.UnicodeScalarView) -> Int {
    text.filter {
      ![.nonspacingMark, .enclosingMark, .format].contains($0.properties.generalCategory)
    }.count
  }

  /// The lines of one text, as a label shows them. Words are split at U+0020
  /// scalars, even where a mark after the space makes one Swift `Character` of it.
  static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in paragraphs(cut(text, width: width) ?? text) {
      var line: String.UnicodeScalarView?
      for word in paragraph.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false) {
        let word = String.UnicodeScalarView(word)
        if let current = line {
          if self.width(current) + 1 + self.width(word) <= width {
            line = current + [" "] + word
          } else {
            lines.append(String(current))
            line = word
          }
        } else {
          line = word
        }
      }
      lines.append(String(line ?? String.UnicodeScalarView()))
    }
    return lines
  }

  /// The documented cut of a label's text: at most 8 × `width` characters (32 × `width`
  /// scalars) and 8 lines of its own, then `…` (spaces before it dropped); nil when it
  /// is shown whole.
  static func cut(_ text: String, width: Int) -> String? {
    var kept: [Character] = []
    var lineCount = 1
    var scalars = 0
    for character in text {
      if ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}"].contains(character) { lineCount += 1 }
      scalars += character.unicodeScalars.count
      if kept.count == 8 * width || lineCount > 8 || scalars > 32 * width {
        while kept.last == " " { kept.removeLast() }
        return String(kept) + "…"
      }
      kept.append(character)
    }
    return nil
  }
}
