/// Which field of a chronology entry each relation type of a graph fills, by the
/// type's number (``StoredEdge/type``), so that an entry finds its edges without
/// comparing type names.
///
///     let fields = ChronologyFields(typeNames: graph.index.edges.typeNames)
///     fields.field(ofType: 0)  // .participant, if the first type used is `participant`
///
/// A spelling fills a field when it is `==` to the field's type name (canonical
/// equivalence, as ``TimelineGraph/outgoing(from:type:)`` compares names), so a name
/// spelled in NFD fills the field its NFC spelling does.
struct ChronologyFields: Sendable {
  /// The fields an entry names edges in; `none` for a type no field shows.
  enum Field: UInt8, CaseIterable, Sendable {
    case none
    case locatedIn, partOf, participant
    case issued, authored, edited, signed, published
    case addressedTo, containedIn, cites

    /// The type name whose edges fill the field (nil for `none`).
    var typeName: String? {
      switch self {
      case .none: nil
      case .locatedIn: RelationType.locatedIn.id
      case .partOf: RelationType.partOf.id
      case .participant: RelationType.participant.id
      case .issued: RelationType.issued.id
      case .authored: RelationType.authored.id
      case .edited: RelationType.edited.id
      case .signed: RelationType.signed.id
      case .published: RelationType.published.id
      case .addressedTo: RelationType.addressedTo.id
      case .containedIn: RelationType.containedIn.id
      case .cites: RelationType.cites.id
      }
    }
  }

  /// The field of each type number.
  private let fields: [Field]

  /// The fields of the type names, as ``StoredEdge/type`` numbers them.
  init(typeNames: [String]) {
    let named = Field.allCases.compactMap { field in field.typeName.map { (field, $0) } }
    fields = typeNames.map { name in named.first { $0.1 == name }?.0 ?? .none }
  }

  /// The field edges of a type number fill.
  func field(ofType type: Int32) -> Field { fields[Int(type)] }
}

extension ChronologyFields {
  /// Calls `body` with each edge of the entity at `entity` in `table` (its outgoing or
  /// incoming edges, positions in `edges`) whose type fills `field`, in their order:
  /// the edges `TimelineGraph.outgoing(from:type:)` or `incoming(to:type:)` give for
  /// the field's type name, read in place.
  func forEachEdge(
    _ field: Field, of entity: Int, in table: OffsetTable, edges: [StoredEdge], _ body: (StoredEdge) -> Void
  ) {
    for slot in table.range(of: entity) {
      let edge = edges[table.item(at: slot)]
      if self.field(ofType: edge.type) == field { body(edge) }
    }
  }
}
