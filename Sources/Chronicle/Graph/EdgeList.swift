/// Every edge of a ``TimelineGraph``, as a random-access collection of ``Edge`` values.
///
/// The graph keeps each edge in 16 bytes (its ends, its relation and its type as a
/// number); an ``Edge`` is made when an element is read, so walking the edges of a
/// large graph copies nothing else.
///
///     for edge in graph.edges where edge.type == "participant" {
///       print(graph[edge.from].label, "→", graph[edge.to].label)
///     }
public struct EdgeList: RandomAccessCollection, Sendable, Equatable {
  /// The edges as stored.
  let stored: [StoredEdge]
  /// The types' names, as ``StoredEdge/type`` numbers them.
  let typeNames: [String]

  init(stored: [StoredEdge], typeNames: [String]) {
    self.stored = stored
    self.typeNames = typeNames
  }

  /// The position of the first edge: 0.
  public var startIndex: Int { 0 }

  /// One past the position of the last edge: the number of edges.
  public var endIndex: Int { stored.count }

  /// The edge at a position.
  public subscript(position: Int) -> Edge {
    let edge = stored[position]
    return Edge(
      from: EntityIndex(rawValue: edge.from), to: EntityIndex(rawValue: edge.to), type: typeNames[Int(edge.type)],
      relation: edge.relation < 0 ? nil : Int(edge.relation))
  }

  /// Lists are equal when they hold equal edges in the same order.
  public static func == (lhs: EdgeList, rhs: EdgeList) -> Bool {
    lhs.count == rhs.count && lhs.elementsEqual(rhs)
  }

  /// For each type number, whether its name is `==` to `name`.
  func typesEqual(to name: String) -> [Bool] { typeNames.map { $0 == name } }
}
