extension DOTExporter {
  /// The drawings `dot` ranks quickly: the estimated number of nodes and edge
  /// segments it lays out (nodes, plus the ranks each edge spans). Above this the
  /// automatic layout is ``DOTOptions/Layout/pinned``. The Khojaly example stays under
  /// it (ranked; 1 s in `dot`) and a generated 100-event timeline over two centuries is
  /// above it (pinned; `dot` did not finish it in 5 minutes).
  public static let rankedLayoutLimit = 4_000

  /// The layout the exporter uses for a graph: the options' own unless it is
  /// ``DOTOptions/Layout/automatic``, which is `.ranked` when the estimated work for
  /// `dot` stays under ``rankedLayoutLimit`` and `.pinned` above it. The network view
  /// is always `.ranked` (laid out by Graphviz).
  ///
  ///     let exporter = DOTExporter()
  ///     if exporter.layout(for: graph) == .pinned {
  ///       // render with: neato -n2 -Tsvg
  ///     }
  public func layout(for graph: TimelineGraph) -> DOTOptions.Layout {
    guard options.view == .timeline else { return .ranked }
    switch options.layout {
    case .ranked, .pinned: return options.layout
    case .automatic: return resolvedLayout(DOTScene(graph: graph, options: options))
    }
  }

  /// The layout of the timeline of `scene`. The time axis, needed only to estimate the
  /// work of a ranked layout, is not built when the drawn nodes alone pass the limit.
  func resolvedLayout(_ scene: DOTScene) -> DOTOptions.Layout {
    switch options.layout {
    case .ranked, .pinned: return options.layout
    case .automatic:
      var drawn = 0
      for isDrawn in scene.isDrawn where isDrawn { drawn += 1 }
      if drawn > Self.rankedLayoutLimit { return .pinned }
      let axis = DOTTimeAxis(scene: scene, byKind: options.clustering == .kind)
      return Self.rankedWork(scene, axis: axis) <= Self.rankedLayoutLimit ? .ranked : .pinned
    }
  }

  /// Nodes, plus the ranks every drawn edge spans (each is a node `dot` adds and
  /// places), doubled when edges carry labels (`dot` then puts a rank between ranks).
  static func rankedWork(_ scene: DOTScene, axis: DOTTimeAxis) -> Int {
    var work = axis.ranks.count
    for drawn in scene.isDrawn where drawn { work += 1 }
    let edges = scene.graph.edges.stored
    var spans = 0
    for position in scene.edges {
      let from = Int(axis.rank[Int(edges[position].from)])
      let to = Int(axis.rank[Int(edges[position].to)])
      spans += abs(from - to) + 1
    }
    for (position, note) in scene.notes.enumerated() {
      for attribution in note.attributions {
        spans += abs(Int(axis.noteRank[position]) - Int(axis.rank[attribution.entity])) + 1
      }
    }
    return work + (scene.options.edgeLabels ? 2 * spans : spans)
  }

  /// The timeline with every node at a position Chronicle computed (see
  /// ``DOTPinnedLayout``), for `neato -n2`.
  func writePinned(_ scene: DOTScene, into writer: inout DOTWriter) {
    let graph = scene.graph
    var sizes = [DOTPinnedLayout.Size](repeating: .init(width: 0, height: 0), count: graph.count)
    sizes.withUnsafeMutableBufferPointer { sizes in
      func measure(_ range: Range<Int>) {
        var dates = DOTDateTexts()
        for position in range where scene.isDrawn[position] {
          sizes[position] = pinnedSize(
            of: graph.entities, at: position, qualified: scene.borders[position] == .dashed,
            disputed: scene.isDisputed[position] ? scene.disputed[position] : nil, dates: &dates)
        }
      }
      // Blocks to whichever thread is free (an event costs several times a place),
      // of half `blockItems`, as written.
      guard graph.count > parallelItems else { return measure(0..<graph.count) }
      TwoThreads.forEachBlock(count: graph.count, blockSize: blockItems / 2, measure)
    }
    var noteSizes = [DOTPinnedLayout.Size](repeating: .init(width: 0, height: 0), count: scene.notes.count)
    noteSizes.withUnsafeMutableBufferPointer { sizes in
      func measure(_ range: Range<Int>) {
        for position in range { sizes[position] = noteSize(scene.notes[position], graph: graph) }
      }
      let count = scene.notes.count
      guard count > parallelItems else { return measure(0..<count) }
      TwoThreads.forEachBlock(count: count, blockSize: blockItems / 2, measure)
    }
    let layout = DOTPinnedLayout(scene: scene, sizes: sizes, noteSizes: noteSizes)

    writeDefaults(graph, pinned: true, into: &writer)
    if !layout.ticks.isEmpty {
      writer.blankLine()
      writer.comment("Time axis: positions in points, y upwards; dashed where a long gap is shortened")
      for (position, tick) in layout.ticks.enumerated() {
        var attributes = tickAttributes(DOTTimeAxis.Tick(label: tick.label, year: nil))
        attributes.set("pos", Self.pin(tick.position))
        writer.node(DOTID("t", position), attributes)
      }
      for (position, tick) in layout.ticks.enumerated().dropFirst() {
        var attributes = edgeAttributes(DOTStyle.axis)
        if tick.afterGap { attributes.set("style", "dashed") }
        writer.edge(DOTID("t", position - 1), DOTID("t", position), attributes)
      }
    }
    writer.blankLine()
    writer.comment("Nodes: events and documents above the axis, the others below")
    writeInBlocks(count: graph.count, into: &writer) { range, writer in
      var reused = EntityWriting()
      for position in range where scene.isDrawn[position] {
        writeEntity(position, scene: scene, pin: layout.position[position], reusing: &reused, into: &writer)
      }
    }
    writeInBlocks(count: scene.notes.count, into: &writer) { range, writer in
      var reused = EntityWriting()
      for position in range {
        writeNote(position, scene: scene, pin: layout.notePosition[position], reusing: &reused, into: &writer)
      }
    }
    writeNoteEdges(scene, axis: nil, into: &writer)
    writeRelations(scene, axis: nil, labelsAsTooltips: scene.edges.count > Self.pinnedEdgeLabelLimit, into: &writer)
    if options.legend { writePinnedLegend(scene, hasAxis: !layout.ticks.isEmpty, layout: layout, into: &writer) }
  }

