/// Checks a graph's meaning: references, kinds, signatures, claims, anachronisms,
/// cycles and loose ends. Returns diagnostics as values, in a stable order.
///
///     let diagnostics = TimelineValidator(graph: graph).diagnostics()
struct TimelineValidator {
  let graph: TimelineGraph
  private var found: [Diagnostic] = []
  /// Every id under `String` equality (canonical equivalence) → the first entity with
  /// it; built only when some id goes beyond ASCII.
  private var canonicalIDs: [String: Int]?
  /// The entities a checked reference names (a citation's document, a position's
  /// organisation, a claimant, a field), so that the loose-ends check, which runs after
  /// every other, looks no id up again.
  private var referenced: [Bool]
  /// The documents cited by a run of entities, relations or claims, looked up together
  /// (``lookUpCitations(_:_:)``), and how many ``checkSources(_:field:in:batched:)`` took.
  private var cited: [EntityIndex?] = []
  private var citedTaken = 0

  /// The entities' kinds, one byte each, read in order once: the kind of an entity a
  /// reference or a relation names is then read at random from 1 MB (at a million
  /// entities), not from the entities.
  private let kinds: [EntityKind]

  init(graph: TimelineGraph) {
    self.graph = graph
    self.referenced = [Bool](repeating: false, count: graph.count)
    self.kinds = graph.entities.map(\.kind)
  }

  /// The checks, in the order their diagnostics are reported; then, with what they
  /// marked as referenced, the loose ends (``checkUnrelated(referenced:)``).
  private static let checks: [@Sendable (inout TimelineValidator) -> Void] = [
    { $0.checkEntities() },
    { $0.checkLookAlikeIDs() },
    { $0.checkRelations() },
    { $0.checkClaims() },
    { $0.checkAnachronisms() },
    { $0.checkCycles(of: RelationType.partOf.id) },
    { $0.checkCycles(of: RelationType.precedes.id) },
  ]

  /// Which checks run on the second thread of a large graph: all but the entities and
  /// their ids, about half of the work (measured at 1,000,000 generated events).
  private static let secondThread: Set<Int> = [2, 3, 4, 5, 6]

  /// Above this many entities and relations together, the checks run on two threads.
  static let parallelThreshold = 50_000

  /// Every problem found, entities first, then relations, claims and graph-wide checks.
  /// On a large graph the checks run on two threads; the order is the same.
  func diagnostics() -> [Diagnostic] {
    diagnostics(onTwoThreads: graph.count + graph.relations.count > Self.parallelThreshold)
  }

  /// Every problem found, on one thread or two; the same diagnostics in the same order.
  func diagnostics(onTwoThreads: Bool) -> [Diagnostic] {
    guard onTwoThreads else {
      var validator = self
      for check in Self.checks { check(&validator) }
      validator.checkUnrelated(referenced: validator.referenced)
      return validator.found
    }
    let graph = self.graph
    let parts = TwoThreads.run { thread in
      var validator = TimelineValidator(graph: graph)
      var found: [Int: [Diagnostic]] = [:]
      for (position, check) in Self.checks.enumerated() where Self.secondThread.contains(position) == (thread == 1) {
        check(&validator)
        found[position] = validator.found
        validator.found = []
      }
      return (found: found, referenced: validator.referenced)
    }
    // In the checks' order, whichever thread ran each; the loose ends last, with what
    // either thread marked.
    let found = parts.reduce(into: [:]) { all, part in all.merge(part.found) { first, _ in first } }
    var referenced = parts[0].referenced
    referenced.withUnsafeMutableBufferPointer { referenced in
      parts[1].referenced.withUnsafeBufferPointer { other in
        for position in referenced.indices where other[position] { referenced[position] = true }
      }
    }
    var last = TimelineValidator(graph: graph)
    last.checkUnrelated(referenced: referenced)
    return Self.checks.indices.flatMap { found[$0] ?? [] } + last.found
  }

  // MARK: Entities

