/// Which part of a graph to keep: a time window, kinds, relation types, a focus
/// entity with a depth, a text match. Empty criteria keep everything.
///
///     var filter = GraphFilter()
///     filter.from = try EDTFDate("1992")
///     filter.to = try EDTFDate("1992")
///     filter.kinds = [.event, .document]
///     let only1992 = graph.filtered(by: filter)
///
/// The criteria combine (all must hold). After filtering, the documents that kept
/// entities, relations and claims cite are kept too, so every fact stays traceable.
public struct GraphFilter: Hashable, Sendable {
  /// Keep events and documents whose dates overlap the window from this date's earliest day…
  public var from: EDTFDate?
  /// …to this date's latest day. Undated events and documents are dropped when a window is set;
  /// other kinds stay.
  public var to: EDTFDate?
  /// Keep only entities of these kinds (nil: all).
  public var kinds: Set<EntityKind>?
  /// Keep only relations of these types (nil: all).
  public var relationTypes: Set<String>?
  /// Keep only entities within `depth` edges of this entity, in either direction.
  public var focus: String?
  /// How far from the focus to go (default 1).
  public var depth: Int
  /// Keep only entities whose id, label, aliases, description or notes contain this
  /// text (case- and diacritic-insensitive), with the edges between them.
  public var match: String?

  /// Creates a filter that keeps everything.
  public init(from: EDTFDate? = nil, to: EDTFDate? = nil, kinds: Set<EntityKind>? = nil, relationTypes: Set<String>? = nil,
              focus: String? = nil, depth: Int = 1, match: String? = nil) {
    self.from = from
    self.to = to
    self.kinds = kinds
    self.relationTypes = relationTypes
    self.focus = focus
    self.depth = depth
    self.match = match
  }

  /// Whether the filter keeps everything.
  public var isEmpty: Bool {
    from == nil && to == nil && kinds == nil && relationTypes == nil && focus == nil && match == nil
  }
}
