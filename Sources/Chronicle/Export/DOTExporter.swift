/// Writes a graph as Graphviz DOT: a timeline along a time axis, or the plain typed
/// network, with Chronicle's visual language, disagreements side by side and a legend.
///
///     let dot = DOTExporter().export(graph)  // the timeline view
///     let network = DOTExporter(options: DOTOptions(view: .network, clustering: .kind)).export(graph)
///     try OutputFile.write(dot, to: "timeline.dot")  // then: dot -Tsvg timeline.dot
///
/// ## Views
/// The **timeline** (`rankdir=LR`) has a chain of year ticks (month ticks when the
/// dates span fewer than three years) and puts each dated event and document in the
/// column of its earliest day (its latest when the start is open). People,
/// organisations and places stand with the nearest dated entity they are joined to,
/// in a rank just before it when they are the edge's tail (authors, participants) and
/// just after when they are its head (places). Events and documents without a date,
/// and what is joined to nothing dated, stand in a last `no date` column. An edge
/// that points back in time is written head to tail with `dir="back"`, so it looks
/// the same but never pulls against the axis, and an edge between two nodes of one
/// rank carries its label as `xlabel`. With clusters by kind, each kind gets ranks
/// of its own within a column and a box per rank, since Graphviz cannot route edges
/// across boxes that span the axis. The **network** is the typed graph laid out by
/// its edges.
///
/// ## Layouts of the timeline
/// `dot`'s time grows steeply with the number of columns and of edges spanning them
/// (a generated 100-event timeline over two centuries did not finish in 5 minutes).
/// So the timeline is written **ranked** (as above, for `dot`) when the estimated work
/// is small, and **pinned** otherwise (``DOTOptions/Layout``): every node gets a
/// `pos="x,y!"` Chronicle computed (``DOTPinnedLayout``) and the graph names `neato`
/// as its layout, to be drawn with `neato -n2`, which only routes the edges: 1,000
/// events in about a second, 10,000 in a few seconds.
///
/// ## Visual language
/// | what | shape | fill | border |
/// |---|---|---|---|
/// | event | rounded box | light blue | blue |
/// | document | note (folded corner) | light yellow | ochre |
/// | person | ellipse | light green | green |
/// | organisation | hexagon | light orange | brown |
/// | place | house | lavender | purple |
/// | disagreeing claims | box with cut corners, `⚠` | light red | red |
/// | time tick | box, white text | dark grey | dark grey |
///
/// Borders: dashed for an uncertain or approximate date, dotted for an event without
/// a date, double for an entity whose claims disagree. Each built-in relation type
/// has its own pair of line style and arrowhead (and a colour per family: taking part
/// green, authorship purple, citation brown, reporting blue, place and part brown-green,
/// membership orange), so drawings read in greyscale; types a timeline declares are
/// grey, solid, with an inverted arrowhead. The legend shows only what the drawing uses.
///
/// ## Labels
/// A node's first lines are the entity's title or name verbatim, wrapped only at
/// spaces (U+0020) once a line would pass ``DOTOptions/maximumLabelLineLength``
/// characters; words are never split and nothing is cut, so joining those lines with
/// spaces gives the title back. Then come the date as people read it
/// (`25–26 February 1992`, `c. 1992`, `1992?`), a line `(uncertain date)` or
/// `(approximate date)`, `(no date)` for an undated event, and `⚠ disputed: <property>`
/// per disagreement. A disagreement box lists every claim, left-aligned, each with its
/// qualifier, value and unit, who claimed and who reported it, its date and its sources
/// (`• 1,324 claimed by the Azerbaijanis, reported by Time (2021 letter, fn. 5)`),
/// none preferred; its lines wrap at twice the maximum, and documents are named there
/// by their first alias when they have one. Edge labels give the relation type, the
/// role, the date and the locator. The user's id and the entity's type, aliases,
/// description and notes go in the node's `tooltip`, which SVG viewers show.
/// A label shows at most 8 lines' worth of each text (see ``DOTText``), ending with
/// `…` when cut; the whole text is then in the tooltip.
///
/// ## Escaping
/// DOT identifiers are Chronicle's own (`n0` for the first entity, `t0` ticks, `d0`
/// disagreement boxes, `r0` invisible rank holders, `cluster_…`); user text appears
/// only inside quoted `label` and `tooltip` values, where:
/// - `"` is written `\"`; `\` is written `\\` in labels and `\\\\` in tooltips
///   (Graphviz reads a tooltip's backslashes twice), so `\N`, `\G`, `\n`, `\l`… typed
///   by a user show literally and no run of backslashes can reach the closing quote;
/// - `&` is written `&amp;`: Graphviz decodes entities, and `&amp;` typed by a user
///   must show as `&amp;`;
/// - LF, CR, CRLF, U+2028 and U+2029 become a line break of the label;
/// - the other C0 controls become their Control Pictures (U+0000 `␀`, U+0009 `␉`,
///   U+001B `␛`…), DEL becomes `␡` and the C1 controls U+0080–U+009F become `�`
///   (U+FFFD), so no control character reaches Graphviz;
/// - everything else (`<…>`, `{ } ; -> --`, DOT keywords, any other Unicode) is
///   written as it is, inside the quotes;
/// - a value longer than 8 KB is written as `"…" + "…"` chunks (Graphviz refuses a
///   quoted string of 16 KB), cut only between characters and escapes.
///
/// No HTML-like label, record shape or attribute that makes Graphviz read a file
/// (`image`, `shapefile`, `fontpath`, `imagepath`, `stylesheet`) is ever written.
///
/// Output is deterministic: the same graph and options give the same bytes, with
/// attributes sorted by name and nodes and edges in the graph's order. It is written
/// into one buffer in O(n log n); a million dated events take about three seconds
/// (release build).
public struct DOTExporter: Sendable {
  /// What to draw.
  public var options: DOTOptions
  /// Above this many items (nodes, edges), they are measured and written on two
  /// threads (``writeInBlocks(count:into:_:)``); the bytes are the same.
  var parallelItems = 20_000
  /// Twice the items of each block written or measured on one thread (blocks of half
  /// this go to whichever thread is free).
  var blockItems = 8_192

