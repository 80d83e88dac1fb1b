/// The derived lookup tables of a ``TimelineGraph``: id → index, edges, adjacency
/// in compressed offset tables, chronological order and claims by subject.
///
/// Built once, in time linear in the graph's size plus one sort of the dated entities.
struct GraphIndex: Sendable {
  var byID: [String: EntityIndex]
  var edges: [Edge]
  var outgoing: OffsetTable
  var incoming: OffsetTable
  var chronological: [EntityIndex]
  var undated: [EntityIndex]
  var claimsBySubject: [EntityIndex: [Int]]

  init(entities: [Entity], relations: [Relation], claims: [Claim]) {
    var byID: [String: EntityIndex] = [:]
    byID.reserveCapacity(entities.count)
    for (position, entity) in entities.enumerated() where byID[entity.id] == nil {
      byID[entity.id] = EntityIndex(position)
    }
    self.byID = byID

    var edges: [Edge] = []
    edges.reserveCapacity(relations.count + entities.count / 2)
    for (position, relation) in relations.enumerated() {
      guard let from = byID[relation.from], let to = byID[relation.to] else { continue }
      edges.append(Edge(from: from, to: to, type: relation.type, relation: position))
    }
    for (position, entity) in entities.enumerated() {
      let from = EntityIndex(position)
      if let place = entity.place, let to = byID[place] {
        edges.append(Edge(from: from, to: to, type: RelationType.locatedIn.id, relation: nil))
      }
      if let parent = entity.partOf, let to = byID[parent] {
        edges.append(Edge(from: from, to: to, type: RelationType.partOf.id, relation: nil))
      }
      if let parent = entity.parent, let to = byID[parent] {
        let type = entity.kind == .place ? RelationType.locatedIn.id : RelationType.partOf.id
        edges.append(Edge(from: from, to: to, type: type, relation: nil))
      }
    }
    self.edges = edges
    self.outgoing = OffsetTable(count: entities.count, edges: edges, key: \.from) { lhs, rhs in
      (lhs.type, lhs.to) < (rhs.type, rhs.to)
    }
    self.incoming = OffsetTable(count: entities.count, edges: edges, key: \.to) { lhs, rhs in
      (lhs.type, lhs.from) < (rhs.type, rhs.from)
    }

    var dated: [(date: EDTFDate, id: String, index: EntityIndex)] = []
    var undated: [EntityIndex] = []
    for (position, entity) in entities.enumerated() where entity.kind == .event || entity.kind == .document {
      if let date = entity.date {
        dated.append((date, entity.id, EntityIndex(position)))
      } else if entity.kind == .event {
        undated.append(EntityIndex(position))
      }
    }
    dated.sort { lhs, rhs in
      lhs.date != rhs.date ? lhs.date < rhs.date : lhs.id < rhs.id
    }
    self.chronological = dated.map(\.index)
    self.undated = undated

    var claimsBySubject: [EntityIndex: [Int]] = [:]
    for (position, claim) in claims.enumerated() {
      if let subject = byID[claim.subject] { claimsBySubject[subject, default: []].append(position) }
    }
    self.claimsBySubject = claimsBySubject
  }

  func disagreements(claims: [Claim]) -> [Disagreement] {
    struct Key: Hashable {
      var subject: String
      var property: String
    }
    var order: [Key] = []
    var groups: [Key: [Claim]] = [:]
    for claim in claims {
      let key = Key(subject: claim.subject, property: claim.property)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(claim)
    }
    return order.compactMap { key in
      guard let group = groups[key] else { return nil }
      let values = Set(group.map { ClaimFigure(value: $0.value, qualifier: $0.qualifier, unit: $0.unit) })
      guard values.count > 1 else { return nil }
      return Disagreement(subject: key.subject, property: key.property, claims: group)
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

  init(count: Int, edges: [Edge], key: KeyPath<Edge, EntityIndex>, by areInOrder: (Edge, Edge) -> Bool) {
    var offsets = [Int32](repeating: 0, count: count + 1)
    for edge in edges { offsets[edge[keyPath: key].int + 1] += 1 }
    for position in 0..<count { offsets[position + 1] += offsets[position] }
    var fill = offsets
    var targets = [Int32](repeating: 0, count: edges.count)
    for (position, edge) in edges.enumerated() {
      let slot = edge[keyPath: key].int
      targets[Int(fill[slot])] = Int32(position)
      fill[slot] += 1
    }
    for position in 0..<count {
      let range = Int(offsets[position])..<Int(offsets[position + 1])
      if range.count > 1 {
        targets[range].sort { areInOrder(edges[Int($0)], edges[Int($1)]) }
      }
    }
    self.offsets = offsets
    self.targets = targets
  }

  /// The edge indices of one entity.
  subscript(entity: Int) -> [Int] {
    targets[Int(offsets[entity])..<Int(offsets[entity + 1])].map(Int.init)
  }
}
