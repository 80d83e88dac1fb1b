import Foundation
import Testing
@testable import Chronicle

#if canImport(FoundationXML)
  import FoundationXML
#endif

// Support for the hostile-input corpus (HostileInputTests, RefusedInputTests): the
// fixture folders, timelines built in code, and readers for what `chronicle` wrote.

/// `Tests/ChronicleCLITests/Fixtures/Hostile`.
let hostileFixtureFolder = packageRoot.appendingPathComponent("Tests/ChronicleCLITests/Fixtures/Hostile")

/// The names of the fixture files in `valid` or `refused`, sorted (the README excluded).
func hostileFixtureNames(_ folder: String) -> [String] {
  let url = hostileFixtureFolder.appendingPathComponent(folder)
  let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
  return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
}

/// A fresh folder holding `files`, removed when `body` returns.
func withFolder<T>(_ files: [String: [UInt8]] = [:], _ body: (URL) throws -> T) throws -> T {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-hostile-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  for (name, bytes) in files {
    try Data(bytes).write(to: folder.appendingPathComponent(name))
  }
  return try body(folder)
}

/// The names in `folder`, sorted.
func folderListing(_ folder: URL) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

/// Whether `dot` can be used. Outside CI a missing `dot` skips the rendering checks;
/// under CI it is a failure, as in ExportCommandTests.
func graphvizForHostileTests(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
  if graphvizInstalled { return true }
  if runningUnderCI {
    Issue.record("Graphviz's dot is required under CI (apt-get install graphviz)", sourceLocation: sourceLocation)
  }
  return false
}

// MARK: - JSON built in code

