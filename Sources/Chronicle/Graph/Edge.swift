/// A relation resolved to entity indices, as the graph's adjacency stores it.
///
/// Edges come from the file's `relations` and from fields that name another entity
/// (an event's `place` and `partOf`, an organisation's or place's `parent`), which
/// the graph turns into `located-in` and `part-of` edges.
public struct Edge: Hashable, Sendable {
  /// The entity at the start.
  public var from: EntityIndex
  /// The entity at the end.
  public var to: EntityIndex
  /// The relation type's name.
  public var type: String
  /// The relation in ``TimelineGraph/relations``, or nil when a field implies the edge.
  public var relation: Int?

  /// Creates an edge.
  public init(from: EntityIndex, to: EntityIndex, type: String, relation: Int?) {
    self.from = from
    self.to = to
    self.type = type
    self.relation = relation
  }

  /// Whether the edge comes from a field (`place`, `partOf`, `parent`) rather than a relation.
  public var isImplied: Bool { relation == nil }
}
