/// The ends and type number of every relation of a graph (``RelationEnds``), in the
/// relations' order, kept in no table of their own: a relation whose ends both
/// resolved is an edge (the edges begin with those relations, in order), and only the
/// others are listed here, with what did resolve. A clean graph keeps nothing more;
/// reading one is a binary search over the unresolved relations.
struct RelationEndsList: RandomAccessCollection, Sendable, Equatable {
  /// The graph's edges, whose first ones are the resolved relations in order.
  private let edges: [StoredEdge]
  /// The positions of the relations with an end that names no entity, ascending, and
  /// their ends.
  private let unresolved: [Int32]
  private let unresolvedEnds: [RelationEnds]
  /// The number of relations.
  let endIndex: Int

  /// The list for `ends` (one per relation), whose resolved relations are, in order,
  /// the first of `edges`.
  init(_ ends: UnsafeBufferPointer<RelationEnds>, edges: [StoredEdge]) {
    var unresolved: [Int32] = []
    var unresolvedEnds: [RelationEnds] = []
    for position in ends.indices where ends[position].from == nil || ends[position].to == nil {
      unresolved.append(Int32(truncatingIfNeeded: position))
      unresolvedEnds.append(ends[position])
    }
    self.edges = edges
    self.unresolved = unresolved
    self.unresolvedEnds = unresolvedEnds
    self.endIndex = ends.count
  }

  /// The position of the first relation: 0.
  var startIndex: Int { 0 }

  /// The ends of the relation at a position.
  subscript(position: Int) -> RelationEnds {
    // The unresolved relations before this one, by binary search.
    var low = 0, high = unresolved.count
    let target = Int32(truncatingIfNeeded: position)
    while low < high {
      let middle = (low + high) / 2
      if unresolved[middle] < target { low = middle + 1 } else { high = middle }
    }
    if low < unresolved.count, unresolved[low] == target { return unresolvedEnds[low] }
    let edge = edges[position - low]
    return RelationEnds(from: EntityIndex(rawValue: edge.from), to: EntityIndex(rawValue: edge.to), type: Int(edge.type))
  }

  /// Lists are equal when they give equal ends for every relation.
  static func == (lhs: RelationEndsList, rhs: RelationEndsList) -> Bool {
    lhs.count == rhs.count && lhs.elementsEqual(rhs)
  }
}
