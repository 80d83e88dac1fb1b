/// A typed edge between two entities, with its own date, role and sources.
///
///     var signing = Relation(from: "yashar-aliyev", type: "signed", to: "letter-2021")
///     signing.sources = [Citation(document: "letter-2021", locator: "signature")]
public struct Relation: Hashable, Sendable {
  /// The id of the entity at the start.
  public var from: String
  /// The relation type's name (`cites`, `participant`…).
  public var type: String
  /// The id of the entity at the end.
  public var to: String
  /// How the start entity takes part: `perpetrator`, `victim`, `witness`…
  public var role: String?
  /// Where in a document, for relations such as `cites` (`footnote 11`).
  public var locator: String?
  /// Where the relation was read from; takes no part in equality.
  public var provenance: Provenance
  /// The fields most relations leave empty: none, or one ``RelationDetails``.
  private var stored: [RelationDetails]

  /// When the relation held (an EDTF date or interval, such as `1990-05/..`).
  public var date: EDTFDate? {
    get { stored.isEmpty ? nil : stored[0].date }
    set { update(newValue == nil) { $0.date = newValue } }
  }

  /// A free note.
  public var note: String? {
    get { stored.isEmpty ? nil : stored[0].note }
    set { update(newValue == nil) { $0.note = newValue } }
  }

  /// The sources the relation rests on.
  public var sources: [Citation] {
    get { stored.isEmpty ? [] : stored[0].sources }
    set { update(newValue.isEmpty) { $0.sources = newValue } }
  }

  /// Creates a relation.
  public init(
    from: String, type: String, to: String, role: String? = nil, date: EDTFDate? = nil,
    locator: String? = nil, note: String? = nil, sources: [Citation] = []
  ) {
    self.from = from
    self.type = type
    self.to = to
    self.role = role
    self.locator = locator
    self.provenance = Provenance()
    self.stored = RelationDetails(date: date, note: note, sources: sources).stored
  }

  /// A relation read from a file: the public initializer's fields and where it was read,
  /// set in one step (a decoder that set ``provenance`` after creating the relation
  /// copied the whole value, twice, for every relation it read).
  init(
    from: String, type: String, to: String, role: String?, date: EDTFDate?, locator: String?, note: String?,
    sources: [Citation], provenance: Provenance
  ) {
    self.from = from
    self.type = type
    self.to = to
    self.role = role
    self.locator = locator
    self.provenance = provenance
    self.stored = RelationDetails(date: date, note: note, sources: sources).stored
  }

  /// The fields kept out of line, empty ones included.
  private var details: RelationDetails { stored.isEmpty ? RelationDetails() : stored[0] }

  /// Sets a field kept out of line; `isEmpty` says the new value is the empty one,
  /// which needs no storage when there is none yet.
  @inline(__always)
  private mutating func update(_ isEmpty: Bool, _ change: (inout RelationDetails) -> Void) {
    if stored.isEmpty {
      if isEmpty { return }
      stored = [RelationDetails()]
    }
    change(&stored[0])
  }

  /// Relations are equal when all their fields are, ``provenance`` aside.
  public static func == (lhs: Relation, rhs: Relation) -> Bool {
    lhs.from == rhs.from && lhs.type == rhs.type && lhs.to == rhs.to && lhs.role == rhs.role
      && lhs.locator == rhs.locator && lhs.details == rhs.details
  }

  /// Hashes all the fields, ``provenance`` aside.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(from)
    hasher.combine(type)
    hasher.combine(to)
    hasher.combine(role)
    hasher.combine(locator)
    hasher.combine(details)
  }

  /// The fields that make two relations the same edge when files are merged:
  /// everything but sources, note and provenance.
  var mergeKey: MergeKey {
    MergeKey(from: from, type: type, to: to, role: role, date: date, locator: locator)
  }

  /// A hash of ``mergeKey``'s fields, for ``TimelineBuilder``'s index.
  var mergeHash: UInt64 {
    var hash: UInt64 = 0x243F_6A88_85A3_08D3
    PositionTable.mix(&hash, from)
    PositionTable.mix(&hash, type)
    PositionTable.mix(&hash, to)
    PositionTable.mix(&hash, role)
    PositionTable.mix(&hash, date?.description)
    PositionTable.mix(&hash, locator)
    return hash
  }

  /// Whether the two relations have the same ``mergeKey``, compared field by field.
  func hasSameMergeKey(as other: Relation) -> Bool {
    from == other.from && type == other.type && to == other.to && role == other.role && date == other.date
      && locator == other.locator
  }

  struct MergeKey: Hashable {
    var from: String
    var type: String
    var to: String
    var role: String?
    var date: EDTFDate?
    var locator: String?
  }
}
