/// A small tokenizer and statement reader for the DOT that ``Chronicle/DOTExporter``
/// writes, checking that no user text can have changed the graph's structure.
///
/// It accepts only the shapes of statement the writer produces:
///
///     digraph "timeline" {            subgraph "cluster_year_0" {
///     graph [name="value", …];        node [...];   edge [...];
///     name="value";                   "n0" [...];   "n0" -> "n1" [...];
///     {rank="same"; "t0"; "n1";}      }             // comment
///
/// and checks that:
/// - every quoted string is closed on its line, holds no control character (C0, DEL,
///   C1), no escape but `\"`, `\\`, `\n`, `\l`, no `&` but `&amp;`, and is under
///   16 KB between quotes (longer values are `"…" + "…"`);
/// - outside quotes there are only punctuation, DOT keywords and attribute names
///   from an allow-list (never `image`, `shapefile`, `fontpath`, `imagepath`,
///   `stylesheet`), so user text exists only inside quotes;
/// - identifiers of nodes and edge ends are Chronicle's own (`n12`, `t0`, `d3`, `r5`,
///   `legend_node_0`),
///   and subgraph names are `cluster_…`;
/// - braces balance and the file ends after the closing brace of the graph.
///
/// ``summary`` then gives the entity nodes and the edges between them, to compare
/// with the graph.
public struct DOTChecker {
  /// What a DOT text declares.
  public struct Summary: Sendable {
    /// Entity node statements, by number (`"n4"` → 4), in order.
    public var entityNodes: [Int] = []
    /// Edges whose ends are both entity nodes, as numbers.
    public var entityEdges: [(from: Int, to: Int)] = []
    /// All node statements.
    public var nodeStatements = 0
    /// All edge statements.
    public var edgeStatements = 0
  }

  /// Attribute names the exporter may write.
  public static let allowedNames: Set<String> = [
    "arrowhead", "arrowsize", "arrowtail", "bgcolor", "color", "dir", "fillcolor", "fontcolor", "fontname",
    "fontsize", "forcelabels", "group", "label", "labeljust", "labelloc", "margin", "newrank", "nodesep",
    "penwidth", "peripheries", "rank", "rankdir", "ranksep", "shape", "style", "tooltip", "weight", "width",
    "xlabel",
  ]

  /// The prefixes of Chronicle's node identifiers, each followed by a number.
  public static let identifierPrefixes: Set<String> = ["n", "t", "d", "r", "legend_node_", "legend_from_", "legend_to_"]

  /// Names that would make Graphviz open a file or link out.
  public static let forbiddenNames: Set<String> = [
    "image", "imagepath", "imagescale", "shapefile", "fontpath", "stylesheet", "URL", "href", "target",
    "edgeURL", "headURL", "tailURL", "labelURL", "id", "class",
  ]

  private enum Token: Equatable {
    case word(String)
    case quoted(String)  // the raw content between quotes, chunks joined
    case symbol(UInt8)  // { } [ ] ; = ,
    case arrow
  }

  /// Checks `dot` and returns what it declares, or the first problem found.
  public static func check(_ dot: [UInt8]) -> Result<Summary, DOTCheckError> {
    let tokens: [Token]
    switch tokenize(dot) {
    case .success(let found): tokens = found
    case .failure(let error): return .failure(error)
    }
    return parse(tokens)
  }

  // MARK: Tokens