  /// The fields each kind may have beyond id, kind, label, aliases, description, notes, sources.
  static let kindFields: [EntityKind: [String]] = [
    .event: ["date", "place", "partOf"],
    .document: ["date", "type", "steps", "identifiers", "publisher", "pages"],
    .person: ["positions"],
    .organisation: ["type", "parent"],
    .place: ["parent", "coordinates"],
  ]

  /// Kinds a reference may name, one bit per kind (by ``EntityKind/order``): tested for
  /// every reference on two threads, with neither a hash nor a shared object counted.
  private struct Kinds {
    /// One bit per kind: room for 32 kinds (there are five).
    let bits: UInt32

    init(_ kinds: EntityKind...) {
      bits = kinds.reduce(0) { $0 | 1 << UInt32($1.order) }
    }

    func contains(_ kind: EntityKind) -> Bool { bits & 1 << UInt32(kind.order) != 0 }

    /// The kinds, in their order.
    var members: [EntityKind] { EntityKind.allCases.filter(contains).sorted() }
  }

  private static let places = Kinds(.place)
  private static let events = Kinds(.event)
  private static let organisations = Kinds(.organisation)
  private static let documents = Kinds(.document)

  private mutating func checkEntities() {
    let entities = graph.entities
    let targets = graph.index.fieldTargets
    entities.withUnsafeBufferPointer { buffer in
      targets.withUnsafeBufferPointer { targets in
        for start in stride(from: 0, to: buffer.count, by: Self.citationRun) {
          let run = start..<min(start + Self.citationRun, buffer.count)
          lookUpCitations(run) { buffer[$0].sources }
          for position in run { checkEntity(buffer, at: position, targets: targets) }
        }
      }
    }
  }

  /// Checks one entity, reading its fields in place (no copy of the whole entity).
  /// `targets` are the index's ``GraphIndex/fieldTargets``.
  private mutating func checkEntity(
    _ buffer: UnsafeBufferPointer<Entity>, at position: Int, targets: UnsafeBufferPointer<Int32>
  ) {
    // Its provenance is copied (a reference counted) only for a diagnostic.
    func provenance() -> Provenance { buffer[position].provenance }
    let kind = buffer[position].kind
    if buffer[position].id.isEmpty { report(.error, .emptyValue, "an id must not be empty", provenance(), "id") }
    if buffer[position].label.isEmpty {
      report(.error, .emptyValue, "\(kind) '\(buffer[position].id)' has an empty \(kind.labelKey)", provenance(), kind.labelKey)
    }
    if Self.hasFieldNotAllowed(buffer[position]) {
      let allowed = Self.kindFields[kind] ?? []
      for field in Self.setFields(of: buffer[position]) where !allowed.contains(field) {
        let expected = allowed.isEmpty ? "none" : allowed.map { "'\($0)'" }.joined(separator: ", ")
        report(.error, .fieldNotAllowed,
               "\(kind.withArticle) cannot have '\(field)' (fields of \(kind.withArticle) beyond the common ones: \(expected))",
               provenance(), field)
      }
    }
    // An invalid date was already reported; do not also call the event undated.
    if kind == .event, buffer[position].date == nil, !provenance().hasField("date") {
      report(.warning, .undatedEvent, "event '\(buffer[position].id)' has no date; it is listed as undated", provenance(), "id")
    }
    // The fields' targets, as the index looked them up.
    func target(_ field: Int) -> EntityIndex? {
      let raw = targets[3 * position + field]
      return raw < 0 ? nil : EntityIndex(rawValue: raw)
    }
    if let place = buffer[position].place {
      checkReference(place, target: target(0), field: "place", expected: Self.places, in: provenance())
    }
    if let parent = buffer[position].partOf {
      checkReference(parent, target: target(1), field: "partOf", expected: Self.events, in: provenance())
    }
    if let parent = buffer[position].parent {
      checkReference(
        parent, target: target(2), field: "parent", expected: kind == .place ? Self.places : Self.organisations,
        in: provenance())
    }
    for (index, held) in buffer[position].positions.enumerated() {
      if let organisation = held.organisation {
        checkReference(organisation, field: "positions[\(index)].organisation", expected: Self.organisations, in: provenance())
      }
      checkSources(held.sources, field: "positions[\(index)].sources", in: provenance())
    }
    checkSources(buffer[position].sources, field: "sources", in: provenance(), batched: true)
    for (index, identifier) in buffer[position].identifiers.enumerated() {
      if let problem = identifier.problem {
        report(.error, .invalidIdentifier, problem, provenance(), "identifiers[\(index)].value")
      }
    }
    if let coordinates = buffer[position].coordinates,
      !(-90...90).contains(coordinates.latitude) || !(-180...180).contains(coordinates.longitude)
    {
      report(.error, .invalidCoordinates,
             "coordinates \(coordinates.latitude), \(coordinates.longitude) are out of range; expected latitude -90…90 and longitude -180…180",
             provenance(), "coordinates")
    }
  }

