/// A person written in a ``Timeline`` block.
///
///     Person("yashar-aliyev", "Yashar Aliyev", sources: [Citation("letter-2021", "signature")])
public struct Person: TimelineContent {
  /// The entity this adds.
  public var entity: Entity

  /// Describes a person.
  public init(_ id: String, _ name: String, aliases: [String] = [], positions: [Position] = [], summary: String? = nil, sources: [Citation] = []) {
    entity = Entity(id: id, kind: .person, label: name)
    entity.aliases = aliases
    entity.positions = positions
    entity.summary = summary
    entity.sources = sources
  }

  /// Adds the person.
  public func add(to builder: inout TimelineBuilder) { builder.add(entity) }
}
