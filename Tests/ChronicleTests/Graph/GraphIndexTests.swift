@testable import Chronicle
import Testing

@Suite struct GraphIndexTests {
  /// A graph of people `a`, `b`, `c`, `d`, with these relations from `a`.
  private func graph(_ relations: [Relation], claims: [Claim] = [], declaring types: [RelationType] = []) -> ValidationResult {
    var builder = TimelineBuilder()
    for id in ["a", "b", "c", "d"] { builder.add(Entity(id: id, kind: .person, label: id.uppercased())) }
    for type in types { builder.declare(type) }
    for relation in relations { builder.add(relation) }
    for claim in claims { builder.add(claim) }
    return builder.validate()
  }

  /// Edges are ordered by type name, then by the other end; two spellings of one name
  /// that `==` holds equal (NFC and NFD) are one type there, as they are to the lookup
  /// of relation types.
  @Test func edgesOrderByTypeNameThenEnd() throws {
    let nfc = "t\u{E9}moin", nfd = "te\u{301}moin"
    let result = graph([
      Relation(from: "a", type: nfc, to: "c"),
      Relation(from: "a", type: "z-last", to: "b"),
      Relation(from: "a", type: nfd, to: "b"),
      Relation(from: "a", type: "a-first", to: "d"),
      Relation(from: "a", type: nfd, to: "d"),
    ])
    let graph = result.graph
    let a = try #require(graph.index(of: "a"))
    let outgoing = graph.outgoing(from: a)
    #expect(outgoing.map(\.relation) == [3, 2, 0, 4, 1])
    #expect(graph.incoming(to: try #require(graph.index(of: "d"))).map(\.relation) == [3, 4])
    #expect(graph.index.relationTypeNames.prefix(4) == [nfc, "z-last", nfd, "a-first"])
    #expect(graph.index.relationEnds.map(\.type) == [0, 1, 2, 3, 2])
  }

