import Foundation
import PropertyBased
import Testing
@testable import Chronicle

/// The pinned timeline: Chronicle's own positions, drawn by `neato -n2`.
struct DOTPinnedLayoutTests {
  private static func pinned(_ options: DOTOptions = DOTOptions()) -> DOTOptions {
    var options = options
    options.layout = .pinned
    return options
  }

  /// `"x,y!"` read back as numbers.
  private static func point(_ statement: DOTStatement) -> (x: Int, y: Int)? {
    guard let pos = statement.attributes["pos"], pos.hasSuffix("!") else { return nil }
    let parts = pos.dropLast().split(separator: ",")
    guard parts.count == 2, let x = Int(parts[0]), let y = Int(parts[1]) else { return nil }
    return (x, y)
  }

  @Test func matchesGolden() throws {
    assertGolden(dotText(try dotExportSample(), Self.pinned()), named: "timeline-pinned.dot")
  }

  /// Nodes measured and written, and edges written, on two threads in blocks give the
  /// bytes one thread gives, streamed or whole, with blocks of every size.
  @Test func writingOnTwoThreadsGivesTheSameBytes() throws {
    let graph = try TimelineGenerator(events: 300, seed: 9).graph()
    var alone = DOTExporter(options: Self.pinned())
    alone.parallelItems = .max
    let expected = alone.export(graph)
    for (threshold, block) in [(0, 1), (1, 7), (100, 64), (100, 8_192), (5_000, 3)] {
      var together = alone
      together.parallelItems = threshold
      together.blockItems = block
      // Compared as a flag: a failure would print megabytes of bytes.
      let same = together.export(graph) == expected
      #expect(same, "threshold \(threshold), blocks of \(block)")
      var streamed: [UInt8] = []
      var pieces: [Int] = []
      var wholeLines = true
      together.export(graph, chunkBytes: 4_096) { piece in
        streamed.append(contentsOf: piece)
        pieces.append(piece.count)
        if piece.last != 0x0A { wholeLines = false }
      }
      let sameStreamed = streamed == expected
      #expect(sameStreamed, "threshold \(threshold), blocks of \(block), streamed")
      // Pieces of about the size asked for (a line more at most), none empty, each
      // ending with a whole line.
      let longestLine = expected.split(separator: 0x0A).map(\.count).max() ?? 0
      #expect(pieces.allSatisfy { $0 > 0 && $0 <= 4_096 + longestLine + 1 }, "threshold \(threshold)")
      #expect(wholeLines)
    }
  }

  /// The lanes above the axis built on a second thread give the same layout.
  @Test func layoutOnTwoThreadsIsTheSame() throws {
    for seed in [3, 9] {
      let graph = try TimelineGenerator(events: 250, seed: UInt64(seed)).graph()
      let scene = DOTScene(graph: graph, options: Self.pinned())
      let sizes = graph.entities.indices.map { DOTExporter().pinnedSize(of: graph.entities, at: $0, disputed: scene.disputed[$0]) }
      let noteSizes = scene.notes.map { DOTPinnedLayout.size(of: DOTExporter().noteLabel($0, graph: graph), shape: "box") }
      let alone = DOTPinnedLayout(scene: scene, sizes: sizes, noteSizes: noteSizes, onTwoThreads: false)
      let together = DOTPinnedLayout(scene: scene, sizes: sizes, noteSizes: noteSizes, onTwoThreads: true)
      #expect(together.position == alone.position)
      #expect(together.notePosition == alone.notePosition)
      #expect(together.ticks == alone.ticks)
      #expect(together.bottom == alone.bottom && together.left == alone.left && together.right == alone.right)
      #expect(alone.position.contains { $0 != nil })
    }
  }

  @Test func isDeterministic() throws {
    let graph = try TimelineGenerator(events: 200, seed: 7).graph()
    #expect(DOTExporter(options: Self.pinned()).export(graph) == DOTExporter(options: Self.pinned()).export(graph))
  }

