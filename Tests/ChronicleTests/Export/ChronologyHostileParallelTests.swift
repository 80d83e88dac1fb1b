import Testing

@testable import Chronicle

/// The two-thread chronology, with the names it makes ahead,
/// gives the bytes of the single-thread path on hostile text: controls, line breaks,
/// combining marks, wide characters, bidirectional controls, Markdown punctuation,
/// long words and empty strings in labels, aliases, types, identifiers, roles,
/// locators and figures; ids that differ only in normalization.
struct ChronologyHostileParallelTests {
  private static let options: [ChronologyOptions] = [
    ChronologyOptions(), ChronologyOptions(width: 20), ChronologyOptions(width: 0), ChronologyOptions(ascii: true),
    ChronologyOptions(format: .markdown), ChronologyOptions(format: .markdown, width: 30, ascii: true),
  ]

  /// Hostile texts: the fast-path pieces and strings made of them, long words and empty strings.
  private static func texts(_ count: Int, seed: UInt64) -> [String] {
    let extra = ["", " ", String(repeating: "w", count: 90), "x" + String(repeating: "\u{301}", count: 30),
                 String(repeating: "叶", count: 50), "line\nbreak", "- dash", "12. item", "\u{202E}open"]
    return extra + ChronologyFastPathTests.strings(count: count, length: 7, seed: seed)
  }

  static func hostileGraph(seed: UInt64) throws -> TimelineGraph {
    let texts = Self.texts(120, seed: seed)
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    func text() -> String { texts[next(texts.count)] }
    let dates = try ["1992-02-25", "1992-02", "1992?", "1991-24", "1992-02-25/1992-02-26", "1990~", "../1993",
                     "1992-03-01", "1992-04-11?", "1992-05", "1993-01-02%"].map { try EDTFDate($0) }
    var builder = TimelineBuilder()
    // Documents cited with locators that differ in normalization only, or are empty.
    let documents = (0..<12).map { "doc-\($0)" }
    let places = (0..<8).map { "place-\($0)" }
    let people = (0..<10).map { "person-\($0)" }
    func citation() -> Citation {
      let locators: [String?] = [nil, "", "p. é", "p. e\u{301}", "\u{212A}", "K", text()]
      // Now and then a source that is no document, or not in the timeline.
      let document = [
        "missing-\(next(3))", places[next(places.count)], people[next(people.count)], documents[next(documents.count)],
      ][min(next(20), 3)]
      return Citation(document: document, locator: locators[next(locators.count)])
    }
    func citations() -> [Citation] { (0..<next(4)).map { _ in citation() } }
    for (offset, id) in documents.enumerated() {
      var document = Entity(id: id, kind: .document, label: text())
      document.type = [nil, "", text()][offset % 3]
      document.identifiers = (0..<next(3)).map { _ in
        DocumentIdentifier(scheme: [.unSymbol, .doi, .url, .number, DocumentIdentifier.Scheme(rawValue: text())][next(5)],
                           value: text())
      }
      document.date = offset % 4 == 0 ? nil : dates[next(dates.count)]
      document.sources = citations()
      builder.add(document)
    }
    for (offset, id) in places.enumerated() {
      var place = Entity(id: id, kind: .place, label: text())
      place.aliases = (0..<(offset % 3)).map { _ in text() }
      builder.add(place)
    }
    for id in people { builder.add(Entity(id: id, kind: .person, label: text())) }
    builder.add(Relation(from: documents[1], type: RelationType.cites.id, to: documents[2], locator: text(),
                         sources: citations()))
    for number in 0..<90 {
      var event = Entity(id: "event-\(number)", kind: .event, label: text())
      event.date = number % 9 == 0 ? nil : dates[next(dates.count)]
      event.place = places[next(places.count)]
      event.sources = citations()
      if number > 0, number % 5 == 0 { event.partOf = "event-\(number - 1)" }
      builder.add(event)
      for _ in 0..<next(3) {
        builder.add(Relation(from: people[next(people.count)], type: RelationType.participant.id, to: event.id,
                             role: [nil, text()][next(2)], date: [nil, dates[next(dates.count)]][next(2)],
                             locator: [nil, text()][next(2)], sources: citations()))
      }
      if next(3) == 0 {
        builder.add(Relation(from: event.id, type: RelationType.locatedIn.id, to: places[next(places.count)],
                             sources: citations()))
      }
      for _ in 0..<next(3) {
        builder.add(Claim(subject: event.id, property: ["killed", text()][next(2)],
                          value: [.text(text()), .number(ClaimNumber(Double(next(5))))][next(2)],
                          unit: [nil, text()][next(2)], qualifier: [nil, text()][next(2)],
                          claimant: [nil, people[next(people.count)], documents[next(documents.count)], "nobody"][next(4)],
                          sources: citations()))
      }
    }
    for (offset, id) in (documents + places + people).enumerated() where offset % 3 == 0 {
      builder.add(Claim(subject: id, property: text(), value: .text(text()), sources: citations()))
    }
    builder.add(Claim(subject: "absent", property: text(), value: .text(text()), sources: citations()))
    let graph = builder.validate().graph
    #expect(graph.chronological.count + graph.undated.count >= 90)
    return graph
  }

