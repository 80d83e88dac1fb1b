import Foundation
import PropertyBased
import Testing
@testable import Chronicle

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What Graphviz made of a drawing: per node and per edge, the label lines it drew
/// (from `-Tjson`), and per node the tooltip (from `-Tsvg`).
private struct Drawing {
  var nodeLines: [String: [String]] = [:]
  var edgeLines: [String: [String]] = [:]
  var tooltips: [String: String] = [:]
  var svgTexts: [String: [String]] = [:]
}

/// Runs `dot` and fails the test on a non-zero exit or any message on stderr.
private func run(_ dot: String, _ format: String, _ input: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation)
  throws -> Data
{
  let result = try Graphviz.run(dot, ["-T" + format], input: input)
  #expect(result.status == 0, "dot -T\(format) exited with \(result.status)", sourceLocation: sourceLocation)
  #expect(result.errors.isEmpty, "dot -T\(format) said: \(result.errors)", sourceLocation: sourceLocation)
  return result.output
}

/// Label lines from `dot -Tjson`: the text of each `T` drawing operation.
private func readJSON(_ data: Data, into drawing: inout Drawing) throws {
  struct Output: Decodable {
    struct Operation: Decodable {
      var op: String
      var text: String?
    }
    struct Object: Decodable {
      var _gvid: Int
      var name: String
      var _ldraw_: [Operation]?
    }
    struct EdgeObject: Decodable {
      var tail: Int
      var head: Int
      var _ldraw_: [Operation]?
    }
    var objects: [Object]?
    var edges: [EdgeObject]?
  }
  let output = try JSONDecoder().decode(Output.self, from: data)
  var names: [Int: String] = [:]
  for object in output.objects ?? [] {
    names[object._gvid] = object.name
    drawing.nodeLines[object.name] = (object._ldraw_ ?? []).filter { $0.op == "T" }.compactMap(\.text)
  }
  for edge in output.edges ?? [] {
    let key = (names[edge.tail] ?? "?") + "->" + (names[edge.head] ?? "?")
    drawing.edgeLines[key] = (drawing.edgeLines[key] ?? []) + (edge._ldraw_ ?? []).filter { $0.op == "T" }.compactMap(\.text)
  }
}

/// Tooltips and text from `dot -Tsvg`, by the `<title>` of each node or edge group.
private final class SVGReader: NSObject, XMLParserDelegate {
  var tooltips: [String: String] = [:]
  var texts: [String: [String]] = [:]
  private var title: String?
  private var element = ""
  private var buffer = ""

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
              attributes: [String: String] = [:]) {
    element = name
    buffer = ""
    if name == "a", let title, let tooltip = attributes["xlink:title"], tooltips[title] == nil { tooltips[title] = tooltip }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    buffer += string
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == "title" { title = buffer }
    if name == "text", let title { texts[title, default: []].append(buffer) }
    buffer = ""
  }
}

private func readSVG(_ data: Data, into drawing: inout Drawing, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let reader = SVGReader()
  let parser = XMLParser(data: data)
  parser.delegate = reader
  #expect(parser.parse(), "the SVG is not well-formed XML: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
  drawing.tooltips = reader.tooltips
  drawing.svgTexts = reader.texts
}

/// Hostile text: quotes, backslashes and escString sequences, entities, HTML, DOT
/// syntax and keywords, every kind of line break, C0, DEL and C1 controls, astral
/// characters, combining marks, bidi and format characters.
private enum HostileText {
  static let pieces: [String] = [
    "a", "Z", "7", " ", " ", "  ", "\"", "\\", "\\\\", "\\\"", "&", "&amp;", "&#92;", "&lt;", "<", ">", "<b>", "<<x>>", "{",
    "}", ";", "->", "--", "[", "]", "=", ",", "+", "\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\n", "\\l", "\\r", "node",
    "EDGE", "digraph", "Subgraph", "strict", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}",
    "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "𝄞", "😀", "🇺🇳", "👩‍👩‍👧", "e\u{301}", "\u{301}", "\u{20DD}", "叶", "ı",
    "\u{202E}", "\u{200D}", "\u{FEFF}", "%", "#", "//", "/*", "*/", "1abc",
  ]

  static let text = Generator<String, Shrink.None<String>> { rng in
    let count = Int.random(in: 0...10, using: &rng)
    var text = ""
    for _ in 0..<count { text += pieces.randomElement(using: &rng) ?? "a" }
    return text
  }

  /// Non-empty, so that an entity or id exists.
  static let nonEmpty = Generator<String, Shrink.None<String>> { rng in
    var value = text.run(using: &rng)
    if value.isEmpty { value = pieces.randomElement(using: &rng) ?? "a" }
    return value
  }
}

