/// The chronology of a large graph written on two threads, with the bytes of the
/// single-thread path.
///
/// Note numbers follow first use, and their digits change how lines wrap, so they are
/// settled first: each thread walks half the entries (the second then the figures)
/// and lists the citations `cite` will look up, in its order
/// (``citeEntry(_:into:)``); ``ChronologyCitations/number(_:_:)`` numbers them. The
/// entries are then written in blocks on two threads (each to whichever thread is
/// free), each block by a copy of the renderer that reads its numbers from the list,
/// and the blocks are added in order on the calling thread. The figures follow on one
/// thread, and the notes in blocks again.
extension ChronologyRenderer {
  /// The chronology's steps, held for the parallel path.
  struct Plan {
    /// A step: a heading, by its position in `headings`, or an entry.
    enum Item {
      case heading(Int32)
      case entry(EntityIndex)
    }

    var items: [Item] = []
    var headings: [(text: String, level: Int)] = []
  }

  /// Writes the entries in blocks on two threads, then the figures and the notes.
  mutating func writeInParallel() {
    // The plan and the figures' subjects, side by side.
    let base = self
    let made = TwoThreads.run { piece -> (plan: Plan?, figures: FigureSubjects?) in
      piece == 0 ? (base.plan(), nil) : (nil, base.figureSubjects())
    }
    // Each piece gives its result; made again here should one ever be missing.
    var plan = made[0].plan ?? base.plan()
    let figures = made[1].figures ?? base.figureSubjects()
    let block = max(1, blockEntries)
    let count = plan.items.count
    // The citations of the entries of each half (the first half a whole number of
    // blocks), the second's followed by the figures', and where each block starts.
    let blocks = (count + block - 1) / block
    let split = min(count, (blocks + 1) / 2 * block)
    var blockStarts: [Int] = []
    // The citations of each half, kept for the notes' keys; where each note's first is.
    var citations = (ChronologyCitations(), ChronologyCitations())
    let firsts: [Int32]
    do {
      let halves = TwoThreads.run { piece -> (citations: ChronologyCitations, blockStarts: [Int]) in
        var citations = ChronologyCitations()
        var starts: [Int] = []
        for position in piece == 0 ? 0..<split : split..<count {
          if position % block == 0 { starts.append(citations.count) }
          if case .entry(let entry) = plan.items[position] { base.citeEntry(entry, into: &citations) }
        }
        if piece == 1 {
          starts.append(citations.count)
          for subject in figures.order { base.citeClaims(figures.bySubject[IdentifierKey(subject)] ?? [], into: &citations) }
        }
        return (citations, starts)
      }
      blockStarts = halves[0].blockStarts + halves[1].blockStarts.map { $0 + halves[0].citations.count }
      citations = (halves[0].citations, halves[1].citations)
      let numbering = ChronologyCitations.number(citations.0, citations.1)
      numbers = numbering.numbers
      firsts = numbering.firsts
    }
    citations.0.removeHashes()
    citations.1.removeHashes()
    replaying = true
    names = ChronologyNames(graph, sanitizer: sanitizer)
    writeInBlocks(count: count, blockSize: block) { part, range in
      part.nextCall = blockStarts[range.lowerBound / block]
      if range.lowerBound > 0 {
        if case .heading = plan.items[range.lowerBound - 1] { part.lastBlock = .heading } else { part.lastBlock = .entry }
      }
      for position in range {
        switch plan.items[position] {
        case .heading(let heading):
          let (text, level) = plan.headings[Int(heading)]
          part.heading(text, level: level)
        case .entry(let entry):
          part.writeEntry(entry)
        }
      }
      // The walk and the renderer looked up the same citations.
      assert(part.nextCall == (range.upperBound == count ? blockStarts[blockStarts.count - 1] : blockStarts[range.upperBound / block]))
    }
    if let last = plan.items.last {
      if case .heading = last { lastBlock = .heading } else { lastBlock = .entry }
    }
    nextCall = blockStarts[blockStarts.count - 1]
    plan = Plan()
    writeFigures(figures)
    assert(nextCall == numbers.count)
    numbers = []
    // The notes read the documents' texts, made ahead; the names are let go first (the
    // texts are made reading the documents in order, and a note naming an entity that
    // is no document reads its label).
    names = nil
    documentNotes = documentNoteTexts()
    let (first, second) = citations
    writeNotes(count: firsts.count) { ChronologyCitations.key(at: Int(firsts[$0]), first, second) }
  }

