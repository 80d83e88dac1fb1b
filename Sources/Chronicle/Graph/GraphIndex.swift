/// The derived lookup tables of a ``TimelineGraph``: id → index, edges, adjacency
/// in compressed offset tables, chronological order and claims by subject.
///
/// Built once, in time linear in the graph's size plus one sort of the dated entities.
/// Each id is looked up once: the ends of relations and the subjects of claims are
/// kept resolved, so validation and filtering look none up again.
struct GraphIndex: Sendable {
  var byID: IdentifierTable
  /// The edges, 16 bytes each: the relations whose ends resolved, then the fields'.
  var edges: EdgeList
  var outgoing: OffsetTable
  var incoming: OffsetTable
  var chronological: [EntityIndex]
  var undated: [EntityIndex]
  /// The claims about each entity (positions in the claims), in the order added.
  var claimsBySubject: OffsetTable
  /// The entity each claim is about, by position in the claims (nil when no entity has the id).
  var claimSubjects: [EntityIndex?]
  /// The entities at the ends of each relation and its type's name, by position in
  /// the relations.
  var relationEnds: RelationEndsList
  /// Each spelling of a relation type's name (code point by code point), as
  /// ``RelationEnds/type`` numbers them: the relations' in the order first used, then
  /// `located-in` and `part-of` if no relation uses them.
  var relationTypeNames: [String]
  /// The entities named by each entity's `place`, `partOf` and `parent`, at 3 × its
  /// position + 0, 1 and 2: the raw index, or -1 when the field is absent or names no
  /// entity.
  var fieldTargets: [Int32]

  /// Above this many relations and claims together, their ids are looked up on two threads.
  static let parallelThreshold = 50_000
  /// The relations or claims whose ids one thread looks up at a time, on two threads.
  static let lookupBlock = 32_768

