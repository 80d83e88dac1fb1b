import Foundation
import Testing
@testable import Chronicle

/// YAML read element by element from libyaml's events (``YAMLEventReader``,
/// ``TimelineReader/readYAMLStreaming(_:file:into:)``) gives exactly what reading
/// through ``YAMLReader``'s tree gives: the same graph, the same diagnostics (codes,
/// messages, positions, paths), the same recorded field positions. A differential
/// test over generated timelines, the examples, the fixtures, hand-written edge cases
/// and many mutated files; whatever the streaming read leaves to the tree must leave
/// the builder as it was.
@Suite struct YAMLStreamingTests {
  /// The folder of the package.
  private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Every YAML file of the examples and the test fixtures, by path.
  static func shippedFiles() -> [(String, [UInt8])] {
    var files: [(String, [UInt8])] = []
    for folder in ["Examples", "Tests/ChronicleTests/Fixtures"] {
      let url = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
      for case let file as URL in walker where ["yaml", "yml"].contains(file.pathExtension.lowercased()) {
        if let data = FileManager.default.contents(atPath: file.path) { files.append((file.path, Array(data))) }
      }
    }
    return files.sorted { $0.0 < $1.0 }
  }

  /// The tree path, as ``TimelineReader`` took it for every YAML file before streaming.
  static func readAsTree(_ bytes: [UInt8], into builder: inout TimelineBuilder) {
    do {
      let root = try InputFormat.read(bytes, format: .yaml)
      var decoder = TimelineDecoder(file: "t.yaml")
      decoder.decode(root, into: &builder)
      for diagnostic in decoder.diagnostics { builder.report(diagnostic) }
    } catch {
      builder.report(error.diagnostic(file: "t.yaml"))
    }
  }