  /// Creates an exporter.
  ///
  ///     let exporter = DOTExporter(options: DOTOptions(view: .network))
  public init(options: DOTOptions = .init()) {
    self.options = options
  }

  /// The graph as UTF-8 DOT text, ending with a newline.
  ///
  ///     let bytes = DOTExporter().export(graph)
  ///     print(String(decoding: bytes, as: UTF8.self))
  public func export(_ graph: TimelineGraph) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(2048 + graph.count * 320 + graph.edges.count * 160)
    export(graph) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// The same bytes as ``export(_:)``, handed to `sink` in pieces of about
  /// `chunkBytes` (each ending with a whole statement) as they are written, so that
  /// the whole document is never held:
  ///
  ///     DOTExporter().export(graph) { chunk in _ = write(STDOUT_FILENO, chunk.baseAddress, chunk.count) }
  public func export(
    _ graph: TimelineGraph, chunkBytes: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
  ) {
    withoutActuallyEscaping(sink) { sink in
      // The writer, which holds the sink, does not outlive this closure.
      var writer = DOTWriter(capacity: chunkBytes + chunkBytes / 2)
      writer.stream(to: sink, chunkBytes: chunkBytes)
      write(graph, into: &writer)
      writer.flush()
    }
  }

  private func write(_ graph: TimelineGraph, into writer: inout DOTWriter) {
    let scene = DOTScene(graph: graph, options: options)
    writer.open("digraph", name: options.view.rawValue)
    if options.view == .timeline, resolvedLayout(scene) == .pinned {
      writePinned(scene, into: &writer)
      writer.close()
      return
    }
    let axis = options.view == .timeline ? DOTTimeAxis(scene: scene, byKind: options.clustering == .kind) : nil
    writeDefaults(graph, pinned: false, into: &writer)
    if let axis { writeAxis(axis, into: &writer) }
    writeNodes(scene, axis: axis, into: &writer)
    writeNoteEdges(scene, axis: axis, into: &writer)
    writeRelations(scene, axis: axis, into: &writer)
    if let axis { writeColumns(axis, scene: scene, into: &writer) }
    if options.legend { writeLegend(scene, axis: axis, into: &writer) }
    writer.close()
  }

