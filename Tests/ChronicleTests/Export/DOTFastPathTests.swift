import Testing
@testable import Chronicle

/// The shortcuts of the DOT export (lines copied as they are, recorded attributes,
/// dates and values made once, disagreement boxes written directly, the pinned
/// layout's adjacency built in place, the drawn edges kept as a count) against the
/// plain ways they replace, on hostile text.
struct DOTFastPathTests {
  static let hostile = DOTDirectWritingTests.hostile

  /// A graph whose disagreements carry `text` in every field a disagreement box shows.
  static func disputedGraph(_ text: String) -> TimelineGraph {
    var event = Entity(id: "e-" + text, kind: .event, label: text)
    event.date = try? EDTFDate("1992-02-25")
    var document = Entity(id: "d1", kind: .document, label: text)
    document.aliases = [text]
    let person = Entity(id: "p1", kind: .person, label: text)
    var first = Claim(
      subject: "e-" + text, property: text.isEmpty ? "killed" : text, value: .number(ClaimNumber(1324)), unit: text,
      qualifier: text, claimant: "p1", sources: [Citation(document: "d1", locator: text), Citation(document: "unknown " + text)])
    first.note = text
    first.date = try? EDTFDate("1992~")
    var second = Claim(
      subject: "e-" + text, property: text.isEmpty ? "killed" : text, value: .text(text), reportedBy: "d1",
      sources: [Citation(document: "d1")])
    second.note = "second " + text
    let third = Claim(
      subject: "e-" + text, property: text.isEmpty ? "killed" : text, value: .range(low: ClaimNumber(1000), high: ClaimNumber(2500.5)),
      claimant: "p1", reportedBy: "d1")
    return dotGraph([event, document, person], [], [first, second, third])
  }

  @Test(arguments: hostile)
  func disagreementBoxesAreTheBuiltOnes(_ text: String) {
    let graph = Self.disputedGraph(text)
    for width in [32, 5, 1] {
      var options = DOTOptions()
      options.maximumLabelLineLength = width
      let exporter = DOTExporter(options: options)
      let scene = DOTScene(graph: graph, options: options)
      #expect(scene.notes.count == 1)
      for position in scene.notes.indices {
        for pin in [nil, DOTPinnedLayout.Point(x: -40, y: 1234)] {
          var direct = DOTWriter()
          var reused = DOTExporter.EntityWriting()
          exporter.writeNote(position, scene: scene, pin: pin, reusing: &reused, into: &direct)
          var built = DOTWriter()
          var attributes = exporter.noteAttributes(scene.notes[position], scene: scene)
          if let pin { attributes.set("pos", String(pin.x) + "," + String(pin.y) + "!") }
          built.node(DOTID("d", position), attributes)
          #expect(direct.bytes == built.bytes, "width \(width): \(String(decoding: direct.bytes, as: UTF8.self))")
        }
        let label = exporter.noteLabel(scene.notes[position], graph: graph)
        #expect(exporter.noteSize(scene.notes[position], graph: graph) == DOTPinnedLayout.size(of: label, shape: "box"))
      }
    }
  }

  @Test func claimValuesAreThoseOfTheModel() {
    let numbers: [Double] = [
      0, 1, -1, 7, 999, 1000, -1000, 1324, 12_345, 123_456, 1_234_567, -9_876_543_210, 0.5, -0.25, 1234.5,
      1e15, 9_007_199_254_740_991, 9_007_199_254_740_992, -9_007_199_254_740_992, 1e21, 1.5e-7, 123_456_789_012,
    ]
    var values: [ClaimValue] = numbers.map { .number(ClaimNumber($0)) }
    for (low, high) in zip(numbers, numbers.reversed()) { values.append(.range(low: ClaimNumber(low), high: ClaimNumber(high))) }
    values += [.text(""), .text("about 1,000"), .text("e")]
    for value in values {
      for (qualifier, unit) in [(nil, nil), ("some", "people"), ("", ""), ("nearly", nil), (nil, "km")] as [(String?, String?)] {
        let claim = Claim(subject: "s", property: "p", value: value, unit: unit, qualifier: qualifier)
        var text = "• "
        DOTExporter.appendValueText(of: claim, to: &text)
        #expect(text == "• " + claim.valueText(), "\(value)")
      }
    }
  }

  @Test func dateTextsAreTheDescriptions() throws {
    // More distinct dates than slots, met in turns, so that slots are taken over.
    let texts = (0..<600).map { "\(1000 + $0 % 300)-" + (($0 % 12) < 9 ? "0" : "") + "\(1 + $0 % 12)" } + ["1992~", "1991-24", "2004-06-~11", "1985/.."]
    let dates = try texts.map { try EDTFDate($0) }
    var cache = DOTDateTexts()
    for round in 0..<3 {
      for date in round == 1 ? dates.reversed() : dates {
        #expect(cache.text(date) == date.humanDescription())
      }
    }
  }