  /// Whether the entity has a field its kind may not have (what ``setFields(of:)``
  /// lists, checked without building the list).
  private static func hasFieldNotAllowed(_ entity: Entity) -> Bool {
    switch entity.kind {
    case .event:
      entity.type != nil || !entity.steps.isEmpty || !entity.identifiers.isEmpty || entity.publisher != nil
        || entity.pages != nil || !entity.positions.isEmpty || entity.parent != nil || entity.coordinates != nil
    case .document:
      entity.place != nil || entity.partOf != nil || !entity.positions.isEmpty || entity.parent != nil
        || entity.coordinates != nil
    case .person:
      entity.date != nil || entity.place != nil || entity.partOf != nil || entity.type != nil || !entity.steps.isEmpty
        || !entity.identifiers.isEmpty || entity.publisher != nil || entity.pages != nil || entity.parent != nil
        || entity.coordinates != nil
    case .organisation:
      entity.date != nil || entity.place != nil || entity.partOf != nil || !entity.steps.isEmpty
        || !entity.identifiers.isEmpty || entity.publisher != nil || entity.pages != nil || !entity.positions.isEmpty
        || entity.coordinates != nil
    case .place:
      entity.date != nil || entity.place != nil || entity.partOf != nil || entity.type != nil || !entity.steps.isEmpty
        || !entity.identifiers.isEmpty || entity.publisher != nil || entity.pages != nil || !entity.positions.isEmpty
    }
  }

  static func setFields(of entity: Entity) -> [String] {
    var fields: [String] = []
    if entity.date != nil { fields.append("date") }
    if entity.place != nil { fields.append("place") }
    if entity.partOf != nil { fields.append("partOf") }
    if entity.type != nil { fields.append("type") }
    if !entity.steps.isEmpty { fields.append("steps") }
    if !entity.identifiers.isEmpty { fields.append("identifiers") }
    if entity.publisher != nil { fields.append("publisher") }
    if entity.pages != nil { fields.append("pages") }
    if !entity.positions.isEmpty { fields.append("positions") }
    if entity.parent != nil { fields.append("parent") }
    if entity.coordinates != nil { fields.append("coordinates") }
    return fields
  }

  // MARK: Relations

