/// Collects entities, relations, claims and relation types, merges what several
/// files say about the same id, and builds a validated ``TimelineGraph``.
///
///     var builder = TimelineBuilder()
///     var letter = Entity(id: "letter-2021", kind: .document, label: "Letter dated 17 February 2021")
///     letter.date = try EDTFDate("2021-02-17")
///     builder.add(letter)
///     builder.add(Entity(id: "yashar-aliyev", kind: .person, label: "Yashar Aliyev"))
///     builder.add(Relation(from: "yashar-aliyev", type: "signed", to: "letter-2021"))
///     let graph = try builder.build()  // throws every error at once
///
/// Ids are compared code point by code point (`café` in NFC and in NFD are two ids).
/// The same id added from two different files is one entity: list fields (aliases,
/// notes, sources, steps, identifiers, positions) are united, and two different
/// values of a single field are an error naming both places. The same id added
/// twice from one file (or twice in code) is a `duplicate-id` error.
public struct TimelineBuilder: Sendable {
  /// The timeline's title. Files merged with ``addTitle(_:)`` give all their
  /// different titles, joined with `; `.
  public var title: String?
  private var titlesAdded: Set<String> = []
  private(set) var entities: [Entity] = []
  private var entityPositions = IdentifierTable()
  private(set) var relations: [Relation] = []
  private var relationPositions = PositionTable()
  private(set) var claims: [Claim] = []
  private var claimPositions = PositionTable()
  /// The slots read ahead by ``prefetch(entityHash:)``, kept so that the reads are made.
  private var prefetched: UInt64 = 0
  private(set) var declaredRelationTypes: [RelationType] = []
  /// Problems found while adding: duplicate ids, conflicting values, bad declarations.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Creates an empty builder.
  public init() {}

  /// Adds the title of a file being merged: the first becomes the title, and each
  /// different one is added to it after `; `, so that a graph merged from two files
  /// is not named after only one of them.
  ///
  ///     builder.addTitle("As described in the 2021 letter")
  ///     builder.addTitle("As described in the 2025 letter")
  ///     builder.title  // "As described in the 2021 letter; As described in the 2025 letter"
  public mutating func addTitle(_ text: String) {
    guard !titlesAdded.contains(text) else { return }
    titlesAdded.insert(text)
    if let title, !title.isEmpty, title != text {
      self.title = title + "; " + text
    } else if title?.isEmpty ?? true {
      title = text
    }
  }

  /// Makes room for the elements of a JSON file of `byteCount` bytes, so that the
  /// arrays of a large file are not grown by doubling: each doubling copies what was
  /// read and touches fresh pages. Pages reserved and never filled are never touched,
  /// so a guess on the generous side costs address space, not memory; a file with
  /// more elements than guessed grows as before.
  mutating func reserveCapacity(forJSONBytes byteCount: Int) {
    // Generous for files like the generator's (about 440 bytes of file per entity,
    // 170 per relation, 1,600 per claim), bounded so that the room reserved is at most
    // about twice the file's size. Only files of several megabytes are worth it.
    guard byteCount >= 4 << 20 else { return }
    entities.reserveCapacity(entities.count + byteCount / 160)
    relations.reserveCapacity(relations.count + byteCount / 100)
    claims.reserveCapacity(claims.count + byteCount / 800)
    // The table that merges repeated relations is cleared when sized, so it is sized
    // for the relations such a file most likely holds (not the generous bound above):
    // at most about a tenth of the file's size, and freed before the graph is indexed.
    relationPositions.reserveCapacity(relations.count + byteCount / 200)
  }

  /// Frees the tables that find the relation or claim a new one repeats, when nothing
  /// more will be added (a large graph's take tens of megabytes, held otherwise while
  /// the graph is indexed and validated). Relations and claims added after this are
  /// not merged with those added before.
  mutating func finishAdding() {
    relationPositions = PositionTable()
    claimPositions = PositionTable()
  }

  /// Adds an entity, or merges it into the entity with the same id read from another file.
  public mutating func add(_ entity: consuming Entity) {
    add(entity, idHash: IdentifierTable.hash(entity.id))
  }