/// One random graph: an event, a person, an organisation that claims a figure; every
/// text field hostile.
private struct Scenario: CustomStringConvertible {
  var title: String
  var name: String
  var eventID: String
  var personID: String
  var role: String
  var note: String
  var organisation: String

  static let generator = Generator<Scenario, Shrink.None<Scenario>> { rng in
    Scenario(
      title: HostileText.text.run(using: &rng), name: HostileText.text.run(using: &rng),
      eventID: "e" + HostileText.nonEmpty.run(using: &rng), personID: "p" + HostileText.nonEmpty.run(using: &rng),
      role: HostileText.nonEmpty.run(using: &rng), note: HostileText.text.run(using: &rng),
      organisation: HostileText.text.run(using: &rng))
  }

  var description: String {
    "Scenario(title: \(title.debugDescription), name: \(name.debugDescription), eventID: \(eventID.debugDescription), "
      + "personID: \(personID.debugDescription), role: \(role.debugDescription), note: \(note.debugDescription), "
      + "organisation: \(organisation.debugDescription))"
  }

  var graph: TimelineGraph {
    var event = Entity(id: eventID, kind: .event, label: title)
    event.date = try? EDTFDate("1992-02-26")
    event.notes = note.isEmpty ? [] : [note]
    let person = Entity(id: personID, kind: .person, label: name)
    let claimant = Entity(id: "o", kind: .organisation, label: organisation)
    let claims = [
      Claim(subject: eventID, property: "dead", value: .number(ClaimNumber(613))),
      Claim(subject: eventID, property: "dead", value: .number(ClaimNumber(1324)), claimant: "o"),
    ]
    return dotGraph([event, person, claimant], [Relation(from: personID, type: "participant", to: eventID, role: role)], claims,
                    title: organisation)
  }
}

struct DOTGraphvizTests {
  // MARK: Hostile text, read back from Graphviz

