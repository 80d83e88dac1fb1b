/// The dense position of an entity inside a ``TimelineGraph``.
///
/// Indices are what the graph stores internally (adjacency, chronological order);
/// ids are strings only at the edges.
///
///     let index = graph.index(of: "letter-2021")!
///     graph[index].label
public struct EntityIndex: RawRepresentable, Hashable, Sendable, Comparable {
  /// The position in ``TimelineGraph/entities``.
  public var rawValue: Int32

  /// Creates an index from its raw position.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  init(_ value: Int) { self.rawValue = Int32(truncatingIfNeeded: value) }

  var int: Int { Int(rawValue) }

  /// Orders indices by position.
  public static func < (lhs: EntityIndex, rhs: EntityIndex) -> Bool { lhs.rawValue < rhs.rawValue }
}