  private static func tokenize(_ bytes: [UInt8]) -> Result<[Token], DOTCheckError> {
    var tokens: [Token] = []
    var position = 0
    let count = bytes.count
    func isWordByte(_ byte: UInt8) -> Bool {
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }
    while position < count {
      let byte = bytes[position]
      switch byte {
      case 0x20, 0x0A:
        position += 1
      case UInt8(ascii: "/"):
        guard position + 1 < count, bytes[position + 1] == UInt8(ascii: "/") else {
          return .failure(DOTCheckError("a '/' outside quotes at byte \(position)"))
        }
        while position < count, bytes[position] != 0x0A { position += 1 }
      case UInt8(ascii: "\""):
        var content: [UInt8] = []
        // A quoted string, possibly continued with `+ "…"`.
        while true {
          position += 1
          let start = position
          while true {
            guard position < count else { return .failure(DOTCheckError("a quoted string opened at byte \(start - 1) is never closed")) }
            let c = bytes[position]
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 || c == 0x7F {
              return .failure(DOTCheckError("control byte 0x\(String(c, radix: 16)) inside quotes at byte \(position)"))
            }
            if c == 0xC2, position + 1 < count, bytes[position + 1] >= 0x80, bytes[position + 1] < 0xA0 {
              return .failure(DOTCheckError("a C1 control inside quotes at byte \(position)"))
            }
            if c == UInt8(ascii: "\\") {
              guard position + 1 < count else { return .failure(DOTCheckError("backslash at the end of the file")) }
              let next = bytes[position + 1]
              guard next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next == UInt8(ascii: "n")
                || next == UInt8(ascii: "l")
              else {
                return .failure(DOTCheckError("escape \\\(Character(Unicode.Scalar(next))) inside quotes at byte \(position)"))
              }
              content.append(c)
              content.append(next)
              position += 2
              continue
            }
            if c == UInt8(ascii: "&") {
              let entity = Array("&amp;".utf8)
              guard position + entity.count <= count, Array(bytes[position..<(position + entity.count)]) == entity else {
                return .failure(DOTCheckError("'&' not written as &amp; at byte \(position)"))
              }
            }
            content.append(c)
            position += 1
          }
          if position - start >= 16_000 {
            return .failure(DOTCheckError("a quoted chunk of \(position - start) bytes at byte \(start)"))
          }
          position += 1  // the closing quote
          // `" + "` continues the string.
          var look = position
          while look < count, bytes[look] == 0x20 { look += 1 }
          if look < count, bytes[look] == UInt8(ascii: "+") {
            look += 1
            while look < count, bytes[look] == 0x20 { look += 1 }
            guard look < count, bytes[look] == UInt8(ascii: "\"") else {
              return .failure(DOTCheckError("'+' not followed by a quoted string at byte \(look)"))
            }
            position = look
            continue
          }
          break
        }
        guard String(validating: content, as: UTF8.self) != nil else {
          return .failure(DOTCheckError("invalid UTF-8 inside a quoted string"))
        }
        tokens.append(.quoted(String(decoding: content, as: UTF8.self)))
      case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ";"),
        UInt8(ascii: "="), UInt8(ascii: ","):
        tokens.append(.symbol(byte))
        position += 1
      case UInt8(ascii: "-"):
        guard position + 1 < count, bytes[position + 1] == UInt8(ascii: ">") else {
          return .failure(DOTCheckError("a '-' outside quotes at byte \(position)"))
        }
        tokens.append(.arrow)
        position += 2
      default:
        guard isWordByte(byte) else {
          return .failure(DOTCheckError("byte 0x\(String(byte, radix: 16)) outside quotes at byte \(position)"))
        }
        let start = position
        while position < count, isWordByte(bytes[position]) { position += 1 }
        tokens.append(.word(String(decoding: bytes[start..<position], as: UTF8.self)))
      }
    }
    return .success(tokens)
  }

  // MARK: Statements

  private static func parse(_ tokens: [Token]) -> Result<Summary, DOTCheckError> {
    var summary = Summary()
    var position = 0
    var depth = 0
    var closedGraph = false

    func peek(_ offset: Int = 0) -> Token? { position + offset < tokens.count ? tokens[position + offset] : nil }

    func identifier(_ token: Token?) -> (prefix: Substring, number: Int)? {
      guard case .quoted(let text) = token else { return nil }
      let prefix = text.prefix { !$0.isNumber }
      let digits = text.dropFirst(prefix.count)
      guard identifierPrefixes.contains(String(prefix)), !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let number = Int(digits)
      else { return nil }
      return (prefix, number)
    }

    // `[name="value", …]`, with position at `[`.
    func attributeList() -> DOTCheckError? {
      position += 1
      var first = true
      while true {
        if peek() == .symbol(UInt8(ascii: "]")) {
          position += 1
          return nil
        }
        if !first {
          guard peek() == .symbol(UInt8(ascii: ",")) else { return DOTCheckError("expected ',' in an attribute list") }
          position += 1
        }
        first = false
        guard case .word(let name) = peek() else { return DOTCheckError("expected an attribute name, found \(String(describing: peek()))") }
        if let problem = checkName(name) { return problem }
        guard peek(1) == .symbol(UInt8(ascii: "=")), case .quoted = peek(2) else {
          return DOTCheckError("attribute \(name) is not name=\"value\"")
        }
        position += 3
      }
    }

    func checkName(_ name: String) -> DOTCheckError? {
      if forbiddenNames.contains(name) { return DOTCheckError("forbidden attribute \(name)") }
      if !allowedNames.contains(name) { return DOTCheckError("unknown word outside quotes: \(name)") }
      return nil
    }

    func terminator() -> DOTCheckError? {
      guard peek() == .symbol(UInt8(ascii: ";")) else { return DOTCheckError("statement not ended by ';'") }
      position += 1
      return nil
    }

    while position < tokens.count {
      if closedGraph { return .failure(DOTCheckError("text after the graph's closing brace")) }
      let token = tokens[position]
      switch token {
      case .word("digraph") where depth == 0:
        guard case .quoted = peek(1), peek(2) == .symbol(UInt8(ascii: "{")) else {
          return .failure(DOTCheckError("malformed digraph header"))
        }
        position += 3
        depth += 1
      case .word("subgraph") where depth > 0:
        guard case .quoted(let name) = peek(1), name.hasPrefix("cluster_"), peek(2) == .symbol(UInt8(ascii: "{")) else {
          return .failure(DOTCheckError("malformed subgraph header"))
        }
        guard name.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }) else {
          return .failure(DOTCheckError("subgraph name \(name) is not Chronicle's own"))
        }
        position += 3
        depth += 1
      case .word("graph"), .word("node"), .word("edge"):
        guard depth > 0, peek(1) == .symbol(UInt8(ascii: "[")) else {
          return .failure(DOTCheckError("malformed defaults statement"))
        }
        position += 1
        if let problem = attributeList() { return .failure(problem) }
        if let problem = terminator() { return .failure(problem) }
      case .word(let name):
        guard depth > 0 else { return .failure(DOTCheckError("a word outside the graph")) }
        if let problem = checkName(name) { return .failure(problem) }
        guard peek(1) == .symbol(UInt8(ascii: "=")), case .quoted = peek(2) else {
          return .failure(DOTCheckError("setting \(name) is not name=\"value\""))
        }
        position += 3
        if let problem = terminator() { return .failure(problem) }
      case .quoted:
        guard depth > 0, let from = identifier(token) else {
          return .failure(DOTCheckError("a statement starting with a quoted string that is not Chronicle's id: \(token)"))
        }
        position += 1
        if peek() == .arrow {
          guard let to = identifier(peek(1)) else { return .failure(DOTCheckError("an edge to something not Chronicle's id")) }
          position += 2
          summary.edgeStatements += 1
          if from.prefix == "n", to.prefix == "n" { summary.entityEdges.append((from.number, to.number)) }
        } else {
          summary.nodeStatements += 1
          if from.prefix == "n" { summary.entityNodes.append(from.number) }
        }
        if peek() == .symbol(UInt8(ascii: "[")), let problem = attributeList() { return .failure(problem) }
        if let problem = terminator() { return .failure(problem) }
      case .symbol(UInt8(ascii: "{")):
        // {rank="same"; "t0"; "n1";}
        guard depth > 0, peek(1) == .word("rank"), peek(2) == .symbol(UInt8(ascii: "=")), case .quoted = peek(3),
          peek(4) == .symbol(UInt8(ascii: ";"))
        else { return .failure(DOTCheckError("malformed rank group")) }
        position += 5
        while peek() != .symbol(UInt8(ascii: "}")) {
          guard identifier(peek()) != nil, peek(1) == .symbol(UInt8(ascii: ";")) else {
            return .failure(DOTCheckError("a rank group member that is not Chronicle's id"))
          }
          position += 2
        }
        position += 1
      case .symbol(UInt8(ascii: "}")):
        guard depth > 0 else { return .failure(DOTCheckError("unbalanced '}'")) }
        depth -= 1
        position += 1
        if depth == 0 { closedGraph = true }
      default:
        return .failure(DOTCheckError("unexpected \(token) at token \(position)"))
      }
    }
    guard closedGraph else { return .failure(DOTCheckError("the graph is never closed")) }
    return .success(summary)
  }
}

/// A problem ``DOTChecker`` found.
public struct DOTCheckError: Error, CustomStringConvertible {
  /// What is wrong and where.
  public var description: String
  init(_ description: String) { self.description = description }
}
