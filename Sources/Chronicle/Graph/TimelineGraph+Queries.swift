import Foundation

extension TimelineGraph {
  /// Events and documents whose dates overlap the days from `start`'s earliest to
  /// `end`'s latest, in chronological order. A nil end leaves that side open.
  ///
  ///     let in1992 = graph.entities(between: try EDTFDate("1992"), and: try EDTFDate("1992"))
  public func entities(between start: EDTFDate?, and end: EDTFDate?) -> [EntityIndex] {
    let low = start?.earliest
    let high = end?.latest
    let chronological = index.chronological
    // The order is by earliest day (none first): what begins after `high` is a suffix.
    var count = chronological.count
    if let high {
      var lower = 0
      while lower < count {
        let middle = lower + (count - lower) / 2
        if let earliest = self[chronological[middle]].date?.earliest, earliest > high {
          count = middle
        } else {
          lower = middle + 1
        }
      }
    }
    return chronological[..<count].filter { index in
      guard let date = self[index].date else { return false }
      if let low, let latest = date.latest, latest < low { return false }
      if let high, let earliest = date.earliest, earliest > high { return false }
      return true
    }
  }

  /// The entities of the given kinds, in the order added.
  public func entities(ofKinds kinds: Set<EntityKind>) -> [EntityIndex] {
    entities.indices.filter { kinds.contains(entities[$0].kind) }.map(EntityIndex.init)
  }

  /// The relations of the given types, in the order added.
  public func relations(ofTypes types: Set<String>) -> [Relation] {
    relations.filter { types.contains($0.type) }
  }

  /// The entities within `depth` edges of `focus`, in either direction (its ego network),
  /// including `focus` itself; empty if no entity has that id.
  public func neighbourhood(of focus: String, depth: Int, relationTypes: Set<String>? = nil) -> Set<EntityIndex> {
    guard let start = index(of: focus) else { return [] }
    var seen: Set<EntityIndex> = [start]
    var frontier = [start]
    var level = 0
    let stored = index.edges.stored
    // Whether each type number is one of the types asked for: one look-up per type, not per edge.
    let allowed = relationTypes.map { types in index.edges.typeNames.map { types.contains($0) } }
    while level < max(0, depth), !frontier.isEmpty {
      var next: [EntityIndex] = []
      /// Follows the edges `table` files under `node`.
      func follow(_ table: OffsetTable, from node: EntityIndex) {
        for slot in table.range(of: node.int) {
          let edge = stored[table.item(at: slot)]
          if let allowed, !allowed[Int(edge.type)] { continue }
          let other = EntityIndex(rawValue: edge.from == node.rawValue ? edge.to : edge.from)
          if seen.insert(other).inserted { next.append(other) }
        }
      }
      for node in frontier {
        follow(index.outgoing, from: node)
        follow(index.incoming, from: node)
      }
      frontier = next
      level += 1
    }
    return seen
  }

  /// The entities whose id, label, aliases, description or notes contain `text`,
  /// ignoring case and diacritics (`xocali` finds `Xocalı`), in the order added.
  ///
  /// A large graph is searched in two halves on two threads.
  public func entities(matching text: String) -> [EntityIndex] {
    let matcher = TextMatcher(text)
    guard !matcher.isEmpty else { return [] }
    return entities.withUnsafeBufferPointer { buffer in
      func search(_ range: Range<Int>) -> [EntityIndex] {
        var found: [EntityIndex] = []
        for position in range where matcher.matches(buffer, at: position) { found.append(EntityIndex(position)) }
        return found
      }
      guard buffer.count > Self.parallelSearchThreshold else { return search(buffer.indices) }
      let halves = [0..<buffer.count / 2, buffer.count / 2..<buffer.count]
      return TwoThreads.run { search(halves[$0]) }.flatMap { $0 }
    }
  }

  /// Above this many entities, ``entities(matching:)`` searches on two threads.
  static let parallelSearchThreshold = 20_000

  /// The part of the graph a filter keeps, as a new graph.
  ///
  /// The criteria are tested on every entity, or only on the focus's neighbourhood when
  /// there is a focus; then one pass over the relations' resolved ends, one over the
  /// claims' subjects and two over a flag per entity, with no relation end looked up by
  /// id again; then the new graph's index, which grows with what is kept.
  public func filtered(by filter: GraphFilter) -> TimelineGraph {
    guard !filter.isEmpty else { return self }
    let low = filter.from?.earliest
    let high = filter.to?.latest
    let windowed = filter.from != nil || filter.to != nil
    let matcher = filter.match.map(TextMatcher.init)
    var keep = [Bool](repeating: false, count: count)
    entities.withUnsafeBufferPointer { entities in
      func passes(_ position: Int) -> Bool {
        let kind = entities[position].kind
        if let kinds = filter.kinds, !kinds.contains(kind) { return false }
        if windowed, kind == .event || kind == .document {
          guard let date = entities[position].date else { return false }
          if let low, let latest = date.latest, latest < low { return false }
          if let high, let earliest = date.earliest, earliest > high { return false }
        }
        if let matcher, !matcher.matches(entities, at: position) { return false }
        return true
      }
      if let focus = filter.focus {
        for near in neighbourhood(of: focus, depth: filter.depth, relationTypes: filter.relationTypes)
        where passes(near.int) {
          keep[near.int] = true
        }
      } else {
        for position in entities.indices where passes(position) { keep[position] = true }
      }
    }

    // Relations between kept entities, claims about them, from the resolved ends.
    var relationPositions: [Int] = []
    let ends = index.relationEnds
    for position in ends.indices {
      let end = ends[position]
      guard let from = end.from, let to = end.to, keep[from.int], keep[to.int]
      else { continue }
      if let types = filter.relationTypes, !types.contains(relations[position].type) { continue }
      relationPositions.append(position)
    }
    var claimPositions: [Int] = []
    for position in index.claimSubjects.indices {
      if let subject = index.claimSubjects[position], keep[subject.int] { claimPositions.append(position) }
    }

    // Keep the documents that what remains cites, the claimants and reporters of kept
    // claims and the organisations of positions, so nothing loses its source or attribution.
    var companions: [EntityIndex] = []
    func add(_ id: String?) { if let id, let found = index(of: id) { companions.append(found) } }
    func cite(_ sources: [Citation]) { for source in sources { add(source.document) } }
    for position in keep.indices where keep[position] {
      cite(entities[position].sources)
      for held in entities[position].positions {
        cite(held.sources)
        add(held.organisation)
      }
    }
    for position in relationPositions { cite(relations[position].sources) }
    for position in claimPositions {
      cite(claims[position].sources)
      add(claims[position].claimant)
      add(claims[position].reportedBy)
    }
    for companion in companions { keep[companion.int] = true }

    func isKept(_ id: String) -> Bool { index(of: id).map { keep[$0.int] } ?? false }
    var kept: [Entity] = []
    for position in keep.indices where keep[position] {
      var entity = entities[position]
      // A field that names an entity left out is cleared: the filtered graph stays valid.
      if let place = entity.place, !isKept(place) { entity.place = nil }
      if let parent = entity.partOf, !isKept(parent) { entity.partOf = nil }
      if let parent = entity.parent, !isKept(parent) { entity.parent = nil }
      kept.append(entity)
    }
    return TimelineGraph(title: title, entities: kept, relations: relationPositions.map { relations[$0] },
                         claims: claimPositions.map { claims[$0] }, declaredRelationTypes: declaredRelationTypes)
  }
}