  private mutating func checkRelations() {
    let known = graph.relationTypes.map(\.id)
    // Each spelling of a type's name is looked up once, and what its type allows once
    // per pair of kinds: no relation's type is compared as text.
    let types = graph.index.relationTypeNames.map(graph.relationType)
    let allowed = types.map { type in type.map(Self.allowedPairs) ?? 0 }
    // Whether each spelling names a type: tested per relation without copying the type
    // (whose lists both threads would otherwise count references to).
    let isKnown = types.map { $0 != nil }
    let graph = self.graph
    let kinds = self.kinds
    let ends = graph.index.relationEnds
    graph.relations.withUnsafeBufferPointer { relations in
      kinds.withUnsafeBufferPointer { kinds in
        for position in relations.indices {
          if position % Self.citationRun == 0 {
            lookUpCitations(position..<min(position + Self.citationRun, relations.count)) { relations[$0].sources }
          }
          checkSources(relations[position].sources, field: "sources", in: relations[position].provenance, batched: true)
          let end = ends[position]
          let from = end.from, to = end.to
          if from == nil { dangling(relations[position].from, field: "from", in: relations[position].provenance) }
          if to == nil { dangling(relations[position].to, field: "to", in: relations[position].provenance) }
          let number = Int(end.type)
          guard isKnown[number] else {
            let name = relations[position].type
            report(.error, .unknownRelationType,
                   "unknown relation type '\(name)'\(Suggestion.hint(for: name, in: known)) (declare it under 'relationTypes')",
                   relations[position].provenance, "type")
            continue
          }
          guard let from, let to else { continue }
          let fromKind = kinds[from.int], toKind = kinds[to.int]
          if allowed[number] & Self.pair(fromKind, toKind) == 0 {
            let expected = types[number]?.signatureDescription ?? ""
            report(.error, .relationSignature,
                   "'\(relations[position].type)' cannot join \(fromKind.withArticle) ('\(relations[position].from)') to \(toKind.withArticle) ('\(relations[position].to)'); expected \(expected)",
                   relations[position].provenance, "type")
          }
        }
      }
    }
  }

  /// The pairs of kinds a type allows from and to, as ``pair(_:_:)`` bits.
  private static func allowedPairs(_ type: RelationType) -> UInt32 {
    var pairs: UInt32 = 0
    for from in EntityKind.allCases {
      for to in EntityKind.allCases where type.allows(from: from, to: to) { pairs |= pair(from, to) }
    }
    return pairs
  }

  /// One bit for each pair of kinds (from, to).
  private static func pair(_ from: EntityKind, _ to: EntityKind) -> UInt32 {
    1 << UInt32(from.order * 5 + to.order)
  }

  // MARK: Claims

  /// The kinds a claimant or reporter may be.
  private static let attributable = Kinds(.person, .organisation, .document)

  private mutating func checkClaims() {
    graph.claims.withUnsafeBufferPointer { claims in
      for position in claims.indices {
        if position % Self.citationRun == 0 {
          lookUpCitations(position..<min(position + Self.citationRun, claims.count)) { claims[$0].sources }
        }
        checkClaim(claims, at: position)
      }
    }
  }

  /// Checks one claim, reading its fields in place (no copy of the whole claim).
  private mutating func checkClaim(_ claims: UnsafeBufferPointer<Claim>, at position: Int) {
    func provenance() -> Provenance { claims[position].provenance }
    if claims[position].subject.isEmpty {
      report(.error, .malformedClaim, "a claim needs a subject", provenance(), "subject")
    } else if graph.index.claimSubjects[position] == nil {
      dangling(claims[position].subject, field: "subject", in: provenance())
    }
    if Self.isBlank(claims[position].property) {
      report(.error, .malformedClaim, "a claim needs a property (what is claimed, such as 'civilians killed')", provenance(), "property")
    }
    switch claims[position].value {
    case .range(let low, let high) where low > high:
      report(.error, .malformedClaim, "the range's low value \(low) is greater than its high value \(high)", provenance(), "value")
    case .text(let text) where text.isEmpty:
      report(.error, .malformedClaim, "a claim's value must not be empty", provenance(), "value")
    default:
      break
    }
    if let claimant = claims[position].claimant {
      checkReference(claimant, field: "claimant", expected: Self.attributable, in: provenance())
    }
    if let reporter = claims[position].reportedBy {
      checkReference(reporter, field: "reportedBy", expected: Self.attributable, in: provenance())
    }
    if claims[position].sources.isEmpty {
      let claim = claims[position]
      report(.warning, .unsourcedClaim,
             "the claim that '\(claim.subject)' \(claim.property) = \(claim.valueText()) has no source", provenance(), "value")
    }
    checkSources(claims[position].sources, field: "sources", in: provenance(), batched: true)
  }

