extension DOTExporter {
  // MARK: Relations

  /// The edges of the relations drawn, in the graph's order; with `labelsAsTooltips`,
  /// each edge's label goes in its tooltip instead (see ``pinnedEdgeLabelLimit``).
  func writeRelations(
    _ scene: DOTScene, axis: DOTTimeAxis?, labelsAsTooltips: Bool = false, into writer: inout DOTWriter
  ) {
    guard !scene.edges.isEmpty else { return }
    writer.blankLine()
    writer.comment("Relations")
    let edges = scene.graph.edges
    let typeNames = edges.typeNames
    let relations = scene.graph.relations
    writeInBlocks(count: scene.edges.count, into: &writer) { range, writer in
      // Edges are read as stored, and each type's template found by its number.
      var templates = EdgeTemplates(typeCount: typeNames.count)
      edges.stored.withUnsafeBufferPointer { stored in
        for position in scene.edges[range] {
          let edge = stored[position]
          let from = Int(edge.from), to = Int(edge.to), type = Int(edge.type)
          writeRelation(
            from: Endpoint(id: DOTID("n", from), rank: axis?.rank[from]), to: Endpoint(id: DOTID("n", to), rank: axis?.rank[to]),
            type: typeNames[type], relation: edge.relation < 0 ? nil : Int(edge.relation), relations: relations,
            template: templates.template(number: type, named: typeNames[type]), labelsAsTooltips: labelsAsTooltips,
            into: &writer)
        }
      }
    }
  }

  /// Writes the edge of a relation (of `type`, made by `relations[relation]` if any)
  /// as ``writeEdge(from:to:style:into:details:)`` would with its label (the relation
  /// type, role, date and locator, see ``forEachEdgeLabelLine(type:relation:relations:_:)``)
  /// and its tooltip (what the label cuts, and the relation's note), written as they
  /// are made; the attributes of its style come recorded in `template`.
  private func writeRelation(
    from: Endpoint, to: Endpoint, type: String, relation: Int?, relations: [Relation], template: EdgeTemplate,
    labelsAsTooltips: Bool, into writer: inout DOTWriter
  ) {
    let backwards = (to.rank ?? 0) < (from.rank ?? 0)
    let arrowBack = backwards && template.hasArrowhead
    let sameRank = from.rank != nil && from.rank == to.rank
    let edgeLabels = options.edgeLabels
    let shownLabel = edgeLabels && !labelsAsTooltips
    let width = lineLength
    // Attributes in order of name, as DOTAttributes sorts them.
    if backwards { writer.beginEdge(to.id, from.id) } else { writer.beginEdge(from.id, to.id) }
    let head = arrowBack ? template.backward : template.forward
    writer.recordedAttributes(head.bytes, count: head.count)
    if shownLabel { writer.recordedAttributes(template.fontcolor.bytes, count: template.fontcolor.count) }
    // Whether the label shows a line cut; its whole text then goes in the tooltip.
    var cutLine = false
    func writeLines(wraps: Bool) {
      Self.forEachEdgeLabelLine(type: type, relation: relation, relations: relations) { text, _ in
        if let shown = DOTText.cut(text, width: width) {
          cutLine = true
          writer.textLine(shown, wraps: wraps)
        } else {
          writer.textLine(text, wraps: wraps)
        }
      }
    }
    if shownLabel, !sameRank {
      writer.beginText("label", width: width)
      writeLines(wraps: true)
      writer.endText()
    }
    writer.recordedAttributes(template.tail.bytes, count: template.tail.count)
    // The tooltip: the label's lines when it is not shown, what it cuts, the note.
    var tooltip = false
    if edgeLabels, labelsAsTooltips {
      writer.beginText("tooltip", width: Int.max, escaping: .tooltip)
      tooltip = true
      writeLines(wraps: false)
    } else if shownLabel, sameRank {
      // The label comes last, as `xlabel`: whether it cuts a line is found first.
      Self.forEachEdgeLabelLine(type: type, relation: relation, relations: relations) { text, _ in
        cutLine = cutLine || DOTText.cut(text, width: width) != nil
      }
    }
    if cutLine {
      Self.forEachEdgeLabelLine(type: type, relation: relation, relations: relations) { text, line in
        guard DOTText.cut(text, width: width) != nil else { return }
        if !tooltip { writer.beginText("tooltip", width: Int.max, escaping: .tooltip) }
        tooltip = true
        line.writeWhole(text, into: &writer)
      }
    }
    if let relation, let note = relations[relation].note {
      if !tooltip { writer.beginText("tooltip", width: Int.max, escaping: .tooltip) }
      tooltip = true
      writer.textLine(note, wraps: false)
    }
    if tooltip { writer.endText() }
    if shownLabel, sameRank {
      writer.beginText("xlabel", width: width)
      writeLines(wraps: true)
      writer.endText()
    }
    writer.endStatement()
  }

