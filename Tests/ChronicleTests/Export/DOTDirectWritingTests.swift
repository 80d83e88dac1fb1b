import Testing
@testable import Chronicle

/// The exporter writes entity nodes and relation edges attribute by attribute
/// (``DOTWriter/beginNode(_:)``, ``DOTWriter/textLine(_:wraps:)``…) instead of
/// building ``DOTAttributes`` and ``DOTText`` first. These tests compare its bytes with
/// those of the built values, written by ``DOTWriter/node(_:_:)`` and
/// ``DOTWriter/edge(_:_:_:)``, on hostile text.
struct DOTDirectWritingTests {
  /// Text that escaping, substitution, wrapping or cutting treats specially.
  static let hostile: [String] = [
    "plain title", "", " ", "  leading and trailing  ", #"say "hi""#, #"C:\path\"#, #"\N \G \E \T \H \L \n \l"#,
    "AT&T &amp; &#92;", "tab\there", "nul\u{0}bel\u{7}esc\u{1B}del\u{7F}", "c1 \u{85} \u{9B}",
    "line\nbreak", "cr\rcrlf\r\nend", "ls\u{2028}ps\u{2029}end", "bidi \u{202E}evil\u{202C} \u{2066}iso\u{2069}",
    "emoji 😀👩‍👩‍👧 flags 🇦🇿", "NFD e\u{301}le\u{300}ve Xocalı", "zero\u{200B}width\u{FEFF}",
    "nonchar \u{FFFE}\u{FFFF}", "<b>html</b> { } ; -> --",
    String(repeating: "word ", count: 80), String(repeating: "x", count: 300),
    (1...12).map(String.init).joined(separator: "\n"), String(repeating: "e\u{301}", count: 300),
  ]

  /// A graph whose entities and relations carry `text` in every field the DOT shows.
  static func graph(_ text: String) -> TimelineGraph {
    var event = Entity(id: "e-" + text, kind: .event, label: text)
    event.date = try? EDTFDate("1992-02-25/1992-02-26")
    event.summary = text
    event.notes = [text, "second " + text]
    var uncertain = Entity(id: "u1", kind: .event, label: "Uncertain " + text)
    uncertain.date = try? EDTFDate("1992?-~03")
    let undated = Entity(id: "u2", kind: .event, label: text)
    var document = Entity(id: "d1", kind: .document, label: text)
    document.date = try? EDTFDate("1993-05")
    document.type = text
    document.aliases = [text, "short"]
    var person = Entity(id: "p1", kind: .person, label: text)
    person.aliases = ["alias"]
    let place = Entity(id: "pl1", kind: .place, label: text)
    let relations = [
      Relation(from: "p1", type: "participant", to: "e-" + text, role: text, date: try? EDTFDate("1992~"),
               locator: text, note: text),
      Relation(from: "d1", type: "reports", to: "e-" + text),
      Relation(from: "e-" + text, type: "located-in", to: "pl1", locator: "p. 3"),
      Relation(from: "p1", type: text.isEmpty ? "declared" : "declared " + text, to: "d1", note: "note"),
      Relation(from: "d1", type: "cites", to: "u2", date: try? EDTFDate("1994-01-02")),
    ]
    let claims = [
      Claim(subject: "e-" + text, property: "killed", value: .number(ClaimNumber(613)), sources: [Citation(document: "d1")]),
      Claim(subject: "e-" + text, property: "killed", value: .number(ClaimNumber(1324)), claimant: "p1"),
    ]
    return dotGraph([event, uncertain, undated, document, person, place], relations, claims, title: text)
  }

  /// The attributes of an entity's node as the exporter built them before it wrote
  /// them directly.
  static func builtAttributes(_ exporter: DOTExporter, _ scene: DOTScene, _ position: Int) -> DOTAttributes {
    let entity = scene.graph.entities[position]
    let style = DOTStyle.node(entity.kind)
    var attributes = DOTAttributes()
    attributes.set("shape", style.shape)
    attributes.set("style", DOTStyle.style(entity.kind, border: scene.borders[position]))
    attributes.set("fillcolor", style.fillcolor)
    attributes.set("color", style.color)
    if scene.disputed[position] != nil { attributes.set("peripheries", "2") }
    let label = exporter.entityLabel(entity, disputed: scene.disputed[position] ?? [])
    attributes.set("label", label)
    attributes.set("tooltip", exporter.entityTooltip(entity, label: label))
    return attributes
  }