  // MARK: Sections

  /// The graph, node and edge defaults. A pinned drawing names `neato` as its
  /// layout and its positions as points (`inputscale=72`), so that `dot -Tsvg file.dot`
  /// draws it as `neato -n2` does, and draws edges under the nodes.
  func writeDefaults(_ graph: TimelineGraph, pinned: Bool, into writer: inout DOTWriter) {
    var graphAttributes = DOTAttributes()
    if pinned {
      graphAttributes.set("layout", "neato")
      // Positions are in points; neato without -n reads them as inches unless told.
      graphAttributes.set("inputscale", "72")
      graphAttributes.set("outputorder", "edgesfirst")
      graphAttributes.set("splines", graph.count > Self.curvedEdgeLimit ? "line" : "curved")
    } else {
      graphAttributes.set("rankdir", "LR")
      graphAttributes.set("newrank", "true")
      graphAttributes.set("nodesep", "0.3")
      graphAttributes.set("ranksep", options.view == .timeline ? "0.6" : "0.5")
    }
    graphAttributes.set("fontname", DOTStyle.fontname)
    graphAttributes.set("fontsize", "16")
    graphAttributes.set("bgcolor", "white")
    // Every external label is drawn, even where it must overlap something.
    graphAttributes.set("forcelabels", "true")
    if let title = graph.title {
      var label = DOTText(width: lineLength * 3)
      label.append(title)
      graphAttributes.set("label", label)
      graphAttributes.set("labelloc", "t")
      var tooltip = DOTText(width: Int.max, escaping: .tooltip)
      tooltip.appendUnwrapped(title)
      graphAttributes.set("tooltip", tooltip)
    }
    writer.defaults("graph", graphAttributes)

    var nodeAttributes = DOTAttributes()
    nodeAttributes.set("fontname", DOTStyle.fontname)
    nodeAttributes.set("fontsize", DOTStyle.nodeFontSize)
    nodeAttributes.set("margin", "0.12,0.06")
    writer.defaults("node", nodeAttributes)

    var edgeAttributes = DOTAttributes()
    edgeAttributes.set("fontname", DOTStyle.fontname)
    edgeAttributes.set("fontsize", DOTStyle.edgeFontSize)
    edgeAttributes.set("arrowsize", "0.7")
    writer.defaults("edge", edgeAttributes)
  }

  private func writeAxis(_ axis: DOTTimeAxis, into writer: inout DOTWriter) {
    guard !axis.ticks.isEmpty else { return }
    writer.blankLine()
    writer.comment("Time axis")
    for tick in axis.ticks.indices.dropFirst() {
      var attributes = edgeAttributes(DOTStyle.axis)
      attributes.set("weight", "100")
      writer.edge(DOTID("t", tick - 1), DOTID("t", tick), attributes)
    }
  }

  private func writeNodes(_ scene: DOTScene, axis: DOTTimeAxis?, into writer: inout DOTWriter) {
    let layout = groups(scene, axis: axis)
    writer.blankLine()
    writer.comment("Nodes")
    var reused = EntityWriting()
    for group in layout.groups { write(group, scene: scene, axis: axis, reusing: &reused, into: &writer) }
    for item in layout.loose { write(item, scene: scene, axis: axis, reusing: &reused, into: &writer) }
  }

  private func write(
    _ group: DOTGroup, scene: DOTScene, axis: DOTTimeAxis?, reusing reused: inout EntityWriting,
    into writer: inout DOTWriter
  ) {
    writer.open("subgraph", id: group.id)
    writer.defaults("graph", group.attributes)
    for item in group.items { write(item, scene: scene, axis: axis, reusing: &reused, into: &writer) }
    for child in group.children { write(child, scene: scene, axis: axis, reusing: &reused, into: &writer) }
    writer.close()
  }