  @Test(.enabled(if: Graphviz.testsRun, "needs Graphviz's dot"))
  func hostileTextParsesWithoutWarningsAndReadsBackAsShown() async throws {
    let dot = try requireGraphviz()
    await propertyCheck(count: 60, input: Scenario.generator) { scenario in
      let width = 12
      let bytes = DOTExporter(options: DOTOptions(maximumLabelLineLength: width)).export(scenario.graph)
      _ = try run(dot, "canon", bytes)
      var drawing = Drawing()
      try readJSON(try run(dot, "json", bytes), into: &drawing)
      readSVG(try run(dot, "svg", bytes), into: &drawing)

      func shown(_ lines: [String]) -> [String] { lines.filter { !$0.isEmpty } }
      // n0: the event; n1: the person; n2: the organisation.
      let eventLines = ([scenario.title, "26 February 1992", "⚠ disputed: dead"]).flatMap { DisplayOracle.lines($0, width: width) }
      #expect(drawing.nodeLines["n0"] == shown(eventLines), "\(scenario)")
      #expect(drawing.nodeLines["n1"] == shown(DisplayOracle.lines(scenario.name, width: width)), "\(scenario)")
      #expect(drawing.nodeLines["n2"] == shown(DisplayOracle.lines(scenario.organisation, width: width)), "\(scenario)")
      let edge = drawing.edgeLines["n1->n0"] ?? drawing.edgeLines["n0->n1"]
      #expect(edge == shown(["participant"] + DisplayOracle.lines(scenario.role, width: width)), "\(scenario)")
      let claim = "• 1,324 claimed by " + scenario.organisation
      let box = shown(["⚠ dead: claims disagree", "• 613", claim].flatMap { DisplayOracle.lines($0, width: width * 2) })
      #expect(drawing.nodeLines["d0"] == box, "\(scenario)")

      // Graphviz's SVG writes a run of spaces as a space and no-break spaces.
      func spaced(_ text: String?) -> String? {
        text.map { String(String.UnicodeScalarView($0.unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 })) }
      }
      // A label shown cut gives the whole text in the tooltip.
      let wholeTitle = DisplayOracle.cut(scenario.title, width: width) == nil ? [] : ["title: " + scenario.title]
      let eventTooltip = (["id: " + scenario.eventID] + wholeTitle + (scenario.note.isEmpty ? [] : [scenario.note]))
        .flatMap(DisplayOracle.paragraphs).joined(separator: "\n")
      #expect(spaced(drawing.tooltips["n0"]) == spaced(eventTooltip), "\(scenario)")
      let wholeName = DisplayOracle.cut(scenario.name, width: width) == nil ? [] : ["name: " + scenario.name]
      let personTooltip = (["id: " + scenario.personID] + wholeName).flatMap(DisplayOracle.paragraphs).joined(separator: "\n")
      #expect(spaced(drawing.tooltips["n1"]) == spaced(personTooltip), "\(scenario)")
    }
  }

  @Test(.enabled(if: Graphviz.testsRun, "needs Graphviz's dot"))
  func labelsLongerThanGraphvizsStringLimitSurvive() throws {
    let dot = try requireGraphviz()
    let word = "Ab\\c&d\"é𝄞 "
    let title = String(String(repeating: word, count: 6_000).dropLast())  // about 84 KB of DOT
    let bytes = DOTExporter(options: DOTOptions(legend: false)).export(dotGraph([dotEntity("e", .event, title, date: "1992")]))
    #expect(String(decoding: bytes, as: UTF8.self).contains("\" + \""))
    var drawing = Drawing()
    try readJSON(try run(dot, "json", bytes), into: &drawing)
    // The label shows the documented cut; the tooltip, over 16 KB, holds the whole title.
    let cut = try #require(DisplayOracle.cut(title, width: 32))
    #expect(drawing.nodeLines["n0"]?.dropLast().joined(separator: " ") == cut)
    readSVG(try run(dot, "svg", bytes), into: &drawing)
    #expect(drawing.tooltips["n0"] == "id: e\ntitle: " + title)
  }

  @Test(.enabled(if: Graphviz.testsRun, "needs Graphviz's dot"), arguments: DOTExporterEscapingTests.hostile)
  func hostileExportsParseAndRenderWithoutWarnings(text: String) throws {
    let dot = try requireGraphviz()
    for view in DOTOptions.View.allCases {
      let bytes = DOTExporter(options: DOTOptions(view: view)).export(DOTExporterEscapingTests.graph(text))
      _ = try run(dot, "canon", bytes)
      var drawing = Drawing()
      try readJSON(try run(dot, "json", bytes), into: &drawing)
      let shown = DisplayOracle.lines(text, width: 32).filter { !$0.isEmpty }
      #expect(drawing.nodeLines["n1"] == shown)
    }
  }

  // MARK: Rendering

  @Test(.enabled(if: Graphviz.testsRun, "needs Graphviz's dot"))
  func timelineRendersToWellFormedSVGWithEveryTitle() throws {
    let dot = try requireGraphviz()
    let graph = try dotExportSample()
    var drawing = Drawing()
    readSVG(try run(dot, "svg", DOTExporter().export(graph)), into: &drawing)
    for (position, entity) in graph.entities.enumerated() {
      let texts = drawing.svgTexts["n\(position)"] ?? []
      #expect(texts.joined(separator: " ").hasPrefix(entity.label), "\(entity.id): \(texts)")
    }
    #expect(drawing.svgTexts["t0"] == ["1991"])
    #expect(drawing.svgTexts.values.contains { $0.contains("Legend") })
  }

  @Test(.enabled(if: Graphviz.testsRun, "needs Graphviz's dot"), arguments: DOTOptions.View.allCases, DOTOptions.Clustering.allCases)
  func everyViewAndClusteringRendersWithoutWarnings(view: DOTOptions.View, clustering: DOTOptions.Clustering) throws {
    let dot = try requireGraphviz()
    let bytes = DOTExporter(options: DOTOptions(view: view, clustering: clustering)).export(try dotExportSample())
    var drawing = Drawing()
    readSVG(try run(dot, "svg", bytes), into: &drawing)
    #expect(!drawing.svgTexts.isEmpty)
  }

  @Test(.enabled(if: Graphviz.testsRun, "needs Graphviz's dot"))
  func emptyAndTinyGraphsRender() throws {
    let dot = try requireGraphviz()
    for graph in [dotGraph([]), dotGraph([dotEntity("x", .person, "")]), dotGraph([dotEntity("e", .event, "E")])] {
      for view in DOTOptions.View.allCases {
        _ = try run(dot, "svg", DOTExporter(options: DOTOptions(view: view)).export(graph))
      }
    }
  }
}
