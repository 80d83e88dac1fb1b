import Testing
@testable import Chronicle

/// Reads YAML text as the file `t.yaml` and returns every diagnostic as printed.
func diagnose(_ text: String, file: String = "t.yaml") -> [String] {
  var builder = TimelineBuilder()
  TimelineReader.read(text, file: file, into: &builder)
  return builder.validate().diagnostics.map(\.description)
}

/// A letter and its signatory, so that the cases below have something to point at.
let preamble = """
  entities:
    - {id: letter, kind: document, title: Letter, date: "2021-02-17"}
    - {id: aliyev, kind: person, name: Yashar Aliyev}
  """

struct TimelineValidatorTests {
  @Test func validTimelineHasNoDiagnostics() {
    let text = preamble + """

      relations:
        - {from: aliyev, type: signed, to: letter}
      """
    #expect(diagnose(text) == [])
  }

  @Test(arguments: [
    // Each case: the file, then every diagnostic it must give, exactly.
    (
      """
      entities:
        - kind: person
          name: A
      """,
      ["t.yaml:2:5: error: an entity needs 'id' [entities[0]]"]
    ),
    (
      """
      entities:
        - {id: a, kind: persn, name: A}
      """,
      ["t.yaml:2:19: error: unknown kind 'persn'; did you mean 'person'?; expected event, person, organisation, place or document [entities[0].kind]"]
    ),
    (
      """
      entities:
        - {id: a, kind: person, title: A}
      """,
      ["t.yaml:2:27: error: a person has a 'name', not a 'title' [entities[0].title]"]
    ),
    (
      """
      entities:
        - {id: a, kind: event, title: A, date: "1992-02-30"}
      """,
      ["t.yaml:2:51: error: '1992-02-30': day 30 is out of range for February 1992; expected 01-29 [entities[0].date]",
       "t.yaml:2:10: warning: event 'a' is not related to anything (no relation, reference, citation or claim) [entities[0].id]"]
    ),
    (
      """
      entities:
        - {id: a, kind: person, name: A}
        - {id: a, kind: person, name: B}
      """,
      ["t.yaml:3:10: error: duplicate id 'a' (first defined at 2:10) [entities[1].id]",
       "t.yaml:2:10: warning: person 'a' is not related to anything (no relation, reference, citation or claim) [entities[0].id]"]
    ),
    (
      """
      entities:
        - {id: e, kind: event, title: E, date: "1992", place: nowhere}
      """,
      ["t.yaml:2:57: error: 'place' refers to 'nowhere', but no entity has that id [entities[0].place]",
       "t.yaml:2:10: warning: event 'e' is not related to anything (no relation, reference, citation or claim) [entities[0].id]"]
    ),
    (
      """
      entities:
        - {id: e, kind: event, title: E, date: "1992", place: p}
        - {id: p, kind: person, name: P}
      """,
      ["t.yaml:2:57: error: 'place' must name a place, but 'p' is a person [entities[0].place]"]
    ),
    (
      """
      entities:
        - {id: p, kind: person, name: P, date: "1992"}
      """,
      ["t.yaml:2:42: error: a person cannot have 'date' (fields of a person beyond the common ones: 'positions') [entities[0].date]",
       "t.yaml:2:10: warning: person 'p' is not related to anything (no relation, reference, citation or claim) [entities[0].id]"]
    ),
  ])
  func entityDiagnostics(text: String, expected: [String]) {
    #expect(diagnose(text) == expected)
  }