  /// The lines of the label of an edge of `type` made by `relations[relation]`, if
  /// any, before they are cut: the type, then the role, the date, its marker and the
  /// locator. Reads the relation in place (a copy of a ``Relation`` retains every one
  /// of its fields).
  static func forEachEdgeLabelLine(
    type: String, relation: Int?, relations: [Relation], _ body: (String, EdgeLabelLine) -> Void
  ) {
    body(type, .type)
    guard let relation else { return }
    if let role = relations[relation].role { body(role, .role) }
    if let date = relations[relation].date {
      body(date.humanDescription(), .date)
      if let marker = marker(date) { body(marker, .marker) }
    }
    if let locator = relations[relation].locator { body(locator, .locator) }
  }

  /// A line of an edge's label, and the name its whole text goes under in the tooltip
  /// when the label shows it cut.
  enum EdgeLabelLine {
    case type, role, date, marker, locator

    /// The name, if the line has one.
    var name: String? {
      switch self {
      case .type: "type"
      case .role: "role"
      case .date: "date"
      case .marker: nil
      case .locator: "locator"
      }
    }

    /// Writes `name: text` (or the text alone) as an unwrapped line of the text begun.
    func writeWhole(_ text: String, into writer: inout DOTWriter) {
      switch self {
      case .type: writer.textLine(prefix: "type: ", text)
      case .role: writer.textLine(prefix: "role: ", text)
      case .date: writer.textLine(prefix: "date: ", text)
      case .marker: writer.textLine(text, wraps: false)
      case .locator: writer.textLine(prefix: "locator: ", text)
      }
    }
  }

  /// The attributes of an edge that come from its style alone, recorded once for all
  /// the edges of that style (see ``DOTWriter/attributeBytes(first:_:)``).
  final class EdgeTemplate {
    typealias Recorded = (bytes: [UInt8], count: Int)
    /// `arrowhead`, `color`: the first attributes of an edge written forwards.
    let forward: Recorded
    /// `arrowtail`, `color`, `dir="back"`: those of an edge written head to tail.
    let backward: Recorded
    /// `fontcolor`, for an edge with a label.
    let fontcolor: Recorded
    /// `penwidth` (unless 1) and `style`.
    let tail: Recorded
    /// Whether the style has an arrowhead (an edge written backwards has it as `arrowtail`).
    let hasArrowhead: Bool

    init(_ style: DOTStyle.Edge) {
      forward = DOTWriter.attributeBytes(first: true) { writer in
        writer.attribute("arrowhead", style.arrowhead)
        writer.attribute("color", style.color)
      }
      backward = DOTWriter.attributeBytes(first: true) { writer in
        writer.attribute("arrowtail", style.arrowhead)
        writer.attribute("color", style.color)
        writer.attribute("dir", "back")
      }
      fontcolor = DOTWriter.attributeBytes(first: false) { writer in writer.attribute("fontcolor", style.color) }
      tail = DOTWriter.attributeBytes(first: false) { writer in
        if style.penwidth != "1" { writer.attribute("penwidth", style.penwidth) }
        writer.attribute("style", style.style)
      }
      hasArrowhead = style.arrowhead != "none"
    }
  }

  /// The templates of the relation types' styles (``DOTStyle/edge(_:)``), by the
  /// number ``StoredEdge/type`` gives each spelling of a type's name, made when first used.
  struct EdgeTemplates {
    private var templates: [EdgeTemplate?]

    init(typeCount: Int) {
      templates = Array(repeating: nil, count: typeCount)
    }

    /// The template of the type numbered `number`, whose name is `name`.
    mutating func template(number: Int, named name: String) -> EdgeTemplate {
      if let template = templates[number] { return template }
      let template = EdgeTemplate(DOTStyle.edge(name))
      templates[number] = template
      return template
    }
  }
}
