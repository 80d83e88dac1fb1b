/// A validated timeline: entities, typed relations and attributed claims, with
/// lookup by id, adjacency in both directions and chronological order.
///
///     var builder = TimelineBuilder()
///     builder.add(Entity(id: "letter-2021", kind: .document, label: "Letter dated 17 February 2021"))
///     let graph = try builder.build()  // throws every error at once, not the first
///     graph.entity(id: "letter-2021")?.label
///
/// A graph is an immutable value. Inside, entities sit in a contiguous array and
/// are referred to by dense ``EntityIndex`` values; adjacency is stored as offset
/// tables, so lookups by id are O(1) and neighbours are a slice.
public struct TimelineGraph: Sendable, Hashable {
  /// The timeline's title.
  public let title: String?
  /// The entities, in the order they were added.
  public let entities: [Entity]
  /// The relations, in the order they were added.
  public let relations: [Relation]
  /// The claims, in the order they were added.
  public let claims: [Claim]
  /// Relation types declared by the timeline, in addition to Chronicle's vocabulary.
  public let declaredRelationTypes: [RelationType]

  let index: GraphIndex

  /// Creates a graph; `byID` is the id → index table when the caller already has it.
  init(
    title: String?, entities: [Entity], relations: [Relation], claims: [Claim], declaredRelationTypes: [RelationType],
    byID: IdentifierTable? = nil
  ) {
    self.title = title
    self.entities = entities
    self.relations = relations
    self.claims = claims
    self.declaredRelationTypes = declaredRelationTypes
    self.index = GraphIndex(entities: entities, relations: relations, claims: claims, byID: byID)
  }

  /// Graphs are equal when their title, entities, relations, claims and declared
  /// types are; indices and provenance are not compared.
  public static func == (lhs: TimelineGraph, rhs: TimelineGraph) -> Bool {
    lhs.title == rhs.title && lhs.entities == rhs.entities && lhs.relations == rhs.relations
      && lhs.claims == rhs.claims && lhs.declaredRelationTypes == rhs.declaredRelationTypes
  }

  /// Hashes what `==` compares.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(title)
    hasher.combine(entities)
    hasher.combine(relations)
    hasher.combine(claims)
    hasher.combine(declaredRelationTypes)
  }

  // MARK: Lookup

  /// The number of entities.
  public var count: Int { entities.count }

  /// The entity at an index.
  public subscript(index: EntityIndex) -> Entity { entities[index.int] }

  /// The index of the entity with this id, in O(1). Ids are compared code point by
  /// code point: `café` in NFC and in NFD are two different ids.
  public func index(of id: String) -> EntityIndex? {
    entities.withUnsafeBufferPointer { index.byID.position(of: id, in: $0) }
  }

  /// The entity with this id, in O(1); ids are compared code point by code point.
  public func entity(id: String) -> Entity? { index(of: id).map { entities[$0.int] } }

  /// Every relation type the graph knows: Chronicle's vocabulary, then the declared ones.
  public var relationTypes: [RelationType] { RelationType.builtIns + declaredRelationTypes }

  /// The relation type with this name, if the graph knows it.
  public func relationType(_ name: String) -> RelationType? {
    RelationType.builtIns.first { $0.id == name } ?? declaredRelationTypes.first { $0.id == name }
  }

  // MARK: Adjacency

  /// Every edge: the relations, then the edges implied by fields (`place`, `partOf`, `parent`).
  ///
  /// A collection made from the graph's compact storage: reading it copies no array.
  public var edges: EdgeList { index.edges }

  /// The edges that start at an entity, optionally only of one type, sorted by type then end.
  public func outgoing(from entity: EntityIndex, type: String? = nil) -> [Edge] {
    index.outgoing.edges(of: entity.int, in: index.edges, type: type)
  }

  /// The edges that end at an entity, optionally only of one type, sorted by type then start.
  public func incoming(to entity: EntityIndex, type: String? = nil) -> [Edge] {
    index.incoming.edges(of: entity.int, in: index.edges, type: type)
  }

  /// The entities joined to an entity by an edge in either direction.
  public func neighbours(of entity: EntityIndex) -> [EntityIndex] {
    let stored = index.edges.stored
    var result: [EntityIndex] = []
    result.reserveCapacity(index.outgoing.range(of: entity.int).count + index.incoming.range(of: entity.int).count)
    for slot in index.outgoing.range(of: entity.int) {
      result.append(EntityIndex(rawValue: stored[index.outgoing.item(at: slot)].to))
    }
    for slot in index.incoming.range(of: entity.int) {
      result.append(EntityIndex(rawValue: stored[index.incoming.item(at: slot)].from))
    }
    return result
  }

  // MARK: Time

  /// Dated events and documents, earliest first (see ``EDTFDate``'s order; ties by id).
  public var chronological: [EntityIndex] { index.chronological }

  /// Events (and documents) without a date, in the order added.
  public var undated: [EntityIndex] { index.undated }

  /// The date by which an entity is sorted: an event's date, a document's issue date.
  public func date(of entity: EntityIndex) -> EDTFDate? { entities[entity.int].date }

  // MARK: Claims

  /// The claims about an entity, in the order added.
  public func claims(about entity: EntityIndex) -> [Claim] {
    let slots = index.claimsBySubject.range(of: entity.int)
    guard !slots.isEmpty else { return [] }
    var about: [Claim] = []
    about.reserveCapacity(slots.count)
    for slot in slots { about.append(claims[index.claimsBySubject.item(at: slot)]) }
    return about
  }

  /// Every property on which two or more claims about the same subject give
  /// different values (value, qualifier or unit), in the order of each group's first claim.
  public var disagreements: [Disagreement] { index.disagreements(claims: claims) }
}