  /// Reads `bytes` both ways (after `before`, read into both builders first) and
  /// expects the same result; returns whether the streaming read took the file.
  @discardableResult
  static func compare(
    _ bytes: [UInt8], _ label: @autoclosure () -> String, before: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    var tree = TimelineBuilder()
    var streaming = TimelineBuilder()
    if let before {
      TimelineReader.read(before, file: "before.yaml", format: .yaml, into: &tree)
      TimelineReader.read(before, file: "before.yaml", format: .yaml, into: &streaming)
    }
    let untouched = streaming.validate()
    readAsTree(bytes, into: &tree)
    let streamed = TimelineReader.readYAMLStreaming(bytes, file: "t.yaml", into: &streaming)
    if !streamed {
      let after = streaming.validate()
      #expect(after.graph == untouched.graph && after.diagnostics == untouched.diagnostics,
              "\(label()): the builder is as it was", sourceLocation: sourceLocation)
      TimelineReader.read(bytes, file: "t.yaml", format: .yaml, into: &streaming)
    }
    let expected = tree.validate()
    let found = streaming.validate()
    #expect(found.diagnostics == expected.diagnostics, "\(label())", sourceLocation: sourceLocation)
    #expect(found.graph == expected.graph, "\(label())", sourceLocation: sourceLocation)
    let same = zip(found.graph.entities, expected.graph.entities).allSatisfy { $0.provenance == $1.provenance && $0.provenance.fields == $1.provenance.fields }
      && zip(found.graph.relations, expected.graph.relations).allSatisfy { $0.provenance == $1.provenance && $0.provenance.fields == $1.provenance.fields }
      && zip(found.graph.claims, expected.graph.claims).allSatisfy { $0.provenance == $1.provenance && $0.provenance.fields == $1.provenance.fields }
    #expect(same, "\(label()): recorded positions", sourceLocation: sourceLocation)
    return streamed
  }

  // MARK: Whole files

  @Test(arguments: [(1, 1), (20, 2), (300, 7), (2_500, 11)])
  func generatedTimelinesStreamAndMatchTheTree(events: Int, seed: UInt64) {
    let bytes = TimelineGenerator(events: events, seed: seed).bytes(.yaml)
    #expect(Self.compare(bytes, "generated \(events)/\(seed)"), "read element by element")
  }

  @Test func shippedFilesMatchTheTree() {
    let files = Self.shippedFiles()
    #expect(files.count >= 10)
    var streamed = 0
    for (path, bytes) in files where Self.compare(bytes, path) { streamed += 1 }
    #expect(streamed == files.count, "every shipped file is read element by element")
  }

  @Test func aFileLeftToTheTreeLeavesTheBuilderAsItWas() {
    let before = "entities:\n  - {id: a, kind: place, name: A}\n"
    // The alias comes after an element was added.
    let late = "entities:\n  - {id: b, kind: place, name: &n B}\n  - {id: c, kind: place, name: *n}\n"
    #expect(!Self.compare(Array(late.utf8), "late alias", before: before))
    let broken = "entities:\n  - {id: b, kind: place, name: B}\n  - {id: c, kind: place, name: [}\n"
    #expect(!Self.compare(Array(broken.utf8), "late syntax error", before: before))
    let good = "title: T\nentities:\n  - {id: b, kind: place, name: B}\n"
    #expect(Self.compare(Array(good.utf8), "after another file", before: before))
  }

  @Test func aLargeFileLeftToTheTreeLate() {
    let generated = TimelineGenerator(events: 2_500, seed: 3).bytes(.yaml)
    // The version comes after the claims: the streaming read stops at once.
    #expect(!Self.compare(Array("claims: []\n".utf8) + generated, "out of order first"))
    // An alias, or a second document, after every element was decoded.
    // (The generator writes `}:` in quoted text, which YAMLReader refuses in a file with
    // aliases: reported at once, as the tree path reports it.)
    Self.compare(generated + Array("x: &x 1\ny: *x\n".utf8), "alias at the end")
    #expect(!Self.compare(generated + Array("---\n{}\n".utf8), "second document"))
    // The version written last, after the title and the lists: read element by element all the same.
    let text = String(decoding: generated, as: UTF8.self)
    #expect(text.hasPrefix("chronicle: 1\n"))
    #expect(Self.compare(Array((text.dropFirst("chronicle: 1\n".count) + "chronicle: 2\n").utf8), "version last"))
  }

  // MARK: Edge cases

  /// Hand-written files, each with what the streaming read should do: take it (`true`)
  /// or leave it to the tree (`false`).
  static let edgeCases: [(String, Bool)] = [
    ("", false),
    ("# only a comment\n", false),
    ("just a scalar", false),
    ("\"quoted scalar\"\n", false),
    ("- a\n- b\n", false),
    ("{}", true),
    ("---\n{}\n...\n", true),
    ("---\nentities: []\n---\nentities: []\n", false),
    ("entities: []\n...\n---\n", false),
    ("%YAML 1.1\n---\ntitle: x\n", true),
    ("%TAG !e! tag:yaml.org,2002:\n---\ntitle: !e!str x\n", true),
    ("%TAG !e! tag:example.com,2000:\n---\ntitle: !e!str x\n", false),
    ("\u{FEFF}title: bom\n", true),
    ("title: crlf\r\nentities:\r\n  - id: a\r\n    kind: place\r\n    name: A\r\n", true),
    ("title: a\rentities:\r  - {id: a, kind: place, name: A}\r", true),
    ("title: nel\u{85}entities: []\u{2028}", true),
    ("chronicle: 2\ntitle: 3\ndescription: [x]\n", true),
    ("chronicle: ~\ntitle: ''\n", true),
    ("title: x\nchronicle: 1\n", true),
    ("entities: []\ntitle: x\n", true),
    ("entities: [{id: a}]\nchronicle: 2\nrelations: [{from: a}]\ntitle: [y]\nclaims: [7]\ndescription: {a: 1}\n", true),
    ("relations: [{from: a}]\ntitle: 5\nentities: []\n", false),
    ("entities: []\ndescription: [x]\ntitle: [y]\nchronicle: z\n", true),
    ("colour: red\nentities: []\nshape: round\n", true),
    ("entities: 5\nrelations: {a: 1}\nclaims: ~\n", true),
    ("entities:\nrelations: null\nclaims: \"\"\n", true),
    ("relationTypes: [{id: t, from: any, to: [person, place]}, {id: u, from: [], to: x}, 7]\n", true),
    ("title: x\ntitle: y\n", false),
    ("title: x\n\"title\": y\n", false),
    ("colour: x\ncolour: y\n", false),
    ("entities:\n  - {id: a, id: b}\n", false),
    ("entities:\n  - id: a\n    kind: place\n    name: A\n    \"id\": b\n", false),
    ("entities:\n  - {id: a, kind: place, name: A, sources: [{document: d, document: e}]}\n", false),
    ("entities:\n  - {id: a, kind: place, name: A, ! id: b}\n", false),
    ("entities:\n  - {\"id\": a, 'kind': place, name: A}\n", true),
    ("entities:\n  - {id: \"caf\u{E9}\", kind: place, name: A, \"caf\u{E9}\": 1, \"cafe\u{301}\": 2}\n", false),
    ("entities:\n  - {id: a, kind: place, name: !!str 12, description: ! 13, notes: [!!str , ! ]}\n", true),
    ("entities:\n  - {id: a, kind: place, name: !!int 12}\n", false),
    ("entities:\n  - {id: a, kind: place, name: !custom x}\n", false),
    ("entities: !!seq\n  - {id: a, kind: place, name: A}\n", false),
    ("entities: !\n  - ! {id: a, kind: place, name: A}\n", true),
    ("entities:\n  - !!map {id: a, kind: place, name: A}\n", false),
    ("entities:\n  - {!!str id: a, kind: place, name: A}\n", true),
    ("entities:\n  - {!!int id: a, kind: place, name: A}\n", false),
    ("!!map\nentities: []\n", false),
    ("! \nentities: []\n", true),
    ("entities:\n  - &e {id: a, kind: place, name: A}\n", true),
    ("entities:\n  - &e {id: a, kind: place, name: A}\n  - *e\n", false),
    ("base: &b {kind: place}\nentities:\n  - {<<: *b, id: a, name: A}\n", false),
    ("entities:\n  - {id: a, kind: place, name: A, <<: x}\n", true),
    ("entities:\n  - {id: a, kind: place, name: *undefined}\n", false),
    ("entities:\n  - {? id : a, kind: place, name: A}\n", true),
    ("entities:\n  - {[id]: a, kind: place, name: A}\n", false),
    ("entities:\n  - {{id: x}: a, kind: place, name: A}\n", false),
    ("? [a]\n: b\n", false),
    ("entities:\n  - id: a\n    kind: event\n    title: |\n      Two\n      lines\n    description: >-\n      folded\n      text\n    date: \"1992-02-26\"\n", true),
    ("entities:\n  - id: a\n    kind: event\n    title: 'it''s'\n    date: 1992-13-40\n    notes:\n      - ~\n      - \"\"\n      - null\n      - NULL\n      - Null\n      - nUll\n", true),
    ("entities:\n  - id: a # comment\n    kind: event # another\n    title: t#not a comment\n", true),
    ("entities:\n- id: a\n  kind: person\n  name: B\n  positions:\n  - title: T\n    date: 1990/1992\n", true),
    ("claims:\n  - {subject: a, property: p, value: 1e3}\n  - {subject: a, property: p, value: {low: 1, high: 0x1F}}\n  - {subject: a, property: p, value: [1]}\n  - {subject: a, property: p, value: ~}\n  - {subject: a, property: p, value: 'text'}\n", true),
    ("entities:\n  - {id: a, kind: place, name: A, coordinates: {latitude: .nan, longitude: 1e400}}\n", true),
    ("entities:\n  - id: a\n   kind: place\n", false),
    ("entities:\n  - id: a\n\tkind: place\n", false),
    ("entities:\n  - {id: a, kind: place, name: A\n", false),
    ("entities: [\n", false),
    ("title: \"\\uD800\"\n", false),
    ("title: \"\\x00 and \\0\"\n", true),
    ("title: \u{FEFF}bom inside\nentities: [\u{FEFF}, \u{FEFF}~, {id: \"\u{FEFF}\u{FEFF}a\", kind: place, name: \u{FEFF}A}]\n", true),
    ("title: \"\u{7F}\"\n", true),
    ("title: \"\u{FFFE}\"\n", true),
    ("title: a\n# &x and *x in a comment, then an explicit key\n? k\n: v\n", true),
    ("'entities': [{id: a, kind: place, name: A}]\n\"relations\": []\n", true),
    ("entities: [{id: a, kind: place, name: A}, {id: b, kind: place, name: B},]\n", true),
    ("entities: [,]\n", false),
    ("title: \"see *a\"\ndescription: a&b *c\n", true),
    ("title: \"x &a and *a\"\n", false),
    ("~: a\nnull: b\n\"\": c\n", true),
    ("? \n: x\ntitle: t\n", true),
    ("&root\nentities: &list\n  - &e {id: a, kind: place, name: &n A}\n", true),
    ("entities:\n  - {id: a, kind: place, name: A, 1: x, \"1\": y}\n", false),
    ("title: \"a\\\n  b\"\ndescription: 'x\n\n  y'\n", true),
    ("title: >+\n  kept\n\n\ndescription: |2-\n    indented\n", true),
    ("entities:\n  - \n  -\n  - []\n  - x\n", true),
  ]

  @Test func edgeCasesMatchTheTree() {
    for (text, expected) in Self.edgeCases {
      let streamed = Self.compare(Array(text.utf8), text.debugDescription)
      #expect(streamed == expected, "\(text.debugDescription): read element by element: \(streamed)")
    }
  }

  @Test func deepNestingIsLeftToTheTree() {
    for depth in [YAMLReader.maximumDepth - 3, YAMLReader.maximumDepth - 2, YAMLReader.maximumDepth + 5, 1_200, 20_000] {
      let flow = "entities:\n  - {id: a, kind: place, name: A, notes: " + String(repeating: "[", count: depth)
        + String(repeating: "]", count: depth) + "}\n"
      Self.compare(Array(flow.utf8), "flow \(depth)")
      let unclosed = "entities:\n  - " + String(repeating: "{a: ", count: depth)
      Self.compare(Array(unclosed.utf8), "unclosed \(depth)")
    }
    var block = "entities:\n  - id: a\n    kind: place\n    name: A\n    x:\n"
    for level in 0..<700 { block += String(repeating: " ", count: 6 + level) + "- \n" }
    Self.compare(Array(block.utf8), "block 700")
  }

  @Test func largeScalarsAndAliasBombs() {
    let long = String(repeating: "ab", count: 600_000)
    Self.compare(Array("entities:\n  - {id: a, kind: place, name: \"\(long)\"}\n".utf8), "long scalar")
    Self.compare(Array("entities:\n  - {id: a, kind: place, name: \(long)}\n".utf8), "long plain scalar")
    var bomb = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
      previous = name
    }
    #expect(!Self.compare(Array(bomb.utf8), "billion laughs"))
    let text = "t: &t \"\(String(repeating: "x", count: 100_000))\"\nentities: [" + Array(repeating: "*t", count: 40).joined(separator: ", ") + "]\n"
    #expect(!Self.compare(Array(text.utf8), "long aliased text"))
  }

  // MARK: Mutations

  /// Snippets inserted at random places: every kind of YAML syntax.
  private static let snippets: [String] = [
    ":", "- ", " ", "\n", "#", " # c", "&a ", "*a", " &b", " *b", "!!str ", "!x ", "! ", "!!int ", "'", "\"", "{", "}",
    "[", "]", ",", "|\n", ">-\n", "? ", "~", "\t", "\r\n", "\r", "---\n", "...\n", "{}", "[]", "\"k\": ", "'k': ",
    "<<: ", "null", "x", "1", "é", "叶", "\u{85}", "\u{2028}", "%", "@", "`", "\\", "\u{FEFF}", "id: d\n",
    "  - id: z\n    kind: place\n    name: Z\n", "colour: red\n", "chronicle: 1\n",
  ]

  /// `bytes` changed once: a byte changed, inserted or deleted, a line removed or
  /// repeated, a key renamed, indentation broken, a snippet inserted.
  static func mutate(_ bytes: [UInt8], _ random: inout GeneratorRandom) -> [UInt8] {
    var bytes = bytes
    guard !bytes.isEmpty else { return Array(random.pick(snippets).utf8) }
    let at = random.below(bytes.count)
    let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }.filter { $0 < bytes.count }
    let line = random.pick(lineStarts)
    let lineEnd = bytes[line...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
    switch random.below(11) {
    case 0: bytes[at] = random.pick(Array(" :-#&*!'\"{}[],|>?~\t\r\nx1%".utf8))
    case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())
    case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
    case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
    case 4: bytes.removeSubrange(line..<lineEnd)
    case 5: bytes.insert(contentsOf: Array(bytes[line..<lineEnd]), at: lineEnd)
    case 6:
      // A key renamed (or given an unknown name).
      if let colon = bytes[line..<lineEnd].firstIndex(of: UInt8(ascii: ":")) {
        bytes.insert(contentsOf: Array(random.pick(["x", "s", "_", "Id", "\"\""]).utf8), at: colon)
      }
    case 7:
      if random.chance(500) {
        bytes.insert(contentsOf: Array(repeating: 0x20, count: 1 + random.below(3)), at: line)
      } else if bytes[line] == 0x20 {
        bytes.remove(at: line)
      }
    case 8: bytes.insert(contentsOf: Array(random.pick(snippets).utf8), at: at)
    case 9:
      // A top-level line moved to the end (keys out of order, unknown keys last).
      let moved = Array(bytes[line..<lineEnd])
      bytes.removeSubrange(line..<lineEnd)
      if bytes.last != 0x0A { bytes.append(0x0A) }
      bytes += moved
    default:
      // Whole-file changes: CRLF line ends, a byte order mark, a document start.
      switch random.below(3) {
      case 0: bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
      case 1: bytes = [0xEF, 0xBB, 0xBF] + bytes
      default: bytes = Array("---\n".utf8) + bytes
      }
    }
    return bytes
  }

  @Test func mutatedFilesMatchTheTree() {
    var bases = Self.shippedFiles().map { ($0.0.components(separatedBy: "/").suffix(2).joined(separator: "/"), $0.1) }
    for seed in 1...3 {
      bases.append(("generated 15/\(seed)", TimelineGenerator(events: 15, seed: UInt64(seed)).bytes(.yaml)))
    }
    bases += Self.edgeCases.filter(\.1).map { ("edge case", Array($0.0.utf8)) }
    var streamed = 0
    var total = 0
    for (index, (name, base)) in bases.enumerated() {
      var random = GeneratorRandom(seed: UInt64(index) &* 7_919 &+ 17)
      let rounds = base.count > 20_000 ? 60 : 120
      for round in 0..<rounds {
        var bytes = base
        for _ in 0...random.below(3) { bytes = Self.mutate(bytes, &random) }
        total += 1
        if Self.compare(bytes, "\(name), mutation \(round)") { streamed += 1 }
      }
    }
    // Both paths are exercised: most mutations still read element by element.
    #expect(streamed > total / 4 && streamed < total, "\(streamed) of \(total) read element by element")
  }
}
