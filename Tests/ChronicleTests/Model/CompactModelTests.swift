import Testing
@testable import Chronicle

/// The fields kept out of line (``EntityDetails``, ``RelationDetails``, a citation's
/// quote and file) behave as stored properties.
struct CompactModelTests {
  @Test func entityFieldsRoundTrip() throws {
    var entity = Entity(id: "d1", kind: .document, label: "Letter")
    #expect(entity.aliases.isEmpty && entity.summary == nil && entity.type == nil && entity.coordinates == nil)
    entity.aliases = ["A"]
    entity.summary = "s"
    entity.notes = ["n"]
    entity.partOf = "e0"
    entity.type = "letter"
    entity.steps = [DocumentStep(label: "circulated", date: try EDTFDate("2021-02-18"))]
    entity.identifiers = [DocumentIdentifier(scheme: .unSymbol, value: "A/75/748")]
    entity.publisher = "UN"
    entity.pages = "pp. 1–2"
    entity.positions = [Position(title: "Envoy")]
    entity.parent = "p0"
    entity.coordinates = Coordinates(latitude: 1, longitude: 2)
    #expect(entity.aliases == ["A"])
    #expect(entity.summary == "s")
    #expect(entity.notes == ["n"])
    #expect(entity.partOf == "e0")
    #expect(entity.type == "letter")
    #expect(entity.steps.count == 1)
    #expect(entity.identifiers.first?.value == "A/75/748")
    #expect(entity.publisher == "UN")
    #expect(entity.pages == "pp. 1–2")
    #expect(entity.positions.first?.title == "Envoy")
    #expect(entity.parent == "p0")
    #expect(entity.coordinates == Coordinates(latitude: 1, longitude: 2))
  }

  @Test func entityCopiesAreIndependent() {
    var first = Entity(id: "o1", kind: .organisation, label: "Org")
    first.type = "state"
    var second = first
    second.type = "newspaper"
    second.aliases.append("O")
    #expect(first.type == "state")
    #expect(first.aliases.isEmpty)
    #expect(second.type == "newspaper")
    #expect(second.aliases == ["O"])
  }

  @Test func entityEqualityIgnoresHowEmptyFieldsAreStored() {
    let plain = Entity(id: "e1", kind: .event, label: "Event")
    var cleared = plain
    cleared.summary = "x"
    cleared.summary = nil
    #expect(plain == cleared)
    #expect(plain.hashValue == cleared.hashValue)
    var different = plain
    different.notes = ["n"]
    #expect(plain != different)
    var located = plain
    located.provenance = Provenance(file: "f.json", path: "entities[0]", position: TextPosition(line: 1, column: 1))
    #expect(plain == located)
  }

  @Test func relationFieldsRoundTrip() throws {
    let date = try EDTFDate("1992-02-26")
    var relation = Relation(from: "a", type: "participant", to: "b", role: "victim", date: date, locator: "p. 1", note: "n",
                            sources: [Citation(document: "d")])
    #expect(relation.date == date && relation.note == "n" && relation.sources.count == 1 && relation.role == "victim")
    var copy = relation
    copy.sources = []
    copy.note = nil
    copy.date = nil
    #expect(relation.sources.count == 1)
    #expect(copy == Relation(from: "a", type: "participant", to: "b", role: "victim", locator: "p. 1"))
    #expect(copy.hashValue == Relation(from: "a", type: "participant", to: "b", role: "victim", locator: "p. 1").hashValue)
    relation.sources.append(Citation(document: "e"))
    #expect(relation.sources.map(\.document) == ["d", "e"])
  }

  @Test func citationFileTakesNoPartInEquality() {
    let shared = Citation.sharedTail(file: "a.json")
    var first = Citation(document: "d", locator: "p. 1", sharing: shared)
    let second = Citation(document: "d", locator: "p. 1", file: "b.json")
    #expect(first == second)
    #expect(first.hashValue == second.hashValue)
    #expect(first.file == "a.json" && first.quote == nil)
    let other = Citation(document: "d", locator: "p. 1", sharing: shared)
    first.quote = "words"
    #expect(first.quote == "words" && first.file == "a.json")
    #expect(other.quote == nil && other.file == "a.json")
    #expect(first != second)
    first.file = nil
    #expect(first.file == nil && other.file == "a.json")
  }

  @Test func recordsStayCompact() {
    #expect(MemoryLayout<Entity>.stride <= 104)
    #expect(MemoryLayout<Relation>.stride <= 112)
    #expect(MemoryLayout<Citation>.stride <= 40)
    #expect(MemoryLayout<Provenance>.stride <= 24)
  }

  @Test func sourceElementKeepsSectionAndIndex() {
    let document = SourceDocument(bytes: Array("{}".utf8), file: "f.json")
    let position = TextPosition(line: 3, column: 5)
    for section in [SourceElement.Section.relationTypes, .entities, .relations, .claims] {
      for index in [0, 1, 12345, SourceElement.maximumIndex] {
        let element = SourceElement(document: document, offset: 7, section: section, index: index, position: position)
        #expect(element?.section == section)
        #expect(element?.index == UInt32(index))
        #expect(element?.position == position)
      }
    }
    #expect(SourceElement(document: document, offset: 7, section: .claims, index: SourceElement.maximumIndex + 1, position: position) == nil)
    #expect(SourceElement(document: document, offset: 7, section: .claims, index: 3, position: position)?.path == "claims[3]")
  }
}