  /// The compact edge list gives back each relation's own spelling of its type and its
  /// position, then the fields' edges (`located-in`, `part-of`, no relation), as the
  /// adjacency lists them; walking it as a collection equals reading it by position.
  @Test func edgeListGivesEachEdgeAsWritten() throws {
    /// An entity with some fields set.
    func entity(_ id: String, _ kind: EntityKind, _ change: (inout Entity) -> Void = { _ in }) -> Entity {
      var entity = Entity(id: id, kind: kind, label: id.uppercased())
      change(&entity)
      return entity
    }
    var builder = TimelineBuilder()
    builder.add(entity("p", .place))
    builder.add(entity("q", .place) { $0.parent = "p" })
    let date = try EDTFDate("1992-02")
    builder.add(entity("e", .event) { $0.date = date; $0.place = "q" })
    builder.add(entity("f", .event) { $0.partOf = "e" })
    builder.add(entity("a", .person))
    builder.add(Relation(from: "a", type: "te\u{301}moin", to: "e"))
    builder.add(Relation(from: "a", type: "ghost-end", to: "nobody"))
    builder.add(Relation(from: "a", type: "participant", to: "f"))
    let graph = builder.validate().graph
    let index = { (id: String) in try #require(graph.index(of: id)) }
    let expected = [
      Edge(from: try index("a"), to: try index("e"), type: "te\u{301}moin", relation: 0),
      Edge(from: try index("a"), to: try index("f"), type: "participant", relation: 2),
      Edge(from: try index("q"), to: try index("p"), type: "located-in", relation: nil),
      Edge(from: try index("e"), to: try index("q"), type: "located-in", relation: nil),
      Edge(from: try index("f"), to: try index("e"), type: "part-of", relation: nil),
    ]
    #expect(Array(graph.edges) == expected)
    #expect(graph.edges.indices.map { graph.edges[$0] } == expected)
    #expect(graph.edges[0].type.unicodeScalars.count == 7)  // the NFD spelling, not the NFC one
    #expect(graph.edges.filter(\.isImplied).count == 3)
    #expect(graph.outgoing(from: try index("a")).map(\.relation) == [2, 0])
    #expect(graph.outgoing(from: try index("a"), type: "t\u{E9}moin").map(\.relation) == [0])
    #expect(Set(graph.neighbours(of: try index("e"))) == [try index("q"), try index("a"), try index("f")])
    #expect(graph.neighbourhood(of: "p", depth: 2, relationTypes: ["located-in"]) == [try index("p"), try index("q"), try index("e")])
  }

  /// The relations' ends, kept only for the unresolved ones, read back the same as a
  /// lookup of each id, for unresolved relations first, last, in runs and alone.
  @Test func relationEndsReadBackForEveryRelation() throws {
    var builder = TimelineBuilder()
    for id in ["a", "b", "c"] { builder.add(Entity(id: id, kind: .person, label: id)) }
    let ids = ["a", "b", "c", "ghost", "nobody"]
    var random = GeneratorRandom(seed: 0xE2D5)
    var relations: [Relation] = [Relation(from: "ghost", type: "knows", to: "a")]
    for _ in 0..<400 {
      let from = ids[Int.random(in: 0..<ids.count, using: &random)], to = ids[Int.random(in: 0..<ids.count, using: &random)]
      relations.append(Relation(from: from, type: ["knows", "met", "te\u{301}moin"][Int.random(in: 0..<3, using: &random)], to: to))
    }
    relations.append(Relation(from: "a", type: "knows", to: "nobody"))
    var seen = Set<Relation>()
    for relation in relations where seen.insert(relation).inserted { builder.add(relation) }
    let graph = builder.validate().graph
    let ends = graph.index.relationEnds
    #expect(ends.count == graph.relations.count)
    for (position, relation) in graph.relations.enumerated() {
      #expect(ends[position].from == graph.index(of: relation.from))
      #expect(ends[position].to == graph.index(of: relation.to))
      #expect(IdentifierKey.sameCodePoints(graph.index.relationTypeNames[Int(ends[position].type)], relation.type))
    }
  }

  /// Cycles are followed through the edges of their type only, among an entity's
  /// others (which the adjacency sorts around them), and each is reported once.
  @Test func cyclesFollowOnlyTheirType() throws {
    var builder = TimelineBuilder()
    for id in ["x", "y", "z", "w"] {
      var event = Entity(id: id, kind: .event, label: id)
      event.date = try EDTFDate("1992")
      if id == "w" { event.partOf = "x" }
      builder.add(event)
    }
    builder.add(Relation(from: "x", type: "precedes", to: "y"))
    builder.add(Relation(from: "y", type: "caused", to: "x"))
    builder.add(Relation(from: "y", type: "precedes", to: "z"))
    builder.add(Relation(from: "z", type: "precedes", to: "x"))
    builder.add(Relation(from: "x", type: "a-type", to: "w"))
    builder.add(Relation(from: "x", type: "part-of", to: "w"))
    let cycles = builder.validate().diagnostics.filter { $0.code == .cycle }.map(\.message)
    #expect(cycles == ["cycle in 'part-of': 'x' → 'w' → 'x'", "cycle in 'precedes': 'x' → 'y' → 'z' → 'x'"])
  }

  /// A declared type is found under either spelling; its signature is checked once
  /// per pair of kinds, the same for every relation.
  @Test func typesAreLookedUpOncePerSpelling() {
    let declared = RelationType(id: "t\u{E9}moin", signatures: [.init(from: [.person], to: [.person])], summary: "saw")
    let result = graph([
      Relation(from: "a", type: "te\u{301}moin", to: "b"),
      Relation(from: "a", type: "t\u{E9}moin", to: "c"),
      Relation(from: "a", type: "unknown", to: "d"),
      Relation(from: "a", type: "signed", to: "b"),
      Relation(from: "a", type: "signed", to: "c"),
    ], declaring: [declared])
    #expect(result.diagnostics.map(\.code) == [.unknownRelationType, .relationSignature, .relationSignature])
    #expect(result.diagnostics[1].message.contains("('a') to a person ('b')"))
    #expect(result.diagnostics[2].message.contains("('a') to a person ('c')"))
  }

  @Test func unresolvedEndsAndSubjectsAreNil() throws {
    let result = graph(
      [Relation(from: "a", type: "knows", to: "nobody"), Relation(from: "ghost", type: "knows", to: "b")],
      claims: [
        Claim(subject: "b", property: "age", value: .number(ClaimNumber(1))),
        Claim(subject: "ghost", property: "age", value: .number(ClaimNumber(2))),
        Claim(subject: "b", property: "height", value: .number(ClaimNumber(3))),
        Claim(subject: "a", property: "age", value: .number(ClaimNumber(4))),
      ])
    let graph = result.graph
    #expect(graph.index.relationEnds.map(\.from) == [EntityIndex(0), nil])
    #expect(graph.index.relationEnds.map(\.to) == [nil, EntityIndex(1)])
    #expect(graph.edges.isEmpty)
    #expect(graph.index.claimSubjects == [EntityIndex(1), nil, EntityIndex(1), EntityIndex(0)])
    let b = try #require(graph.index(of: "b"))
    #expect(graph.claims(about: b).map(\.property) == ["age", "height"])
    #expect(graph.claims(about: try #require(graph.index(of: "c"))).isEmpty)
    let kept = graph.filtered(by: GraphFilter(focus: "b", depth: 0))
    #expect(kept.claims.map(\.property) == ["age", "height"])
  }

  /// Citations are looked up 1024 items at a time; each still finds its own document,
  /// across the runs' ends, for entities, relations and claims.
  @Test func citationsAreCheckedInOrderAcrossRuns() {
    var builder = TimelineBuilder()
    builder.add(Entity(id: "doc", kind: .document, label: "Doc"))
    builder.add(Entity(id: "b", kind: .person, label: "B"))
    var expected: [String] = []
    for item in 0..<2500 {
      let cites = item % 7 == 0 ? [Citation(document: "doc"), Citation(document: "gone-\(item)")] : [Citation(document: "doc")]
      var person = Entity(id: "p\(item)", kind: .person, label: "P")
      person.sources = item % 3 == 0 ? [] : cites
      builder.add(person)
      if item % 3 != 0, item % 7 == 0 { expected.append("gone-\(item)") }
    }
    for item in 0..<2500 where item % 7 == 0 { expected.append("gone-\(item)") }
    for item in 0..<2500 {
      var relation = Relation(from: "p\(item)", type: "knows", to: "b")
      relation.sources = item % 7 == 0 ? [Citation(document: "gone-\(item)")] : [Citation(document: "doc")]
      builder.add(relation)
    }
    for item in 0..<1500 where item % 7 == 0 { expected.append("gone-\(item)") }
    for item in 0..<1500 {
      var claim = Claim(subject: "p\(item)", property: "age", value: .number(ClaimNumber(Double(item))))
      claim.sources = item % 7 == 0 ? [Citation(document: "gone-\(item)")] : [Citation(document: "doc")]
      builder.add(claim)
    }
    let result = builder.validate()
    let dangling = result.diagnostics.filter { $0.code == .danglingReference }
    #expect(dangling.map { $0.message.split(separator: "'")[2] } == expected.map { Substring($0) })
    #expect(!result.diagnostics.contains { $0.code == .wrongKind })
  }

  /// The loose-ends check, run after the others, counts what their references named.
  @Test func referencesMarkEntitiesAsRelated() {
    var builder = TimelineBuilder()
    builder.add(Entity(id: "doc", kind: .document, label: "Doc"))
    builder.add(Entity(id: "org", kind: .organisation, label: "Org"))
    builder.add(Entity(id: "claimant", kind: .person, label: "C"))
    builder.add(Entity(id: "alone", kind: .person, label: "Alone"))
    var cited = Entity(id: "cited", kind: .person, label: "P")
    cited.sources = [Citation(document: "doc")]
    cited.positions = [Position(title: "Head", organisation: "org")]
    builder.add(cited)
    var claim = Claim(subject: "org", property: "size", value: .number(ClaimNumber(5)))
    claim.claimant = "claimant"
    claim.sources = [Citation(document: "doc")]
    builder.add(claim)
    let result = builder.validate()
    let unrelated = result.diagnostics.filter { $0.code == .unrelatedEntity }.map(\.message)
    #expect(unrelated == ["person 'alone' is not related to anything (no relation, reference, citation or claim)"])
    let validator = TimelineValidator(graph: result.graph)
    #expect(validator.diagnostics(onTwoThreads: true) == validator.diagnostics(onTwoThreads: false))
  }

  /// Looking the ids up on two threads gives the same tables as on one.
  @Test func twoThreadsBuildTheSameIndex() {
    var builder = TimelineBuilder()
    TimelineReader.read(TimelineGenerator(events: 300, seed: 5).bytes(.json), file: "g.json", into: &builder)
    builder.add(Relation(from: "nobody", type: "participant", to: "event-1"))
    builder.add(Claim(subject: "ghost", property: "dead", value: .number(ClaimNumber(1))))
    let graph = builder.validate().graph
    let one = GraphIndex(entities: graph.entities, relations: graph.relations, claims: graph.claims, onTwoThreads: false)
    let two = GraphIndex(entities: graph.entities, relations: graph.relations, claims: graph.claims, onTwoThreads: true)
    // Blocks smaller than the relations and the claims: many jobs, handed out as threads come free.
    for block in [1, 7, 100] {
      let blocks = GraphIndex(
        entities: graph.entities, relations: graph.relations, claims: graph.claims, onTwoThreads: true, lookupBlock: block)
      #expect(blocks.relationEnds == one.relationEnds, "blocks of \(block)")
      #expect(blocks.claimSubjects == one.claimSubjects, "blocks of \(block)")
      #expect(blocks.edges == one.edges, "blocks of \(block)")
      #expect(blocks.fieldTargets == one.fieldTargets, "blocks of \(block)")
    }
    #expect(one.relationEnds == two.relationEnds)
    #expect(one.claimSubjects == two.claimSubjects)
    #expect(one.edges == two.edges)
    #expect(one.relationTypeNames == two.relationTypeNames)
    #expect(one.relationEnds.contains { $0.from == nil } && one.claimSubjects.contains(nil))
    for entity in graph.entities.indices {
      #expect(one.outgoing[entity] == two.outgoing[entity])
      #expect(one.incoming[entity] == two.incoming[entity])
      #expect(one.claimsBySubject[entity] == two.claimsBySubject[entity])
    }
    #expect(one.edges == graph.edges)
  }

  /// The disagreements as first written: every claim grouped by subject (code points)
  /// and property (`==`) in a dictionary, in order of each group's first claim.
  private func referenceDisagreements(_ claims: [Claim]) -> [Disagreement] {
    struct Key: Hashable {
      var subject: IdentifierKey
      var property: String
    }
    struct Figure: Hashable {
      var value: ClaimValue
      var qualifier: String?
      var unit: String?
    }
    var order: [Key] = []
    var groups: [Key: [Claim]] = [:]
    for claim in claims {
      let key = Key(subject: IdentifierKey(claim.subject), property: claim.property)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(claim)
    }
    return order.compactMap { key in
      guard let group = groups[key],
        Set(group.map { Figure(value: $0.value, qualifier: $0.qualifier, unit: $0.unit) }).count > 1
      else { return nil }
      return Disagreement(subject: key.subject.id, property: key.property, claims: group)
    }
  }

  /// Disagreements found through the claims filed by subject are those of a dictionary
  /// of every claim, in the same order: claims about entities and about ids no entity
  /// has, NFC and NFD spellings of subjects (two subjects) and of properties (one).
  @Test func disagreementsMatchAGroupingOfEveryClaim() {
    var random = GeneratorRandom(seed: 0xD15A)
    let subjects = ["a", "b", "c", "d", "nobody", "caf\u{E9}", "cafe\u{301}"]
    let properties = ["killed", "wounded", "t\u{E9}moins", "te\u{301}moins"]
    for round in 0..<40 {
      var builder = TimelineBuilder()
      for id in ["a", "b", "c", "d", "caf\u{E9}"] { builder.add(Entity(id: id, kind: .event, label: id)) }
      for number in 0..<Int.random(in: 0...60, using: &random) {
        var claim = Claim(
          subject: subjects.randomElement(using: &random)!, property: properties.randomElement(using: &random)!,
          value: .number(ClaimNumber(Double(Int.random(in: 1...3, using: &random)))))
        if Bool.random(using: &random) { claim.unit = ["people", "persons"].randomElement(using: &random) }
        claim.sources = [Citation(document: "doc-\(number)")]
        builder.add(claim)
      }
      let graph = builder.validate().graph
      let expected = referenceDisagreements(graph.claims)
      #expect(graph.disagreements == expected, "round \(round)")
      #expect(graph.disagreements.map(\.subject) == expected.map(\.subject), "round \(round)")
    }
  }
}
