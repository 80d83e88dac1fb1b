import Testing
@testable import Chronicle

/// The builder's merging of repeated relations and claims, and the text match's
/// ASCII shortcut, checked against what they must equal.
struct TimelineBuilderMergeTests {
  @Test func identicalRelationsMergeAndOthersStay() {
    var builder = TimelineBuilder()
    var first = Relation(from: "a", type: "cites", to: "b", locator: "fn. 1", sources: [Citation(document: "a", locator: "p. 1")])
    first.note = nil
    var again = first
    again.sources = [Citation(document: "a", locator: "p. 2")]
    again.note = "second"
    builder.add(first)
    builder.add(again)
    builder.add(Relation(from: "a", type: "cites", to: "b", locator: "fn. 2"))
    builder.add(Relation(from: "a", type: "cites", to: "b", role: "x", locator: "fn. 1"))
    builder.add(Relation(from: "b", type: "cites", to: "a", locator: "fn. 1"))
    var dated = Relation(from: "a", type: "cites", to: "b", locator: "fn. 1")
    dated.date = try? EDTFDate("1992")
    builder.add(dated)
    builder.add(dated)
    #expect(builder.relations.count == 5)
    #expect(builder.relations[0].sources.map(\.locator) == ["p. 1", "p. 2"])
    #expect(builder.relations[0].note == "second")
    // Many relations: each distinct one kept once, in order.
    for round in 0..<2 {
      for index in 0..<3_000 { builder.add(Relation(from: "e\(index)", type: "precedes", to: "e\(index + 1)")) }
      #expect(builder.relations.count == 3_005, "round \(round)")
    }
    #expect(builder.relations[5].from == "e0" && builder.relations.last?.to == "e3000")
  }

  @Test func identicalClaimsMergeOnce() {
    var builder = TimelineBuilder()
    var claim = Claim(subject: "e", property: "killed", value: .number(ClaimNumber(3)))
    builder.add(claim)
    claim.note = "a note"
    builder.add(claim)
    claim.sources = [Citation(document: "d")]
    builder.add(claim)
    #expect(builder.claims.count == 2)
    #expect(builder.claims[0].note == "a note")
  }

  @Test func textMatchShortcutAgreesWithFolding() {
    let fields = ["Khojaly", "Xocalı", "ÉCOLE", "école", "plain ascii text", "MiXeD CaSe", "叶 event", "Ａｌｉ", "straße", ""]
    let needles = ["ali", "KHOJ", "xocali", "ecole", "CASE", "叶", "ali", "strasse", "ß", "e", "plain ascii text!"]
    for field in fields {
      for needle in needles {
        let folded = TextMatcher.folded(needle)
        let ascii: [UInt8]? = folded.utf8.allSatisfy { $0 < 0x80 } ? Array(folded.utf8) : nil
        let expected = !folded.isEmpty && TextMatcher.folded(field).contains(folded)
        let shortcut = TextMatcher.asciiContains(field, ascii) ?? TextMatcher.folded(field).contains(folded)
        #expect(shortcut == expected, "\(field) / \(needle)")
      }
    }
  }

  @Test func mergedFilesKeepEveryDifferentTitle() {
    var builder = TimelineBuilder()
    TimelineReader.read(#"{"title": "Per the 2021 letter", "entities": []}"#, file: "a.json", into: &builder)
    TimelineReader.read("title: Per the 2025 letter\nentities: []\n", file: "b.yaml", into: &builder)
    TimelineReader.read(#"{"title": "Per the 2021 letter", "entities": []}"#, file: "c.json", into: &builder)
    #expect(builder.title == "Per the 2021 letter; Per the 2025 letter")
    var manual = TimelineBuilder()
    manual.title = "Mine"
    manual.addTitle("Mine")
    #expect(manual.title == "Mine")
  }
}