  /// Adds an entity whose id's ``IdentifierTable/hash(_:)`` is known (computed by the
  /// thread that read it).
  mutating func add(_ entity: consuming Entity, idHash: UInt64) {
    // One probe: the id is new, or the entity with it is found.
    let found = entities.withUnsafeBufferPointer { entities in
      entityPositions.insert(idHash, at: entities.count) { IdentifierKey.sameCodePoints(entities[$0].id, entity.id) }
    }.map(EntityIndex.init)
    guard let existing = found?.int else {
      entities.append(entity)
      return
    }
    let first = entities[existing]
    if first.provenance.file == entity.provenance.file {
      report(.error, .duplicateID, "duplicate id '\(entity.id)'\(Self.firstAt(first.provenance, field: "id"))",
             entity.provenance, field: "id")
      return
    }
    entities[existing] = merge(first, entity)
  }

  /// Adds a relation; an identical edge (same ends, type, role, date and locator)
  /// from another file is merged, uniting sources.
  public mutating func add(_ relation: consuming Relation) {
    add(relation, mergeHash: relation.mergeHash)
  }

  /// Adds a relation whose ``Relation/mergeHash`` is known (computed by the thread that
  /// read it).
  mutating func add(_ relation: consuming Relation, mergeHash hash: UInt64) {
    if let existing = relationPositions.find(hash, where: { relations[$0].hasSameMergeKey(as: relation) }) {
      relations[existing].sources = Self.union(relations[existing].sources, relation.sources)
      if relations[existing].note == nil { relations[existing].note = relation.note }
      return
    }
    relationPositions.append(hash)
    relations.append(relation)
  }

  /// Reads the slot an entity with this id hash is indexed at, ahead of its
  /// ``add(_:idHash:)``: the cache miss then overlaps other work instead of stalling it.
  /// (An ordinary load, kept by folding it into ``prefetched``, not a prefetch hint.)
  @inline(__always)
  mutating func prefetch(entityHash hash: UInt64) {
    prefetched ^= entityPositions.slotWord(for: hash)
  }

  /// Reads the slot a relation with this merge hash is indexed at, ahead of its
  /// ``add(_:mergeHash:)``.
  @inline(__always)
  mutating func prefetch(relationHash hash: UInt64) {
    prefetched ^= relationPositions.slotWord(for: hash)
  }

  /// Adds a claim; a claim identical in everything but its note (an exact repeat,
  /// as when two files hold the same claim) is added once.
  public mutating func add(_ claim: consuming Claim) {
    let key = claim.mergeKey
    let hash = UInt64(bitPattern: Int64(key.hashValue))
    if let existing = claimPositions.find(hash, where: { claims[$0].mergeKey == key }) {
      if claims[existing].note == nil { claims[existing].note = claim.note }
      return
    }
    claimPositions.append(hash)
    claims.append(claim)
  }

  /// Declares a relation type of the timeline's own.
  ///
  /// Redefining one of Chronicle's types, or declaring one name twice with
  /// different signatures, is an error.
  public mutating func declare(_ type: RelationType, provenance: Provenance = Provenance()) {
    var type = type
    type.isBuiltIn = false
    if RelationType.builtIns.contains(where: { $0.id == type.id }) {
      report(.error, .invalidRelationType, "relation type '\(type.id)' is built in and cannot be redeclared", provenance, field: "id")
      return
    }
    if let existing = declaredRelationTypes.first(where: { $0.id == type.id }) {
      if existing.signatures != type.signatures || existing.summary != type.summary {
        report(.error, .invalidRelationType,
               "relation type '\(type.id)' is declared twice with different signatures (\(existing.signatureDescription) and \(type.signatureDescription))",
               provenance, field: "id")
      }
      return
    }
    declaredRelationTypes.append(type)
  }

  /// Adds a diagnostic found outside the builder (for example while reading a file),
  /// so that ``validate()`` reports it with the rest.
  public mutating func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Builds the graph and checks it, returning the graph with every diagnostic.
  ///
  /// The graph is returned even when there are errors (dangling references simply
  /// have no edge), so that tools can show what they can.
  public func validate() -> ValidationResult {
    let graph = TimelineGraph(
      title: title, entities: entities, relations: relations, claims: claims,
      declaredRelationTypes: declaredRelationTypes, byID: entityPositions
    )
    let found = diagnostics + TimelineValidator(graph: graph).diagnostics()
    return ValidationResult(graph: graph, diagnostics: found)
  }