  /// A line that would pass the end of a chunk is not copied whole: it is cut where
  /// the plain writing cuts it.
  @Test func linesAtTheEndOfAChunkAreWrittenAsBuilt() {
    for filler in [8190, 8180, 8192, 8000] {
      for tail in ["plain words here", "é😀 mixed – dash", String(repeating: "x", count: 40), "–"] {
        var built = DOTText(width: Int.max, escaping: .tooltip)
        built.appendUnwrapped(String(repeating: "a", count: filler))
        built.appendUnwrapped(tail)
        var expected = DOTWriter()
        var attributes = DOTAttributes()
        attributes.set("tooltip", built)
        expected.node(DOTID("n", 0), attributes)
        var direct = DOTWriter()
        direct.beginNode(DOTID("n", 0))
        direct.beginText("tooltip", width: Int.max, escaping: .tooltip)
        direct.textLine(String(repeating: "a", count: filler), wraps: false)
        direct.textLine(tail, wraps: false)
        direct.endText()
        direct.endStatement()
        #expect(direct.bytes == expected.bytes, "filler \(filler), tail \(tail)")
      }
    }
  }

  /// The adjacency built in place holds the neighbours the list of pairs gives, in
  /// the same order.
  @Test(arguments: [1, 2, 3])
  func adjacencyIsThatOfThePairs(_ seed: UInt64) throws {
    let graph = try TimelineGenerator(events: 120, seed: seed).graph()
    for kinds in [nil, Set([EntityKind.event, .person, .document])] {
      var options = DOTOptions()
      options.kinds = kinds
      let scene = DOTScene(graph: graph, options: options)
      var pairs: [(Int, Int)] = []
      for position in scene.edges { pairs.append((graph.edges[position].from.int, graph.edges[position].to.int)) }
      for note in scene.notes {
        for attribution in note.attributions { pairs.append((note.subject, attribution.entity)) }
      }
      var neighbours = [[(Int32, Bool)]](repeating: [], count: graph.count)
      for (from, to) in pairs {
        neighbours[from].append((Int32(to), true))
        neighbours[to].append((Int32(from), false))
      }
      let adjacency = DOTTimeAxis.adjacency(scene: scene)
      let withoutHeads = DOTTimeAxis.adjacency(scene: scene, heads: false)
      #expect(withoutHeads.isHead.isEmpty)
      #expect(adjacency.targets.count == 2 * pairs.count)
      for node in 0..<graph.count {
        let slots = adjacency.slots(of: node)
        #expect(slots.map { adjacency.targets[$0] } == neighbours[node].map(\.0))
        #expect(slots.map { adjacency.isHead[$0] } == neighbours[node].map(\.1))
        #expect(withoutHeads.slots(of: node).map { withoutHeads.targets[$0] } == neighbours[node].map(\.0))
      }
    }
  }

  /// The drawn edges, kept as a count while all are drawn, are the edges whose ends
  /// are drawn and whose type is asked for.
  @Test func drawnEdgesAreTheFilteredOnes() throws {
    let graph = try TimelineGenerator(events: 80, seed: 5).graph()
    let filters: [(Set<EntityKind>?, Set<String>?)] = [
      (nil, nil), ([.event, .document], nil), (nil, ["participant", "reports"]), ([.person, .event], ["participant"]), ([.place], nil),
    ]
    for (kinds, types) in filters {
      var options = DOTOptions()
      options.kinds = kinds
      options.relationTypes = types
      let scene = DOTScene(graph: graph, options: options)
      let expected = graph.edges.indices.filter { position in
        let edge = graph.edges[position]
        return scene.isDrawn[edge.from.int] && scene.isDrawn[edge.to.int] && (types?.contains(edge.type) ?? true)
      }
      #expect(Array(scene.edges) == expected)
      #expect(scene.edges.count == expected.count)
      #expect(Array(scene.edges.reversed()) == expected.reversed())
    }
  }