  private func write(
    _ item: DOTGroup.Item, scene: DOTScene, axis: DOTTimeAxis?, reusing reused: inout EntityWriting,
    into writer: inout DOTWriter
  ) {
    switch item {
    case .entity(let entity):
      writeEntity(entity, scene: scene, pin: nil, reusing: &reused, into: &writer)
    case .tick(let tick):
      guard let axis else { return }
      writer.node(DOTID("t", tick), tickAttributes(axis.ticks[tick]))
    case .rankHolder(let rank):
      writer.node(DOTID("r", rank), Self.rankHolder)
    case .note(let note):
      writeNote(note, scene: scene, pin: nil, reusing: &reused, into: &writer)
    }
  }

  func writeNoteEdges(_ scene: DOTScene, axis: DOTTimeAxis?, into writer: inout DOTWriter) {
    guard !scene.notes.isEmpty else { return }
    writer.blankLine()
    writer.comment("Disagreements")
    // In blocks on two threads for many boxes (50,000 with 160,000 edges at 1M events).
    writeInBlocks(count: scene.notes.count, into: &writer) { range, writer in
      for position in range {
        let note = scene.notes[position]
        let box = Endpoint(id: DOTID("d", position), rank: axis?.noteRank[position])
        let subject = Endpoint(id: DOTID("n", note.subject), rank: axis?.rank[note.subject])
        writeEdge(from: box, to: subject, style: DOTStyle.claimSubject, into: &writer) { attributes in
          attributes.set("dir", "none")
        }
        for attribution in note.attributions {
          let target = Endpoint(id: DOTID("n", attribution.entity), rank: axis?.rank[attribution.entity])
          writeEdge(from: box, to: target, style: DOTStyle.attribution, into: &writer) { attributes in
            guard options.edgeLabels else { return }
            var label = DOTText(width: lineLength)
            label.append(attribution.label)
            attributes.set("label", label)
            attributes.set("fontcolor", DOTStyle.attribution.color)
          }
        }
      }
    }
  }

  /// Writes the statements `write` makes for the items `0..<count`, given ranges of
  /// them. For many items, the ranges are written on two threads, each into a writer
  /// of its own, and added in order (``TwoThreads/inOrder(count:blockSize:window:parts:produce:consume:)``):
  /// the same bytes as one loop.
  func writeInBlocks(count: Int, into writer: inout DOTWriter, _ write: (Range<Int>, inout DOTWriter) -> Void) {
    guard count > parallelItems else { return write(0..<count, &writer) }
    // One writer per part, its buffer kept from block to block (fresh buffers would
    // each be grown, copied and faulted in again): eight parts of half `blockItems`,
    // about four whole blocks' bytes at once (two before the pipeline).
    let template = writer.detached()
    TwoThreads.inOrder(
      count: count, blockSize: max(1, blockItems / 2), parts: { template.detached() },
      produce: { part, range in
        part.removeAllBytes()
        write(range, &part)
      },
      consume: { part in writer.append(part) })
  }

  /// A node an edge joins, with its rank in the timeline.
  struct Endpoint {
    var id: DOTID
    var rank: Int32?
  }

  /// Writes an edge. In the timeline an edge whose head stands in an earlier rank
  /// than its tail is written head to tail with `dir="back"` (and its arrowhead as
  /// `arrowtail`): it looks the same, and Graphviz ranks every edge forward, so no
  /// edge fights the time axis. An edge between two nodes of one rank carries its
  /// label as `xlabel`: Graphviz 2.43 fails to route such "flat" edges with labels
  /// in some layouts, and an external label takes no part in routing.
  private func writeEdge(
    from: Endpoint, to: Endpoint, style: DOTStyle.Edge, into writer: inout DOTWriter,
    details: (inout DOTAttributes) -> Void
  ) {
    let backwards = (to.rank ?? 0) < (from.rank ?? 0)
    var attributes = edgeAttributes(style, backwards: backwards)
    details(&attributes)
    if let rank = from.rank, rank == to.rank { attributes.rename("label", to: "xlabel") }
    if backwards {
      writer.edge(to.id, from.id, attributes)
    } else {
      writer.edge(from.id, to.id, attributes)
    }
  }