/// A JSON value written exactly: strings as UTF-8 with only `"`, `\` and the C0 controls
/// escaped (as `\u00XX`), so that every other code point reaches the file as it is.
indirect enum JSONValue: Sendable {
  case string(String)
  case number(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  var bytes: [UInt8] {
    var out: [UInt8] = []
    write(into: &out)
    return out
  }

  private func write(into out: inout [UInt8]) {
    switch self {
    case .string(let text): Self.writeString(text, into: &out)
    case .number(let text): out += Array(text.utf8)
    case .array(let values):
      out.append(UInt8(ascii: "["))
      for (index, value) in values.enumerated() {
        if index > 0 { out += Array(",\n".utf8) }
        value.write(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { out += Array(", ".utf8) }
        Self.writeString(key, into: &out)
        out += Array(": ".utf8)
        value.write(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  private static func writeString(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += [0x5C, 0x22]
      case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
      case 0x00..<0x20: out += Array(String(format: "\\u%04x", Int(byte)).utf8)
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}

extension JSONValue: ExpressibleByStringLiteral {
  init(stringLiteral value: String) { self = .string(value) }
}

// MARK: - What Chronicle documents it does to text

/// What the DOT exporter promises for text in labels and tooltips (DOTWriter, DOTText):
/// line breaks (LF, CR, CRLF, U+2028, U+2029) end lines; C0 controls become their
/// Control Pictures (U+2400 + code), DEL `␡`, C1 controls and U+FFFE/U+FFFF `�`.
enum DOTPromise {
  /// The lines of `text` as a label shows them, before wrapping.
  static func lines(_ text: String) -> [String] {
    var lines: [String] = []
    var line = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar.value {
      case 0x0A where previousWasCR:
        continue  // CRLF is one break
      case 0x0A, 0x0D, 0x2028, 0x2029:
        lines.append(String(line))
        line = String.UnicodeScalarView()
      case 0x00..<0x20:
        line.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F:
        line.append("\u{2421}")
      case 0x80...0x9F, 0xFFFE, 0xFFFF:
        line.append("\u{FFFD}")
      default:
        line.append(scalar)
      }
    }
    lines.append(String(line))
    return lines
  }

  /// The label text read back from an SVG, for comparison: the non-empty lines joined
  /// by single spaces (wrapping breaks a line at a space, and Graphviz draws no empty
  /// line), of the text as a label of `width`-character lines shows it (``shown(_:width:)``).
  static func joinedLabel(_ text: String, width: Int = 32) -> String {
    lines(shown(text, width: width) ?? text).filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// The documented cut of a label (at most 8 × `width` characters and 8 lines, then
  /// `…`), as the library's unit tests pin it down; nil when shown whole.
  static func shown(_ text: String, width: Int = 32) -> String? { DOTText.cut(text, width: width) }

  /// A tooltip line as the SVG's `xlink:title` holds it: the lines joined by LF.
  static func tooltip(_ text: String) -> String {
    lines(text).joined(separator: "\n")
  }
}

/// Characters that must never reach a terminal, a chronology or an SVG raw: the C0
/// controls but LF (TAB included, CR included: a bare CR rewrites the line), DEL and
/// the C1 controls.
func rawControls(in text: String) -> [Unicode.Scalar] {
  text.unicodeScalars.filter { scalar in
    switch scalar.value {
    case 0x0A: return false
    case 0x00..<0x20, 0x7F, 0x80...0x9F: return true
    default: return false
    }
  }
}

/// The code points of a string: Swift's `==` on strings ignores the difference between
/// NFC and NFD, and these tests must not.
func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

/// The longest line of `text`, in characters.
func longestLine(_ text: String) -> Int {
  text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
}

// MARK: - Reading an SVG back

/// An SVG as Graphviz wrote it, read with Foundation's XMLParser: whether it is
/// well-formed, every element and attribute name, and the text of each node and edge.
final class SVGReading: NSObject, XMLParserDelegate {
  struct Group {
    /// `node`, `edge`, `cluster` or `graph`.
    var kind: String
    /// The `<title>`: Graphviz's name of the node (`n3`) or edge (`n1->n3`).
    var title = ""
    /// The `xlink:title` of the group's link: the tooltip.
    var tooltip: String?
    /// The text of each `<text>` element, in order.
    var texts: [String] = []
  }

  private(set) var wellFormed = false
  private(set) var parseError: String?
  private(set) var elementNames: Set<String> = []
  private(set) var attributeNames: Set<String> = []
  private(set) var fontFamilies: Set<String> = []
  private(set) var groups: [Group] = []

  private var open: [Int] = []  // indices into groups of the enclosing node/edge groups
  private var characters = ""

  init(_ data: Data) {
    super.init()
    let parser = XMLParser(data: data)
    parser.delegate = self
    parser.shouldResolveExternalEntities = false
    wellFormed = parser.parse()
    if !wellFormed { parseError = parser.parserError.map { "\($0)" } ?? "unknown error" }
  }

  var nodes: [Group] { groups.filter { $0.kind == "node" } }
  var edges: [Group] { groups.filter { $0.kind == "edge" } }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elementNames.insert(elementName)
    attributeNames.formUnion(attributes.keys)
    if let family = attributes["font-family"] { fontFamilies.insert(family) }
    characters = ""
    switch elementName {
    case "g":
      let kind = attributes["class"] ?? ""
      if ["node", "edge", "cluster", "graph"].contains(kind) {
        groups.append(Group(kind: kind))
        open.append(groups.count - 1)
      } else {
        open.append(-1)
      }
    case "a":
      if let index = open.last(where: { $0 >= 0 }), let title = attributes["xlink:title"], groups[index].tooltip == nil {
        groups[index].tooltip = title
      }
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    characters += string
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "g":
      open.removeLast()
    case "title":
      if let index = open.last(where: { $0 >= 0 }), groups[index].title.isEmpty { groups[index].title = characters }
    case "text":
      if let index = open.last(where: { $0 >= 0 }) { groups[index].texts.append(characters) }
    default:
      break
    }
    characters = ""
  }

  /// The node whose tooltip's first line starts with `prefix` (`id: e3`).
  func node(tooltipPrefix prefix: String) -> Group? {
    nodes.first { node in
      guard let tooltip = node.tooltip else { return false }
      return tooltip.hasPrefix(prefix)
    }
  }

  /// The edges between two Graphviz node names, either way round.
  func edges(between a: String, and b: String) -> [Group] {
    edges.filter { $0.title == "\(a)->\(b)" || $0.title == "\(b)->\(a)" }
  }
}

/// SVG text as Graphviz writes it, made comparable with ``DOTPromise/joinedLabel(_:)``:
/// Graphviz writes the second and later spaces of a run as `&#160;` (U+00A0), so
/// U+00A0 reads as a space unless the input itself held one.
func svgLabel(_ lines: [String], input: String) -> String {
  let joined = lines.joined(separator: " ")
  return input.unicodeScalars.contains("\u{A0}") ? joined : joined.replacingOccurrences(of: "\u{A0}", with: " ")
}

/// The checks every SVG rendered from hostile input must pass: well-formed XML, no
/// element or attribute that loads or links anything, Chronicle's font only, no
/// control character.
func expectHarmlessSVG(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> SVGReading {
  let svg = SVGReading(data)
  #expect(svg.wellFormed, "the SVG is not well-formed XML: \(svg.parseError ?? "")", sourceLocation: sourceLocation)
  let forbiddenElements: Set<String> = ["image", "script", "foreignObject", "use", "style", "iframe", "object", "embed"]
  #expect(svg.elementNames.isDisjoint(with: forbiddenElements), "\(svg.elementNames)", sourceLocation: sourceLocation)
  let allowedElements: Set<String> = ["svg", "g", "title", "a", "text", "polygon", "polyline", "path", "ellipse"]
  #expect(svg.elementNames.isSubset(of: allowedElements), "\(svg.elementNames.subtracting(allowedElements))",
    sourceLocation: sourceLocation)
  #expect(!svg.attributeNames.contains("href"), sourceLocation: sourceLocation)
  #expect(!svg.attributeNames.contains("xlink:href"), sourceLocation: sourceLocation)
  #expect(!svg.attributeNames.contains { $0.hasPrefix("on") }, "\(svg.attributeNames)", sourceLocation: sourceLocation)
  #expect(svg.fontFamilies.isSubset(of: ["Helvetica,sans-Serif"]), "\(svg.fontFamilies)", sourceLocation: sourceLocation)
  let text = String(decoding: data, as: UTF8.self)
  #expect(!text.contains("<image"), sourceLocation: sourceLocation)
  #expect(!text.contains("<script"), sourceLocation: sourceLocation)
  #expect(rawControls(in: text).isEmpty, "raw control characters in the SVG", sourceLocation: sourceLocation)
  return svg
}

// MARK: - Reading JSON exactly

/// A strict little JSON reader for checking exports code point for code point.
/// (Foundation's JSONSerialization drops a U+FEFF that starts a string.)
enum ExactJSON {
  indirect enum Value: Equatable {
    case string([Unicode.Scalar])
    case number(String)
    case literal(String)
    case array([Value])
    case object([(String, Value)])

    static func == (lhs: Value, rhs: Value) -> Bool {
      switch (lhs, rhs) {
      case (.string(let a), .string(let b)): a == b
      case (.number(let a), .number(let b)), (.literal(let a), .literal(let b)): a == b
      case (.array(let a), .array(let b)): a == b
      case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
      default: false
      }
    }

    subscript(key: String) -> Value? {
      guard case .object(let members) = self else { return nil }
      return members.first { $0.0 == key }?.1
    }

    var elements: [Value] {
      if case .array(let values) = self { return values }
      return []
    }

    /// The code points of a string value; empty for anything else.
    var scalars: [UInt32] {
      if case .string(let scalars) = self { return scalars.map(\.value) }
      return []
    }

    /// Every string in the value, object keys included, as code points.
    var allStrings: [[UInt32]] {
      switch self {
      case .string(let scalars): [scalars.map(\.value)]
      case .array(let values): values.flatMap(\.allStrings)
      case .object(let members): members.flatMap { [$0.0.unicodeScalars.map(\.value)] + $0.1.allStrings }
      default: []
      }
    }
  }

  struct Malformed: Error {}

  static func parse(_ data: Data) throws -> Value {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    // Decode UTF-8 once: scalars are what strings are made of.
    let text = String(decoding: bytes, as: UTF8.self)
    var scalars = Array(text.unicodeScalars)[...]
    let value = try parseValue(&scalars)
    skipSpace(&scalars)
    guard scalars.isEmpty else { throw Malformed() }
    return value
  }

  private static func skipSpace(_ input: inout ArraySlice<Unicode.Scalar>) {
    while let first = input.first, [" ", "\n", "\r", "\t"].contains(first) { input.removeFirst() }
  }

  private static func parseValue(_ input: inout ArraySlice<Unicode.Scalar>) throws -> Value {
    skipSpace(&input)
    guard let first = input.first else { throw Malformed() }
    switch first {
    case "{":
      input.removeFirst()
      var members: [(String, Value)] = []
      skipSpace(&input)
      if input.first == "}" {
        input.removeFirst()
        return .object(members)
      }
      while true {
        skipSpace(&input)
        guard case .string(let key) = try parseValue(&input) else { throw Malformed() }
        skipSpace(&input)
        guard input.popFirst() == ":" else { throw Malformed() }
        members.append((String(String.UnicodeScalarView(key)), try parseValue(&input)))
        skipSpace(&input)
        switch input.popFirst() {
        case ",": continue
        case "}": return .object(members)
        default: throw Malformed()
        }
      }
    case "[":
      input.removeFirst()
      var values: [Value] = []
      skipSpace(&input)
      if input.first == "]" {
        input.removeFirst()
        return .array(values)
      }
      while true {
        values.append(try parseValue(&input))
        skipSpace(&input)
        switch input.popFirst() {
        case ",": continue
        case "]": return .array(values)
        default: throw Malformed()
        }
      }
    case "\"":
      input.removeFirst()
      var result: [Unicode.Scalar] = []
      while let scalar = input.popFirst() {
        switch scalar {
        case "\"": return .string(result)
        case "\\":
          switch input.popFirst() {
          case "\"": result.append("\"")
          case "\\": result.append("\\")
          case "/": result.append("/")
          case "b": result.append("\u{8}")
          case "f": result.append("\u{C}")
          case "n": result.append("\n")
          case "r": result.append("\r")
          case "t": result.append("\t")
          case "u":
            var unit = try hex4(&input)
            if (0xD800..<0xDC00).contains(unit) {
              guard input.popFirst() == "\\", input.popFirst() == "u" else { throw Malformed() }
              let low = try hex4(&input)
              unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let decoded = Unicode.Scalar(unit) else { throw Malformed() }
            result.append(decoded)
          default: throw Malformed()
          }
        default:
          guard scalar.value >= 0x20 else { throw Malformed() }
          result.append(scalar)
        }
      }
      throw Malformed()
    default:
      var token = ""
      while let scalar = input.first, !([",", "]", "}", " ", "\n", "\r", "\t"] as [Unicode.Scalar]).contains(scalar) {
        token.unicodeScalars.append(scalar)
        input.removeFirst()
      }
      if ["true", "false", "null"].contains(token) { return .literal(token) }
      guard !token.isEmpty, Double(token) != nil else { throw Malformed() }
      return .number(token)
    }
  }

  private static func hex4(_ input: inout ArraySlice<Unicode.Scalar>) throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let scalar = input.popFirst(), let digit = UInt32(String(scalar), radix: 16) else { throw Malformed() }
      value = value << 4 | digit
    }
    return value
  }
}
