/// The derived lookup tables of a ``TimelineGraph``: id → index, edges, adjacency
/// in compressed offset tables, chronological order and claims by subject.
///
/// Built once, in time linear in the graph's size plus one sort of the dated entities.
struct GraphIndex: Sendable {
  var byID: [IdentifierKey: EntityIndex]
  var edges: [Edge]
  var outgoing: OffsetTable
  var incoming: OffsetTable
  var chronological: [EntityIndex]
  var undated: [EntityIndex]
  var claimsBySubject: [EntityIndex: [Int]]
  /// The entities at the ends of each relation, by position in the relations (nil when
  /// no entity has the id), so validation looks no id up again.
  var relationEnds: [(from: EntityIndex?, to: EntityIndex?)]

  /// Builds the tables; `byID`, when given, must be what this would build from `entities`
  /// (the first entity with each id).
  init(entities: [Entity], relations: [Relation], claims: [Claim], byID known: [IdentifierKey: EntityIndex]? = nil) {
    let byID: [IdentifierKey: EntityIndex]
    if let known {
      byID = known
    } else {
      var table: [IdentifierKey: EntityIndex] = [:]
      table.reserveCapacity(entities.count)
      for (position, entity) in entities.enumerated() where table[IdentifierKey(entity.id)] == nil {
        table[IdentifierKey(entity.id)] = EntityIndex(position)
      }
      byID = table
    }
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
    var relationEnds: [(from: EntityIndex?, to: EntityIndex?)] = []
    relationEnds.reserveCapacity(relations.count)
    relations.withUnsafeBufferPointer { relations in
      for position in relations.indices {
        let from = byID[IdentifierKey(relations[position].from)]
        let to = byID[IdentifierKey(relations[position].to)]
        relationEnds.append((from, to))
        guard let from, let to else { continue }
        edges.append(Edge(from: from, to: to, type: relations[position].type, relation: position))
      }
    }
    self.relationEnds = relationEnds
    entities.withUnsafeBufferPointer { entities in
      for position in entities.indices {
        let from = EntityIndex(position)
        if let place = entities[position].place, let to = byID[IdentifierKey(place)] {
          edges.append(Edge(from: from, to: to, type: RelationType.locatedIn.id, relation: nil))
        }
        if let parent = entities[position].partOf, let to = byID[IdentifierKey(parent)] {
          edges.append(Edge(from: from, to: to, type: RelationType.partOf.id, relation: nil))
        }
        if let parent = entities[position].parent, let to = byID[IdentifierKey(parent)] {
          let type = entities[position].kind == .place ? RelationType.locatedIn.id : RelationType.partOf.id
          edges.append(Edge(from: from, to: to, type: type, relation: nil))
        }
      }
    }
    self.edges = edges
    // Order by type through each type's rank among the types' names, computed once.
    var rankByType: [String: Int32] = [:]
    for edge in edges where rankByType[edge.type] == nil { rankByType[edge.type] = 0 }
    for (rank, type) in rankByType.keys.sorted().enumerated() { rankByType[type] = Int32(rank) }
    var typeRanks: [Int32] = []
    typeRanks.reserveCapacity(edges.count)
    var lastType: (name: String, rank: Int32)?
    for edge in edges {
      if let lastType, lastType.name == edge.type {
        typeRanks.append(lastType.rank)
      } else {
        let rank = rankByType[edge.type] ?? 0
        typeRanks.append(rank)
        lastType = (edge.type, rank)
      }
    }
    let from = edges.map(\.from.rawValue)
    let to = edges.map(\.to.rawValue)
    self.outgoing = OffsetTable(count: entities.count, keys: from) { lhs, rhs in
      typeRanks[lhs] != typeRanks[rhs] ? typeRanks[lhs] < typeRanks[rhs] : to[lhs] < to[rhs]
    }
    self.incoming = OffsetTable(count: entities.count, keys: to) { lhs, rhs in
      typeRanks[lhs] != typeRanks[rhs] ? typeRanks[lhs] < typeRanks[rhs] : from[lhs] < from[rhs]
    }

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

    var claimsBySubject: [EntityIndex: [Int]] = [:]
    claims.withUnsafeBufferPointer { claims in
      for position in claims.indices {
        if let subject = byID[IdentifierKey(claims[position].subject)] { claimsBySubject[subject, default: []].append(position) }
      }
    }
    self.claimsBySubject = claimsBySubject
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

/// Adjacency as a compressed table: for entity `i`, its edges are
/// `edges[offsets[i] ..< offsets[i + 1]]` (indices into the graph's edge list).
struct OffsetTable: Sendable {
  private var offsets: [Int32]
  private var targets: [Int32]

  /// Groups the edges by `keys[edge]` (the entity each edge is filed under), each group
  /// sorted by `areInOrder` on edge positions.
  init(count: Int, keys: [Int32], by areInOrder: (Int, Int) -> Bool) {
    var offsets = [Int32](repeating: 0, count: count + 1)
    for key in keys { offsets[Int(key) + 1] += 1 }
    for position in 0..<count { offsets[position + 1] += offsets[position] }
    var fill = offsets
    var targets = [Int32](repeating: 0, count: keys.count)
    for (position, key) in keys.enumerated() {
      let slot = Int(key)
      targets[Int(fill[slot])] = Int32(position)
      fill[slot] += 1
    }
    for position in 0..<count {
      let range = Int(offsets[position])..<Int(offsets[position + 1])
      if range.count > 1 {
        targets[range].sort { areInOrder(Int($0), Int($1)) }
      }
    }
    self.offsets = offsets
    self.targets = targets
  }

  /// The edge indices of one entity.
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