  /// The types the legend names are those of the drawn edges, each spelled as at its
  /// first drawn edge, even where another spelling `==` holds equal comes first among
  /// all the relations (types are numbered by their first use in any relation).
  @Test func legendTypesAreSpelledAsTheirFirstDrawnEdge() throws {
    let decomposed = "cafe\u{301}", composed = "caf\u{E9}"
    var text = """
      {"relationTypes": [{"id": "\(composed)", "from": ["person"], "to": ["event", "document"]}],
       "entities": [
        {"id": "e", "kind": "event", "title": "E", "date": "1992"},
        {"id": "p", "kind": "person", "name": "P"},
        {"id": "d", "kind": "document", "title": "D", "date": "1993"}],
       "relations": [
        {"from": "p", "type": "DECOMPOSED", "to": "d"},
        {"from": "p", "type": "\(composed)", "to": "e"},
        {"from": "p", "type": "DECOMPOSED", "to": "e"}]}
      """
    text = text.replacingOccurrences(of: "DECOMPOSED", with: decomposed)
    var builder = TimelineBuilder()
    TimelineReader.read(text, file: "t.json", into: &builder)
    let graph = try builder.build()
    #expect(graph.edges.typeNames.map { Array($0.unicodeScalars) }.prefix(2) == [Array(decomposed.unicodeScalars), Array(composed.unicodeScalars)])
    var options = DOTOptions()
    options.kinds = [.event, .person]
    let scene = DOTScene(graph: graph, options: options)
    #expect(Array(scene.edges) == [1, 2])
    #expect(scene.declaredTypesUsed.map { Array($0.unicodeScalars) } == [Array(composed.unicodeScalars)])
    // Every edge drawn: the first spelling is the decomposed one.
    let all = DOTScene(graph: graph, options: DOTOptions())
    #expect(all.declaredTypesUsed.map { Array($0.unicodeScalars) } == [Array(decomposed.unicodeScalars)])
  }

  @Test func recordedAttributesAreTheWrittenOnes() {
    let templates = DOTExporter.NodeTemplates()
    for kind in EntityKind.allCases {
      for border in DOTStyle.Border.allCases {
        var recorded = DOTWriter()
        recorded.beginNode(DOTID("n", 1))
        let head = templates.head(kind)
        recorded.recordedAttributes(head.bytes, count: head.count)
        let tail = templates.tail(kind, border: border)
        recorded.recordedAttributes(tail.bytes, count: tail.count)
        recorded.endStatement()
        var written = DOTWriter()
        written.beginNode(DOTID("n", 1))
        written.attribute("color", DOTStyle.node(kind).color)
        written.attribute("fillcolor", DOTStyle.node(kind).fillcolor)
        written.attribute("shape", DOTStyle.node(kind).shape)
        written.attribute("style", DOTStyle.style(kind, border: border))
        written.endStatement()
        #expect(recorded.bytes == written.bytes)
      }
    }
  }
  /// The line breaks counted eight bytes at a time up to the first candidate byte
  /// equal those counted byte by byte, wherever in a word a break (or a lone E2, CR
  /// or LF) falls, CRLF and U+2028 across a word boundary included.
  @Test func lineBreaksCountedByWordsMatchByteByByte() {
    func byteByByte(_ bytes: [UInt8]) -> Int {
      var (count, previous, beforePrevious): (Int, UInt8, UInt8) = (0, 0, 0)
      for byte in bytes {
        if byte == 0x0D || (byte == 0x0A && previous != 0x0D)
          || ((byte == 0xA8 || byte == 0xA9) && previous == 0x80 && beforePrevious == 0xE2)
        {
          count += 1
        }
        (beforePrevious, previous) = (previous, byte)
      }
      return count
    }
    let pieces = ["a", "word ", " ", "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "–", "“", "é", "\u{85}", "😀"]
    var random = GeneratorRandom(seed: 0x0D0A)
    for _ in 0..<3_000 {
      var text = String(repeating: "x", count: Int.random(in: 0..<17, using: &random))
      for _ in 0..<Int.random(in: 0..<6, using: &random) {
        text += pieces.randomElement(using: &random)!
        text += String(repeating: "y", count: Int.random(in: 0..<10, using: &random))
      }
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBufferPointer(DOTText.lineBreakCount) == byteByByte(bytes), "\(text.debugDescription)")
    }
  }
  /// The ranked timeline and the network, written on two threads in blocks of every
  /// size, give the bytes one thread gives, whole or streamed.
  @Test(arguments: [DOTOptions.View.timeline, .network])
  func rankedAndNetworkOnTwoThreadsGiveTheSameBytes(view: DOTOptions.View) throws {
    let graph = try TimelineGenerator(events: 200, seed: 4).graph()
    var options = DOTOptions()
    options.view = view
    options.layout = .ranked
    var alone = DOTExporter(options: options)
    alone.parallelItems = .max
    let expected = alone.export(graph)
    for (threshold, block) in [(0, 1), (1, 5), (50, 64)] {
      var together = alone
      together.parallelItems = threshold
      together.blockItems = block
      let same = together.export(graph) == expected
      #expect(same, "\(view), threshold \(threshold), blocks of \(block)")
      var streamed: [UInt8] = []
      together.export(graph, chunkBytes: 2_048) { streamed.append(contentsOf: $0) }
      let sameStreamed = streamed == expected
      #expect(sameStreamed, "\(view), threshold \(threshold), blocks of \(block), streamed")
    }
  }
}
