import Foundation
import Testing
@testable import Chronicle

/// The folder of test fixtures, found from this file's path.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

struct TimelineDecoderTests {
  func load(_ name: String) throws -> ValidationResult {
    let path = fixtures.appendingPathComponent("Timelines/\(name)").path
    return TimelineReader.validate(contentsOf: [path])
  }

  @Test func readsEveryFieldFromYAML() throws {
    let result = try load("all-kinds.yaml")
    #expect(result.diagnostics == [])
    let graph = result.graph
    #expect(graph.title == "All kinds")
    #expect(graph.count == 10)
    let letter = try #require(graph.entity(id: "letter"))
    #expect(letter.label == "Letter dated 17 February 2021: \"quoted\" and 'single'")
    #expect(letter.type == "letter")
    #expect(letter.date?.description == "2021-02-17")
    #expect(letter.steps == [DocumentStep(label: "circulated", date: try EDTFDate("2021-02-18"))])
    #expect(letter.identifiers.first?.unSymbol?.parts.count == 2)
    #expect(letter.publisher == "United Nations")
    #expect(letter.pages == "pp. 1–3")
    #expect(letter.aliases == ["The 2021 letter"])
    #expect(letter.summary == "A letter.")
    #expect(letter.notes == ["First note", "no"])  // 'no' stays text
    #expect(letter.sources == [Citation(document: "letter", locator: "p. 1", quote: "Twenty-nine years ago")])
    let aliyev = try #require(graph.entity(id: "aliyev"))
    #expect(aliyev.positions.first?.organisation == "azerbaijan")
    #expect(aliyev.positions.first?.date?.description == "2021-02-17")
    let khojaly = try #require(graph.entity(id: "khojaly"))
    #expect(khojaly.coordinates == Coordinates(latitude: 39.9, longitude: 46.8))
    #expect(khojaly.parent == "region")
    let assault = try #require(graph.entity(id: "assault 🇺🇳: \"x\""))
    #expect(assault.place == "khojaly")
    #expect(assault.partOf == "winter")
    #expect(graph.declaredRelationTypes.map(\.id) == ["countersigned"])
    #expect(graph.relations.count == 7)
    #expect(graph.relations[4].role == "perpetrator (per the letter)")
    #expect(graph.claims.count == 4)
    #expect(graph.claims[1].qualifier == "more than")
    #expect(graph.claims[1].claimant == "azerbaijan")
    #expect(graph.claims[1].reportedBy == "book")
    #expect(graph.claims[1].id == "c2")
    #expect(graph.claims[2].value == .range(low: ClaimNumber(900), high: ClaimNumber(1000)))
    #expect(graph.claims[3].value == .text("acts of particular gravity"))
    #expect(graph.disagreements.count == 1)
  }

  @Test func jsonAndYAMLGiveEqualGraphs() throws {
    let yaml = try load("all-kinds.yaml")
    let json = try load("all-kinds.json")
    #expect(json.diagnostics == [])
    #expect(json.graph == yaml.graph)
  }

  @Test func positionsComeFromJSONToo() {
    var builder = TimelineBuilder()
    TimelineReader.read("""
      {"entities": [
        {"id": 42, "kind": "person", "name": "A"},
        {"id": "b", "kind": "event", "title": "B", "date": "2001-02-29"}
      ]}
      """, file: "t.json", into: &builder)
    #expect(builder.validate().diagnostics.map(\.description) == [
      "t.json:2:10: error: expected text, found the number 42 [entities[0].id]",
      "t.json:3:63: error: '2001-02-29': day 29 is out of range for February 2001 (2001 is not a leap year); expected 01-28 [entities[1].date]",
      "t.json:3:10: warning: event 'b' is not related to anything (no relation, reference, citation or claim) [entities[1].id]",
    ])
  }

  @Test(arguments: [
    ("", "t.yaml"),
    ("[1, 2]", "t.json"),
    ("entities: {id: a}", "t.yaml"),
    ("{\"entities\": [\"a\"]}", "t.json"),
    ("chronicle: 2", "t.yaml"),
  ])
  func refusesWrongShapes(text: String, file: String) {
    var builder = TimelineBuilder()
    TimelineReader.read(text, file: file, into: &builder)
    let result = builder.validate()
    #expect(result.hasErrors)
    #expect(result.errors.allSatisfy { $0.file == file && $0.position != nil })
  }

  @Test func unreadableFilesAreDiagnostics() {
    let result = TimelineReader.validate(contentsOf: ["/nonexistent/t.yaml", "/"])
    #expect(result.diagnostics.map(\.description) == [
      "/nonexistent/t.yaml: error: no such file",
      "/: error: is a directory; expected a timeline file (.json, .yaml or .yml)",
    ])
  }
}

/// The fixtures `.ci/check-schema.py` also checks against the JSON Schema: Chronicle
/// must accept every valid one without a warning and refuse every invalid one.
struct SchemaAgreementTests {
  static func fixtureNames(_ folder: String) -> [String] {
    let url = fixtures.appendingPathComponent("Schema/\(folder)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.sorted()
  }

  @Test(arguments: fixtureNames("valid"))
  func acceptsValidFixture(name: String) {
    let result = TimelineReader.validate(contentsOf: [fixtures.appendingPathComponent("Schema/valid/\(name)").path])
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
  }

  @Test(arguments: fixtureNames("invalid"))
  func refusesInvalidFixture(name: String) {
    let result = TimelineReader.validate(contentsOf: [fixtures.appendingPathComponent("Schema/invalid/\(name)").path])
    #expect(!result.diagnostics.isEmpty)
  }

  @Test func fixturesExist() {
    #expect(Self.fixtureNames("valid").count >= 4)
    #expect(Self.fixtureNames("invalid").count >= 8)
  }
}
