import Testing
@testable import Chronicle

/// `filtered(by:)` works from resolved indices and the focus's neighbourhood; these
/// tests hold it to a plain reading of ``GraphFilter``'s documentation, written the
/// slow way with ids, on a generated graph and many combinations of criteria.
struct GraphFilterOracleTests {
  static let graph: TimelineGraph = {
    do { return try TimelineGenerator(events: 300, seed: 23).graph() } catch { fatalError("\(error)") }
  }()

  /// What a filter keeps, computed as the documentation says it, with ids and sets.
  static func expected(_ graph: TimelineGraph, _ filter: GraphFilter) -> TimelineGraph {
    // Ids as their UTF-8 bytes: `String ==` would equate NFC and NFD spellings.
    var keep = Set(graph.entities.map(\.id.bytes))
    if filter.from != nil || filter.to != nil {
      // Overlap, checked entity by entity (not through `entities(between:and:)`).
      let low = filter.from?.earliest, high = filter.to?.latest
      for entity in graph.entities where entity.kind == .event || entity.kind == .document {
        var inWindow = entity.date != nil
        if let date = entity.date {
          if let low, let latest = date.latest, latest < low { inWindow = false }
          if let high, let earliest = date.earliest, earliest > high { inWindow = false }
        }
        if !inWindow { keep.remove(entity.id.bytes) }
      }
    }
    if let kinds = filter.kinds {
      for entity in graph.entities where !kinds.contains(entity.kind) { keep.remove(entity.id.bytes) }
    }
    if let focus = filter.focus {
      let near = Set(graph.neighbourhood(of: focus, depth: filter.depth, relationTypes: filter.relationTypes).map { graph[$0].id.bytes })
      keep.formIntersection(near)
    }
    if let match = filter.match {
      keep.formIntersection(graph.entities(matching: match).map { graph[$0].id.bytes })
    }
    let known = Set(graph.entities.map(\.id.bytes))
    let relations = graph.relations.filter {
      keep.contains($0.from.bytes) && keep.contains($0.to.bytes) && (filter.relationTypes?.contains($0.type) ?? true)
    }
    let claims = graph.claims.filter { keep.contains($0.subject.bytes) }
    var companions = Set<[UInt8]>()
    func cite(_ sources: [Citation]) { companions.formUnion(sources.map(\.document.bytes)) }
    for entity in graph.entities where keep.contains(entity.id.bytes) {
      cite(entity.sources)
      for held in entity.positions {
        cite(held.sources)
        if let organisation = held.organisation { companions.insert(organisation.bytes) }
      }
    }
    for relation in relations { cite(relation.sources) }
    for claim in claims {
      cite(claim.sources)
      if let claimant = claim.claimant { companions.insert(claimant.bytes) }
      if let reporter = claim.reportedBy { companions.insert(reporter.bytes) }
    }
    keep.formUnion(companions.intersection(known))
    var kept = graph.entities.filter { keep.contains($0.id.bytes) }
    for position in kept.indices {
      if let place = kept[position].place, !keep.contains(place.bytes) { kept[position].place = nil }
      if let parent = kept[position].partOf, !keep.contains(parent.bytes) { kept[position].partOf = nil }
      if let parent = kept[position].parent, !keep.contains(parent.bytes) { kept[position].parent = nil }
    }
    return TimelineGraph(title: graph.title, entities: kept, relations: relations, claims: claims,
                         declaredRelationTypes: graph.declaredRelationTypes)
  }

