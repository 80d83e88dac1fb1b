/// An organisation written in a ``Timeline`` block.
///
///     Organisation("time", "Time", type: "magazine")
public struct Organisation: TimelineContent {
  /// The entity this adds.
  public var entity: Entity

  /// Describes an organisation.
  public init(_ id: String, _ name: String, aliases: [String] = [], type: String? = nil, parent: String? = nil, summary: String? = nil, sources: [Citation] = []) {
    entity = Entity(id: id, kind: .organisation, label: name)
    entity.aliases = aliases
    entity.type = type
    entity.parent = parent
    entity.summary = summary
    entity.sources = sources
  }

  /// Adds the organisation.
  public func add(to builder: inout TimelineBuilder) { builder.add(entity) }
}