  @Test(arguments: hostile)
  func entityNodesAreTheBuiltOnes(_ text: String) {
    let graph = Self.graph(text)
    for width in [32, 5] {
      var options = DOTOptions()
      options.maximumLabelLineLength = width
      let exporter = DOTExporter(options: options)
      let scene = DOTScene(graph: graph, options: options)
      #expect(graph.entities.count == 6)
      #expect(scene.disputed.count == 1)
      for position in graph.entities.indices {
        for pin in [nil, DOTPinnedLayout.Point(x: -40, y: 1234)] {
          var direct = DOTWriter()
          exporter.writeEntity(position, scene: scene, pin: pin, into: &direct)
          var built = DOTWriter()
          var attributes = Self.builtAttributes(exporter, scene, position)
          if let pin { attributes.set("pos", String(pin.x) + "," + String(pin.y) + "!") }
          built.node(DOTID("n", position), attributes)
          #expect(direct.bytes == built.bytes, "entity \(position), width \(width): \(String(decoding: direct.bytes, as: UTF8.self))")
        }
      }
    }
  }

  @Test(arguments: hostile)
  func relationEdgesAreTheBuiltOnes(_ text: String) {
    let graph = Self.graph(text)
    for edgeLabels in [true, false] {
      var options = DOTOptions()
      options.edgeLabels = edgeLabels
      let exporter = DOTExporter(options: options)
      let scene = DOTScene(graph: graph, options: options)
      #expect(scene.edges.count >= 5)
      for asTooltips in [false, true] {
        var direct = DOTWriter()
        exporter.writeRelations(scene, axis: nil, labelsAsTooltips: asTooltips, into: &direct)
        var built = DOTWriter()
        built.blankLine()
        built.comment("Relations")
        for position in scene.edges {
          let edge = graph.edges[position]
          let style = DOTStyle.edge(edge.type)
          var attributes = exporter.edgeAttributes(style)
          var tooltip = DOTText(width: Int.max, escaping: .tooltip)
          if edgeLabels {
            let label = exporter.edgeLabel(edge, graph: graph)
            if asTooltips {
              for line in label.lines { tooltip.appendUnwrapped(line.text) }
            } else {
              attributes.set("label", label)
              attributes.set("fontcolor", style.color)
            }
            tooltip.appendWhole(of: label)
          }
          if let note = edge.relation.flatMap({ graph.relations[$0].note }) { tooltip.appendUnwrapped(note) }
          attributes.set("tooltip", tooltip)
          built.edge(DOTID("n", edge.from.int), DOTID("n", edge.to.int), attributes)
        }
        #expect(direct.bytes == built.bytes, "labels \(edgeLabels), as tooltips \(asTooltips)")
      }
    }
  }

  @Test(arguments: hostile)
  func pinnedSizesAreThoseOfTheBuiltLabels(_ text: String) {
    let graph = Self.graph(text)
    for width in [32, 7, 1] {
      var options = DOTOptions()
      options.maximumLabelLineLength = width
      let exporter = DOTExporter(options: options)
      let scene = DOTScene(graph: graph, options: options)
      for position in graph.entities.indices {
        let entity = graph.entities[position]
        let built = DOTPinnedLayout.size(
          of: exporter.entityLabel(entity, disputed: scene.disputed[position] ?? []), shape: DOTStyle.node(entity.kind).shape)
        #expect(exporter.pinnedSize(of: graph.entities, at: position, disputed: scene.disputed[position]) == built)
        let qualified = scene.borders[position] == .dashed
        #expect(exporter.pinnedSize(of: graph.entities, at: position, qualified: qualified, disputed: scene.disputed[position]) == built)
      }
    }
  }

