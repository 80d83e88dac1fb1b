extension DOTExporter {
  // MARK: Entities

  /// Writes entity `position` as a node, at `pin` when given: the bytes
  /// ``DOTWriter/node(_:_:)`` writes for its shape and colours,
  /// ``entityLabel(_:disputed:)`` and ``entityTooltip(_:label:)``, written as they
  /// are made instead of built first.
  func writeEntity(_ position: Int, scene: DOTScene, pin: DOTPinnedLayout.Point?, into writer: inout DOTWriter) {
    var reused = EntityWriting()
    writeEntity(position, scene: scene, pin: pin, reusing: &reused, into: &writer)
  }

  /// ``writeEntity(_:scene:pin:into:)`` with what writing the previous nodes left in
  /// `reused`: the attributes of each kind and border, and the dates last written.
  func writeEntity(
    _ position: Int, scene: DOTScene, pin: DOTPinnedLayout.Point?, reusing reused: inout EntityWriting,
    into writer: inout DOTWriter
  ) {
    let entities = scene.graph.entities
    let kind = entities[position].kind
    let border = scene.borders[position]
    let disputed = scene.isDisputed[position] ? scene.disputed[position] : nil
    let dateText = entities[position].date.map { reused.dates.text($0) }
    // Attributes in order of name, as DOTAttributes sorts them.
    writer.beginNode(DOTID("n", position))
    let head = reused.templates.head(kind)
    writer.recordedAttributes(head.bytes, count: head.count)
    writer.beginText("label", width: lineLength)
    var cut: [(name: String?, text: String)] = []  // rare: no allocation while empty
    Self.forEachLabelLine(of: entities, at: position, dateText: dateText, qualified: border == .dashed, disputed: disputed) {
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
    let tail = reused.templates.tail(kind, border: border)
    writer.recordedAttributes(tail.bytes, count: tail.count)
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

  /// What writing one entity node leaves for the next: the attributes that come from
  /// a node's kind and border alone, recorded once (see
  /// ``DOTWriter/attributeBytes(first:_:)``), and the dates last written.
  struct EntityWriting {
    var templates = NodeTemplates()
    var dates = DOTDateTexts()
  }

  /// The attributes of an entity's node that come from its kind and border alone.
  struct NodeTemplates {
    typealias Recorded = (bytes: [UInt8], count: Int)
    /// Per kind (in the order of `EntityKind.allCases`): `color` and `fillcolor`.
    private let heads: [Recorded]
    /// Per kind and border: `shape` and `style`.
    private let tails: [Recorded]
    /// `color` and `fillcolor` of a disagreement box.
    let disagreementHead: Recorded
    /// `shape` and `style` of a disagreement box.
    let disagreementTail: Recorded

    init() {
      var heads: [Recorded] = []
      var tails: [Recorded] = []
      for kind in EntityKind.allCases {
        let style = DOTStyle.node(kind)
        heads.append(
          DOTWriter.attributeBytes(first: true) { writer in
            writer.attribute("color", style.color)
            writer.attribute("fillcolor", style.fillcolor)
          })
        for border in DOTStyle.Border.allCases {
          tails.append(
            DOTWriter.attributeBytes(first: false) { writer in
              writer.attribute("shape", style.shape)
              writer.attribute("style", DOTStyle.style(kind, border: border))
            })
        }
      }
      self.heads = heads
      self.tails = tails
      let box = DOTStyle.disagreement
      disagreementHead = DOTWriter.attributeBytes(first: true) { writer in
        writer.attribute("color", box.color)
        writer.attribute("fillcolor", box.fillcolor)
      }
      disagreementTail = DOTWriter.attributeBytes(first: false) { writer in
        writer.attribute("shape", box.shape)
        writer.attribute("style", box.style)
      }
    }

    /// `color` and `fillcolor`, the first attributes of a node of this kind.
    func head(_ kind: EntityKind) -> Recorded {
      heads[kind.order]
    }

    /// `shape` and `style`, after others.
    func tail(_ kind: EntityKind, border: DOTStyle.Border) -> Recorded {
      tails[kind.order * DOTStyle.Border.allCases.count + border.rawValue]
    }

  }
}