  @Test(arguments: [1, 2, 3, 4])
  func hostileTextGivesTheSameBytes(seed: UInt64) throws {
    let graph = try Self.hostileGraph(seed: seed)
    for options in Self.options {
      var alone = ChronologyRenderer(graph: graph, options: options)
      alone.parallelEntries = .max
      let expected = alone.render()
      #expect(!expected.isEmpty)
      for block in [1, 3, 64] {
        var parallel = ChronologyRenderer(graph: graph, options: options)
        parallel.parallelEntries = -1
        parallel.blockEntries = block
        let same = parallel.render() == expected
        #expect(same, "seed \(seed), \(options), blocks of \(block)")
      }
    }
  }

  /// Each name made ahead is the name the renderer writes; an event's is not made.
  @Test func namesAreThoseTheRendererWrites() throws {
    let graph = try Self.hostileGraph(seed: 5)
    for (ascii, markdown) in [(false, false), (true, false), (false, true), (true, true)] {
      let sanitizer = ChronologySanitizer(ascii: ascii, markdown: markdown)
      let names = try #require(ChronologyNames(graph, sanitizer: sanitizer))
      for position in 0..<graph.count {
        var made: [UInt8] = []
        let kept = names.append(position, to: &made)
        #expect(kept == (graph.entities[position].kind != .event))
        guard kept else {
          #expect(made.isEmpty)
          continue
        }
        var written: [UInt8] = []
        var fresh = sanitizer
        ChronologyRenderer.appendName(of: position, in: graph, sanitizer: &fresh, to: &written)
        #expect(made == written, "\(graph.entities[position].id) ascii \(ascii) markdown \(markdown)")
      }
    }
  }
}

/// The shortcuts taken on every paragraph and every claim give the bytes of the
/// general paths.
struct ChronologyShortcutTests {
  /// A paragraph known to be ASCII is wrapped counting bytes as columns: the same lines
  /// as counting columns character by character.
  @Test func asciiParagraphsWrapAsCountedByCharacter() {
    let ascii = ChronologyFastPathTests.strings(count: 3000, length: 12, seed: 21)
      .map { String($0.unicodeScalars.filter(\.isASCII)) }
      + ["", " ", "\u{0}\u{1B} \u{7F}", String(repeating: "long", count: 40) + " a", "a\n\nb  c ", "- 1. *"]
    #expect(ascii.filter { !$0.isEmpty }.count > 2000)
    for (offset, text) in ascii.enumerated() {
      let width = [0, 1, 5, 12, 20, 33, 80][offset % 7]
      for markdown in [false, true] {
        let wrapper = TextWrapper(width: width, keepsBlockMarkersInline: markdown)
        var counted: [UInt8] = []
        var byBytes: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { bytes in
          wrapper.wrapWords(bytes, prefix: Array("  - ".utf8), indent: Array("    ".utf8), into: &counted)
          Array("  - ".utf8).withUnsafeBufferPointer { prefix in
            Array("    ".utf8).withUnsafeBufferPointer { indent in
              wrapper.wrapWords(bytes, prefix: prefix, indent: indent, ascii: true, into: &byBytes)
            }
          }
        }
        #expect(counted == byBytes, "\(Array(text.unicodeScalars)) width \(width) markdown \(markdown)")
      }
    }
  }

