/// An edge as a graph's index keeps it, in 16 bytes.
struct StoredEdge: Sendable, Equatable {
  /// The raw index of the entity at the start.
  var from: Int32
  /// The raw index of the entity at the end.
  var to: Int32
  /// The position of the relation, or -1 for an edge that a field implies.
  var relation: Int32
  /// The type's name as a position in ``EdgeList/typeNames``.
  var type: Int32
}
