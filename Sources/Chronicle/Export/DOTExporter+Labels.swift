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
    Self.forEachEdgeLabelLine(type: edge.type, relation: edge.relation, relations: graph.relations) { text, line in
      label.append(text, name: line.name)
    }
    return label
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
