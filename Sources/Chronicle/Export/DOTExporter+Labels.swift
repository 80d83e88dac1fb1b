extension DOTExporter {
  // MARK: Entities

  /// The title or name, then the date, its marker, `(no date)` and `⚠` lines.
  func entityLabel(_ entity: borrowing Entity, disputed: [String]) -> DOTText {
    var label = DOTText(width: lineLength)
    // The entity goes in an array of one: forEachLabelLine reads entities in place.
    Self.forEachLabelLine(of: [copy entity], at: 0, dateText: nil, disputed: disputed) { text, name in
      label.append(text, name: name)
    }
    return label
  }

  /// The lines of an entity's label before they are cut, each with the name its whole
  /// text goes under in the tooltip when it is cut: what ``entityLabel(_:disputed:)``
  /// holds for `entities[position]`, for writing or measuring it without building it
  /// (or copying the entity, which retains every one of its fields). `dateText` is the
  /// entity's date as people read it, when the caller has it already.
  ///
  /// `qualified` tells whether the date has qualifiers (the scene's border is dashed
  /// then), so that an unqualified date's are not looked for.
  static func forEachLabelLine(
    of entities: [Entity], at position: Int, dateText: String?, qualified: Bool = true, disputed: [String]?,
    _ body: (String, String?) -> Void
  ) {
    let kind = entities[position].kind
    body(entities[position].label, kind.labelKey)
    if let date = entities[position].date {
      body(dateText ?? date.humanDescription(), "date")
      if qualified, let marker = marker(date) { body(marker, nil) }
    } else if kind == .event {
      body("(no date)", nil)
    }
    for property in disputed ?? [] { body("⚠ disputed: " + property, nil) }
  }

  /// `(uncertain date)`, `(approximate date)` or `(uncertain, approximate date)`.
  static func marker(_ date: EDTFDate) -> String? {
    var uncertain = false
    var approximate = false
    for qualifier in date.qualifiers {
      switch qualifier.kind {
      case .uncertain: uncertain = true
      case .approximate: approximate = true
      }
    }
    switch (uncertain, approximate) {
    case (true, true): return "(uncertain, approximate date)"
    case (true, false): return "(uncertain date)"
    case (false, true): return "(approximate date)"
    case (false, false): return nil
    }
  }

  /// Writes entity `position` as a node, at `pin` when given: the bytes
  /// ``DOTWriter/node(_:_:)`` writes for its shape and colours,
  /// ``entityLabel(_:disputed:)`` and ``entityTooltip(_:label:)``, written as they
  /// are made instead of built first.
  func writeEntity(_ position: Int, scene: DOTScene, pin: DOTPinnedLayout.Point?, into writer: inout DOTWriter) {
    let entities = scene.graph.entities
    let kind = entities[position].kind
    let style = DOTStyle.node(kind)
    let disputed = scene.disputed[position]
    let dateText = entities[position].date?.humanDescription()
    // Attributes in order of name, as DOTAttributes sorts them.
    writer.beginNode(DOTID("n", position))
    writer.attribute("color", style.color)
    writer.attribute("fillcolor", style.fillcolor)
    writer.beginText("label", width: lineLength)
    var cut: [(name: String?, text: String)] = []  // rare: no allocation while empty
    let qualified = scene.borders[position] == .dashed
    Self.forEachLabelLine(of: entities, at: position, dateText: dateText, qualified: qualified, disputed: disputed) {
      text, name in
      if let shown = DOTText.cut(text, width: lineLength) {
        cut.append((name, text))
        writer.textLine(shown)
      } else {
        writer.textLine(text)
      }
    }
    writer.endText()
    if disputed != nil { writer.attribute("peripheries", "2") }
    if let pin { writer.attribute("pos", pin: pin.x, pin.y) }
    writer.attribute("shape", style.shape)
    writer.attribute("style", DOTStyle.style(kind, border: scene.borders[position]))
    writer.beginText("tooltip", width: Int.max, escaping: .tooltip)
    writer.textLine(prefix: "id: ", entities[position].id)
    for (name, text) in cut { writer.textLine(name.map { $0 + ": " + text } ?? text, wraps: false) }
    if let type = entities[position].type { writer.textLine(prefix: "type: ", type) }
    let aliases = entities[position].aliases
    if !aliases.isEmpty { writer.textLine(prefix: "also: ", aliases.joined(separator: "; ")) }
    if let summary = entities[position].summary { writer.textLine(summary, wraps: false) }
    for note in entities[position].notes { writer.textLine(note, wraps: false) }
    writer.endText()
    writer.endStatement()
  }

  /// The id, the whole of what `label` shows cut (`title: …`, `date: …`), then the
  /// type, aliases, description and notes, one per line.
  func entityTooltip(_ entity: borrowing Entity, label: DOTText) -> DOTText {
    var tooltip = DOTText(width: Int.max, escaping: .tooltip)
    tooltip.appendUnwrapped("id: " + entity.id)
    tooltip.appendWhole(of: label)
    if let type = entity.type { tooltip.appendUnwrapped("type: " + type) }
    if !entity.aliases.isEmpty { tooltip.appendUnwrapped("also: " + entity.aliases.joined(separator: "; ")) }
    if let summary = entity.summary { tooltip.appendUnwrapped(summary) }
    for note in entity.notes { tooltip.appendUnwrapped(note) }
    return tooltip
  }

  // MARK: Edges

  /// The relation type, then the role, the date and the locator.
  func edgeLabel(_ edge: Edge, graph: TimelineGraph) -> DOTText {
    var label = DOTText(width: lineLength)
    EdgeLabelLines(type: edge.type, relation: edge.relation, relations: graph.relations, width: lineLength).forEach {
      text, name in
      label.append(text, name: name)
    }
    return label
  }

  /// The lines of an edge's label before they are cut, each with the name its whole
  /// text goes under in the tooltip when it is cut: what ``edgeLabel(_:graph:)`` holds.
  struct EdgeLabelLines {
    var type: String
    var role: String?
    var date: String?
    var marker: String?
    var locator: String?
    /// Whether a label of lines of `width` characters shows one of the lines cut.
    private(set) var hasCutLine = false

    /// The lines for an edge of `type` made by `relations[relation]`, if any, in a label
    /// of lines of `width` characters; reads the relation in place (a copy of a
    /// ``Relation`` retains every one of its fields).
    init(type: String, relation: Int?, relations: [Relation], width: Int) {
      self.type = type
      if let relation {
        role = relations[relation].role
        if let date = relations[relation].date {
          self.date = date.humanDescription()
          marker = DOTExporter.marker(date)
        }
        locator = relations[relation].locator
      }
      var hasCutLine = false
      forEach { text, _ in hasCutLine = hasCutLine || DOTText.cut(text, width: width) != nil }
      self.hasCutLine = hasCutLine
    }

    /// Each line as the label shows it, cut when it is too long.
    func forEachShown(width: Int, _ body: (String) -> Void) {
      forEach { text, _ in body(hasCutLine ? DOTText.cut(text, width: width) ?? text : text) }
    }

    func forEach(_ body: (String, String?) -> Void) {
      body(type, "type")
      if let role { body(role, "role") }
      if let date { body(date, "date") }
      if let marker { body(marker, nil) }
      if let locator { body(locator, "locator") }
    }
  }

  // MARK: Disagreements

  /// `⚠ <property>: claims disagree`, then one `•` line per claim, left-aligned.
  func noteLabel(_ note: DOTScene.Note, graph: TimelineGraph) -> DOTText {
    var label = DOTText(width: lineLength * 2, justification: .left)
    label.append("⚠ " + note.disagreement.property + ": claims disagree")
    for claim in note.disagreement.claims { label.append("• " + Self.claimText(claim, graph: graph)) }
    return label
  }

  /// `1,324 claimed by the Azerbaijanis, reported by Time (2021 letter, fn. 5)`.
  static func claimText(_ claim: Claim, graph: TimelineGraph) -> String {
    var text = claim.valueText()
    if let claimant = claim.claimant { text += " claimed by " + name(claimant, graph: graph) }
    if let reporter = claim.reportedBy {
      text += (claim.claimant == nil ? "" : ",") + " reported by " + name(reporter, graph: graph)
    }
    if let date = claim.date { text += ", " + date.humanDescription() }
    let sources = claim.sources.map { citation in
      name(citation.document, graph: graph) + (citation.locator.map { ", " + $0 } ?? "")
    }
    if !sources.isEmpty { text += " (" + sources.joined(separator: "; ") + ")" }
    return text
  }

  /// An entity's label, or a document's first alias (its short title); the id itself
  /// when no entity has it.
  static func name(_ id: String, graph: TimelineGraph) -> String {
    guard let entity = graph.entity(id: id) else { return id }
    if entity.kind == .document, let alias = entity.aliases.first { return alias }
    return entity.label
  }

  /// The subject's id, the whole of what `label` shows cut, and the claims' notes.
  func noteTooltip(_ note: DOTScene.Note, label: DOTText) -> DOTText {
    var tooltip = DOTText(width: Int.max, escaping: .tooltip)
    tooltip.appendUnwrapped("about: " + note.disagreement.subject)
    tooltip.appendWhole(of: label)
    for claim in note.disagreement.claims {
      if let text = claim.note { tooltip.appendUnwrapped(text) }
    }
    return tooltip
  }
}