  /// The legend below the drawing's lower left corner: node samples in a column, edge
  /// samples in columns beside them.
  private func writePinnedLegend(
    _ scene: DOTScene, hasAxis: Bool, layout: DOTPinnedLayout, into writer: inout DOTWriter
  ) {
    let (nodes, edges) = legendSamples(scene, hasAxis: hasAxis)
    guard !nodes.isEmpty || !edges.isEmpty else { return }
    let rowHeight = 48
    let top = layout.bottom - 60
    let left = layout.left + 80
    writer.blankLine()
    writer.comment("Legend")
    var title = DOTAttributes()
    title.set("shape", "plaintext")
    title.set("fontsize", "14")
    title.set("label", Self.legendText("Legend"))
    title.set("pos", Self.pin(DOTPinnedLayout.Point(x: left, y: top)))
    writer.node(DOTID(named: "legend"), title)
    for (position, sample) in nodes.enumerated() {
      var attributes = sample
      attributes.set("pos", Self.pin(DOTPinnedLayout.Point(x: left, y: top - rowHeight * (position + 1))))
      writer.node(DOTID("legend_node_", position), attributes)
    }
    let rows = max(nodes.count, 6)
    for (position, edge) in edges.enumerated() {
      let column = position / rows
      let x = left + 130 + column * 220
      let y = top - rowHeight * (position % rows + 1)
      var end = DOTAttributes()
      end.set("shape", "point")
      end.set("width", "0.06")
      end.set("color", "#999999")
      end.set("pos", Self.pin(DOTPinnedLayout.Point(x: x, y: y)))
      writer.node(DOTID("legend_from_", position), end)
      end.set("pos", Self.pin(DOTPinnedLayout.Point(x: x + 150, y: y)))
      writer.node(DOTID("legend_to_", position), end)
      var attributes = edge.attributes
      attributes.set("label", edge.label)
      attributes.set("fontcolor", "#000000")
      writer.edge(DOTID("legend_from_", position), DOTID("legend_to_", position), attributes)
    }
  }

  /// The size of the node of `entities[position]`: that of its
  /// ``entityLabel(_:disputed:)``, measured without building the label or copying the entity.
  /// `qualified` tells whether its date has qualifiers (see ``forEachLabelLine(of:at:dateText:qualified:disputed:_:)``).
  func pinnedSize(
    of entities: [Entity], at position: Int, qualified: Bool = true, disputed: [String]?
  ) -> DOTPinnedLayout.Size {
    var dates = DOTDateTexts()
    return pinnedSize(of: entities, at: position, qualified: qualified, disputed: disputed, dates: &dates)
  }

  /// ``pinnedSize(of:at:qualified:disputed:)``, its date found in or added to `dates`.
  func pinnedSize(
    of entities: [Entity], at position: Int, qualified: Bool, disputed: [String]?, dates: inout DOTDateTexts
  ) -> DOTPinnedLayout.Size {
    var measure = DOTPinnedLayout.Measure()
    let dateText = entities[position].date.map { dates.text($0) }
    Self.forEachLabelLine(of: entities, at: position, dateText: dateText, qualified: qualified, disputed: disputed) { text, _ in
      measure.add(DOTText.cut(text, width: lineLength) ?? text, limit: lineLength)
    }
    return measure.size(shape: DOTStyle.node(entities[position].kind).shape)
  }

  /// `"x,y!"`: a position Graphviz keeps.
  private static func pin(_ point: DOTPinnedLayout.Point) -> String {
    String(point.x) + "," + String(point.y) + "!"
  }
}