  /// Whether a text is empty or only white space; a text starting with a visible
  /// ASCII character is answered from its first byte.
  static func isBlank(_ text: String) -> Bool {
    if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
    return text.allSatisfy(\.isWhitespace)
  }

  // MARK: Graph-wide

  private mutating func checkAnachronisms() {
    let entities = graph.entities
    // Only `cites` and `reports` edges can be anachronisms: their type numbers, found once.
    let cites = graph.edges.typesEqual(to: RelationType.cites.id)
    let reports = graph.edges.typesEqual(to: RelationType.reports.id)
    for stored in graph.edges.stored {
      let isCites = cites[Int(stored.type)]
      guard stored.relation >= 0, isCites || reports[Int(stored.type)] else { continue }
      let from = Int(stored.from), to = Int(stored.to)
      guard let citingDate = entities[from].date, let latest = citingDate.latest,
        let otherDate = entities[to].date, let earliest = otherDate.earliest, earliest > latest
      else { continue }
      let relation = graph.relations[Int(stored.relation)]
      let citing = entities[from].id
      let other = entities[to].id
      let otherKind = entities[to].kind
      if isCites, otherKind == .document {
        report(.warning, .anachronism,
               "'\(citing)' (dated \(citingDate)) cites '\(other)', which is dated later (\(otherDate))",
               relation.provenance, "to")
      } else if !isCites, otherKind == .event {
        report(.warning, .anachronism,
               "'\(citing)' (dated \(citingDate)) reports '\(other)', which begins later (\(otherDate))",
               relation.provenance, "to")
      }
    }
  }

  /// Finds cycles with an iterative depth-first search (no recursion: a million-long
  /// chain must not overflow the stack) and reports each once, from its first entity.
  private mutating func checkCycles(of type: String) {
    let count = graph.count
    var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on stack, 2 done
    let stored = graph.edges.stored
    let outgoing = graph.index.outgoing
    let matches = graph.edges.typesEqual(to: type)
    // Only entities with an edge of this type can be on a cycle; the others are done.
    var hasEdge = [Bool](repeating: false, count: count)
    for edge in stored where matches[Int(edge.type)] { hasEdge[Int(edge.from)] = true }
    var reported = Set<[EntityIndex]>()
    // Each entity on the stack with the next of its outgoing slots to follow (its
    // edges sorted by type, then end, as `outgoing(from:type:)` lists them).
    var stack: [(node: EntityIndex, next: Int, end: Int)] = []
    var path: [EntityIndex] = []
    for start in 0..<count where state[start] == 0 {
      guard hasEdge[start] else {
        state[start] = 2
        continue
      }
      let root = EntityIndex(start)
      let rootSlots = outgoing.range(of: start)
      stack.append((root, rootSlots.lowerBound, rootSlots.upperBound))
      path.append(root)
      state[start] = 1
      while !stack.isEmpty {
        let top = stack.count - 1
        if stack[top].next < stack[top].end {
          let edge = stored[outgoing.item(at: stack[top].next)]
          stack[top].next += 1
          guard matches[Int(edge.type)] else { continue }
          let target = EntityIndex(rawValue: edge.to)
          switch state[target.int] {
          case 0:
            state[target.int] = 1
            path.append(target)
            let slots = hasEdge[target.int] ? outgoing.range(of: target.int) : 0..<0
            stack.append((target, slots.lowerBound, slots.upperBound))
          case 1:
            if let begin = path.lastIndex(of: target) {
              let cycle = Array(path[begin...])
              let rotated = Self.canonicalRotation(cycle)
              if reported.insert(rotated).inserted { reportCycle(rotated, type: type) }
            }
          default:
            break
          }
        } else {
          state[stack[top].node.int] = 2
          stack.removeLast()
          path.removeLast()
        }
      }
    }
  }

  private static func canonicalRotation(_ cycle: [EntityIndex]) -> [EntityIndex] {
    guard let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
    return Array(cycle[smallest...] + cycle[..<smallest])
  }

