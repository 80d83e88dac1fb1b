import Foundation
import Testing
@testable import Chronicle

/// The export sample (every kind, an uncertain, an approximate and an undated
/// event, intervals, a disagreement), read from the fixtures.
func dotExportSample() throws -> TimelineGraph {
  let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Timelines/export-sample.yaml").path
  let result = TimelineReader.validate(contentsOf: [path])
  let errors = result.diagnostics.filter { $0.severity == .error }
  #expect(errors.isEmpty, "export-sample.yaml: \(errors)")
  return result.graph
}

/// DOT text of a graph.
func dotText(_ graph: TimelineGraph, _ options: DOTOptions = DOTOptions()) -> String {
  String(decoding: DOTExporter(options: options).export(graph), as: UTF8.self)
}

/// A graph from entities, relations and claims, valid or not.
func dotGraph(_ entities: [Entity], _ relations: [Relation] = [], _ claims: [Claim] = [], title: String? = nil) -> TimelineGraph {
  var builder = TimelineBuilder()
  builder.title = title
  for entity in entities { builder.add(entity) }
  for relation in relations { builder.add(relation) }
  for claim in claims { builder.add(claim) }
  return builder.validate().graph
}

func dotEntity(_ id: String, _ kind: EntityKind, _ label: String, date: String? = nil) -> Entity {
  var entity = Entity(id: id, kind: kind, label: label)
  entity.date = date.flatMap { try? EDTFDate($0) }
  return entity
}