  @Test func relationDiagnostics() {
    let text = preamble + """

      relations:
        - {from: aliyev, type: signd, to: letter}
        - {from: letter, type: signed, to: aliyev}
        - {from: aliyev, type: signed, to: lettre}
      """
    #expect(diagnose(text) == [
      "t.yaml:5:26: error: unknown relation type 'signd'; did you mean 'signed'? (declare it under 'relationTypes') [relations[0].type]",
      "t.yaml:6:26: error: 'signed' cannot join a document ('letter') to a person ('aliyev'); expected person|organisation → document [relations[1].type]",
      "t.yaml:7:38: error: 'to' refers to 'lettre', but no entity has that id; did you mean 'letter'? [relations[2].to]",
    ])
  }

  @Test func declaredRelationTypesAreChecked() {
    let text = preamble + """

      relationTypes:
        - {id: countersigned, from: person, to: [document]}
        - {id: cites, from: any, to: any}
      relations:
        - {from: aliyev, type: countersigned, to: letter}
        - {from: letter, type: countersigned, to: letter}
      """
    #expect(diagnose(text) == [
      "t.yaml:6:10: error: relation type 'cites' is built in and cannot be redeclared [relationTypes[1].id]",
      "t.yaml:9:26: error: 'countersigned' cannot join a document ('letter') to a document ('letter'); expected person → document [relations[1].type]",
    ])
  }

  @Test func claimDiagnostics() {
    let text = preamble + """

      claims:
        - {subject: letter, property: pages, value: 3}
        - {subject: letter, property: figure, value: {low: 5, high: 2}, sources: [{document: letter}]}
        - {subject: ghost, property: figure, value: 1, sources: [{document: letter}]}
        - {subject: letter, property: figure, value: 1, claimant: letter, sources: [{document: aliyev}]}
        - {subject: letter, property: figure}
      """
    #expect(diagnose(text) == [
      "t.yaml:9:5: error: a claim needs a 'value' (a number, {\"low\": …, \"high\": …}, or text) [claims[4]]",
      "t.yaml:5:47: warning: the claim that 'letter' pages = 3 has no source [claims[0].value]",
      "t.yaml:6:48: error: the range's low value 5 is greater than its high value 2 [claims[1].value]",
      "t.yaml:7:15: error: 'subject' refers to 'ghost', but no entity has that id [claims[2].subject]",
      "t.yaml:8:90: error: 'sources[0].document' must name a document, but 'aliyev' is a person [claims[3].sources[0].document]",
    ])
  }

  /// A claimant must be a person, an organisation or a document: the message lists
  /// the kinds in their order.
  @Test func aClaimantOfAnotherKindIsNamedWithTheKindsExpected() {
    let text = """
      entities:
        - {id: letter, kind: document, title: Letter, date: "2021-02-17"}
        - {id: e, kind: event, title: E, date: "1992"}
      claims:
        - {subject: e, property: figure, value: 1, claimant: e, reportedBy: letter, sources: [{document: letter}]}
      """
    #expect(diagnose(text) == [
      "t.yaml:5:56: error: 'claimant' must name a person or an organisation or a document, but 'e' is an event [claims[0].claimant]"
    ])
  }

  /// A property of white space only is blank, whatever the white space; one with any
  /// visible character, first or later, is not.
  @Test(arguments: [
    ("", true), (" ", true), ("\t\n ", true), ("\u{3000}", true), ("\u{00A0}\u{2003}", true),
    ("x", false), (" x", false), ("\u{3000}数", false), ("é", false), ("~", false), ("\u{200B}", false),
  ])
  func blankProperties(text: String, isBlank: Bool) {
    #expect(TimelineValidator.isBlank(text) == isBlank)
    #expect(TimelineValidator.isBlank(text) == text.allSatisfy(\.isWhitespace))
  }

  @Test func anachronismsAndCycles() {
    let text = """
      entities:
        - {id: old, kind: document, title: Old, date: "1992"}
        - {id: new, kind: document, title: New, date: "2021-02-17"}
        - {id: a, kind: event, title: A, date: "2023", partOf: b}
        - {id: b, kind: event, title: B, date: "2023", partOf: a}
      relations:
        - {from: old, type: cites, to: new}
        - {from: old, type: reports, to: a}
      """
    #expect(diagnose(text) == [
      "t.yaml:7:34: warning: 'old' (dated 1992) cites 'new', which is dated later (2021-02-17) [relations[0].to]",
      "t.yaml:8:36: warning: 'old' (dated 1992) reports 'a', which begins later (2023) [relations[1].to]",
      "t.yaml:4:10: warning: cycle in 'part-of': 'a' → 'b' → 'a' [entities[2].id]",
    ])
  }

  @Test func undatedEventsAndUnknownKeysWarn() {
    let text = preamble + """

        - {id: e, kind: event, title: E, colour: red}
      relations:
        - {from: aliyev, type: signed, to: letter}
        - {from: letter, type: reports, to: e}
      """
    #expect(diagnose(text) == [
      "t.yaml:4:36: warning: unknown key 'colour' in an event is ignored [entities[2].colour]",
      "t.yaml:4:10: warning: event 'e' has no date; it is listed as undated [entities[2].id]",
    ])
  }

  @Test func mergingFilesUnitesListsAndReportsConflicts() throws {
    var builder = TimelineBuilder()
    TimelineReader.read("""
      entities:
        - {id: k, kind: place, name: Khojaly, aliases: [Xocalı], sources: [{document: d, locator: p. 1}]}
        - {id: d, kind: document, title: D, date: "2021"}
      """, file: "a.yaml", into: &builder)
    TimelineReader.read("""
      entities:
        - {id: k, kind: place, name: Khojaly, aliases: [Khodjaly], sources: [{document: d, locator: p. 2}]}
        - {id: d, kind: document, title: D2, date: "2021"}
      """, file: "b.yaml", into: &builder)
    let result = builder.validate()
    #expect(result.diagnostics.map(\.description) == [
      "b.yaml:3:36: error: 'd' has two different values for 'title': 'D' (a.yaml:3:36) and 'D2' (b.yaml:3:36) [entities[1].title]",
      "a.yaml:2:10: warning: place 'k' is not related to anything (no relation, reference, citation or claim) [entities[0].id]",
    ])
    let khojaly = try #require(result.graph.entity(id: "k"))
    #expect(khojaly.aliases == ["Xocalı", "Khodjaly"])
    #expect(khojaly.sources.map(\.locator) == ["p. 1", "p. 2"])
    #expect(khojaly.sources.map(\.file) == ["a.yaml", "b.yaml"])
  }

  /// Ids are compared code point by code point: NFC and NFD spellings are two
  /// entities, each found by its own spelling, with a `look-alike-ids` warning; a
  /// reference in the other spelling is dangling and says why.
  @Test func idsDifferingOnlyInNormalisationAreTwoEntities() throws {
    let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
    #expect(nfc == nfd)  // what Swift's `==` says, and why ids need their own comparison
    var builder = TimelineBuilder()
    builder.add(Entity(id: nfc, kind: .person, label: "NFC"))
    builder.add(Entity(id: nfd, kind: .person, label: "NFD"))
    builder.add(Entity(id: "e", kind: .event, label: "E"))
    builder.add(Relation(from: nfd, type: "participant", to: "e"))
    builder.add(Relation(from: nfc, type: "participant", to: "e"))
    let result = builder.validate()
    #expect(result.graph.count == 3)
    #expect(result.graph.entity(id: nfc)?.label == "NFC")
    #expect(result.graph.entity(id: nfd)?.label == "NFD")
    #expect(result.graph.edges.count == 2)
    let codes = result.diagnostics.map(\.code)
    #expect(codes.contains(.lookAlikeIDs))
    #expect(!codes.contains(.duplicateID) && !codes.contains(.danglingReference))
    let warning = try #require(result.diagnostics.first { $0.code == .lookAlikeIDs })
    #expect(warning.message
      == "id '\(nfd)' differs only in Unicode normalisation from '\(nfc)' (U+0065 U+0301 here, U+00E9 there); "
        + "they are two different entities: spell both the same way if they are one")

    let dangling = diagnose("""
      entities:
        - {id: "caf\\u00E9", kind: person, name: A}
        - {id: e, kind: event, title: E, date: "1992"}
      relations:
        - {from: "cafe\\u0301", type: participant, to: e}
      """)
    #expect(dangling.first == "t.yaml:5:12: error: 'from' refers to '\(nfd)', but no entity has that id; the id "
      + "'\(nfc)' differs from it only in Unicode normalisation (U+0065 U+0301 here, U+00E9 there), and ids are "
      + "compared code point by code point [relations[0].from]")
  }

  /// The same id from two files merges only when its code points are the same.
  @Test func filesSpellingAnIDDifferentlyAreNotMerged() {
    var builder = TimelineBuilder()
    TimelineReader.read("entities:\n  - {id: \"caf\\u00E9\", kind: person, name: A}\n", file: "a.yaml", into: &builder)
    TimelineReader.read("entities:\n  - {id: \"cafe\\u0301\", kind: person, name: B}\n", file: "b.yaml", into: &builder)
    TimelineReader.read("entities:\n  - {id: \"cafe\\u0301\", kind: person, name: B, aliases: [C]}\n", file: "c.yaml", into: &builder)
    let graph = builder.validate().graph
    #expect(graph.entities.map(\.label) == ["A", "B"])
    #expect(graph.entity(id: "cafe\u{301}")?.aliases == ["C"])
  }

  /// An empty item in a list of texts holds nothing: ignored, with a warning, in YAML
  /// (`~`, `null`, `Null`, `- ` alone) and JSON (`null`).
  @Test func emptyListItemsAreIgnoredWithAWarning() throws {
    #expect(diagnose("""
      entities:
        - id: a
          kind: person
          name: A
          aliases: [Null, ~, Aa, ""]
          notes:
            -
            - kept
      relations: [{from: a, type: member-of, to: o}]
      """).prefix(4) == [
      "t.yaml:5:15: warning: an empty item (null) in 'aliases' is ignored; expected text [entities[0].aliases[0]]",
      "t.yaml:5:21: warning: an empty item (null) in 'aliases' is ignored; expected text [entities[0].aliases[1]]",
      "t.yaml:5:28: warning: an empty item (empty text) in 'aliases' is ignored; expected text [entities[0].aliases[3]]",
      "t.yaml:7:8: warning: an empty item (null) in 'notes' is ignored; expected text [entities[0].notes[0]]",
    ])
    #expect(diagnose("entities:\n  - {id: a, kind: person, name: A, aliases: [\"\"]}\n").first
      == "t.yaml:2:46: warning: an empty item (empty text) in 'aliases' is ignored; expected text [entities[0].aliases[0]]")
    var builder = TimelineBuilder()
    TimelineReader.read(#"{"entities": [{"id": "a", "kind": "person", "name": "A", "notes": [null, "kept"]}]}"#,
                        file: "t.json", into: &builder)
    let result = builder.validate()
    #expect(result.diagnostics.first?.description
      == "t.json:1:68: warning: an empty item (null) in 'notes' is ignored; expected text [entities[0].notes[0]]")
    #expect(result.graph.entity(id: "a")?.notes == ["kept"])
  }

  /// On two threads the validator reports the same diagnostics in the same order.
  @Test func twoThreadsGiveTheSameDiagnostics() throws {
    var builder = TimelineBuilder()
    let generated = TimelineGenerator(events: 400, seed: 3).bytes(.json)
    TimelineReader.read(generated, file: "g.json", into: &builder)
    // Problems of every group: dangling references, wrong kinds, loose ends, a cycle.
    builder.add(Relation(from: "nobody", type: "participant", to: "event-1"))
    builder.add(Relation(from: "event-1", type: "signed", to: "event-2"))
    builder.add(Entity(id: "alone", kind: .person, label: "Alone"))
    builder.add(Relation(from: "event-3", type: "precedes", to: "event-4"))
    builder.add(Relation(from: "event-4", type: "precedes", to: "event-3"))
    builder.add(Claim(subject: "ghost", property: "dead", value: .number(ClaimNumber(1))))
    let graph = builder.validate().graph
    let validator = TimelineValidator(graph: graph)
    let one = validator.diagnostics(onTwoThreads: false)
    let two = validator.diagnostics(onTwoThreads: true)
    #expect(one.count >= 6)
    #expect(two == one)
    #expect(Set(one.map(\.code)).isSuperset(of: [.danglingReference, .relationSignature, .unrelatedEntity, .cycle]))
  }

  /// The warning names only the code points that differ, and long ids do not cut it.
  @Test func lookAlikeWarningNamesTheDifferingCodePoints() throws {
    let shared = "\u{15E}\u{259}hidl\u{259}r-xiyaban\u{131}-" + String(repeating: "x", count: 90)
    let nfc = shared + "\u{E9}\u{E9}", nfd = shared + "e\u{301}e\u{301}"
    var builder = TimelineBuilder()
    builder.add(Entity(id: nfc, kind: .person, label: "A"))
    builder.add(Entity(id: nfd, kind: .person, label: "B"))
    let warning = try #require(builder.validate().diagnostics.first { $0.code == .lookAlikeIDs })
    #expect(warning.message.contains("(U+0065 U+0301 U+0065 U+0301 here, U+00E9 U+00E9 there)"))
    #expect(warning.message.contains("differs only in Unicode normalisation from '"))
    #expect(warning.message.hasSuffix("they are two different entities: spell both the same way if they are one"))
    #expect(TimelineValidator.differingCodePoints("ab", "abc") == "nothing here, U+0063 there")
  }
}
