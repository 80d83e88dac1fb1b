/// A place written in a ``Timeline`` block.
///
///     Place("khojaly", "Khojaly", aliases: ["Xocalı"])
public struct Place: TimelineContent {
  /// The entity this adds.
  public var entity: Entity

  /// Describes a place.
  public init(_ id: String, _ name: String, aliases: [String] = [], parent: String? = nil, summary: String? = nil, sources: [Citation] = []) {
    entity = Entity(id: id, kind: .place, label: name)
    entity.aliases = aliases
    entity.parent = parent
    entity.summary = summary
    entity.sources = sources
  }

  /// Adds the place.
  public func add(to builder: inout TimelineBuilder) { builder.add(entity) }
}
