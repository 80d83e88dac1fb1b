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
    var keep = Set(graph.entities.map(\.id))
    if filter.from != nil || filter.to != nil {
      let inWindow = Set(graph.entities(between: filter.from, and: filter.to).map { graph[$0].id })
      for entity in graph.entities where (entity.kind == .event || entity.kind == .document) && !inWindow.contains(entity.id) {
        keep.remove(entity.id)
      }
    }
    if let kinds = filter.kinds {
      for entity in graph.entities where !kinds.contains(entity.kind) { keep.remove(entity.id) }
    }
    if let focus = filter.focus {
      let near = Set(graph.neighbourhood(of: focus, depth: filter.depth, relationTypes: filter.relationTypes).map { graph[$0].id })
      keep.formIntersection(near)
    }
    if let match = filter.match {
      keep.formIntersection(graph.entities(matching: match).map { graph[$0].id })
    }
    let relations = graph.relations.filter {
      keep.contains($0.from) && keep.contains($0.to) && (filter.relationTypes?.contains($0.type) ?? true)
    }
    let claims = graph.claims.filter { keep.contains($0.subject) }
    var companions = Set<String>()
    for entity in graph.entities where keep.contains(entity.id) {
      companions.formUnion(entity.sources.map(\.document))
      for held in entity.positions {
        companions.formUnion(held.sources.map(\.document))
        if let organisation = held.organisation { companions.insert(organisation) }
      }
    }
    for relation in relations { companions.formUnion(relation.sources.map(\.document)) }
    for claim in claims {
      companions.formUnion(claim.sources.map(\.document))
      if let claimant = claim.claimant { companions.insert(claimant) }
      if let reporter = claim.reportedBy { companions.insert(reporter) }
    }
    keep.formUnion(companions.filter { graph.entity(id: $0) != nil })
    var kept = graph.entities.filter { keep.contains($0.id) }
    for position in kept.indices {
      if let place = kept[position].place, !keep.contains(place) { kept[position].place = nil }
      if let parent = kept[position].partOf, !keep.contains(parent) { kept[position].partOf = nil }
      if let parent = kept[position].parent, !keep.contains(parent) { kept[position].parent = nil }
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
      GraphFilter(match: "a"), GraphFilter(match: "xocali"), GraphFilter(match: "assault"), GraphFilter(match: "zzzz-none"),
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
    #expect(got.entities.map(\.id) == want.entities.map(\.id))
    #expect(got.relations.count == want.relations.count && got.claims.count == want.claims.count)
  }

  /// The combinations are not trivial: most keep part of the graph, not all or nothing.
  @Test func filtersKeepPartOfTheGraph() {
    let sizes = Self.filters.map { Self.graph.filtered(by: $0).count }
    #expect(sizes.filter { $0 > 0 && $0 < Self.graph.count }.count >= 15, "\(sizes)")
  }
}
