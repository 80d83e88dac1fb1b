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
    Self.forEachNoteLabelLine(note, graph: graph) { label.append($0) }
    return label
  }

  /// The lines of ``noteLabel(_:graph:)`` before they are cut, for writing or
  /// measuring the label without building it.
  static func forEachNoteLabelLine(_ note: DOTScene.Note, graph: TimelineGraph, _ body: (String) -> Void) {
    let claims = graph.claims
    body("⚠ " + claims[Int(note.claims[0])].property + ": claims disagree")
    for position in note.claims { body(claimText(claims[Int(position)], graph: graph, after: "• ")) }
  }

  /// The size of a disagreement box: that of its ``noteLabel(_:graph:)``, measured
  /// without building the label.
  func noteSize(_ note: DOTScene.Note, graph: TimelineGraph) -> DOTPinnedLayout.Size {
    var measure = DOTPinnedLayout.Measure()
    let width = lineLength * 2
    Self.forEachNoteLabelLine(note, graph: graph) { text in
      measure.add(DOTText.cut(text, width: width) ?? text, limit: width)
    }
    return measure.size(shape: DOTStyle.disagreement.shape)
  }

  /// Writes disagreement box `position` as a node, at `pin` when given: the bytes
  /// ``DOTWriter/node(_:_:)`` writes for ``noteAttributes(_:scene:)`` (and `pos`),
  /// written as they are made instead of built first.
  func writeNote(
    _ position: Int, scene: DOTScene, pin: DOTPinnedLayout.Point?, reusing reused: inout EntityWriting,
    into writer: inout DOTWriter
  ) {
    let note = scene.notes[position]
    let width = lineLength * 2
    // Attributes in order of name, as DOTAttributes sorts them.
    writer.beginNode(DOTID("d", position))
    let head = reused.templates.disagreementHead
    writer.recordedAttributes(head.bytes, count: head.count)
    writer.beginText("label", width: width, justification: .left)
    var cut: [String] = []  // rare: no allocation while empty
    Self.forEachNoteLabelLine(note, graph: scene.graph) { text in
      if let shown = DOTText.cut(text, width: width) {
        cut.append(text)
        writer.textLine(shown)
      } else {
        writer.textLine(text)
      }
    }
    writer.endText()
    if let pin { writer.attribute("pos", pin: pin.x, pin.y) }
    let tail = reused.templates.disagreementTail
    writer.recordedAttributes(tail.bytes, count: tail.count)
    writer.beginText("tooltip", width: Int.max, escaping: .tooltip)
    let claims = scene.graph.claims
    writer.textLine(prefix: "about: ", claims[Int(note.claims[0])].subject)
    for text in cut { writer.textLine(text, wraps: false) }
    for position in note.claims {
      if let text = claims[Int(position)].note { writer.textLine(text, wraps: false) }
    }
    writer.endText()
    writer.endStatement()
  }

  /// `1,324 claimed by the Azerbaijanis, reported by Time (2021 letter, fn. 5)`.
  static func claimText(_ claim: Claim, graph: TimelineGraph) -> String {
    claimText(claim, graph: graph, after: "")
  }

  /// `prefix` followed by ``claimText(_:graph:)``, made in one string.
  static func claimText(_ claim: Claim, graph: TimelineGraph, after prefix: String) -> String {
    var text = prefix
    appendValueText(of: claim, to: &text)
    if let claimant = claim.claimant {
      text += " claimed by "
      text += name(claimant, graph: graph)
    }
    if let reporter = claim.reportedBy {
      text += claim.claimant == nil ? " reported by " : ", reported by "
      text += name(reporter, graph: graph)
    }
    if let date = claim.date {
      text += ", "
      text += date.humanDescription()
    }
    for (position, citation) in claim.sources.enumerated() {
      text += position == 0 ? " (" : "; "
      text += name(citation.document, graph: graph)
      if let locator = citation.locator {
        text += ", "
        text += locator
      }
    }
    if !claim.sources.isEmpty { text += ")" }
    return text
  }

  /// Appends ``Claim/valueText(ascii:)``: the qualifier, the value with its thousands
  /// grouped, and the unit, between spaces. Whole numbers, the usual values, are
  /// grouped here; any other value is as the claim gives it.
  static func appendValueText(of claim: Claim, to text: inout String) {
    let value: String
    switch claim.value {
    case .number(let number):
      guard let grouped = groupedWhole(number.value) else { return text += claim.valueText() }
      value = grouped
    case .range(let low, let high):
      guard let low = groupedWhole(low.value), let high = groupedWhole(high.value) else { return text += claim.valueText() }
      value = low + "–" + high
    case .text:
      return text += claim.valueText()
    }
    if let qualifier = claim.qualifier, !qualifier.isEmpty {
      text += qualifier
      text += " "
    }
    text += value
    if let unit = claim.unit, !unit.isEmpty {
      text += " "
      text += unit
    }
  }

  /// ``ClaimNumber/grouped`` of a whole number that ``ClaimNumber/description`` writes
  /// as an integer (below 2^53): `1,324`, `-12,000`; nil for any other number.
  static func groupedWhole(_ value: Double) -> String? {
    guard value.rounded() == value, abs(value) < 9_007_199_254_740_992 else { return nil }
    let whole = Int64(value)
    let digits = Array(String(whole.magnitude).utf8)
    guard digits.count > 3 else { return String(whole) }
    // The first group takes what is left over by groups of three.
    var grouped: [UInt8] = whole < 0 ? [UInt8(ascii: "-")] : []
    grouped.reserveCapacity(digits.count + digits.count / 3 + 1)
    var end = digits.count % 3 == 0 ? 3 : digits.count % 3
    grouped.append(contentsOf: digits[..<end])
    while end < digits.count {
      grouped.append(UInt8(ascii: ","))
      grouped.append(contentsOf: digits[end..<end + 3])
      end += 3
    }
    return String(decoding: grouped, as: UTF8.self)
  }

  /// An entity's label, or a document's first alias (its short title); the id itself
  /// when no entity has it.
  static func name(_ id: String, graph: TimelineGraph) -> String {
    // Read in place: a copy of the entity would retain every one of its fields.
    guard let index = graph.index(of: id)?.int else { return id }
    let entities = graph.entities
    if entities[index].kind == .document, let alias = entities[index].aliases.first { return alias }
    return entities[index].label
  }

  /// The subject's id, the whole of what `label` shows cut, and the claims' notes.
  func noteTooltip(_ note: DOTScene.Note, label: DOTText, graph: TimelineGraph) -> DOTText {
    var tooltip = DOTText(width: Int.max, escaping: .tooltip)
    let claims = graph.claims
    tooltip.appendUnwrapped("about: " + claims[Int(note.claims[0])].subject)
    tooltip.appendWhole(of: label)
    for position in note.claims {
      if let text = claims[Int(position)].note { tooltip.appendUnwrapped(text) }
    }
    return tooltip
  }
}