/// The statements of DOT output; records an issue when the reader cannot read it.
func dotStatements(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [DOTStatement] {
  guard let statements = DOTReader.statements(text) else {
    Issue.record("cannot read the DOT output:\n\(text)", sourceLocation: sourceLocation)
    return []
  }
  return statements
}

/// The node statement of the entity whose tooltip starts with `id: <id>`.
func dotNode(withID id: String, in statements: [DOTStatement]) -> DOTStatement? {
  statements.first { $0.kind == .node && $0.attributes["tooltip"]?.split(separator: "\\").first.map(String.init) == "id: " + id }
}

struct DOTExporterTests {
  // MARK: Goldens

  @Test(arguments: DOTOptions.View.allCases, DOTOptions.Clustering.allCases)
  func matchesGolden(view: DOTOptions.View, clustering: DOTOptions.Clustering) throws {
    let graph = try dotExportSample()
    let name = view.rawValue + (clustering == .none ? "" : "-cluster-" + clustering.rawValue) + ".dot"
    assertGolden(dotText(graph, DOTOptions(view: view, clustering: clustering)), named: name)
  }

  @Test func filteredTimelineMatchesGolden() throws {
    let graph = try dotExportSample()
    let options = DOTOptions(
      edgeLabels: false, legend: false, kinds: [.event, .document, .person],
      relationTypes: ["authored", "cites", "reports", "precedes"], maximumLabelLineLength: 20)
    assertGolden(dotText(graph, options), named: "timeline-filtered.dot")
  }

  @Test func goldenHelperNamesTheFirstDifferingLine() {
    #expect(Golden.firstDifference(expected: "a\nb\n", actual: "a\nb\n") == nil)
    #expect(Golden.firstDifference(expected: "a\nb\n", actual: "a\nc\n") == "line 2:\n  expected: b\n  actual:   c")
    #expect(Golden.firstDifference(expected: "a", actual: "a\nb") == "line 2:\n  expected: <end of file>\n  actual:   b")
    #expect(Golden.folder.path.hasSuffix("Tests/ChronicleTests/Fixtures/Golden"))
  }

  @Test(arguments: DOTOptions.View.allCases, DOTOptions.Clustering.allCases)
  func isDeterministic(view: DOTOptions.View, clustering: DOTOptions.Clustering) throws {
    let options = DOTOptions(view: view, clustering: clustering)
    let first = DOTExporter(options: options).export(try dotExportSample())
    let second = DOTExporter(options: options).export(try dotExportSample())
    #expect(first == second)
  }

  // MARK: Structure

  @Test(arguments: DOTOptions.View.allCases, DOTOptions.Clustering.allCases)
  func usesOnlyChronicleIdentifiersAndKnownAttributes(view: DOTOptions.View, clustering: DOTOptions.Clustering) throws {
    let parsed = dotStatements(dotText(try dotExportSample(), DOTOptions(view: view, clustering: clustering)))
    #expect(!parsed.isEmpty)
    let ownID = try Regex("^(n|t|d|r|legend_node_|legend_from_|legend_to_)[0-9]+$")
    let ownCluster = try Regex("^(cluster_(year|kind|org)_[0-9]+|cluster_legend|timeline|network)$")
    let allowed: Set<String> = [
      "arrowhead", "arrowsize", "arrowtail", "bgcolor", "color", "dir", "fillcolor", "fontcolor", "fontname", "fontsize",
      "forcelabels", "group", "label", "labeljust", "labelloc", "margin", "newrank", "nodesep", "penwidth", "peripheries",
      "rank", "rankdir", "ranksep", "shape", "style", "tooltip", "weight", "width", "xlabel",
    ]
    for statement in parsed {
      switch statement.kind {
      case .node, .edge, .rank:
        for id in statement.ids { #expect(id.wholeMatch(of: ownID) != nil, "\(id) is not one of Chronicle's identifiers") }
      case .subgraph:
        #expect(statement.ids[0].wholeMatch(of: ownCluster) != nil)
      case .defaults, .setting:
        break
      }
      #expect(Set(statement.names).isSubset(of: allowed), "unexpected attributes \(statement.names)")
      #expect(statement.names == statement.names.sorted(), "attributes not in order: \(statement.names)")
      #expect(Set(statement.names).count == statement.names.count, "an attribute is set twice: \(statement.names)")
    }
  }

  @Test func neverWritesAttributesThatReadFiles() throws {
    let text = dotText(try dotExportSample())
    for name in ["image", "shapefile", "fontpath", "imagepath", "stylesheet", "imagescale", "record", "Mrecord"] {
      #expect(!(dotStatements(text).contains { $0.names.contains(name) || $0.attributes["shape"] == name }))
    }
  }

  @Test func everyNodeIsDeclaredOnce() throws {
    for view in DOTOptions.View.allCases {
      for clustering in DOTOptions.Clustering.allCases {
        let parsed = dotStatements(dotText(try dotExportSample(), DOTOptions(view: view, clustering: clustering)))
        let declared = parsed.filter { $0.kind == .node }.map { $0.ids[0] }
        #expect(Set(declared).count == declared.count)
        let used = Set(parsed.filter { $0.kind == .edge || $0.kind == .rank }.flatMap(\.ids))
        #expect(used.isSubset(of: Set(declared)), "\(used.subtracting(declared)) used but not declared")
      }
    }
  }

  // MARK: Labels

  @Test func labelsShowTitlesVerbatimThenDateAndMarkers() throws {
    let parsed = dotStatements(dotText(try dotExportSample()))
    func lines(_ id: String) -> [String] {
      dotNode(withID: id, in: parsed).flatMap { $0.attributes["label"] }.map(DOTReader.labelLines) ?? []
    }
    #expect(lines("assault") == ["Assault on and capture of", "Khojaly", "25–26 February 1992", "⚠ disputed: civilians killed"])
    #expect(lines("hostages") == ["Hostages taken from Khojaly", "26 February 1992?", "(uncertain date)"])
    #expect(lines("shelling") == ["Shelling of Khojaly throughout", "the winter of 1991–1992", "c. winter 1991–92", "(approximate date)"])
    #expect(lines("detainees") == ["Mistreatment of detainees", "(no date)"])
    #expect(lines("encirclement").last == "from October 1991")
    #expect(lines("khojaly") == ["Khojaly"])
  }

  @Test func markersChangeTheBorder() throws {
    let parsed = dotStatements(dotText(try dotExportSample()))
    #expect(dotNode(withID: "hostages", in: parsed)?.attributes["style"] == "dashed,filled,rounded")
    #expect(dotNode(withID: "shelling", in: parsed)?.attributes["style"] == "dashed,filled,rounded")
    #expect(dotNode(withID: "detainees", in: parsed)?.attributes["style"] == "dotted,filled,rounded")
    #expect(dotNode(withID: "assault", in: parsed)?.attributes["peripheries"] == "2")
    #expect(dotNode(withID: "encirclement", in: parsed)?.attributes["style"] == "filled,rounded")
  }

  @Test func disagreementListsEveryClaimWithItsAttribution() throws {
    let parsed = dotStatements(dotText(try dotExportSample()))
    let box = try #require(parsed.first { $0.kind == .node && $0.ids[0] == "d0" })
    let text = DOTReader.labelLines(box.attributes["label"] ?? "").joined(separator: " ")
    #expect(text.contains("⚠ civilians killed: claims disagree"))
    #expect(text.contains("• 613 (2021 letter, para. 3)"))
    #expect(text.contains("• 1,324 claimed by the Azerbaijanis, reported by Time (2021 letter, fn. 5)"))
    #expect(box.attributes["label"]?.hasSuffix("\\l") == true)
    let edges = parsed.filter { $0.kind == .edge && $0.ids.contains("d0") }
    #expect(edges.count == 3)  // the subject, the claimant, the reporter
  }

  @Test func claimTextGivesQualifierUnitDateAndEverySource() throws {
    var claim = Claim(subject: "x", property: "dead", value: .range(low: ClaimNumber(1000), high: ClaimNumber(1500)),
                      unit: "people", qualifier: "some", reportedBy: "paper",
                      sources: [Citation(document: "paper", locator: "p. 2"), Citation(document: "gone")])
    claim.date = try EDTFDate("1992-03")
    let graph = dotGraph([dotEntity("paper", .document, "The Paper, 1 March 1992")])
    #expect(DOTExporter.claimText(claim, graph: graph)
      == "some 1,000–1,500 people reported by The Paper, 1 March 1992, March 1992 (The Paper, 1 March 1992, p. 2; gone)")
  }

  @Test func edgesCarryTypeRoleDateAndLocator() throws {
    let parsed = dotStatements(dotText(try dotExportSample()))
    let labels = parsed.filter { $0.kind == .edge }.compactMap { $0.attributes["label"] ?? $0.attributes["xlabel"] }
      .map(DOTReader.labelLines)
    #expect(labels.contains(["participant", "perpetrator (per the letter)"]))
    #expect(labels.contains(["cites", "footnote 1"]))
    #expect(labels.contains(["represents", "2021"]))
    #expect(labels.contains(["located-in"]))
  }

  @Test func wrapsAtTheMaximumWithoutSplittingWords() throws {
    let long = dotEntity("e", .event, "Supercalifragilisticexpialidocious and a few more words here", date: "1992")
    for width in [1, 5, 8, 12, 32, 200] {
      let parsed = dotStatements(dotText(dotGraph([long]), DOTOptions(maximumLabelLineLength: width)))
      let node = dotNode(withID: "e", in: parsed)
      let lines = DOTReader.labelLines(node?.attributes["label"] ?? "")
      // Up to 8 lines' worth is shown whole; more is cut with `…`, whole in the tooltip.
      let cut = DisplayOracle.cut(long.label, width: width)
      #expect((cut == nil) == (width >= 8))
      #expect(lines.dropLast().joined(separator: " ") == cut ?? long.label)
      #expect(lines.allSatisfy { $0.count <= max(width, 1) || !$0.contains(" ") })
      let tooltip = DOTReader.labelLines(node?.attributes["tooltip"] ?? "")
      #expect(tooltip.contains("title: " + long.label) == (cut != nil))
    }
  }

  /// Whatever a label shows cut is whole in the tooltip: a disputed property in the
  /// node and in the disagreement box, a relation's role and locator, an
  /// organisation's name on its cluster.
  @Test func everyCutTextIsWholeInATooltip() throws {
    let long = (0..<80).map { "word\($0)" }.joined(separator: " ")
    var event = dotEntity("e", .event, "E", date: "1992")
    event.sources = []
    let organisation = dotEntity("o", .organisation, long)
    let person = dotEntity("p", .person, "P")
    let claims = [
      Claim(subject: "e", property: long, value: .number(ClaimNumber(613))),
      Claim(subject: "e", property: long, value: .number(ClaimNumber(1324))),
    ]
    let relations = [
      Relation(from: "p", type: "participant", to: "e", role: long, locator: long),
      Relation(from: "p", type: "member-of", to: "o"),
    ]
    let graph = dotGraph([event, organisation, person], relations, claims)
    for options in [DOTOptions(), DOTOptions(view: .network, clustering: .organisation)] {
      let text = dotText(graph, options)
      // The whole text is in a tooltip; no label holds "word79".
      let statements = dotStatements(text)
      let labels = statements.compactMap { $0.attributes["label"] }.joined(separator: "\n")
      let tooltips = statements.compactMap { $0.attributes["tooltip"] }.joined(separator: "\n")
      #expect(!labels.contains("word79"))
      #expect(tooltips.contains("⚠ disputed: " + long))
      #expect(tooltips.contains("⚠ " + long + ": claims disagree"))
      #expect(tooltips.contains("role: " + long) && tooltips.contains("locator: " + long))
      if options.clustering == .organisation { #expect(tooltips.contains("name: " + long)) }
    }
  }

  // MARK: Options

  @Test func filtersKindsAndRelationTypes() throws {
    let options = DOTOptions(kinds: [.event, .place], relationTypes: ["located-in"])
    let parsed = dotStatements(dotText(try dotExportSample(), options))
    let tooltips = parsed.compactMap { $0.attributes["tooltip"] }
    #expect(!tooltips.contains { $0.hasPrefix("id: yashar-aliyev") || $0.hasPrefix("id: letter-2021") })
    #expect(tooltips.contains { $0.hasPrefix("id: khojaly") })
    let types = Set(parsed.filter { $0.kind == .edge && !$0.ids[0].hasPrefix("legend") && !$0.ids[0].hasPrefix("d") }
      .compactMap { ($0.attributes["label"] ?? $0.attributes["xlabel"]).map(DOTReader.labelLines)?.first })
    #expect(types == ["located-in"])
  }

  @Test func edgeLabelsAndLegendCanBeLeftOut() throws {
    let text = dotText(try dotExportSample(), DOTOptions(edgeLabels: false, legend: false))
    let parsed = dotStatements(text)
    #expect(!parsed.contains { $0.kind == .subgraph && $0.ids == ["cluster_legend"] })
    #expect(!parsed.contains { $0.kind == .edge && ($0.attributes["label"] ?? $0.attributes["xlabel"]) != nil })
  }

  @Test func legendExplainsEveryStyleUsed() throws {
    for view in DOTOptions.View.allCases {
      let parsed = dotStatements(dotText(try dotExportSample(), DOTOptions(view: view)))
      let legendNodes = parsed.filter { $0.kind == .node && $0.ids[0].hasPrefix("legend_node_") }
      let legendEdges = parsed.filter { $0.kind == .edge && $0.ids[0].hasPrefix("legend_from_") }
      func look(_ statement: DOTStatement) -> [String?] {
        ["style", "arrowhead", "arrowtail", "color", "penwidth"].map { statement.attributes[$0] }
      }
      func sample(_ statement: DOTStatement) -> [String?] {
        var attributes = statement.attributes
        if attributes["dir"] == "back" { attributes["arrowhead"] = attributes.removeValue(forKey: "arrowtail") }
        return ["style", "arrowhead", "color", "penwidth"].map { attributes[$0] }
      }
      let explained = Set(legendEdges.map(sample))
      for edge in parsed where edge.kind == .edge && !edge.ids[0].hasPrefix("legend") && edge.attributes["style"] != "invis" {
        #expect(explained.contains(sample(edge)), "the legend does not explain \(look(edge))")
      }
      let shapes = Set(legendNodes.map { [$0.attributes["shape"], $0.attributes["fillcolor"]] })
      for entityNode in parsed where entityNode.kind == .node && !entityNode.ids[0].hasPrefix("legend") {
        guard entityNode.attributes["style"] != "invis" else { continue }
        #expect(shapes.contains([entityNode.attributes["shape"], entityNode.attributes["fillcolor"]]))
        if let style = entityNode.attributes["style"], style.hasPrefix("dashed") || style.hasPrefix("dotted") {
          let border = String(style.prefix { $0 != "," })
          #expect(legendNodes.contains { $0.attributes["style"] == border })
        }
        if entityNode.attributes["peripheries"] == "2" {
          #expect(legendNodes.contains { $0.attributes["peripheries"] == "2" })
        }
      }
    }
  }

  @Test func legendNamesDeclaredTypes() throws {
    let graph = dotGraph(
      [dotEntity("a", .person, "A"), dotEntity("b", .document, "B", date: "2000")],
      [Relation(from: "a", type: "count\"ersigned", to: "b")])
    let parsed = dotStatements(dotText(graph))
    let legend = parsed.filter { $0.kind == .edge && $0.ids[0].hasPrefix("legend_from_") }
    #expect(legend.contains { $0.attributes["label"] == "count\"ersigned" && $0.attributes["arrowhead"] == "inv" })
  }

  // MARK: The timeline

  @Test func columnsRunInChronologicalOrder() throws {
    let parsed = dotStatements(dotText(try dotExportSample()))
    let ticks = parsed.filter { $0.kind == .node && $0.ids[0].hasPrefix("t") }.compactMap { $0.attributes["label"] }
    #expect(ticks == ["1991", "1992", "2019", "2021", "no date"])
    let axis = parsed.filter { $0.kind == .edge && $0.ids.allSatisfy { $0.hasPrefix("t") } }.map(\.ids)
    #expect(axis == [["t0", "t1"], ["t1", "t2"], ["t2", "t3"], ["t3", "t4"]])
    let ranks = parsed.filter { $0.kind == .rank && !$0.ids[0].hasPrefix("legend") }
    func rank(of id: String) -> Int? {
      let node = dotNode(withID: id, in: parsed)?.ids[0]
      return ranks.firstIndex { $0.ids.contains(node ?? "") }
    }
    let order = ["encirclement", "shelling", "assault", "time-1992-03-16", "broers-2019", "letter-2021", "detainees"]
    let positions = order.compactMap(rank(of:))
    #expect(positions.count == order.count)
    #expect(positions == positions.sorted())
  }

  @Test func edgesBackInTimeAreWrittenForwardWithDirBack() throws {
    let parsed = dotStatements(dotText(try dotExportSample()))
    // The 2021 letter cites the 1992 article: written article -> letter, arrow at the article.
    let letter = try #require(dotNode(withID: "letter-2021", in: parsed)).ids[0]
    let article = try #require(dotNode(withID: "time-1992-03-16", in: parsed)).ids[0]
    let cites = try #require(parsed.first { $0.kind == .edge && Set($0.ids) == [letter, article] })
    #expect(cites.ids == [article, letter])
    #expect(cites.attributes["dir"] == "back")
    #expect(cites.attributes["arrowtail"] == "normal")
    #expect(cites.attributes["arrowhead"] == nil)
    #expect(!parsed.contains { $0.attributes["constraint"] != nil })
  }

  @Test func shortSpansGetMonthTicks() throws {
    let graph = dotGraph([
      dotEntity("a", .event, "A", date: "1992-02-25"), dotEntity("b", .event, "B", date: "1992-03"),
      dotEntity("c", .event, "C", date: "1992"), dotEntity("d", .event, "D", date: "1993-01-02"),
    ])
    let ticks = dotStatements(dotText(graph)).filter { $0.kind == .node && $0.ids[0].hasPrefix("t") }
    #expect(ticks.compactMap { $0.attributes["label"] } == ["1992", "February 1992", "March 1992", "January 1993"])
  }

  @Test func yearsBeforeTheCommonEraReadBCE() throws {
    let graph = dotGraph([
      dotEntity("a", .event, "Ides of March", date: "-0043-03-15"), dotEntity("b", .event, "B", date: "0000"),
      dotEntity("c", .event, "C", date: "0001"),
    ])
    let ticks = dotStatements(dotText(graph)).filter { $0.kind == .node && $0.ids[0].hasPrefix("t") }
    #expect(ticks.compactMap { $0.attributes["label"] } == ["44 BCE", "1 BCE", "1"])
  }

  @Test func placesWhatIsJoinedToNothingDatedUnderNoDate() throws {
    let graph = dotGraph([dotEntity("p", .person, "Alone"), dotEntity("q", .place, "Nowhere")])
    let text = dotText(graph)
    let parsed = dotStatements(text)
    #expect(parsed.filter { $0.kind == .node && $0.ids[0].hasPrefix("t") }.compactMap { $0.attributes["label"] } == ["no date"])
    #expect(!parsed.isEmpty)
  }

  @Test func emptyGraphIsAnEmptyDrawing() {
    let text = dotText(dotGraph([]))
    #expect(text.hasPrefix("digraph \"timeline\" {\n"))
    #expect(text.hasSuffix("}\n"))
    #expect(!dotStatements(text).contains { $0.kind == .node })
  }

  // MARK: Clusters

  @Test func clustersByOrganisationNestAndHoldMembers() throws {
    var member = dotEntity("m", .person, "Member")
    member.positions = [Position(title: "Envoy", organisation: "child")]
    var child = dotEntity("child", .organisation, "Child")
    child.parent = "root"
    let graph = dotGraph([dotEntity("root", .organisation, "Root"), child, member, dotEntity("x", .person, "Outsider")])
    let text = dotText(graph, DOTOptions(view: .network, clustering: .organisation))
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let root = try #require(lines.firstIndex { $0.hasPrefix("subgraph \"cluster_org_0\"") })
    let nested = try #require(lines.firstIndex { $0.hasPrefix("subgraph \"cluster_org_1\"") })
    let memberLine = try #require(lines.firstIndex { $0.contains("tooltip=\"id: m\"") })
    let outsider = try #require(lines.firstIndex { $0.contains("tooltip=\"id: x\"") })
    #expect(root < nested && nested < memberLine)
    // The member closes the nested box, then the root box closes, then come the loose nodes.
    #expect(lines[(memberLine + 1)...].prefix(2) == ["}", "}"])
    #expect(outsider > memberLine + 2)
  }

  @Test func organisationCyclesAndDeepNestingEndWell() throws {
    var entities: [Entity] = []
    for index in 0..<40 {
      var organisation = dotEntity("o\(index)", .organisation, "O\(index)")
      organisation.parent = "o\((index + 1) % 40)"  // one long cycle
      entities.append(organisation)
    }
    let text = dotText(dotGraph(entities), DOTOptions(view: .network, clustering: .organisation))
    let depth = text.split(separator: "\n").map { $0.prefix { $0 == " " }.count / 2 }.max() ?? 0
    #expect(depth <= DOTExporter.maximumClusterDepth + 2)
    #expect(dotStatements(text).filter { $0.kind == .node }.count >= 40)
  }

  @Test func clustersByYearHoldTheirTicks() throws {
    let text = dotText(try dotExportSample(), DOTOptions(clustering: .year))
    let parsed = dotStatements(text)
    let clusters = parsed.filter { $0.kind == .subgraph && $0.ids[0].hasPrefix("cluster_year_") }
    #expect(clusters.count == 4)
  }
}

/// Whole exports of hostile graphs: user text never leaves its quoted value.
struct DOTExporterEscapingTests {
  static let hostile: [String] = [
    "1abc", #"a\"#, "", "node", "EDGE", "Graph", "digraph", "subgraph", "STRICT",
    #"x"; "n0" -> "n1" [label="pwned"]; "y"#, #"\N \G \E \T \H \L \n \l \r"#, #"odd\\\"#,
    "<b>html</b>", "AT&amp;T", "{ } ; -> --", "line\nbreak\r\nand\rmore", "nul\u{0}bell\u{7}del\u{7F}c1\u{85}",
    "🇺🇳 e\u{301} 叶 \u{202E}", String(repeating: "long ", count: 5_000),
  ]

  /// An event, a person and an organisation with `text` in every field they have.
  static func graph(_ text: String) -> TimelineGraph {
    var event = dotEntity("e-" + text, .event, text, date: "1992")
    event.notes = [text]
    event.type = text
    var organisation = dotEntity("o-" + text, .organisation, text)
    organisation.aliases = [text]
    return dotGraph(
      [event, dotEntity("p-" + text, .person, text), organisation],
      [Relation(from: "p-" + text, type: "participant", to: "e-" + text, role: text, locator: text, note: text),
       Relation(from: "p-" + text, type: text.isEmpty ? "x" : text, to: "e-" + text)],
      [Claim(subject: "e-" + text, property: text, value: .text(text), unit: text, qualifier: text, claimant: "o-" + text),
       Claim(subject: "e-" + text, property: text, value: .number(ClaimNumber(1)))],
      title: text)
  }

  @Test(arguments: hostile)
  func hostileTextStaysInsideQuotedValues(text: String) throws {
    let graph = Self.graph(text)
    for view in DOTOptions.View.allCases {
      for clustering in DOTOptions.Clustering.allCases {
        let output = DOTExporter(options: DOTOptions(view: view, clustering: clustering)).export(graph)
        #expect(!output.contains { $0 < 0x20 && $0 != 0x0A || $0 == 0x7F }, "a raw control byte")
        let text = String(decoding: output, as: UTF8.self)
        let parsed = dotStatements(text)
        let nodes = parsed.filter { $0.kind == .node && $0.ids[0].hasPrefix("n") }
        #expect(nodes.map { $0.ids[0] }.sorted() == ["n0", "n1", "n2"])
        #expect(parsed.filter { $0.kind == .node && $0.ids[0].hasPrefix("d") }.count == 1)
        // The user's id shows only in the tooltip, escaped.
        let tooltip = try #require(nodes.first { $0.ids[0] == "n0" }?.attributes["tooltip"])
        #expect(tooltip.hasPrefix("id: e-"))
        for line in text.split(separator: "\n") where line.contains("tooltip=") {
          #expect(line.hasSuffix("];") || line.hasSuffix("\";"))
        }
      }
    }
  }

  @Test func userTextInTheLabelReadsBackExactly() throws {
    let text = #"say "hi" \N C:\path\ AT&amp;T <b>x</b> {a;b} -> node"#
    let parsed = dotStatements(dotText(dotGraph([dotEntity("e", .event, text)]), DOTOptions(maximumLabelLineLength: 1000)))
    let lines = DOTReader.labelLines(try #require(dotNode(withID: "e", in: parsed)?.attributes["label"]))
    #expect(lines == [text, "(no date)"])
  }

  @Test func tooltipsDoubleTheirBackslashes() throws {
    let parsed = dotStatements(dotText(dotGraph([dotEntity(#"a\N"#, .person, "A")])))
    let node = try #require(parsed.first { $0.kind == .node && $0.ids[0] == "n0" })
    #expect(node.attributes["tooltip"] == #"id: a\\\\N"#)
  }
}
