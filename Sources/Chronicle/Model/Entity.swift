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
  /// The title (events, documents) or name (people, organisations, places), verbatim.
  public var label: String
  /// The date of an event, or the date a document was issued.
  public var date: EDTFDate?
  /// The sources the entity's existence and fields rest on.
  public var sources: [Citation]

  // Events.
  /// The id of the place where an event happened.
  public var place: String?

  /// Where the entity was read from; takes no part in equality.
  public var provenance: Provenance

  /// The fields most entities leave empty: none, or one ``EntityDetails``.
  private var stored: [EntityDetails]

  /// What the entity is.
  public var kind: EntityKind

  /// Other names or titles; for places, alternative names such as `Xocalı`.
  public var aliases: [String] {
    get { stored.isEmpty ? [] : stored[0].aliases }
    set { update(newValue.isEmpty) { $0.aliases = newValue } }
  }

  /// A short description.
  public var summary: String? {
    get { stored.isEmpty ? nil : stored[0].summary }
    set { update(newValue == nil) { $0.summary = newValue } }
  }

  /// Free notes.
  public var notes: [String] {
    get { stored.isEmpty ? [] : stored[0].notes }
    set { update(newValue.isEmpty) { $0.notes = newValue } }
  }

  /// The id of the larger event this event is part of.
  public var partOf: String? {
    get { stored.isEmpty ? nil : stored[0].partOf }
    set { update(newValue == nil) { $0.partOf = newValue } }
  }

  // Documents.
  /// The kind of document (`letter`, `judgment`, `resolution`…) or of organisation
  /// (`state`, `armed-force`, `newspaper`…): an open vocabulary.
  public var type: String? {
    get { stored.isEmpty ? nil : stored[0].type }
    set { update(newValue == nil) { $0.type = newValue } }
  }

  /// Other dated steps of a document, such as its circulation.
  public var steps: [DocumentStep] {
    get { stored.isEmpty ? [] : stored[0].steps }
    set { update(newValue.isEmpty) { $0.steps = newValue } }
  }

  /// Document identifiers: UN symbols, court application numbers, ISBN, URL.
  public var identifiers: [DocumentIdentifier] {
    get { stored.isEmpty ? [] : stored[0].identifiers }
    set { update(newValue.isEmpty) { $0.identifiers = newValue } }
  }

  /// The publisher of a document, as printed.
  public var publisher: String? {
    get { stored.isEmpty ? nil : stored[0].publisher }
    set { update(newValue == nil) { $0.publisher = newValue } }
  }

  /// The pages of a document, as printed (`pp. 75–83`).
  public var pages: String? {
    get { stored.isEmpty ? nil : stored[0].pages }
    set { update(newValue == nil) { $0.pages = newValue } }
  }

  // People.
  /// Positions a person held.
  public var positions: [Position] {
    get { stored.isEmpty ? [] : stored[0].positions }
    set { update(newValue.isEmpty) { $0.positions = newValue } }
  }

  // Organisations and places.
  /// The id of the parent organisation or of the enclosing place.
  public var parent: String? {
    get { stored.isEmpty ? nil : stored[0].parent }
    set { update(newValue == nil) { $0.parent = newValue } }
  }

  /// The coordinates of a place.
  public var coordinates: Coordinates? {
    get { stored.isEmpty ? nil : stored[0].coordinates }
    set { update(newValue == nil) { $0.coordinates = newValue } }
  }

  /// Creates an entity with its required fields; set the others as properties.
  public init(id: String, kind: EntityKind, label: String) {
    self.id = id
    self.kind = kind
    self.label = label
    self.date = nil
    self.sources = []
    self.place = nil
    self.stored = []
    self.provenance = Provenance()
  }

  /// Creates an entity with all its fields at once (for the decoder: no field is set
  /// twice).
  init(
    id: String, kind: EntityKind, label: String, date: EDTFDate?, sources: [Citation], place: String?,
    details: EntityDetails, provenance: Provenance
  ) {
    self.id = id
    self.kind = kind
    self.label = label
    self.date = date
    self.sources = sources
    self.place = place
    self.stored = details.stored
    self.provenance = provenance
  }

  /// The fields kept out of line, empty ones included.
  var details: EntityDetails { stored.isEmpty ? EntityDetails() : stored[0] }

  /// Sets a field kept out of line; `isEmpty` says the new value is the empty one,
  /// which needs no storage when there is none yet.
  @inline(__always)
  private mutating func update(_ isEmpty: Bool, _ change: (inout EntityDetails) -> Void) {
    if stored.isEmpty {
      if isEmpty { return }
      stored = [EntityDetails()]
    }
    change(&stored[0])
  }

  /// Entities are equal when all their fields are, ``provenance`` aside.
  public static func == (lhs: Entity, rhs: Entity) -> Bool {
    lhs.id == rhs.id && lhs.kind == rhs.kind && lhs.label == rhs.label && lhs.date == rhs.date
      && lhs.sources == rhs.sources && lhs.place == rhs.place && lhs.details == rhs.details
  }

  /// Hashes all the fields, ``provenance`` aside.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(kind)
    hasher.combine(label)
    hasher.combine(date)
    hasher.combine(sources)
    hasher.combine(place)
    hasher.combine(details)
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