  /// The chronology's steps in order, as ``walk(_:_:)`` gives them.
  func plan() -> Plan {
    var plan = Plan()
    plan.items.reserveCapacity(graph.chronological.count + graph.undated.count + 64)
    Self.walk(graph) { step in
      switch step {
      case .heading(let text, let level):
        plan.items.append(.heading(Int32(plan.headings.count)))
        plan.headings.append((text, level))
      case .entry(let entry):
        plan.items.append(.entry(entry))
      }
    }
    return plan
  }

  /// Writes what `write` writes for the items `0..<count`, given ranges of them, in
  /// blocks of `blockSize` on two threads, each block by a copy of this renderer with
  /// an output of its own, added to the output in order
  /// (``TwoThreads/inOrder(count:blockSize:window:parts:produce:consume:)``).
  mutating func writeInBlocks(
    count: Int, blockSize: Int? = nil, _ write: (inout ChronologyRenderer, Range<Int>) -> Void
  ) {
    let block = blockSize ?? max(1, blockEntries)
    var part = self
    part.sink = nil
    part.output = []
    // Something is written before any block: the first block starts as a later one.
    part.flushed = true
    let base = part
    // Four parts: up to four blocks' bytes at once, twice the two of before the pipeline.
    TwoThreads.inOrder(
      count: count, blockSize: block, window: 2, parts: { base },
      produce: { part, range in
        // Each block starts from the same state; the output's room is kept from block
        // to block (a fresh one would be grown and faulted in again).
        var fresh = base
        swap(&fresh.output, &part.output)
        fresh.output.removeAll(keepingCapacity: true)
        part = fresh
        write(&part, range)
      },
      consume: { part in appendBlock(part.output) })
  }

  /// Adds a block's bytes to the output, handing the output to the sink (when
  /// streaming) once it holds `chunkBytes`.
  private mutating func appendBlock(_ bytes: [UInt8]) {
    output.append(contentsOf: bytes)
    guard let sink, output.count >= chunkBytes else { return }
    output.withUnsafeBytes(sink)
    output.removeAll(keepingCapacity: true)
    flushed = true
  }

  // MARK: Citations

  /// The fields a document's entry names after those who issued, authored, edited,
  /// signed or published it, in order.
  private static let documentTargets: [ChronologyFields.Field] = [.addressedTo, .containedIn, .cites]

  /// Adds the citations ``writeEntry(_:)`` looks up for an entry, in its order: the
  /// headline's sources, those of the relations its fields name (as in
  /// `documentFields` and `eventFields`), then its figures'. Reads the adjacency and
  /// the claims in place, without the arrays of edges and claims the renderer makes.
  func citeEntry(_ index: EntityIndex, into citations: inout ChronologyCitations) {
    let position = Int(index.rawValue)
    citations.append(graph.entities[position].sources)
    let incoming = graph.index.incoming, outgoing = graph.index.outgoing
    if graph.entities[position].kind == .document {
      for (_, field) in Self.byActors { citeRelations(field, of: position, in: incoming, into: &citations) }
      for field in Self.documentTargets { citeRelations(field, of: position, in: outgoing, into: &citations) }
    } else {
      citeRelations(.locatedIn, of: position, in: outgoing, into: &citations)
      citeRelations(.partOf, of: position, in: outgoing, into: &citations)
      citeRelations(.participant, of: position, in: incoming, into: &citations)
    }
    let claims = graph.index.claimsBySubject
    let slots = claims.range(of: position)
    if slots.count == 1 {
      // One claim: one property with one statement, which has the claim's sources.
      citations.append(graph.claims[claims.item(at: slots.lowerBound)].sources)
    } else if !slots.isEmpty {
      citeClaims(slots.map { graph.claims[claims.item(at: $0)] }, into: &citations)
    }
  }

  /// Adds the sources of the relations of the entity's edges in `table` (its outgoing
  /// or incoming edges) whose type fills `field`, in order: the citations of an edge
  /// field. (An edge field leaves out only implied edges, which have no relation and
  /// cite nothing.)
  private func citeRelations(
    _ field: ChronologyFields.Field, of entity: Int, in table: OffsetTable, into citations: inout ChronologyCitations
  ) {
    fields.forEachEdge(field, of: entity, in: table, edges: graph.index.edges.stored) { edge in
      if edge.relation >= 0 { citations.append(graph.relations[Int(edge.relation)].sources) }
    }
  }

  /// Adds the citations `writeClaims` looks up: each statement's sources, property by
  /// property.
  func citeClaims(_ claims: [Claim], into citations: inout ChronologyCitations) {
    for (_, statements) in Self.properties(claims) {
      for statement in statements { citations.append(statement.sources) }
    }
  }
}
