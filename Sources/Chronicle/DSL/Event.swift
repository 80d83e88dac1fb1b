/// An event written in a ``Timeline`` block.
///
///     Event("khojaly-assault", "Assault on Khojaly", date: "1992-02-25/1992-02-26",
///           place: "khojaly", sources: [Citation("letter-2021", "para. 2")])
public struct Event: TimelineContent {
  /// The entity this adds; its date is parsed when it is added.
  public var entity: Entity
  let dateText: String?

  /// Describes an event; `date` is EDTF text, checked when the timeline is built.
  public init(_ id: String, _ title: String, date: String? = nil, place: String? = nil, partOf: String? = nil,
              summary: String? = nil, sources: [Citation] = []) {
    entity = Entity(id: id, kind: .event, label: title)
    entity.place = place
    entity.partOf = partOf
    entity.summary = summary
    entity.sources = sources
    dateText = date
  }

  /// Adds the event.
  public func add(to builder: inout TimelineBuilder) {
    var entity = entity
    entity.date = builder.parseDate(dateText, for: entity.id, field: "date")
    builder.add(entity)
  }
}