  @Test(arguments: hostile)
  func textLinesAreTheBuiltText(_ text: String) {
    for (width, escaping, justification) in [
      (32, DOTText.Escaping.label, DOTText.Justification.center), (4, .tooltip, .left), (Int.max, .tooltip, .center),
    ] {
      var built = DOTText(width: width, escaping: escaping, justification: justification)
      built.append(text)
      built.appendUnwrapped("id: " + text)
      built.append(text + " " + text)
      var expected = DOTWriter()
      var attributes = DOTAttributes()
      attributes.set("label", built)
      expected.node(DOTID("n", 1), attributes)

      var direct = DOTWriter()
      direct.beginNode(DOTID("n", 1))
      direct.beginText("label", width: width, escaping: escaping, justification: justification)
      direct.textLine(DOTText.cut(text, width: width) ?? text)
      direct.textLine(prefix: "id: ", text)
      direct.textLine(DOTText.cut(text + " " + text, width: width) ?? text + " " + text)
      direct.endText()
      direct.endStatement()
      #expect(direct.bytes == expected.bytes, "width \(width)")
    }
  }

  /// Values past 8 KB are cut into `"…" + "…"` chunks at the same places whether
  /// written line by line or built first.
  @Test func longValuesAreChunkedAlike() {
    let long = String(repeating: #"a "b" \c & d "#, count: 2000) + String(repeating: "é😀", count: 3000)
    var built = DOTText(width: Int.max, escaping: .tooltip)
    built.appendUnwrapped("id: " + long)
    built.appendUnwrapped(long)
    var attributes = DOTAttributes()
    attributes.set("tooltip", built)
    var expected = DOTWriter()
    expected.edge(DOTID("n", 0), DOTID("n", 1), attributes)

    var direct = DOTWriter()
    direct.beginEdge(DOTID("n", 0), DOTID("n", 1))
    direct.beginText("tooltip", width: Int.max, escaping: .tooltip)
    direct.textLine(prefix: "id: ", long)
    direct.textLine(long, wraps: false)
    direct.endText()
    direct.endStatement()
    #expect(direct.bytes == expected.bytes)
    #expect(String(decoding: direct.bytes, as: UTF8.self).contains(#"" + ""#))
  }

  @Test func statementsWithoutAttributesHaveNoBrackets() {
    var writer = DOTWriter()
    writer.beginNode(DOTID("n", 3))
    writer.endStatement()
    writer.beginEdge(DOTID("n", 3), DOTID("t", 4))
    writer.attribute("pos", pin: -12, 0)
    writer.endStatement()
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"n3\";\n\"n3\" -> \"t4\" [pos=\"-12,0!\"];\n")
  }

  @Test func numbersAreWrittenInDecimal() {
    for value in [0, 1, 9, 10, 99, 100, 101, 12_345, 1_000_000, -1, -40, -100, Int.max, Int.min, Int.max / 10 * 10] {
      var writer = DOTWriter()
      writer.beginNode(DOTID("n", 0))
      writer.attribute("pos", pin: value, value)
      writer.endStatement()
      #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"n0\" [pos=\"\(value),\(value)!\"];\n")
      var identifier = DOTWriter()
      identifier.identifier(DOTID("t", value))
      #expect(String(decoding: identifier.bytes, as: UTF8.self) == "\"t\(value)\"")
    }
  }

  /// A value of Chronicle's own is copied as it is when it needs no escape, and
  /// escaped as any text otherwise.
  @Test(arguments: ["box", "#2b5d8a", "filled,rounded", "0.12,0.06", "", #"a"b"#, #"a\b"#, "a&b", "a\nb", "é", "x y",
                    String(repeating: "a", count: 65)])
  func constantsAreQuotedAsText(_ value: String) {
    var direct = DOTWriter()
    direct.beginNode(DOTID("n", 0))
    direct.attribute("shape", value)
    direct.endStatement()
    var built = DOTWriter()
    var attributes = DOTAttributes()
    attributes.set("shape", value)
    built.node(DOTID("n", 0), attributes)
    #expect(direct.bytes == built.bytes)
  }

  @Test func edgeStylesComeFromTheCacheUnchanged() {
    var cache = DOTStyle.EdgeCache()
    let types = RelationType.builtIns.map(\.id) + (0..<40).map { "declared-\($0)" } + ["participant", "cites", ""]
    for type in types + types.reversed() { #expect(cache.style(type) == DOTStyle.edge(type)) }
  }
}