  /// Builds the graph, or throws every error found (warnings do not throw).
  public func build() throws(TimelineError) -> TimelineGraph {
    let result = validate()
    guard !result.hasErrors else { throw TimelineError(diagnostics: result.diagnostics.filter { $0.severity == .error }) }
    return result.graph
  }

  // MARK: Merging

  private mutating func merge(_ first: Entity, _ second: Entity) -> Entity {
    var merged = first
    func single<Value: Equatable>(_ keyPath: WritableKeyPath<Entity, Value?>, _ field: String, _ describe: (Value) -> String) {
      guard let other = second[keyPath: keyPath] else { return }
      guard let mine = first[keyPath: keyPath] else {
        merged[keyPath: keyPath] = other
        merged.provenance.record(field, at: second.provenance.position(of: field))
        return
      }
      if mine != other {
        conflict(first, second, field: field, describe(mine), describe(other))
      }
    }
    if first.kind != second.kind {
      conflict(first, second, field: "kind", first.kind.rawValue, second.kind.rawValue)
      return merged
    }
    if first.label != second.label {
      conflict(first, second, field: first.kind.labelKey, first.label, second.label)
    }
    single(\.summary, "description") { "'\($0)'" }
    single(\.date, "date") { "'\($0)'" }
    single(\.place, "place") { "'\($0)'" }
    single(\.partOf, "partOf") { "'\($0)'" }
    single(\.type, "type") { "'\($0)'" }
    single(\.publisher, "publisher") { "'\($0)'" }
    single(\.pages, "pages") { "'\($0)'" }
    single(\.parent, "parent") { "'\($0)'" }
    single(\.coordinates, "coordinates") { "\($0.latitude), \($0.longitude)" }
    merged.aliases = Self.union(first.aliases, second.aliases)
    merged.notes = Self.union(first.notes, second.notes)
    merged.sources = Self.union(first.sources, second.sources)
    merged.steps = Self.union(first.steps, second.steps)
    merged.identifiers = Self.union(first.identifiers, second.identifiers)
    merged.positions = Self.union(first.positions, second.positions)
    return merged
  }

  private mutating func conflict(_ first: Entity, _ second: Entity, field: String, _ mine: String, _ other: String) {
    let here = Self.place(first.provenance, field: field)
    let there = Self.place(second.provenance, field: field)
    report(.error, .conflictingValue,
           "'\(first.id)' has two different values for '\(field)': '\(mine.trimmingQuotes)' (\(here)) and '\(other.trimmingQuotes)' (\(there))",
           second.provenance, field: field)
  }

  static func union<Element: Hashable>(_ first: [Element], _ second: [Element]) -> [Element] {
    guard !second.isEmpty else { return first }
    var seen = Set(first)
    var result = first
    for element in second where seen.insert(element).inserted { result.append(element) }
    return result
  }

  private static func place(_ provenance: Provenance, field: String) -> String {
    var text = provenance.file ?? "code"
    if let position = provenance.position(of: field) { text += ":\(position)" }
    return text
  }

  private static func firstAt(_ provenance: Provenance, field: String) -> String {
    guard let position = provenance.position(of: field) else { return "" }
    return " (first defined at \(position))"
  }

  private mutating func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, _ message: String,
                               _ provenance: Provenance, field: String?) {
    diagnostics.append(Diagnostic(severity, code, message, file: provenance.file,
                                  position: provenance.position(of: field), path: provenance.path(of: field)))
  }
}

extension String {
  fileprivate var trimmingQuotes: String {
    hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
  }
}

/// A graph together with everything validation found in it.
public struct ValidationResult: Sendable {
  /// The graph, built even when there are errors.
  public var graph: TimelineGraph
  /// Errors and warnings, in the order found.
  public var diagnostics: [Diagnostic]

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  /// The errors.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  /// The warnings.
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// The errors that kept a timeline from being built.
public struct TimelineError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Every error found, in order.
  public var diagnostics: [Diagnostic]

  /// Creates the error.
  public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
