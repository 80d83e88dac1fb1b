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
  /// When the relation held (an EDTF date or interval, such as `1990-05/..`).
  public var date: EDTFDate?
  /// Where in a document, for relations such as `cites` (`footnote 11`).
  public var locator: String?
  /// A free note.
  public var note: String?
  /// The sources the relation rests on.
  public var sources: [Citation]
  /// Where the relation was read from; takes no part in equality.
  public var provenance: Provenance

  /// Creates a relation.
  public init(
    from: String, type: String, to: String, role: String? = nil, date: EDTFDate? = nil,
    locator: String? = nil, note: String? = nil, sources: [Citation] = []
  ) {
    self.from = from
    self.type = type
    self.to = to
    self.role = role
    self.date = date
    self.locator = locator
    self.note = note
    self.sources = sources
    self.provenance = Provenance()
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