  private mutating func reportCycle(_ cycle: [EntityIndex], type: String) {
    let names = (cycle + [cycle[0]]).map { "'\(graph[$0].id)'" }.joined(separator: " → ")
    let first = graph[cycle[0]]
    report(.warning, .cycle, "cycle in '\(type)': \(names)", first.provenance, "id")
  }

  /// Warns about the entities nothing refers to: `referenced` holds the entities the
  /// other checks' references named (citations, organisations, claimants, reporters),
  /// to which this adds the ends of edges, the claims' subjects and the people who
  /// hold a position.
  private mutating func checkUnrelated(referenced: [Bool]) {
    var related = referenced
    related.withUnsafeMutableBufferPointer { related in
      graph.edges.stored.withUnsafeBufferPointer { edges in
        for position in edges.indices {
          related[Int(edges[position].from)] = true
          related[Int(edges[position].to)] = true
        }
      }
      for subject in graph.index.claimSubjects { if let subject { related[subject.int] = true } }
      graph.entities.withUnsafeBufferPointer { entities in
        for position in entities.indices where !entities[position].positions.isEmpty {
          if let index = graph.index.byID.position(of: entities[position].id, in: entities) { related[index.int] = true }
        }
      }
    }
    for position in graph.entities.indices where !related[position] {
      let entity = graph.entities[position]
      report(.warning, .unrelatedEntity,
             "\(entity.kind) '\(entity.id)' is not related to anything (no relation, reference, citation or claim)",
             entity.provenance, "id")
    }
  }

  // MARK: Ids that look alike

  /// Warns about ids that differ only in Unicode normalisation (`café` with a
  /// precomposed `é` and with `e` + U+0301): they look the same but are two entities,
  /// because ids are compared code point by code point.
  private mutating func checkLookAlikeIDs() {
    let entities = graph.entities
    // Canonically equivalent spellings need a code point beyond ASCII in at least one.
    guard entities.contains(where: { !Self.isASCII($0.id) }) else { return }
    var firstBySpelling: [String: Int] = [:]  // `String` keys: canonically equivalent ids meet
    firstBySpelling.reserveCapacity(entities.count)
    for position in entities.indices {
      let id = entities[position].id
      guard let first = firstBySpelling[id] else {
        firstBySpelling[id] = position
        continue
      }
      let other = entities[first]
      guard !IdentifierKey.sameCodePoints(other.id, id) else { continue }
      let elsewhere = other.provenance.file != entities[position].provenance.file ? other.provenance.file : nil
      let place = other.provenance.position(of: "id").map { " at \(elsewhere.map { "\($0):" } ?? "")\($0)" } ?? ""
      report(.warning, .lookAlikeIDs,
             "id '\(id)' differs only in Unicode normalisation from '\(other.id)'\(place) "
               + "(\(Self.differingCodePoints(id, other.id))); they are two different entities: spell both the "
               + "same way if they are one",
             entities[position].provenance, "id")
    }
    canonicalIDs = firstBySpelling
  }

  /// The id of an entity that is canonically equivalent to `id` but spelt with other
  /// code points, if any. The table is built at most once, and only when `id` or some
  /// entity's id goes beyond ASCII.
  private mutating func lookAlike(of id: String) -> String? {
    if canonicalIDs == nil {
      guard !Self.isASCII(id) else { return nil }
      var table: [String: Int] = [:]
      for position in graph.entities.indices where table[graph.entities[position].id] == nil {
        table[graph.entities[position].id] = position
      }
      canonicalIDs = table
    }
    guard let position = canonicalIDs?[id] else { return nil }
    let twin = graph.entities[position].id
    return IdentifierKey.sameCodePoints(twin, id) ? nil : twin
  }

  private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