  /// Builds the tables; `byID`, when given, must be what this would build from `entities`
  /// (the first entity with each id). `onTwoThreads` (by default, for a large graph)
  /// looks the relations' and claims' ids up on two threads, `lookupBlock` at a time;
  /// the tables are the same.
  init(
    entities: [Entity], relations: [Relation], claims: [Claim], byID known: IdentifierTable? = nil,
    onTwoThreads: Bool? = nil, lookupBlock: Int = Self.lookupBlock
  ) {
    let byID = known ?? entities.withUnsafeBufferPointer(IdentifierTable.init(indexing:))
    self.byID = byID

    let parallel = onTwoThreads ?? (relations.count + claims.count > Self.parallelThreshold)
    var names: [String] = []
    var nameTable = IdentifierTable()
    /// The number of a type name's spelling, numbered as first seen.
    func number(_ name: String) -> Int {
      let hash = IdentifierTable.hash(name)
      if let found = nameTable.insert(hash, at: names.count, unless: { IdentifierKey.sameCodePoints(names[$0], name) }) {
        return found
      }
      names.append(name)
      return names.count - 1
    }
    let locatedIn = RelationType.locatedIn.id, partOf = RelationType.partOf.id
    var relationEnds = [RelationEnds](repeating: RelationEnds(from: nil, to: nil, type: 0), count: relations.count)
    var claimSubjects = [EntityIndex?](repeating: nil, count: claims.count)
    // The relations' type numbers, and the entities named by each entity's `place`,
    // `partOf` and `parent` (at 3 × position + 0, 1, 2; -1 for none).
    var typeNumbers = [Int32](repeating: 0, count: relations.count)
    var fieldTargets = [Int32](repeating: -1, count: entities.count * 3)
    entities.withUnsafeBufferPointer { entities in
      relations.withUnsafeBufferPointer { relations in
        claims.withUnsafeBufferPointer { claims in
          relationEnds.withUnsafeMutableBufferPointer { ends in
            claimSubjects.withUnsafeMutableBufferPointer { subjects in
              typeNumbers.withUnsafeMutableBufferPointer { types in
                fieldTargets.withUnsafeMutableBufferPointer { fields in
                  func numberTypes() {
                    for position in relations.indices {
                      types[position] = Int32(truncatingIfNeeded: number(relations[position].type))
                    }
                  }
                  func lookUpFields() {
                    byID.positions(count: entities.count * 3, of: { item in
                      switch item % 3 {
                      case 0: entities[item / 3].place
                      case 1: entities[item / 3].partOf
                      default: entities[item / 3].parent
                      }
                    }, in: entities) { item, found in
                      if let found { fields[item] = found.rawValue }
                    }
                  }
                  func lookUp(relations range: Range<Int>, claims claimRange: Range<Int>) {
                    Self.resolve(relations, range, into: ends, claims, claimRange, into: subjects, in: entities, byID: byID)
                  }
                  guard parallel else {
                    lookUp(relations: relations.indices, claims: claims.indices)
                    numberTypes()
                    lookUpFields()
                    return
                  }
                  // Jobs handed to whichever thread is free: the first numbers the types
                  // and looks up the entities' fields, the others look up the ends of a
                  // block of relations, then the subjects of a block of claims. (A fixed
                  // share for each thread left one waiting for the other: the costs of
                  // the lookups vary with the file.)
                  let block = max(1, lookupBlock)
                  let relationBlocks = TwoThreads.blockCount(relations.count, block)
                  let claimBlocks = TwoThreads.blockCount(claims.count, block)
                  TwoThreads.forEachBlock(count: 1 + relationBlocks + claimBlocks, blockSize: 1) { jobs in
                    let job = jobs.lowerBound
                    if job == 0 {
                      numberTypes()
                      lookUpFields()
                    } else if job <= relationBlocks {
                      let start = (job - 1) * block
                      lookUp(relations: start..<min(relations.count, start + block), claims: 0..<0)
                    } else {
                      let start = (job - 1 - relationBlocks) * block
                      lookUp(relations: 0..<0, claims: start..<min(claims.count, start + block))
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    // The edges: the relations whose ends resolved, in order, then each entity's
    // `place`, `partOf` and `parent`, in that order; exactly as many as there are
    // (growing by doubling would hold two copies at the moment the whole load peaks).
    let locatedInNumber = number(locatedIn), partOfNumber = number(partOf)
    var edges: [StoredEdge] = []
    edges.reserveCapacity(relations.count + fieldTargets.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) })
    relationEnds.withUnsafeMutableBufferPointer { ends in
      for position in ends.indices {
        let from = ends[position].from, to = ends[position].to
        ends[position] = RelationEnds(from: from, to: to, type: Int(typeNumbers[position]))
        guard let from, let to else { continue }
        edges.append(
          StoredEdge(from: from.rawValue, to: to.rawValue, relation: Int32(truncatingIfNeeded: position), type: typeNumbers[position]))
      }
    }
    entities.withUnsafeBufferPointer { entities in
      for item in fieldTargets.indices where fieldTargets[item] >= 0 {
        let position = item / 3
        let isPlace = item % 3 == 0 || item % 3 == 2 && entities[position].kind == .place
        edges.append(
          StoredEdge(
            from: Int32(truncatingIfNeeded: position), to: fieldTargets[item], relation: -1,
            type: Int32(truncatingIfNeeded: isPlace ? locatedInNumber : partOfNumber)))
      }
    }
    typeNumbers = []
    self.fieldTargets = fieldTargets
    self.relationEnds = relationEnds.withUnsafeBufferPointer { RelationEndsList($0, edges: edges) }
    relationEnds = []
    self.relationTypeNames = names
    self.edges = EdgeList(stored: edges, typeNames: names)
    self.claimSubjects = claimSubjects
    self.claimsBySubject = OffsetTable(count: entities.count, items: claims.count) { claimSubjects[$0]?.rawValue }

    // Order by type through each type's rank among the types' names (spellings that
    // `==` holds equal share one), then by the other end.
    let order = names.indices.sorted { names[$0] < names[$1] }
    var ranks = [UInt64](repeating: 0, count: names.count)
    for (sorted, number) in order.enumerated() where sorted > 0 {
      let previous = order[sorted - 1]
      ranks[number] = names[previous] == names[number] ? ranks[previous] : ranks[previous] + 1
    }
    func adjacency() -> Piece {
      edges.withUnsafeBufferPointer { edges in
        ranks.withUnsafeBufferPointer { ranks in
          let outgoing = OffsetTable(count: entities.count, items: edges.count, key: { edges[$0].from }) {
            ranks[Int(edges[$0].type)] << 32 | UInt64(UInt32(bitPattern: edges[$0].to))
          }
          let incoming = OffsetTable(count: entities.count, items: edges.count, key: { edges[$0].to }) {
            ranks[Int(edges[$0].type)] << 32 | UInt64(UInt32(bitPattern: edges[$0].from))
          }
          return .adjacency(outgoing: outgoing, incoming: incoming)
        }
      }
    }
    // The adjacency tables and the chronological order, on two threads for a large graph.
    let pieces = parallel
      ? TwoThreads.run { $0 == 0 ? adjacency() : Self.chronology(of: entities) }
      : [adjacency(), Self.chronology(of: entities)]
    outgoing = OffsetTable(count: 0, items: 0) { _ in nil }
    incoming = outgoing
    chronological = []
    undated = []
    for piece in pieces {
      switch piece {
      case .adjacency(let outgoing, let incoming):
        self.outgoing = outgoing
        self.incoming = incoming
      case .chronology(let chronological, let undated):
        self.chronological = chronological
        self.undated = undated
      }
    }
  }

  /// What each thread builds at the end of ``init(entities:relations:claims:byID:onTwoThreads:)``.
  private enum Piece {
    case adjacency(outgoing: OffsetTable, incoming: OffsetTable)
    case chronology(chronological: [EntityIndex], undated: [EntityIndex])
  }

  /// The dated events and documents in order, and the undated events, in the order added.
  ///
  /// Sorted by the dates' inline keys; only equal keys look at the dates' text and the ids.
  private static func chronology(of entities: [Entity]) -> Piece {
    var dated: [(key: EDTFSortKey, index: Int32)] = []
    var undated: [EntityIndex] = []
    entities.withUnsafeBufferPointer { entities in
      for position in entities.indices where entities[position].kind == .event || entities[position].kind == .document {
        if let date = entities[position].date {
          dated.append((date.sortKey, Int32(truncatingIfNeeded: position)))
        } else if entities[position].kind == .event {
          undated.append(EntityIndex(position))
        }
      }
    }
    dated.sort { lhs, rhs in
      if let precedes = lhs.key.precedes(rhs.key) { return precedes }
      guard let leftDate = entities[Int(lhs.index)].date, let rightDate = entities[Int(rhs.index)].date else { return false }
      return leftDate != rightDate ? leftDate < rightDate : IdentifierKey.precedes(entities[Int(lhs.index)].id, entities[Int(rhs.index)].id)
    }
    return .chronology(chronological: dated.map { EntityIndex(rawValue: $0.index) }, undated: undated)
  }

  /// Looks up the ends of the relations of `range` (with type number 0) and the
  /// subjects of the claims of `claimRange`, writing only their slots of the results.
  private static func resolve(
    _ relations: UnsafeBufferPointer<Relation>, _ range: Range<Int>, into ends: UnsafeMutableBufferPointer<RelationEnds>,
    _ claims: UnsafeBufferPointer<Claim>, _ claimRange: Range<Int>, into subjects: UnsafeMutableBufferPointer<EntityIndex?>,
    in entities: UnsafeBufferPointer<Entity>, byID: IdentifierTable
  ) {
    // `from` at 2 × k, `to` after it, for the k-th relation of the range.
    var from: EntityIndex?
    byID.positions(count: range.count * 2, of: { item in
      let relation = range.lowerBound + (item >> 1)
      return item & 1 == 0 ? relations[relation].from : relations[relation].to
    }, in: entities) { item, found in
      if item & 1 == 0 {
        from = found
      } else {
        ends[range.lowerBound + (item >> 1)] = RelationEnds(from: from, to: found, type: 0)
      }
    }
    byID.positions(count: claimRange.count, of: { claims[claimRange.lowerBound + $0].subject }, in: entities) {
      subjects[claimRange.lowerBound + $0] = $1
    }
  }

  /// The groups of claims about one subject and one property whose figures (value,
  /// qualifier, unit) are not all the same, in order of each group's first claim.
  ///
  /// Subjects compare code point by code point, as ids do; properties as `==` compares
  /// text. Claims about an entity are grouped through ``claimsBySubject``, so no subject
  /// is hashed; only claims whose subject names no entity go through a dictionary.
  func disagreements(claims: [Claim]) -> [Disagreement] {
    disagreeingClaims(claims).map { group in
      Disagreement(
        subject: claims[Int(group[0])].subject, property: claims[Int(group[0])].property,
        claims: group.map { claims[Int($0)] })
    }
  }

  /// The positions of the claims of each of ``disagreements(claims:)``, in the same
  /// order: what a disagreement is, without copies of its claims.
  func disagreeingClaims(_ claims: [Claim]) -> [[Int32]] {
    var found: [[Int32]] = []
    /// Adds the disagreement of one subject's claims on each property, if any.
    func check(_ positions: [Int]) {
      guard positions.count > 1 else { return }
      var properties: [String] = []
      var groups: [[Int]] = []
      for position in positions {
        let property = claims[position].property
        if let group = properties.firstIndex(of: property) {
          groups[group].append(position)
        } else {
          properties.append(property)
          groups.append([position])
        }
      }
      for group in groups where group.count > 1 {
        // More than one figure: one differs from the first (no set of them hashed).
        func figure(_ position: Int) -> ClaimFigure {
          ClaimFigure(value: claims[position].value, qualifier: claims[position].qualifier, unit: claims[position].unit)
        }
        let first = figure(group[0])
        guard group.dropFirst().contains(where: { figure($0) != first }) else { continue }
        found.append(group.map { Int32(truncatingIfNeeded: $0) })
      }
    }
    var unresolved: [IdentifierKey: [Int]] = [:]
    for position in claimSubjects.indices where claimSubjects[position] == nil {
      unresolved[IdentifierKey(claims[position].subject), default: []].append(position)
    }
    for positions in unresolved.values { check(positions) }
    var positions: [Int] = []
    for entity in 0..<claimsBySubject.count {
      let range = claimsBySubject.range(of: entity)
      guard range.count > 1 else { continue }
      positions.removeAll(keepingCapacity: true)
      for slot in range { positions.append(claimsBySubject.item(at: slot)) }
      check(positions)
    }
    // In order of each group's first claim.
    found.sort { $0[0] < $1[0] }
    return found
  }

  private struct ClaimFigure: Equatable {
    var value: ClaimValue
    var qualifier: String?
    var unit: String?
  }
}

/// Items filed by entity, as a compressed table: for entity `i`, its items are
/// `targets[offsets[i] ..< offsets[i + 1]]` (indices into the graph's edges, for
/// adjacency, or into its claims).
struct OffsetTable: Sendable {
  private var offsets: [Int32]
  private var targets: [Int32]

  /// Groups the items `0..<items` by `key(item)` (the entity each is filed under, nil
  /// for none), each group in the order of `sortKey(item)`, ties in item order.
  ///
  /// Two passes over the items, in order: the first counts each group, the second, from
  /// the last item back, files each item (and its sort key) at the end of its group's
  /// remaining room, which leaves the offsets at the groups' starts. The sort keys are
  /// computed in that pass, reading the items in order, and the groups then sorted
  /// reading them in place: no item is read at random.
  init(count: Int, items: Int, key: (Int) -> Int32?, sortKey: ((Int) -> UInt64)? = nil) {
    var offsets = [Int32](repeating: 0, count: count + 1)
    var targets: [Int32] = []
    offsets.withUnsafeMutableBufferPointer { offsets in
      for item in 0..<items { if let key = key(item) { offsets[Int(key)] += 1 } }
      var total: Int32 = 0
      for position in 0..<count {
        total += offsets[position]
        offsets[position] = total
      }
      offsets[count] = total
      targets = [Int32](repeating: 0, count: Int(total))
      var sortKeys = [UInt64](repeating: 0, count: sortKey == nil ? 0 : Int(total))
      targets.withUnsafeMutableBufferPointer { targets in
        sortKeys.withUnsafeMutableBufferPointer { sortKeys in
          /// Files an item; returns its slot.
          func file(_ item: Int, under key: Int32) -> Int {
            offsets[Int(key)] -= 1
            targets[Int(offsets[Int(key)])] = Int32(truncatingIfNeeded: item)
            return Int(offsets[Int(key)])
          }
          guard let sortKey else {
            for item in stride(from: items - 1, through: 0, by: -1) { if let key = key(item) { _ = file(item, under: key) } }
            return
          }
          for item in stride(from: items - 1, through: 0, by: -1) {
            if let key = key(item) { sortKeys[file(item, under: key)] = sortKey(item) }
          }
          var group: [(key: UInt64, item: Int32)] = []
          for position in 0..<count {
            let range = Int(offsets[position])..<Int(offsets[position + 1])
            guard range.count > 1 else { continue }
            group.removeAll(keepingCapacity: true)
            for slot in range { group.append((sortKeys[slot], targets[slot])) }
            group.sort { $0.key != $1.key ? $0.key < $1.key : $0.item < $1.item }
            for (slot, entry) in zip(range, group) { targets[slot] = entry.item }
          }
        }
      }
    }
    self.offsets = offsets
    self.targets = targets
  }

  /// The number of entities the table files items under.
  var count: Int { offsets.count - 1 }

  /// The slots of the items filed under one entity (see ``item(at:)``).
  func range(of entity: Int) -> Range<Int> { Int(offsets[entity])..<Int(offsets[entity + 1]) }

  /// The item in a slot of ``range(of:)``.
  func item(at slot: Int) -> Int { Int(targets[slot]) }

  /// The items filed under one entity (edge or claim positions), in order.
  subscript(entity: Int) -> [Int] {
    targets[Int(offsets[entity])..<Int(offsets[entity + 1])].map(Int.init)
  }

  /// The edges of one entity, optionally only those of one type, in one array.
  func edges(of entity: Int, in edges: EdgeList, type: String?) -> [Edge] {
    let range = Int(offsets[entity])..<Int(offsets[entity + 1])
    guard !range.isEmpty else { return [] }
    var result: [Edge] = []
    result.reserveCapacity(range.count)
    for slot in range {
      let position = Int(targets[slot])
      if let type, edges.typeNames[Int(edges.stored[position].type)] != type { continue }
      result.append(edges[position])
    }
    return result
  }
}
