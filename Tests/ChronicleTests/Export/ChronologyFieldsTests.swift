import Testing

@testable import Chronicle

/// An entry finds the edges of its fields by the type's number; these are the edges
/// the graph gives for the field's type name, compared with `==` (so spellings in NFC
/// and NFD, custom types and near misses are treated as the name-based path treats them).
struct ChronologyFieldsTests {
  /// Type names that are, or nearly are, those of the fields; spellings that differ in
  /// normalization only; custom types.
  private static let typeNames = [
    "participant", "located-in", "part-of", "issued", "authored", "edited", "signed", "published", "addressed-to",
    "contained-in", "cites", "Participant", "participant ", " cites", "located_in", "partof", "café", "cafe\u{301}",
    "\u{212A}ites", "reports", "mentions", "countersigned", "", "cites\u{301}", "signed\u{0}",
  ]

  @Test func eachSpellingFillsTheFieldWhoseNameItEquals() {
    let fields = ChronologyFields(typeNames: Self.typeNames)
    for (number, name) in Self.typeNames.enumerated() {
      let expected = ChronologyFields.Field.allCases.first { $0.typeName == name } ?? ChronologyFields.Field.none
      #expect(fields.field(ofType: Int32(number)) == expected, "\(Array(name.unicodeScalars))")
    }
    #expect(fields.field(ofType: 0) == .participant)
    #expect(fields.field(ofType: 16) == .none)
  }

  /// A name is `==` to a field's name whatever its normalization: both spellings of a
  /// type fill the same field (or none).
  @Test func spellingsInNFCAndNFDFillTheSameField() {
    let names = ["caf\u{E9}", "cafe\u{301}", "participant", "\u{212B}", "\u{C5}", "A\u{30A}"]
    let fields = ChronologyFields(typeNames: names)
    #expect(fields.field(ofType: 0) == fields.field(ofType: 1))
    #expect(fields.field(ofType: 3) == fields.field(ofType: 4) && fields.field(ofType: 4) == fields.field(ofType: 5))
    #expect(fields.field(ofType: 2) == .participant)
  }

  /// A graph whose relations use the fields' types, custom types, NFC and NFD
  /// spellings of one custom type, and implied edges (`place`, `partOf`, `parent`).
  static func graph(seed: UInt64) -> TimelineGraph {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    var builder = TimelineBuilder()
    let all = Set(EntityKind.allCases)
    builder.declare(RelationType(id: "caf\u{E9}", signatures: [.init(from: all, to: all)], summary: "NFC"))
    builder.declare(RelationType(id: "countersigned", signatures: [.init(from: [.person], to: [.document])], summary: "custom"))
    let ids = (0..<40).map { "e-\($0)" }
    let kinds: [EntityKind] = [.event, .document, .person, .place, .organisation]
    for (offset, id) in ids.enumerated() {
      var entity = Entity(id: id, kind: kinds[offset % kinds.count], label: "Entity \(offset)")
      if entity.kind == .event || entity.kind == .document { entity.date = try? EDTFDate("1992-0\(1 + offset % 9)") }
      if entity.kind == .event, next(2) == 0 { entity.place = ids[3 + 5 * next(8)] }
      if entity.kind == .event, next(3) == 0 { entity.partOf = ids[5 * next(8)] }
      if entity.kind == .place, next(2) == 0 { entity.parent = ids[3 + 5 * next(8)] }
      builder.add(entity)
    }
    let types = Self.typeNames + ["cafe\u{301}", "caf\u{E9}"]
    for _ in 0..<400 {
      let type = types[next(types.count)]
      builder.add(Relation(from: ids[next(ids.count)], type: type, to: ids[next(ids.count)],
                           sources: next(2) == 0 ? [] : [Citation(document: ids[1 + 5 * next(8)], locator: "p. \(next(9))")]))
    }
    return builder.validate().graph
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func edgesOfAFieldAreThoseOfItsTypeName(seed: UInt64) throws {
    var graphs = [Self.graph(seed: seed)]
    graphs.append(try ChronologyHostileParallelTests.hostileGraph(seed: seed))
    for graph in graphs {
      let fields = ChronologyFields(typeNames: graph.index.edges.typeNames)
      let stored = graph.index.edges.stored
      for entity in 0..<graph.count {
        for field in ChronologyFields.Field.allCases {
          guard let name = field.typeName else { continue }
          for outgoing in [true, false] {
            var found: [Edge] = []
            fields.forEachEdge(
              field, of: entity, in: outgoing ? graph.index.outgoing : graph.index.incoming, edges: stored
            ) { edge in
              found.append(Edge(from: EntityIndex(rawValue: edge.from), to: EntityIndex(rawValue: edge.to),
                                type: graph.index.edges.typeNames[Int(edge.type)],
                                relation: edge.relation < 0 ? nil : Int(edge.relation)))
            }
            let expected = outgoing
              ? graph.outgoing(from: EntityIndex(entity), type: name) : graph.incoming(to: EntityIndex(entity), type: name)
            #expect(found == expected, "entity \(entity), \(field), outgoing \(outgoing)")
          }
        }
      }
    }
  }

  /// The chronology of such a graph, written on two threads in blocks, is the one
  /// written on one thread.
  @Test(arguments: [1, 2] as [UInt64])
  func customAndNearMissTypesGiveTheSameChronology(seed: UInt64) {
    let graph = Self.graph(seed: seed)
    #expect(graph.relations.count > 300)  // identical relations are merged
    for options in [ChronologyOptions(), ChronologyOptions(format: .markdown, width: 30)] {
      var alone = ChronologyRenderer(graph: graph, options: options)
      alone.parallelEntries = .max
      let expected = alone.render()
      let text = String(decoding: expected, as: UTF8.self)
      #expect(text.contains("Participants: "))
      for block in [1, 5] {
        var parallel = ChronologyRenderer(graph: graph, options: options)
        parallel.parallelEntries = -1
        parallel.blockEntries = block
        #expect(parallel.render() == expected, "seed \(seed), \(options), blocks of \(block)")
      }
    }
  }
}
