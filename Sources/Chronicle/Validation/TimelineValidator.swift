/// Checks a graph's meaning: references, kinds, signatures, claims, anachronisms,
/// cycles and loose ends. Returns diagnostics as values, in a stable order.
///
///     let diagnostics = TimelineValidator(graph: graph).diagnostics()
struct TimelineValidator {
  let graph: TimelineGraph
  private var found: [Diagnostic] = []

  init(graph: TimelineGraph) { self.graph = graph }

  /// Every problem found, entities first, then relations, claims and graph-wide checks.
  func diagnostics() -> [Diagnostic] {
    var validator = self
    validator.checkEntities()
    validator.checkRelations()
    validator.checkClaims()
    validator.checkAnachronisms()
    validator.checkCycles(of: RelationType.partOf.id)
    validator.checkCycles(of: RelationType.precedes.id)
    validator.checkUnrelated()
    return validator.found
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

  private mutating func checkEntities() {
    for entity in graph.entities {
      let provenance = entity.provenance
      let what = "\(entity.kind) '\(entity.id)'"
      if entity.id.isEmpty { report(.error, .emptyValue, "an id must not be empty", provenance, "id") }
      if entity.label.isEmpty {
        report(.error, .emptyValue, "\(what) has an empty \(entity.kind.labelKey)", provenance, entity.kind.labelKey)
      }
      let allowed = Self.kindFields[entity.kind] ?? []
      for field in Self.setFields(of: entity) where !allowed.contains(field) {
        let expected = allowed.isEmpty ? "none" : allowed.map { "'\($0)'" }.joined(separator: ", ")
        report(.error, .fieldNotAllowed,
               "\(entity.kind.withArticle) cannot have '\(field)' (fields of \(entity.kind.withArticle) beyond the common ones: \(expected))",
               provenance, field)
      }
      // An invalid date was already reported; do not also call the event undated.
      if entity.kind == .event, entity.date == nil, entity.provenance.fields["date"] == nil {
        report(.warning, .undatedEvent, "event '\(entity.id)' has no date; it is listed as undated", provenance, "id")
      }
      if let place = entity.place { checkReference(place, field: "place", expected: [.place], in: provenance) }
      if let parent = entity.partOf { checkReference(parent, field: "partOf", expected: [.event], in: provenance) }
      if let parent = entity.parent {
        checkReference(parent, field: "parent", expected: entity.kind == .place ? [.place] : [.organisation], in: provenance)
      }
      for (index, position) in entity.positions.enumerated() {
        if let organisation = position.organisation {
          checkReference(organisation, field: "positions[\(index)].organisation", expected: [.organisation], in: provenance)
        }
        checkSources(position.sources, field: "positions[\(index)].sources", in: provenance)
      }
      checkSources(entity.sources, field: "sources", in: provenance)
      for (index, identifier) in entity.identifiers.enumerated() {
        if let problem = identifier.problem {
          report(.error, .invalidIdentifier, problem, provenance, "identifiers[\(index)].value")
        }
      }
      if let coordinates = entity.coordinates,
        !(-90...90).contains(coordinates.latitude) || !(-180...180).contains(coordinates.longitude)
      {
        report(.error, .invalidCoordinates,
               "coordinates \(coordinates.latitude), \(coordinates.longitude) are out of range; expected latitude -90…90 and longitude -180…180",
               provenance, "coordinates")
      }
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
    for relation in graph.relations {
      let provenance = relation.provenance
      checkSources(relation.sources, field: "sources", in: provenance)
      let from = graph.entity(id: relation.from)
      let to = graph.entity(id: relation.to)
      if from == nil { dangling(relation.from, field: "from", in: provenance) }
      if to == nil { dangling(relation.to, field: "to", in: provenance) }
      guard let type = graph.relationType(relation.type) else {
        report(.error, .unknownRelationType,
               "unknown relation type '\(relation.type)'\(Suggestion.hint(for: relation.type, in: known)) (declare it under 'relationTypes')",
               provenance, "type")
        continue
      }
      if let from, let to, !type.allows(from: from.kind, to: to.kind) {
        report(.error, .relationSignature,
               "'\(relation.type)' cannot join \(from.kind.withArticle) ('\(from.id)') to \(to.kind.withArticle) ('\(to.id)'); expected \(type.signatureDescription)",
               provenance, "type")
      }
    }
  }

  // MARK: Claims

  private mutating func checkClaims() {
    for claim in graph.claims {
      let provenance = claim.provenance
      if claim.subject.isEmpty {
        report(.error, .malformedClaim, "a claim needs a subject", provenance, "subject")
      } else if graph.entity(id: claim.subject) == nil {
        dangling(claim.subject, field: "subject", in: provenance)
      }
      if claim.property.allSatisfy(\.isWhitespace) {
        report(.error, .malformedClaim, "a claim needs a property (what is claimed, such as 'civilians killed')", provenance, "property")
      }
      switch claim.value {
      case .range(let low, let high) where low > high:
        report(.error, .malformedClaim, "the range's low value \(low) is greater than its high value \(high)", provenance, "value")
      case .text(let text) where text.isEmpty:
        report(.error, .malformedClaim, "a claim's value must not be empty", provenance, "value")
      default:
        break
      }
      let attributable: Set<EntityKind> = [.person, .organisation, .document]
      if let claimant = claim.claimant { checkReference(claimant, field: "claimant", expected: attributable, in: provenance) }
      if let reporter = claim.reportedBy { checkReference(reporter, field: "reportedBy", expected: attributable, in: provenance) }
      if claim.sources.isEmpty {
        report(.warning, .unsourcedClaim,
               "the claim that '\(claim.subject)' \(claim.property) = \(claim.valueText()) has no source", provenance, "value")
      }
      checkSources(claim.sources, field: "sources", in: provenance)
    }
  }

  // MARK: Graph-wide

  private mutating func checkAnachronisms() {
    for edge in graph.edges {
      guard let position = edge.relation else { continue }
      let citing = graph[edge.from]
      let other = graph[edge.to]
      guard let citingDate = citing.date, let latest = citingDate.latest,
        let otherDate = other.date, let earliest = otherDate.earliest, earliest > latest
      else { continue }
      let relation = graph.relations[position]
      if edge.type == RelationType.cites.id, other.kind == .document {
        report(.warning, .anachronism,
               "'\(citing.id)' (dated \(citingDate)) cites '\(other.id)', which is dated later (\(otherDate))",
               relation.provenance, "to")
      } else if edge.type == RelationType.reports.id, other.kind == .event {
        report(.warning, .anachronism,
               "'\(citing.id)' (dated \(citingDate)) reports '\(other.id)', which begins later (\(otherDate))",
               relation.provenance, "to")
      }
    }
  }

  /// Finds cycles with an iterative depth-first search (no recursion: a million-long
  /// chain must not overflow the stack) and reports each once, from its first entity.
  private mutating func checkCycles(of type: String) {
    let count = graph.count
    var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on stack, 2 done
    var reported = Set<[EntityIndex]>()
    for start in 0..<count where state[start] == 0 {
      var stack: [(node: EntityIndex, next: Int, edges: [Edge])] = []
      var path: [EntityIndex] = []
      let root = EntityIndex(start)
      stack.append((root, 0, graph.outgoing(from: root, type: type)))
      path.append(root)
      state[start] = 1
      while !stack.isEmpty {
        let top = stack.count - 1
        if stack[top].next < stack[top].edges.count {
          let edge = stack[top].edges[stack[top].next]
          stack[top].next += 1
          let target = edge.to
          switch state[target.int] {
          case 0:
            state[target.int] = 1
            path.append(target)
            stack.append((target, 0, graph.outgoing(from: target, type: type)))
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

  private mutating func checkUnrelated() {
    var related = [Bool](repeating: false, count: graph.count)
    func mark(_ id: String?) {
      if let id, let index = graph.index(of: id) { related[index.int] = true }
    }
    for edge in graph.edges {
      related[edge.from.int] = true
      related[edge.to.int] = true
    }
    func markSources(_ sources: [Citation]) { for source in sources { mark(source.document) } }
    for entity in graph.entities {
      markSources(entity.sources)
      for position in entity.positions {
        mark(position.organisation)
        markSources(position.sources)
      }
      if !entity.positions.isEmpty { mark(entity.id) }
    }
    for relation in graph.relations { markSources(relation.sources) }
    for claim in graph.claims {
      mark(claim.subject)
      mark(claim.claimant)
      mark(claim.reportedBy)
      markSources(claim.sources)
    }
    for (position, entity) in graph.entities.enumerated() where !related[position] {
      report(.warning, .unrelatedEntity,
             "\(entity.kind) '\(entity.id)' is not related to anything (no relation, reference, citation or claim)",
             entity.provenance, "id")
    }
  }

  // MARK: Helpers

  private mutating func checkSources(_ sources: [Citation], field: String, in provenance: Provenance) {
    for (index, source) in sources.enumerated() {
      checkReference(source.document, field: "\(field)[\(index)].document", expected: [.document], in: provenance)
    }
  }

  private mutating func checkReference(_ id: String, field: String, expected: Set<EntityKind>, in provenance: Provenance) {
    guard let target = graph.entity(id: id) else {
      dangling(id, field: field, in: provenance)
      return
    }
    if !expected.contains(target.kind) {
      let kinds = expected.sorted().map(\.withArticle).joined(separator: " or ")
      report(.error, .wrongKind, "'\(field)' must name \(kinds), but '\(id)' is \(target.kind.withArticle)", provenance, field)
    }
  }

  private mutating func dangling(_ id: String, field: String, in provenance: Provenance) {
    let hint = graph.count <= 20_000 ? Suggestion.hint(for: id, in: graph.entities.lazy.map(\.id)) : ""
    report(.error, .danglingReference, "'\(field)' refers to '\(id)', but no entity has that id\(hint)", provenance, field)
  }

  private mutating func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, _ message: String,
                               _ provenance: Provenance, _ field: String?) {
    found.append(Diagnostic(severity, code, message, file: provenance.file,
                            position: provenance.position(of: field), path: provenance.path(of: field)))
  }
}
