/// A node of the timeline graph: an event, person, organisation, place or document.
///
///     var letter = Entity(id: "letter-2021", kind: .document, label: "Letter dated 17 February 2021")
///     letter.date = try EDTFDate("2021-02-17")
///     letter.identifiers = [DocumentIdentifier(scheme: .unSymbol, value: "A/75/748-S/2021/170")]
///
/// Only `id`, `kind` and the label (`title` for events and documents, `name` for
/// people, organisations and places) are required. The other fields belong to
/// particular kinds; validation reports a field set on a kind that may not have it.
public struct Entity: Hashable, Sendable, Identifiable {
  /// The user's stable identifier: any non-empty text.
  public var id: String
  /// What the entity is.
  public var kind: EntityKind
  /// The title (events, documents) or name (people, organisations, places), verbatim.
  public var label: String
  /// Other names or titles; for places, alternative names such as `Xocalı`.
  public var aliases: [String]
  /// A short description.
  public var summary: String?
  /// Free notes.
  public var notes: [String]
  /// The date of an event, or the date a document was issued.
  public var date: EDTFDate?
  /// The sources the entity's existence and fields rest on.
  public var sources: [Citation]

  // Events.
  /// The id of the place where an event happened.
  public var place: String?
  /// The id of the larger event this event is part of.
  public var partOf: String?

  // Documents.
  /// The kind of document (`letter`, `judgment`, `resolution`…) or of organisation
  /// (`state`, `armed-force`, `newspaper`…): an open vocabulary.
  public var type: String?
  /// Other dated steps of a document, such as its circulation.
  public var steps: [DocumentStep]
  /// Document identifiers: UN symbols, court application numbers, ISBN, URL.
  public var identifiers: [DocumentIdentifier]
  /// The publisher of a document, as printed.
  public var publisher: String?
  /// The pages of a document, as printed (`pp. 75–83`).
  public var pages: String?

  // People.
  /// Positions a person held.
  public var positions: [Position]

  // Organisations and places.
  /// The id of the parent organisation or of the enclosing place.
  public var parent: String?
  /// The coordinates of a place.
  public var coordinates: Coordinates?

  /// Where the entity was read from; takes no part in equality.
  public var provenance: Provenance

  /// Creates an entity with its required fields; set the others as properties.
  public init(id: String, kind: EntityKind, label: String) {
    self.id = id
    self.kind = kind
    self.label = label
    self.aliases = []
    self.summary = nil
    self.notes = []
    self.date = nil
    self.sources = []
    self.place = nil
    self.partOf = nil
    self.type = nil
    self.steps = []
    self.identifiers = []
    self.publisher = nil
    self.pages = nil
    self.positions = []
    self.parent = nil
    self.coordinates = nil
    self.provenance = Provenance()
  }

  /// The ids this entity's own fields refer to, with the field that holds each.
  public var references: [(field: String, id: String)] {
    var result: [(String, String)] = []
    if let place { result.append(("place", place)) }
    if let partOf { result.append(("partOf", partOf)) }
    if let parent { result.append(("parent", parent)) }
    for (index, position) in positions.enumerated() {
      if let organisation = position.organisation { result.append(("positions[\(index)].organisation", organisation)) }
    }
    for (index, source) in sources.enumerated() { result.append(("sources[\(index)].document", source.document)) }
    return result
  }
}

/// A dated step in a document's life other than its issue date, such as circulation.
///
///     DocumentStep(label: "circulated", date: try EDTFDate("2021-02-18"))
public struct DocumentStep: Hashable, Sendable {
  /// What happened to the document: `circulated`, `received`, `published`…
  public var label: String
  /// When.
  public var date: EDTFDate

  /// Creates a step.
  public init(label: String, date: EDTFDate) {
    self.label = label
    self.date = date
  }
}

/// A position a person held: a title, optionally in an organisation and for a time.
///
///     Position(title: "Permanent Representative of Azerbaijan to the United Nations",
///              organisation: "azerbaijan")
public struct Position: Hashable, Sendable {
  /// The title of the position, verbatim.
  public var title: String
  /// The id of the organisation, if any.
  public var organisation: String?
  /// When the position was held (an EDTF date or interval).
  public var date: EDTFDate?
  /// Where this comes from.
  public var sources: [Citation]

  /// Creates a position.
  public init(title: String, organisation: String? = nil, date: EDTFDate? = nil, sources: [Citation] = []) {
    self.title = title
    self.organisation = organisation
    self.date = date
    self.sources = sources
  }
}

/// A place's latitude and longitude in decimal degrees (WGS 84).
public struct Coordinates: Hashable, Sendable {
  /// Degrees north, from -90 to 90.
  public var latitude: Double
  /// Degrees east, from -180 to 180.
  public var longitude: Double

  /// Creates coordinates.
  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
  }
}
