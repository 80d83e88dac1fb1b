/// A document written in a ``Timeline`` block.
///
///     Document("letter-2021", "Letter dated 17 February 2021", type: "letter", date: "2021-02-17",
///              identifiers: [DocumentIdentifier(scheme: .unSymbol, value: "A/75/748-S/2021/170")])
public struct Document: TimelineContent {
  /// The entity this adds; its date is parsed when it is added.
  public var entity: Entity
  let dateText: String?

  /// Describes a document; `date` (issued) is EDTF text, checked when the timeline is built.
  public init(_ id: String, _ title: String, type: String? = nil, date: String? = nil,
              identifiers: [DocumentIdentifier] = [], publisher: String? = nil, pages: String? = nil,
              sources: [Citation] = []) {
    entity = Entity(id: id, kind: .document, label: title)
    entity.type = type
    entity.identifiers = identifiers
    entity.publisher = publisher
    entity.pages = pages
    entity.sources = sources
    dateText = date
  }

  /// Adds the document.
  public func add(to builder: inout TimelineBuilder) {
    var entity = entity
    entity.date = builder.parseDate(dateText, for: entity.id, field: "date")
    builder.add(entity)
  }
}
