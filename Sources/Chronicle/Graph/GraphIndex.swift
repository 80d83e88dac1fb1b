/// The derived lookup tables of a ``TimelineGraph``: id → index, edges, adjacency
/// in compressed offset tables, chronological order and claims by subject.
///
/// Built once, in time linear in the graph's size plus one sort of the dated entities.
/// Each id is looked up once: the ends of relations and the subjects of claims are
/// kept resolved, so validation and filtering look none up again.
struct GraphIndex: Sendable {
  var byID: IdentifierTable
  var edges: [Edge]
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
  var relationEnds: [RelationEnds]
  /// Each spelling of a relation type's name (code point by code point), as
  /// ``RelationEnds/type`` numbers them: the relations' in the order first used, then
  /// `located-in` and `part-of` if no relation uses them.
  var relationTypeNames: [String]

  /// Builds the tables; `byID`, when given, must be what this would build from `entities`
  /// (the first entity with each id).
  init(entities: [Entity], relations: [Relation], claims: [Claim], byID known: IdentifierTable? = nil) {
    let byID = known ?? entities.withUnsafeBufferPointer(IdentifierTable.init(indexing:))
    self.byID = byID

    // Exactly as many as there can be: growing by doubling would hold two copies at
    // the moment the whole load peaks.
    var impliedEdges = 0
    entities.withUnsafeBufferPointer { entities in
      for position in entities.indices {
        if entities[position].place != nil { impliedEdges += 1 }
        if entities[position].partOf != nil { impliedEdges += 1 }
        if entities[position].parent != nil { impliedEdges += 1 }
      }
    }
    var edges: [Edge] = []
    edges.reserveCapacity(relations.count + impliedEdges)
    var relationEnds: [RelationEnds] = []
    relationEnds.reserveCapacity(relations.count)
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
    var claimSubjects: [EntityIndex?] = []
    claimSubjects.reserveCapacity(claims.count)
    entities.withUnsafeBufferPointer { entities in
      relations.withUnsafeBufferPointer { relations in
        // The ends in one batched lookup: `from` at 2 × position, `to` after it.
        var from: EntityIndex?
        byID.positions(count: relations.count * 2, of: { $0 & 1 == 0 ? relations[$0 >> 1].from : relations[$0 >> 1].to },
                       in: entities) { item, found in
          guard item & 1 == 1 else {
            from = found
            return
          }
          let position = item >> 1
          relationEnds.append(RelationEnds(from: from, to: found, type: number(relations[position].type)))
          guard let from, let to = found else { return }
          edges.append(Edge(from: from, to: to, type: relations[position].type, relation: position))
        }
      }
      // Each entity's `place`, `partOf` and `parent`, in that order.
      byID.positions(count: entities.count * 3, of: { item in
        switch item % 3 {
        case 0: entities[item / 3].place
        case 1: entities[item / 3].partOf
        default: entities[item / 3].parent
        }
      }, in: entities) { item, found in
        guard let to = found else { return }
        let position = item / 3
        let type = item % 3 == 0 || item % 3 == 2 && entities[position].kind == .place ? locatedIn : partOf
        edges.append(Edge(from: EntityIndex(position), to: to, type: type, relation: nil))
      }
      claims.withUnsafeBufferPointer { claims in
        byID.positions(count: claims.count, of: { claims[$0].subject }, in: entities) { _, found in
          claimSubjects.append(found)
        }
      }
    }
    let locatedInNumber = number(locatedIn), partOfNumber = number(partOf)
    self.relationEnds = relationEnds
    self.relationTypeNames = names
    self.edges = edges
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
    let (outgoing, incoming) = edges.withUnsafeBufferPointer { edges in
      func rank(_ edge: Int) -> UInt64 {
        if let relation = edges[edge].relation { return ranks[Int(relationEnds[relation].type)] }
        return ranks[edges[edge].type == locatedIn ? locatedInNumber : partOfNumber]
      }
      let outgoing = OffsetTable(count: entities.count, items: edges.count, key: { edges[$0].from.rawValue }) {
        rank($0) << 32 | UInt64(edges[$0].to.rawValue)
      }
      let incoming = OffsetTable(count: entities.count, items: edges.count, key: { edges[$0].to.rawValue }) {
        rank($0) << 32 | UInt64(edges[$0].from.rawValue)
      }
      return (outgoing, incoming)
    }
    self.outgoing = outgoing
    self.incoming = incoming

    // Sort by the dates' inline keys; only equal keys look at the dates' text and the ids.
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
    self.chronological = dated.map { EntityIndex(rawValue: $0.index) }
    self.undated = undated
  }

  func disagreements(claims: [Claim]) -> [Disagreement] {
    struct Key: Hashable {
      /// Compared code point by code point, as ids are.
      var subject: IdentifierKey
      var property: String
    }
    var order: [Key] = []
    var groups: [Key: [Claim]] = [:]
    for claim in claims {
      let key = Key(subject: IdentifierKey(claim.subject), property: claim.property)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(claim)
    }
    return order.compactMap { key in
      guard let group = groups[key] else { return nil }
      let values = Set(group.map { ClaimFigure(value: $0.value, qualifier: $0.qualifier, unit: $0.unit) })
      guard values.count > 1 else { return nil }
      return Disagreement(subject: key.subject.id, property: key.property, claims: group)
    }
  }

  private struct ClaimFigure: Hashable {
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
  /// Two passes over the keys and no copy of them: the first counts each group, the
  /// second, from the last item back, files each item at the end of its group's
  /// remaining room, which leaves the offsets at the groups' starts.
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
      targets.withUnsafeMutableBufferPointer { targets in
        for item in stride(from: items - 1, through: 0, by: -1) {
          guard let key = key(item) else { continue }
          offsets[Int(key)] -= 1
          targets[Int(offsets[Int(key)])] = Int32(truncatingIfNeeded: item)
        }
        guard let sortKey else { return }
        var group: [(key: UInt64, item: Int32)] = []
        for position in 0..<count {
          let range = Int(offsets[position])..<Int(offsets[position + 1])
          guard range.count > 1 else { continue }
          group.removeAll(keepingCapacity: true)
          for slot in range { group.append((sortKey(Int(targets[slot])), targets[slot])) }
          group.sort { $0.key != $1.key ? $0.key < $1.key : $0.item < $1.item }
          for (slot, entry) in zip(range, group) { targets[slot] = entry.item }
        }
      }
    }
    self.offsets = offsets
    self.targets = targets
  }

  /// The items filed under one entity (edge or claim positions), in order.
  subscript(entity: Int) -> [Int] {
    targets[Int(offsets[entity])..<Int(offsets[entity + 1])].map(Int.init)
  }

  /// The edges of one entity, optionally only those of one type, in one array.
  func edges(of entity: Int, in edges: [Edge], type: String?) -> [Edge] {
    let range = Int(offsets[entity])..<Int(offsets[entity + 1])
    guard !range.isEmpty else { return [] }
    var result: [Edge] = []
    result.reserveCapacity(range.count)
    for slot in range {
      let edge = edges[Int(targets[slot])]
      if let type, edge.type != type { continue }
      result.append(edge)
    }
    return result
  }
}
