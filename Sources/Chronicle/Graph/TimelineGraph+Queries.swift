import Foundation

extension TimelineGraph {
  /// Events and documents whose dates overlap the days from `start`'s earliest to
  /// `end`'s latest, in chronological order. A nil end leaves that side open.
  ///
  ///     let in1992 = graph.entities(between: try EDTFDate("1992"), and: try EDTFDate("1992"))
  public func entities(between start: EDTFDate?, and end: EDTFDate?) -> [EntityIndex] {
    let low = start?.earliest
    let high = end?.latest
    return chronological.filter { index in
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
    while level < max(0, depth), !frontier.isEmpty {
      var next: [EntityIndex] = []
      for node in frontier {
        for edgeIndex in index.outgoing[node.int] + index.incoming[node.int] {
          let edge = index.edges[edgeIndex]
          if let relationTypes, !relationTypes.contains(edge.type) { continue }
          let other = edge.from == node ? edge.to : edge.from
          if seen.insert(other).inserted { next.append(other) }
        }
      }
      frontier = next
      level += 1
    }
    return seen
  }

  /// The entities whose id, label, aliases, description or notes contain `text`,
  /// ignoring case and diacritics (`xocali` finds `Xocalı`), in the order added.
  public func entities(matching text: String) -> [EntityIndex] {
    let needle = Self.folded(text)
    guard !needle.isEmpty else { return [] }
    let asciiNeedle: [UInt8]? = needle.utf8.allSatisfy { $0 < 0x80 } ? Array(needle.utf8) : nil
    func matches(_ field: String) -> Bool {
      switch Self.asciiContains(field, asciiNeedle) {
      case .some(let found): found
      case nil: Self.folded(field).contains(needle)
      }
    }
    var found: [EntityIndex] = []
    entities.withUnsafeBufferPointer { buffer in
      for position in buffer.indices {
        if matches(buffer[position].id) || matches(buffer[position].label)
          || buffer[position].aliases.contains(where: matches) || buffer[position].notes.contains(where: matches)
          || buffer[position].summary.map(matches) == true
        {
          found.append(EntityIndex(position))
        }
      }
    }
    return found
  }

  static func folded(_ text: String) -> String {
    // Dotless ı has no decomposition; fold it by hand so 'Xocali' finds 'Xocalı'.
    text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
      .replacingOccurrences(of: "ı", with: "i")
  }

  /// Whether `field`, folded, contains the folded needle, answered without folding
  /// when the field is ASCII (folding ASCII only lowercases it); nil when the field is
  /// not ASCII. `needle` is the folded needle's bytes when they are ASCII, else nil
  /// (an ASCII field cannot contain it).
  static func asciiContains(_ field: String, _ needle: [UInt8]?) -> Bool? {
    var field = field
    return field.withUTF8 { bytes -> Bool? in
      for byte in bytes where byte >= 0x80 { return nil }
      guard let needle else { return false }
      guard needle.count <= bytes.count else { return false }
      if needle.isEmpty { return true }
      @inline(__always) func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
      }
      let first = needle[0]
      var start = 0
      while start + needle.count <= bytes.count {
        if lower(bytes[start]) == first {
          var offset = 1
          while offset < needle.count, lower(bytes[start + offset]) == needle[offset] { offset += 1 }
          if offset == needle.count { return true }
        }
        start += 1
      }
      return false
    }
  }

  /// The part of the graph a filter keeps, as a new graph.
  public func filtered(by filter: GraphFilter) -> TimelineGraph {
    guard !filter.isEmpty else { return self }
    var keep = [Bool](repeating: true, count: count)
    if filter.from != nil || filter.to != nil {
      let inWindow = Set(entities(between: filter.from, and: filter.to))
      for (position, entity) in entities.enumerated() where entity.kind == .event || entity.kind == .document {
        keep[position] = inWindow.contains(EntityIndex(position))
      }
    }
    if let kinds = filter.kinds {
      for (position, entity) in entities.enumerated() where !kinds.contains(entity.kind) { keep[position] = false }
    }
    if let focus = filter.focus {
      let near = neighbourhood(of: focus, depth: filter.depth, relationTypes: filter.relationTypes)
      for position in keep.indices where !near.contains(EntityIndex(position)) { keep[position] = false }
    }
    if let match = filter.match {
      let found = Set(entities(matching: match))
      for position in keep.indices where !found.contains(EntityIndex(position)) { keep[position] = false }
    }
    func kept(_ id: String) -> Bool { index(of: id).map { keep[$0.int] } ?? false }

    let relations = relations.filter { relation in
      kept(relation.from) && kept(relation.to) && (filter.relationTypes?.contains(relation.type) ?? true)
    }
    let claims = claims.filter { kept($0.subject) }
    // Keep the documents that what remains cites, the claimants and reporters of kept
    // claims and the organisations of positions, so nothing loses its source or attribution.
    var companions = Set<String>()
    func cite(_ sources: [Citation]) { for source in sources { companions.insert(source.document) } }
    for (position, entity) in entities.enumerated() where keep[position] {
      cite(entity.sources)
      for held in entity.positions {
        cite(held.sources)
        if let organisation = held.organisation { companions.insert(organisation) }
      }
    }
    for relation in relations { cite(relation.sources) }
    for claim in claims {
      cite(claim.sources)
      if let claimant = claim.claimant { companions.insert(claimant) }
      if let reporter = claim.reportedBy { companions.insert(reporter) }
    }
    for id in companions { if let found = index(of: id) { keep[found.int] = true } }

    var kept = entities.indices.filter { keep[$0] }.map { entities[$0] }
    let keptIDs = Set(kept.map(\.id))
    // A field that names an entity left out is cleared: the filtered graph stays valid.
    for position in kept.indices {
      if let place = kept[position].place, !keptIDs.contains(place) { kept[position].place = nil }
      if let parent = kept[position].partOf, !keptIDs.contains(parent) { kept[position].partOf = nil }
      if let parent = kept[position].parent, !keptIDs.contains(parent) { kept[position].parent = nil }
    }
    return TimelineGraph(title: title, entities: kept, relations: relations, claims: claims,
                         declaredRelationTypes: declaredRelationTypes)
  }
}
