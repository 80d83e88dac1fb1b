import Testing
@testable import Chronicle

/// JSON read element by element (positions found again from the bytes on demand)
/// gives exactly what reading through a value tree gives: the same graph, the same
/// diagnostics with the same positions and paths, the same recorded field positions.
struct StreamingReadTests {
  /// A timeline with problems everywhere, on several lines, with multi-byte text
  /// before fields on the same line. `tail` ends the top-level object.
  private func timeline(tail: String) -> String {
    """
    {"title": "Streaming — «test» 🇺🇳", "relationTypes": [{"id": "countersigned", "from": ["person"], "to": "document"}],
     "entities": [
      {"id": "doc", "kind": "document", "title": "Letter «one»", "date": "2021-02-17",
       "identifiers": [{"scheme": "isbn", "value": "0-00-000000-1"}, {"scheme": "url"}],
       "steps": [{"label": "circulated"}, {"label": "x", "date": "2021-02-30"}], "sources": [{"document": "doc", "locator": "p. 1"}]},
      {"id": "叶 event", "kind": "event", "title": "É", "date": "1992-13", "place": "doc", "partOf": "nowhere",
       "sources": [{"document": "missing", "locator": "p. 2"}, {"documnet": "doc"}], "colour": "red"},
      {"id": "p", "kind": "person", "name": "Ａｌｉ", "positions": [{"title": "", "organisation": "doc",
        "sources": [{"document": "doc"}, {"document": "叶 event"}]}], "date": "1990"},
      {"id": "undated", "kind": "event", "title": "No date"},
      {"id": "bad date", "kind": "event", "title": "Bad", "date": 12},
      {"id": "place", "kind": "place", "name": "P", "coordinates": {"latitude": 91, "longitude": 0}},
      {"id": "doc", "kind": "document", "title": "Again"},
      {"kind": "event", "title": "No id"},
      {"id": "k", "kind": "evnt", "title": "Kind"}],
     "relations": [
      {"from": "p", "type": "signed", "to": "doc", "sources": [{"document": "nope"}]},
      {"from": "doc", "type": "sgined", "to": "p"},
      {"from": "ghost", "type": "participant", "to": "叶 event", "role": "victim", "date": "1992-02-30"},
      {"from": "doc", "type": "reports", "to": "叶 event", "extra": 1}],
     "claims": [
      {"subject": "叶 event", "property": "killed", "value": {"low": 10, "high": 2}},
      {"subject": "ghost", "property": " ", "value": "", "claimant": "place"},
      {"subject": "doc", "property": "pages", "value": 3, "sources": [{"document": "doc"}]}]\(tail)
    """
  }

  private func read(_ text: String) -> ValidationResult {
    var builder = TimelineBuilder()
    TimelineReader.read(text, file: "t.json", format: .json, into: &builder)
    return builder.validate()
  }

  @Test func elementByElementReadingMatchesTheTree() throws {
    let streamed = read(timeline(tail: "}"))
    // A version after the lists is out of the reading order: the file is read as a tree.
    let tree = read(timeline(tail: ", \"chronicle\": 1}"))
    #expect(streamed.diagnostics.count > 20)
    #expect(streamed.diagnostics.map(\.description) == tree.diagnostics.map(\.description))
    #expect(streamed.graph == tree.graph)
    for (left, right) in zip(streamed.graph.entities, tree.graph.entities) {
      #expect(left.provenance.fields == right.provenance.fields, "\(left.id)")
      #expect(left.provenance.path == right.provenance.path)
      #expect(left.provenance.position == right.provenance.position)
    }
    for (left, right) in zip(streamed.graph.relations, tree.graph.relations) {
      #expect(left.provenance.fields == right.provenance.fields)
    }
    for (left, right) in zip(streamed.graph.claims, tree.graph.claims) {
      #expect(left.provenance.fields == right.provenance.fields)
    }
  }

  @Test func aSyntaxErrorLeavesTheBuilderAsItWas() {
    var builder = TimelineBuilder()
    TimelineReader.read(#"{"entities": [{"id": "a", "kind": "place", "name": "A"}]}"#, file: "a.json", into: &builder)
    TimelineReader.read(#"{"entities": [{"id": "b", "kind": "place", "name": "B"}, {"id": "c",]}"#, file: "b.json", into: &builder)
    let result = builder.validate()
    #expect(result.graph.entities.map(\.id) == ["a"])
    #expect(result.diagnostics.map(\.code) == [.malformedJSON, .unrelatedEntity])
  }

  @Test func mergedEntitiesKeepBothFilesPositions() {
    var builder = TimelineBuilder()
    TimelineReader.read("{\"entities\": [{\"id\": \"a\", \"kind\": \"event\", \"title\": \"A\"}]}", file: "a.json", into: &builder)
    TimelineReader.read("{\"entities\": [\n {\"id\": \"a\", \"kind\": \"event\", \"title\": \"A\",\n  \"date\": \"1992\", \"place\": \"x\"}]}",
                        file: "b.json", into: &builder)
    let result = builder.validate()
    let entity = result.graph.entities[0]
    #expect(entity.provenance.position(of: "date") == TextPosition(line: 3, column: 11))
    #expect(entity.provenance.position(of: "id") == TextPosition(line: 1, column: 22))
    #expect(result.diagnostics.map(\.description).contains { $0.contains("'place' refers to 'x'") })
  }
}
