import Testing

@testable import Chronicle

/// The chronology written on two threads (entries and notes in blocks, note numbers
/// settled first) gives the bytes of the single-thread path.
struct ChronologyParallelTests {
  private static let options: [ChronologyOptions] = [
    ChronologyOptions(), ChronologyOptions(width: 60), ChronologyOptions(width: 0), ChronologyOptions(ascii: true),
    ChronologyOptions(format: .markdown), ChronologyOptions(format: .markdown, width: 40, ascii: true),
    ChronologyOptions(format: .markdown, width: 100),
  ]

  /// Thresholds and block sizes, blocks of one entry and odd sizes among them.
  private static let splits: [(threshold: Int, block: Int)] = [(-1, 1), (0, 2), (0, 3), (1, 7), (0, 64), (10, 4_096)]

  private static func renderer(
    _ graph: TimelineGraph, _ options: ChronologyOptions, threshold: Int, block: Int = 4_096
  ) -> ChronologyRenderer {
    var renderer = ChronologyRenderer(graph: graph, options: options)
    renderer.parallelEntries = threshold
    renderer.blockEntries = block
    return renderer
  }

  /// Renders on one thread and then on two with every split, whole and streamed in
  /// small pieces, and compares the bytes.
  private static func check(_ graph: TimelineGraph, _ name: String) {
    for options in Self.options {
      var alone = renderer(graph, options, threshold: .max)
      let expected = alone.render()
      for (threshold, block) in Self.splits {
        let label = "\(name), \(options), threshold \(threshold), blocks of \(block)"
        var whole = renderer(graph, options, threshold: threshold, block: block)
        // Compared as flags: a failure would print megabytes of bytes.
        let same = whole.render() == expected
        #expect(same, "\(label), whole")
        for chunkBytes in [1, 1_000] {
          var streamed: [UInt8] = []
          var pieces = 0
          var piecewise = renderer(graph, options, threshold: threshold, block: block)
          piecewise.render(chunkBytes: chunkBytes) {
            streamed.append(contentsOf: $0)
            pieces += 1
          }
          let sameStreamed = streamed == expected
          #expect(sameStreamed, "\(label), streamed in pieces of \(chunkBytes)")
          if chunkBytes == 1, block <= 7, expected.count > 10_000 { #expect(pieces > 10, "\(label)") }
        }
      }
    }
  }

  @Test(arguments: [1, 2, 3])
  func generatedTimelines(seed: UInt64) throws {
    let graph = try TimelineGenerator(events: 300, seed: seed).graph()
    // The generated timelines have what the parallel path splits: many notes, month
    // headings, figures about subjects without an entry.
    let text = ChronologyExporter().export(graph)
    #expect(text.contains("\nFigures\n") && text.contains("\nNotes\n") && text.contains("\nMarch "))
    Self.check(graph, "generated, seed \(seed)")
  }

  /// A generated timeline with undated events added, which cite its documents, take
  /// part in its relations and have figures.
  @Test func generatedTimelineWithUndatedEvents() throws {
    var builder = TimelineBuilder()
    TimelineReader.read(TimelineGenerator(events: 200, seed: 8).bytes(.json), file: "g.json", into: &builder)
    let generated = try TimelineGenerator(events: 200, seed: 8).graph()
    let documents = generated.entities.filter { $0.kind == .document }.map(\.id)
    let people = generated.entities.filter { $0.kind == .person }.map(\.id)
    for number in 0..<40 {
      var event = Entity(id: "undated-\(number)", kind: .event, label: "Undated event \(number)")
      event.sources = [Citation(document: documents[number % documents.count], locator: "p. \(number % 7)")]
      builder.add(event)
      builder.add(Relation(
        from: people[number % people.count], type: "participant", to: event.id,
        sources: [Citation(document: documents[(number * 7) % documents.count])]))
      builder.add(Claim(
        subject: event.id, property: "killed", value: .number(ClaimNumber(Double(number))),
        sources: [Citation(document: documents[(number * 3) % documents.count], locator: "para. \(number)")]))
    }
    let graph = try builder.build()
    #expect(graph.undated.count == 40)
    Self.check(graph, "generated with undated events")
  }

  @Test func shippedExampleAndSample() throws {
    Self.check(try ConcurrentQueryTests.khojaly(), "Khojaly")
    Self.check(try chronologySample(), "sample")
  }

  /// Graphs with nothing or one thing in a section: empty halves and blocks.
  @Test func smallGraphs() throws {
    Self.check(try TimelineBuilder().build(), "empty")
    for events in [1, 2, 5] {
      Self.check(try TimelineGenerator(events: events, seed: 4).graph(), "\(events) events")
    }
  }

  /// Many more notes than entries: the notes alone are written in blocks.
  @Test func notesInBlocksAfterEntriesOnOneThread() throws {
    let graph = try TimelineGenerator(events: 300, seed: 5).graph()
    for options in Self.options {
      var alone = Self.renderer(graph, options, threshold: .max)
      var notesOnly = Self.renderer(graph, options, threshold: graph.chronological.count + graph.undated.count, block: 5)
      let same = notesOnly.render() == alone.render()
      #expect(same, "\(options)")
    }
  }

  /// The numbering of citations listed in two parts is that of ``ChronologyNotes``,
  /// which assigns numbers in order of first use, wherever the parts are split.
  @Test func citationsAreNumberedByFirstUse() {
    var state: UInt64 = 17
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    let citations = (0..<2_000).map { _ in
      Citation(document: "d\(next(60))", locator: [nil, "", "p. 1", "p. \(next(9))"][next(4)])
    }
    var notes = ChronologyNotes()
    let expected = citations.map { Int32(notes.number(for: $0)) }
    for split in [0, 1, 2, 999, 1_999, 2_000] {
      var first = ChronologyCitations(), second = ChronologyCitations()
      first.append(Array(citations[..<split]))
      second.append(Array(citations[split...]))
      let numbering = ChronologyCitations.number(first, second)
      #expect(numbering.numbers == expected, "split at \(split)")
      let keys = numbering.firsts.map { ChronologyCitations.key(at: Int($0), first, second) }
      #expect(keys == notes.keys, "split at \(split)")
    }
  }
}
