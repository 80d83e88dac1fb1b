extension DOTExporter {
  /// A cluster with one sample of every node style and edge style the drawing uses,
  /// drawn with the same attributes, each labelled with what it means. In the
  /// timeline it stands after the last rank.
  func writeLegend(_ scene: DOTScene, axis: DOTTimeAxis?, into writer: inout DOTWriter) {
    let (nodes, edges) = legendSamples(scene, hasAxis: !(axis?.ticks.isEmpty ?? true))
    guard !nodes.isEmpty || !edges.isEmpty else { return }

    writer.blankLine()
    writer.comment("Legend")
    writer.open("subgraph", id: DOTID(named: "cluster_legend"))
    var cluster = DOTAttributes()
    cluster.set("label", Self.legendText("Legend"))
    cluster.set("style", "rounded")
    cluster.set("color", "#999999")
    cluster.set("fontsize", "12")
    cluster.set("labeljust", "l")
    writer.defaults("graph", cluster)
    // A grid: node samples in the first column, edge samples in one or two columns
    // beside them, filled column by column; invisible edges keep each row level.
    let edgeColumns = edges.count > nodes.count ? 2 : 1
    let rows = max(nodes.count, (edges.count + edgeColumns - 1) / edgeColumns)
    var hidden = DOTAttributes()
    hidden.set("style", "invis")
    for (position, attributes) in nodes.enumerated() {
      writer.node(DOTID("legend_node_", position), attributes)
    }
    for (position, edge) in edges.enumerated() {
      // A group of its own keeps each sample edge straight.
      var end = DOTAttributes()
      end.set("shape", "point")
      end.set("width", "0.06")
      end.set("color", "#999999")
      end.set("group", "legend_" + String(position))
      writer.node(DOTID("legend_from_", position), end)
      writer.node(DOTID("legend_to_", position), end)
      var attributes = edge.attributes
      attributes.set("label", edge.label)
      attributes.set("fontcolor", "#000000")
      writer.edge(DOTID("legend_from_", position), DOTID("legend_to_", position), attributes)
    }
    for row in 0..<rows {
      var previous: DOTID? = row < nodes.count ? DOTID("legend_node_", row) : nil
      for column in 0..<edgeColumns {
        let position = column * rows + row
        guard position < edges.count else { break }
        if let previous { writer.edge(previous, DOTID("legend_from_", position), hidden) }
        previous = DOTID("legend_to_", position)
      }
    }
    if !nodes.isEmpty { writer.rank("same", nodes.indices.map { DOTID("legend_node_", $0) }) }
    for column in 0..<edgeColumns {
      let range = (column * rows)..<min(edges.count, (column + 1) * rows)
      guard !range.isEmpty else { continue }
      writer.rank("same", range.map { DOTID("legend_from_", $0) })
      writer.rank("same", range.map { DOTID("legend_to_", $0) })
    }
    writer.close()
    // After the last rank, so that the legend shares no rank with a cluster.
    if let axis, let last = axis.ranks.indices.last {
      let anchor = nodes.isEmpty ? DOTID("legend_from_", 0) : DOTID("legend_node_", 0)
      let holder = axis.ranks[last].holdsTick ? DOTID("t", axis.ranks[last].column) : DOTID("r", last)
      writer.edge(holder, anchor, hidden)
    }
  }

  /// The node samples and edge samples the legend shows: every kind, border and
  /// relation type the drawing uses, each with the attributes it is drawn with.
  func legendSamples(_ scene: DOTScene, hasAxis: Bool) -> (nodes: [DOTAttributes], edges: [(attributes: DOTAttributes, label: DOTText)]) {
    var nodes: [DOTAttributes] = []
    var edges: [(attributes: DOTAttributes, label: DOTText)] = []

    for kind in EntityKind.allCases where scene.kindsUsed.contains(kind) {
      var attributes = nodeAttributes(DOTStyle.node(kind))
      attributes.set("label", Self.legendText(kind.rawValue))
      nodes.append(attributes)
    }
    for border in DOTStyle.Border.allCases where scene.bordersUsed.contains(border) {
      var attributes = DOTAttributes()
      attributes.set("shape", "box")
      switch border {
      case .solid: continue
      case .dashed:
        attributes.set("style", "dashed")
        attributes.set("label", Self.legendText("uncertain (?) or", "approximate (c.) date"))
      case .dotted:
        attributes.set("style", "dotted")
        attributes.set("label", Self.legendText("event with no date"))
      }
      nodes.append(attributes)
    }
    if !scene.notes.isEmpty {
      var disputed = DOTAttributes()
      disputed.set("shape", "box")
      disputed.set("peripheries", "2")
      disputed.set("label", Self.legendText("⚠ its claims disagree"))
      nodes.append(disputed)
      var note = nodeAttributes(DOTStyle.disagreement)
      note.set("label", Self.legendText("⚠ disagreeing claims,", "side by side"))
      nodes.append(note)
    }
    if hasAxis {
      var tick = nodeAttributes(DOTStyle.tick)
      tick.set("fontcolor", "white")
      tick.set("label", Self.legendText("year or month"))
      nodes.append(tick)
      edges.append((edgeAttributes(DOTStyle.axis), Self.legendText("time")))
    }
    for type in scene.builtInTypesUsed {
      edges.append((edgeAttributes(DOTStyle.edge(type)), Self.legendText(type)))
    }
    if !scene.declaredTypesUsed.isEmpty {
      var label = DOTText(width: lineLength)
      label.append(scene.declaredTypesUsed.joined(separator: ", "))
      edges.append((edgeAttributes(DOTStyle.declared), label))
    }
    if !scene.notes.isEmpty {
      var subject = edgeAttributes(DOTStyle.claimSubject)
      subject.set("dir", "none")
      edges.append((subject, Self.legendText("claims about")))
    }
    if scene.hasAttributions {
      edges.append((edgeAttributes(DOTStyle.attribution), Self.legendText("claimed or", "reported by")))
    }
    return (nodes, edges)
  }

  static func legendText(_ lines: String...) -> DOTText {
    var text = DOTText(width: Int.max)
    for line in lines { text.appendUnwrapped(line) }
    return text
  }
}