  /// What tells two look-alike spellings apart: the code points where they differ
  /// (after what they share at the start and at the end), written `U+00E9`, at most 8
  /// of each: `U+0065 U+0301 here, U+00E9 there`.
  static func differingCodePoints(_ here: String, _ there: String) -> String {
    let left = Array(here.unicodeScalars), right = Array(there.unicodeScalars)
    var start = 0
    while start < min(left.count, right.count), left[start] == right[start] { start += 1 }
    var end = 0
    while end < min(left.count, right.count) - start, left[left.count - 1 - end] == right[right.count - 1 - end] {
      end += 1
    }
    func written(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
      let shown = scalars.prefix(8).map { "U+" + InputError.hex($0.value) }
      return shown.isEmpty ? "nothing" : shown.joined(separator: " ") + (scalars.count > 8 ? " …" : "")
    }
    return written(left[start..<(left.count - end)]) + " here, " + written(right[start..<(right.count - end)]) + " there"
  }

  // MARK: Helpers

  /// How many entities, relations or claims have their citations looked up together.
  private static let citationRun = 1024

  /// Looks up the documents cited by `sources(item)` for the items of `run`, in order,
  /// in one batched lookup (``IdentifierTable/positions(count:of:in:_:)``), for
  /// ``checkSources(_:field:in:batched:)`` to take one after another.
  private mutating func lookUpCitations(_ run: Range<Int>, _ sources: (Int) -> [Citation]) {
    var documents: [String] = []
    for item in run { for source in sources(item) { documents.append(source.document) } }
    var found: [EntityIndex?] = []
    found.reserveCapacity(documents.count)
    graph.entities.withUnsafeBufferPointer { entities in
      graph.index.byID.positions(count: documents.count, of: { documents[$0] }, in: entities) { found.append($1) }
    }
    cited = found
    citedTaken = 0
  }

  /// Checks the cited documents; `batched`: they were looked up by ``lookUpCitations(_:_:)``,
  /// and are taken in order from there.
  private mutating func checkSources(
    _ sources: [Citation], field: String, in provenance: @autoclosure () -> Provenance, batched: Bool = false
  ) {
    for (index, source) in sources.enumerated() {
      let target: EntityIndex?
      if batched {
        target = cited[citedTaken]
        citedTaken += 1
      } else {
        target = graph.index(of: source.document)
      }
      checkReference(source.document, target: target, field: "\(field)[\(index)].document", expected: Self.documents,
                     in: provenance())
    }
  }

  /// Checks that `id` names an entity of an expected kind; `field` is made into text
  /// only for a diagnostic.
  private mutating func checkReference(
    _ id: String, field: @autoclosure () -> String, expected: Kinds, in provenance: @autoclosure () -> Provenance
  ) {
    checkReference(id, target: graph.index(of: id), field: field(), expected: expected, in: provenance())
  }

  /// ``checkReference(_:field:expected:in:)`` for an id already looked up: `target` is
  /// the entity with it, if any.
  private mutating func checkReference(
    _ id: String, target: EntityIndex?, field: @autoclosure () -> String, expected: Kinds,
    in provenance: @autoclosure () -> Provenance
  ) {
    guard let target else {
      dangling(id, field: field(), in: provenance())
      return
    }
    referenced[target.int] = true
    let kind = kinds[target.int]
    if !expected.contains(kind) {
      let kinds = expected.members.map(\.withArticle).joined(separator: " or ")
      let field = field()
      report(.error, .wrongKind, "'\(field)' must name \(kinds), but '\(id)' is \(kind.withArticle)", provenance(), field)
    }
  }

  private mutating func dangling(_ id: String, field: String, in provenance: Provenance) {
    let hint: String
    if let twin = lookAlike(of: id) {
      hint = "; the id '\(twin)' differs from it only in Unicode normalisation (\(Self.differingCodePoints(id, twin))), "
        + "and ids are compared code point by code point"
    } else {
      hint = graph.count <= 20_000 ? Suggestion.hint(for: id, in: graph.entities.lazy.map(\.id)) : ""
    }
    report(.error, .danglingReference, "'\(field)' refers to '\(id)', but no entity has that id\(hint)", provenance, field)
  }

  private mutating func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, _ message: String,
                               _ provenance: Provenance, _ field: String?) {
    found.append(Diagnostic(severity, code, message, file: provenance.file,
                            position: provenance.position(of: field), path: provenance.path(of: field)))
  }
}