  /// The one-pass shape of a paragraph: whether it fits on one line as the rule says,
  /// and whether it is ASCII.
  @Test func shapeOfAParagraph() {
    let texts = ChronologyFastPathTests.strings(count: 2000, length: 6, seed: 23) + ["", " a", "a ", "a  b", "a\nb", "ab"]
    for (offset, text) in texts.enumerated() {
      let width = [0, 3, 8, 40][offset % 4]
      Array(text.utf8).withUnsafeBufferPointer { bytes in
        let shape = TextWrapper.shape(of: bytes, after: 2, width: width)
        // Bytes, not characters: a space before a combining mark is a space.
        let utf8 = Array(text.utf8), space = UInt8(ascii: " ")
        let doubled = zip(utf8, utf8.dropFirst()).contains { $0 == space && $1 == space }
        let fits = !utf8.isEmpty && utf8.first != space && utf8.last != space && !utf8.contains(10) && !doubled
          && (width <= 0 || 2 + bytes.count <= width)
        #expect(shape.fitsOneLine == fits, "\(Array(text.unicodeScalars)) width \(width)")
        #expect(shape.ascii == text.utf8.allSatisfy { $0 < 0x80 }, "\(Array(text.unicodeScalars))")
      }
    }
  }

  /// A single claim's statement, made without the tables, is the one the tables make.
  @Test func oneClaimMakesOneStatement() throws {
    let graph = try ChronologyHostileParallelTests.hostileGraph(seed: 6)
    #expect(graph.claims.count > 20)
    for claim in graph.claims {
      let quick = ChronologyRenderer.properties([claim])
      let grouped = ChronologyRenderer.groupedProperties([claim])
      #expect(quick.count == 1 && grouped.count == 1)
      #expect(quick.first?.property == grouped.first?.property)
      #expect(quick.first?.statements.count == 1 && grouped.first?.statements.count == 1)
      #expect(quick.first?.statements.first?.claim == grouped.first?.statements.first?.claim)
      #expect(quick.first?.statements.first?.sources == grouped.first?.statements.first?.sources)
    }
  }

  /// Claims grouped by comparing each with those before (a subject's few claims) and
  /// through hash tables (many) give the same properties, statements and sources:
  /// lists drawn from a hostile graph's claims with repeats, a repeat citing another
  /// source, and a property shared by several.
  @Test func scannedAndHashedGroupingsAgree() throws {
    let graph = try ChronologyHostileParallelTests.hostileGraph(seed: 9)
    let claims = graph.claims
    #expect(claims.count > 20)
    var random = GeneratorRandom(seed: 42)
    func summary(_ groups: [(property: String, statements: [ChronologyRenderer.Statement])]) -> [String] {
      groups.map { group in
        group.property + ": " + group.statements.map { "\($0.claim) \($0.sources)" }.joined(separator: " | ")
      }
    }
    for round in 0..<200 {
      var list: [Claim] = []
      for _ in 0..<Int.random(in: 1...40, using: &random) {
        var claim = claims.randomElement(using: &random)!
        if Bool.random(using: &random) { claim.property = claims[round % claims.count].property }
        if Int.random(in: 0..<4, using: &random) == 0, let source = claims.randomElement(using: &random)!.sources.first {
          claim.sources = [source]
        }
        list.append(claim)
        if Int.random(in: 0..<3, using: &random) == 0 { list.append(claim) }
      }
      let scanned = summary(ChronologyRenderer.groupedProperties(list, scanning: .max))
      let hashed = summary(ChronologyRenderer.groupedProperties(list, scanning: 0))
      #expect(scanned == hashed, "round \(round)")
      #expect(summary(ChronologyRenderer.properties(list)) == hashed, "round \(round)")
    }
  }
}