  @Test func automaticLayoutRanksSmallTimelinesAndPinsLargeOnes() throws {
    let sample = try dotExportSample()
    #expect(DOTExporter().layout(for: sample) == .ranked)
    let generated = try TimelineGenerator(events: 100, seed: 1).graph()
    #expect(DOTExporter().layout(for: generated) == .pinned)
    #expect(DOTExporter(options: DOTOptions(layout: .ranked)).layout(for: generated) == .ranked)
    #expect(DOTExporter(options: DOTOptions(layout: .pinned)).layout(for: sample) == .pinned)
    #expect(DOTExporter(options: DOTOptions(view: .network, layout: .pinned)).layout(for: sample) == .ranked)
    // The automatic choice is what export writes.
    #expect(dotText(generated).contains("layout=\"neato\""))
    #expect(!dotText(sample).contains("layout=\"neato\""))
  }

  @Test func everyNodeIsPinnedAndTheAxisReadsInTrueOrder() throws {
    let graph = try TimelineGenerator(events: 300, seed: 3).graph()
    let statements = dotStatements(dotText(graph, Self.pinned()))
    let nodes = statements.filter { $0.kind == .node }
    #expect(nodes.allSatisfy { Self.point($0) != nil }, "a node without a pinned pos")
    // No clusters and no rank constraints: only the graph itself opens a block.
    #expect(statements.filter { $0.kind == .subgraph }.map(\.ids) == [["timeline"]])
    #expect(!statements.contains { $0.kind == .rank })

    // Dated events and documents: x never decreases along the chronological order,
    // and they stand above the axis; everything else stands below it.
    var lastX = Int.min
    var lastDay = Int.min
    for index in graph.chronological {
      let entity = graph[index]
      guard let date = entity.date, let day = date.earliest ?? date.latest,
        let node = nodes.first(where: { $0.ids == ["n\(index.int)"] }), let point = Self.point(node)
      else { continue }
      #expect(point.y > 0, "\(entity.id) stands below the axis")
      if day.dayNumber > lastDay { #expect(point.x >= lastX, "\(entity.id) stands left of an earlier date") }
      if day.dayNumber == lastDay { #expect(point.x == lastX) }
      (lastX, lastDay) = (point.x, day.dayNumber)
    }
    for (position, entity) in graph.entities.enumerated() where !entity.kind.hasTitle {
      let node = try #require(nodes.first { $0.ids == ["n\(position)"] })
      #expect((Self.point(node)?.y ?? 1) < 0, "\(entity.id) stands above the axis")
    }
    // Ticks left to right in order of their years.
    let ticks = nodes.filter { $0.ids[0].hasPrefix("t") }.compactMap { node in
      Self.point(node).map { (node.attributes["label"] ?? "", $0.x) }
    }
    #expect(ticks.count >= 2)
    #expect(ticks.map(\.1) == ticks.map(\.1).sorted())
    let years = ticks.compactMap { Int($0.0) }
    #expect(years == years.sorted())
  }

  @Test func nodesInOneLaneDoNotOverlap() throws {
    let graph = try TimelineGenerator(events: 500, seed: 5).graph()
    let exporter = DOTExporter(options: Self.pinned())
    let scene = DOTScene(graph: graph, options: exporter.options)
    var sizes = [DOTPinnedLayout.Size](repeating: .init(width: 0, height: 0), count: graph.count)
    for position in graph.entities.indices {
      let entity = graph.entities[position]
      sizes[position] = DOTPinnedLayout.size(
        of: exporter.entityLabel(entity, disputed: scene.disputed[position] ?? []), shape: DOTStyle.node(entity.kind).shape)
    }
    let noteSizes = scene.notes.map { DOTPinnedLayout.size(of: exporter.noteLabel($0, graph: graph), shape: "box") }
    let layout = DOTPinnedLayout(scene: scene, sizes: sizes, noteSizes: noteSizes)
    var boxes: [(x: Double, y: Int, width: Double)] = []
    for position in graph.entities.indices {
      let point = try #require(layout.position[position])
      boxes.append((Double(point.x), point.y, sizes[position].width))
    }
    for (position, point) in layout.notePosition.enumerated() {
      boxes.append((Double(point.x), point.y, noteSizes[position].width))
    }
    let lanes = Dictionary(grouping: boxes, by: \.y)
    #expect(lanes.count > 2)
    for (_, lane) in lanes {
      let sorted = lane.sorted { $0.x - $0.width / 2 < $1.x - $1.width / 2 }
      for (left, right) in zip(sorted, sorted.dropFirst()) {
        #expect(left.x + left.width / 2 + DOTPinnedLayout.horizontalGap <= right.x - right.width / 2 + 1)
      }
    }
  }

  @Test func longEmptyStretchesAreShortenedAndDrawnDashed() {
    let graph = dotGraph([
      dotEntity("a", .event, "A", date: "1900-01-01"),
      dotEntity("b", .event, "B", date: "1900-01-02"),
      dotEntity("c", .event, "C", date: "1990-06-01"),
      dotEntity("d", .event, "D", date: "1990-07-01"),
    ])
    let statements = dotStatements(dotText(graph, Self.pinned(DOTOptions(legend: false))))
    func x(_ id: String) -> Int? { statements.first { $0.ids == [id] }.flatMap(Self.point)?.x }
    let (a, b, c, d) = (x("n0") ?? 0, x("n1") ?? 0, x("n2") ?? 0, x("n3") ?? 0)
    #expect(a <= b && b < c && c < d)
    // 90 years take at most the longest gap, while a month keeps its share of the scale.
    #expect(c - b <= Int(DOTPinnedLayout.maximumGap) + 1)
    #expect(d - c > b - a)
    #expect(statements.contains { $0.kind == .edge && $0.attributes["style"] == "dashed" && $0.ids[0].hasPrefix("t") })
  }

  @Test func undatedEntitiesStandInANoDateColumnAfterTheAxis() {
    let graph = dotGraph([
      dotEntity("a", .event, "A", date: "1992-02-25"),
      dotEntity("b", .event, "B", date: "1992-03-01"),
      dotEntity("u", .event, "Undated"),
      dotEntity("p", .person, "Alone"),
      dotEntity("r", .document, "Undated report"),
    ], [Relation(from: "r", type: "reports", to: "a")])
    let statements = dotStatements(dotText(graph, Self.pinned()))
    let ticks = statements.filter { $0.kind == .node && $0.ids[0].hasPrefix("t") }
    #expect(ticks.last?.attributes["label"] == "no date")
    let noDate = ticks.last.flatMap(Self.point)?.x
    #expect(statements.first { $0.ids == ["n2"] }.flatMap(Self.point)?.x == noDate)
    #expect(statements.first { $0.ids == ["n3"] }.flatMap(Self.point)?.x == noDate)
    // An undated document stays in that column even when it reports a dated event.
    #expect(statements.first { $0.ids == ["n4"] }.flatMap(Self.point)?.x == noDate)
    // Dates within two years get month ticks.
    #expect(ticks.first?.attributes["label"] == "February 1992")
  }

  @Test func edgeLabelsCanMoveToTooltips() throws {
    let graph = try TimelineGenerator(events: 50, seed: 2).graph()
    let exporter = DOTExporter(options: Self.pinned())
    let scene = DOTScene(graph: graph, options: exporter.options)
    for asTooltips in [false, true] {
      var writer = DOTWriter()
      writer.open("digraph", name: "test")
      exporter.writeRelations(scene, axis: nil, labelsAsTooltips: asTooltips, into: &writer)
      writer.close()
      let edges = dotStatements(String(decoding: writer.bytes, as: UTF8.self)).filter { $0.kind == .edge }
      #expect(edges.count == scene.edges.count)
      for (statement, position) in zip(edges, scene.edges) {
        let type = graph.edges[position].type
        if asTooltips {
          #expect(statement.attributes["label"] == nil)
          #expect(statement.attributes["tooltip"]?.hasPrefix(type) == true)
        } else {
          #expect(statement.attributes["label"]?.hasPrefix(type) == true)
        }
      }
    }
  }

  @Test(.enabled(if: Graphviz.testsRun, "needs Graphviz's dot"))
  func neatoDrawsThePinnedTimelineWhereChronicleSaid() throws {
    let dot = try requireGraphviz()
    let graph = try TimelineGenerator(events: 120, seed: 4).graph()
    let bytes = DOTExporter(options: Self.pinned()).export(graph)
    let result = try Graphviz.run(dot, ["-Kneato", "-n2", "-Tjson"], input: bytes)
    #expect(result.status == 0)
    #expect(result.errors.isEmpty, "neato -n2 said: \(result.errors)")
    let json = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
    let objects = try #require(json["objects"] as? [[String: Any]])
    let written = Dictionary(
      dotStatements(String(decoding: bytes, as: UTF8.self)).filter { $0.kind == .node }.map { ($0.ids[0], $0) },
      uniquingKeysWith: { first, _ in first })
    // Every node Chronicle pinned is drawn at a position.
    var drawnNodes = 0
    for object in objects {
      guard let name = object["name"] as? String, let pos = object["pos"] as? String, written[name] != nil else { continue }
      #expect(pos.split(separator: ",").compactMap { Double($0) }.count == 2)
      drawnNodes += 1
    }
    #expect(drawnNodes == written.count)
    // Graphviz only moves the whole drawing so that it starts at the origin: the
    // first and last ticks are as far apart as pinned.
    func drawnX(_ name: String) -> Double? {
      (objects.first { $0["name"] as? String == name }?["pos"] as? String)?.split(separator: ",").first.flatMap { Double($0) }
    }
    let tickNames = written.keys.filter { $0.hasPrefix("t") }.sorted { Int($0.dropFirst())! < Int($1.dropFirst())! }
    let first = try #require(tickNames.first)
    let last = try #require(tickNames.last)
    let pinnedSpan = Double(Self.point(written[last]!)!.x - Self.point(written[first]!)!.x)
    let drawnSpan = try #require(drawnX(last)) - (try #require(drawnX(first)))
    #expect(abs(drawnSpan - pinnedSpan) <= 1)

    // Plain `dot`, which the DOT's `layout` attribute turns into neato without -n2,
    // reads the positions as points too (`inputscale=72`) and keeps them.
    let plain = try Graphviz.run(dot, ["-Tjson"], input: bytes)
    #expect(plain.status == 0)
    let plainObjects = try #require(
      (try JSONSerialization.jsonObject(with: plain.output) as? [String: Any])?["objects"] as? [[String: Any]])
    func plainX(_ name: String) -> Double? {
      (plainObjects.first { $0["name"] as? String == name }?["pos"] as? String)?.split(separator: ",").first.flatMap { Double($0) }
    }
    let plainSpan = try #require(plainX(last)) - (try #require(plainX(first)))
    #expect(abs(plainSpan - pinnedSpan) <= 2)
  }

  @Test func timeScaleIsMonotonic() async {
    await propertyCheck(input: Gen.int(in: -50_000...800_000).array(of: 2...40)) { days in
      let scene = DOTScene(
        graph: dotGraph(days.enumerated().map { position, day in
          var entity = Entity(id: "e\(position)", kind: .event, label: "E\(position)")
          entity.date = CalendarDay(dayNumber: day).flatMap { try? EDTFDate($0.description) }
          return entity
        }), options: Self.pinned())
      let sizes = [DOTPinnedLayout.Size](repeating: .init(width: 80, height: 40), count: days.count)
      let layout = DOTPinnedLayout(scene: scene, sizes: sizes, noteSizes: [])
      let order = days.indices.sorted { (days[$0], $0) < (days[$1], $1) }
      for (earlier, later) in zip(order, order.dropFirst()) {
        let left = layout.position[earlier]?.x ?? .min
        let right = layout.position[later]?.x ?? .min
        #expect(days[earlier] == days[later] ? left == right : left <= right)
      }
    }
  }
}
