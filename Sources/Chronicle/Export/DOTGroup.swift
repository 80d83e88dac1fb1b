/// A Graphviz cluster of a DOT drawing: its attributes, the nodes declared in it and
/// the clusters nested in it.
///
///     var group = DOTGroup(id: DOTID("cluster_year_", 0), attributes: attributes)
///     group.items = [.tick(0), .entity(4), .note(0)]
struct DOTGroup: Sendable {
  /// A node of the drawing.
  enum Item: Sendable {
    /// An entity, by its index in the graph.
    case entity(Int)
    /// A tick of the time axis.
    case tick(Int)
    /// The invisible node that keeps a rank without a tick in its place.
    case rankHolder(Int)
    /// A disagreement box.
    case note(Int)
  }

  var id: DOTID
  var attributes: DOTAttributes
  var items: [Item] = []
  var children: [DOTGroup] = []
}