  private func writeColumns(_ axis: DOTTimeAxis, scene: DOTScene, into writer: inout DOTWriter) {
    guard !axis.ranks.isEmpty else { return }
    writer.blankLine()
    writer.comment("Ranks, left to right: each tick with what stands under it, before it and after it")
    var holders: [DOTID] = []
    for (position, rank) in axis.ranks.enumerated() {
      let holder = rank.holdsTick ? DOTID("t", rank.column) : DOTID("r", position)
      holders.append(holder)
      var members = [holder]
      members.reserveCapacity(1 + rank.entities.count + rank.notes.count)
      for entity in rank.entities { members.append(DOTID("n", entity)) }
      for note in rank.notes { members.append(DOTID("d", note)) }
      writer.rank("same", members)
    }
    // The ranks in order; the axis already joins two ticks that are next to each other.
    var hidden = DOTAttributes()
    hidden.set("style", "invis")
    for position in axis.ranks.indices.dropFirst() where !(axis.ranks[position - 1].holdsTick && axis.ranks[position].holdsTick) {
      writer.edge(holders[position - 1], holders[position], hidden)
    }
  }

  /// Above this many entities a pinned drawing's edges are straight lines (curves
  /// below): curves take `neato -n2` minutes for thousands of nodes, and edges routed
  /// around the nodes (`splines=true`) 15 s for a hundred events.
  static let curvedEdgeLimit = 400
  /// Above this many edges a pinned drawing gives each edge's label as its tooltip
  /// instead: placing 48,000 edge labels takes `neato -n2` 75 s (10,000 events),
  /// without them the whole drawing takes 3 s.
  public static let pinnedEdgeLabelLimit = 20_000

  /// An invisible node that keeps a rank of the timeline in its place.
  static let rankHolder: DOTAttributes = {
    var attributes = DOTAttributes()
    attributes.set("shape", "point")
    attributes.set("style", "invis")
    attributes.set("width", "0")
    attributes.set("label", "")
    return attributes
  }()

  // MARK: Attributes

  var lineLength: Int { max(1, options.maximumLabelLineLength) }

  func edgeAttributes(_ style: DOTStyle.Edge, backwards: Bool = false) -> DOTAttributes {
    var attributes = DOTAttributes()
    attributes.set("style", style.style)
    if backwards, style.arrowhead != "none" {
      attributes.set("arrowtail", style.arrowhead)
      attributes.set("dir", "back")
    } else {
      attributes.set("arrowhead", style.arrowhead)
    }
    attributes.set("color", style.color)
    if style.penwidth != "1" { attributes.set("penwidth", style.penwidth) }
    return attributes
  }

  func nodeAttributes(_ style: DOTStyle.Node) -> DOTAttributes {
    var attributes = DOTAttributes()
    attributes.set("shape", style.shape)
    attributes.set("style", style.style)
    attributes.set("fillcolor", style.fillcolor)
    attributes.set("color", style.color)
    return attributes
  }

  func tickAttributes(_ tick: DOTTimeAxis.Tick) -> DOTAttributes {
    var attributes = nodeAttributes(DOTStyle.tick)
    attributes.set("fontcolor", "white")
    attributes.set("fontsize", "12")
    attributes.set("group", "axis")
    var label = DOTText(width: Int.max)
    label.appendUnwrapped(tick.label)
    attributes.set("label", label)
    return attributes
  }

  func noteAttributes(_ note: DOTScene.Note, scene: DOTScene) -> DOTAttributes {
    var attributes = nodeAttributes(DOTStyle.disagreement)
    let label = noteLabel(note, graph: scene.graph)
    attributes.set("label", label)
    attributes.set("tooltip", noteTooltip(note, label: label, graph: scene.graph))
    return attributes
  }
}
