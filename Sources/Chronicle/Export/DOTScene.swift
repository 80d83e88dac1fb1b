/// What a DOT drawing shows of a graph once the options have filtered it: the
/// entities, the edges, the disagreement boxes and which styles are in use.
///
///     let scene = DOTScene(graph: graph, options: DOTOptions(kinds: [.event, .document]))
///     scene.isDrawn[3]    // whether entity 3 is drawn
///     scene.edges.count   // edges between drawn entities, of the types asked for
///
/// Built in time linear in the graph's size.
struct DOTScene: Sendable {
  /// A box listing the claims of one disagreement side by side.
  struct Note: Sendable {
    /// The entity the claims are about.
    var subject: Int
    /// The claims that disagree, as positions in the graph's claims (one property of
    /// one subject: those of the first).
    var claims: [Int32]
    /// Who made or reported a claim, when drawn: the entity and `claimed by` or `reported by`.
    var attributions: [(entity: Int, label: String)]
  }

  let graph: TimelineGraph
  let options: DOTOptions
  /// Per entity: whether it is drawn.
  private(set) var isDrawn: [Bool]
  /// Indices into `graph.edges` of the edges drawn, in the graph's order.
  private(set) var edges = DrawnEdges()
  private(set) var notes: [Note] = []
  /// Per entity: the properties on which its claims disagree, in the graph's order.
  private(set) var disputed: [Int: [String]] = [:]
  /// Per entity: whether it has disputed properties (a key of ``disputed``), known
  /// without hashing.
  private(set) var isDisputed: [Bool]
  /// Per entity: its border (date markers).
  private(set) var borders: [DOTStyle.Border]

  // What the legend explains.
  private(set) var kindsUsed: Set<EntityKind> = []
  private(set) var bordersUsed: Set<DOTStyle.Border> = []
  /// Built-in relation types drawn, in Chronicle's order.
  private(set) var builtInTypesUsed: [String] = []
  /// Other relation types drawn, sorted by name.
  private(set) var declaredTypesUsed: [String] = []

  init(graph: TimelineGraph, options: DOTOptions) {
    self.graph = graph
    self.options = options
    let entities = graph.entities
    var isDrawn = [Bool](repeating: true, count: entities.count)
    var borders = [DOTStyle.Border](repeating: .solid, count: entities.count)
    var kindsUsed: Set<EntityKind> = []
    var bordersUsed: Set<DOTStyle.Border> = []
    var kindsSeen: [EntityKind] = []
    // Fields are read in place: a copy of an Entity retains every one of its fields.
    for position in entities.indices {
      let kind = entities[position].kind
      if let kinds = options.kinds, !kinds.contains(kind) {
        isDrawn[position] = false
        continue
      }
      if !kindsSeen.contains(kind) {  // five kinds: no hashing per entity
        kindsSeen.append(kind)
        kindsUsed.insert(kind)
      }
      if let qualified = entities[position].date?.isQualified {
        if qualified { borders[position] = .dashed }
      } else if kind == .event {
        borders[position] = .dotted
      }
      if borders[position] != .solid { bordersUsed.insert(borders[position]) }
    }
    self.isDrawn = isDrawn
    self.isDisputed = [Bool](repeating: false, count: entities.count)
    self.borders = borders
    self.kindsUsed = kindsUsed
    self.bordersUsed = bordersUsed

    // Edges are read as stored, their types as numbers: whether each type is asked
    // for is decided once per number, and no name is read or compared per edge.
    let typeNames = graph.edges.typeNames
    let typeAsked = typeNames.map { name in options.relationTypes?.contains(name) ?? true }
    // A type's name goes in the set at its first drawn edge, so that of two spellings
    // `==` holds equal, the one drawn first is the one the legend names.
    var typeDrawn = [Bool](repeating: false, count: typeNames.count)
    var typesUsed: Set<String> = []
    graph.edges.stored.withUnsafeBufferPointer { stored in
      isDrawn.withUnsafeBufferPointer { isDrawn in
        for position in stored.indices {
          let edge = stored[position]
          let type = Int(edge.type)
          guard isDrawn[Int(edge.from)], isDrawn[Int(edge.to)], typeAsked[type] else { continue }
          edges.append(position)
          if !typeDrawn[type] {
            typeDrawn[type] = true
            typesUsed.insert(typeNames[type])
          }
        }
      }
    }
    builtInTypesUsed = RelationType.builtIns.map(\.id).filter { typesUsed.contains($0) }
    declaredTypesUsed = typesUsed.filter { !DOTStyle.hasOwnStyle($0) }.sorted()

    // The disagreements as positions of their claims: no copies of the claims.
    let claims = graph.claims
    for group in graph.index.disagreeingClaims(claims) {
      let first = Int(group[0])
      guard let subject = graph.index.claimSubjects[first]?.int ?? graph.index(of: claims[first].subject)?.int,
        isDrawn[subject]
      else { continue }
      disputed[subject, default: []].append(claims[first].property)
      isDisputed[subject] = true
      var attributions: [(entity: Int, label: String)] = []
      func attribute(_ id: String?, _ label: String) {
        guard let id, let found = graph.index(of: id)?.int, isDrawn[found] else { return }
        if !attributions.contains(where: { $0.entity == found && $0.label == label }) {
          attributions.append((found, label))
        }
      }
      for position in group {
        attribute(claims[Int(position)].claimant, "claimed by")
        attribute(claims[Int(position)].reportedBy, "reported by")
      }
      notes.append(Note(subject: subject, claims: group, attributions: attributions))
    }
  }

  /// The indices of the edges drawn, ascending: while every edge from the first is
  /// drawn, only their count is kept (no list of millions of indices); once one is
  /// left out, the indices are listed, as 32-bit numbers.
  struct DrawnEdges: RandomAccessCollection, Sendable {
    /// While `listed` is empty: the edges `0..<leading` are all drawn.
    private var leading = 0
    /// Once an edge is left out: the indices drawn.
    private var listed: [Int32] = []
    private var isListed = false

    var startIndex: Int { 0 }
    var endIndex: Int { isListed ? listed.count : leading }

    subscript(position: Int) -> Int {
      isListed ? Int(listed[position]) : position
    }

    /// Adds the index of an edge drawn, greater than those added before.
    mutating func append(_ edge: Int) {
      if !isListed {
        if edge == leading {
          leading += 1
          return
        }
        // The first edge left out: list those drawn so far.
        isListed = true
        listed = (0..<leading).map { Int32($0) }
      }
      // A graph of more than 2^31 edges would take hundreds of gigabytes.
      listed.append(Int32(edge))
    }
  }

  /// Whether any disagreement box has an edge to who made or reported a claim.
  var hasAttributions: Bool { notes.contains { !$0.attributions.isEmpty } }
}