  static var filters: [GraphFilter] {
    let graph = Self.graph
    let middle = graph[graph.chronological[graph.chronological.count / 2]].id
    let person = graph.entities.first { $0.kind == .person }?.id ?? middle
    let dates = ["1900", "1950/1960", "1992-02", "2001", "2020"].compactMap { try? EDTFDate($0) }
    var filters: [GraphFilter] = [
      GraphFilter(from: dates[1]), GraphFilter(to: dates[2]), GraphFilter(from: dates[0], to: dates[3]),
      GraphFilter(from: dates[2], to: dates[2]), GraphFilter(kinds: [.event]), GraphFilter(kinds: [.person, .document]),
      GraphFilter(relationTypes: ["participant"]), GraphFilter(relationTypes: ["reports", "cites"]),
      GraphFilter(focus: middle), GraphFilter(focus: middle, depth: 0), GraphFilter(focus: middle, depth: 3),
      GraphFilter(focus: person, depth: 2), GraphFilter(focus: "no-such-id", depth: 2),
      GraphFilter(match: "a"), GraphFilter(match: ""), GraphFilter(match: "xocali"), GraphFilter(match: "assault"), GraphFilter(match: "zzzz-none"),
    ]
    filters += [
      GraphFilter(from: dates[0], to: dates[4], kinds: [.event, .place], relationTypes: ["located-in", "participant"]),
      GraphFilter(from: dates[1], kinds: [.event, .person], focus: person, depth: 2),
      GraphFilter(relationTypes: ["participant"], focus: middle, depth: 2, match: "e"),
      GraphFilter(to: dates[3], match: "assault"),
    ]
    return filters
  }

  @Test(arguments: filters)
  func filteringKeepsWhatTheDocumentationSays(_ filter: GraphFilter) {
    let got = Self.graph.filtered(by: filter)
    let want = Self.expected(Self.graph, filter)
    #expect(got == want)
    #expect(got.entities.map(\.id.bytes) == want.entities.map(\.id.bytes))
    #expect(got.relations.count == want.relations.count && got.claims.count == want.claims.count)
  }

  /// Look-alike ids (NFC and NFD), a relation to no entity and a claim about none.
  @Test(arguments: [
    GraphFilter(focus: "caf\u{E9}"), GraphFilter(focus: "cafe\u{301}", depth: 2), GraphFilter(match: "caf"),
    GraphFilter(kinds: [.person]), GraphFilter(from: try! EDTFDate("1992"), to: try! EDTFDate("1992")),
  ])
  func lookAlikeIdsAndLooseEnds(_ filter: GraphFilter) {
    var builder = TimelineBuilder()
    var event = Entity(id: "e", kind: .event, label: "E")
    event.date = try? EDTFDate("1992-02-26")
    builder.add(event)
    builder.add(Entity(id: "caf\u{E9}", kind: .person, label: "NFC"))
    builder.add(Entity(id: "cafe\u{301}", kind: .person, label: "NFD"))
    builder.add(Relation(from: "caf\u{E9}", type: "participant", to: "e"))
    builder.add(Relation(from: "cafe\u{301}", type: "participant", to: "nowhere"))
    builder.add(Claim(subject: "cafe\u{301}", property: "age", value: .number(ClaimNumber(1))))
    builder.add(Claim(subject: "ghost", property: "age", value: .number(ClaimNumber(2))))
    let graph = builder.validate().graph
    let got = graph.filtered(by: filter)
    let want = Self.expected(graph, filter)
    #expect(got.entities.map(\.id.bytes) == want.entities.map(\.id.bytes))
    #expect(got.relations.map(\.from.bytes) == want.relations.map(\.from.bytes))
    #expect(got.claims.map(\.subject.bytes) == want.claims.map(\.subject.bytes))
  }

  /// Above the threshold the search runs on two threads; the answer is the linear one.
  @Test func textMatchOnALargeGraphIsTheLinearScan() throws {
    let graph = try TimelineGenerator(events: 15_000, seed: 5).graph()
    #expect(graph.count > TimelineGraph.parallelSearchThreshold)
    for needle in ["assault", "a", "xocali", "zzzz-none"] {
      let matcher = TextMatcher(needle)
      let linear = graph.entities.withUnsafeBufferPointer { buffer in
        buffer.indices.filter { matcher.matches(buffer, at: $0) }.map(EntityIndex.init)
      }
      #expect(graph.entities(matching: needle) == linear, "\(needle)")
    }
  }

  /// The combinations are not trivial: most keep part of the graph, not all or nothing.
  @Test func filtersKeepPartOfTheGraph() {
    let sizes = Self.filters.map { Self.graph.filtered(by: $0).count }
    #expect(sizes.filter { $0 > 0 && $0 < Self.graph.count }.count >= 15, "\(sizes)")
  }
}

extension String {
  /// The UTF-8 bytes, to compare ids code point by code point.
  fileprivate var bytes: [UInt8] { Array(utf8) }
}
