import Foundation
import PropertyBased
import Testing

@testable import Chronicle

/// The fictional sample timeline of the chronology goldens.
func chronologySample() throws -> TimelineGraph {
  let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Timelines/chronology-sample.yaml").path
  var builder = TimelineBuilder()
  TimelineReader.read(contentsOf: [path], into: &builder)
  return try builder.build()
}

private let allOptions: [ChronologyOptions] = [
  ChronologyOptions(), ChronologyOptions(width: 60), ChronologyOptions(ascii: true),
  ChronologyOptions(format: .markdown), ChronologyOptions(format: .markdown, width: 40, ascii: true),
]

@Suite struct ChronologyExporterTests {
  private func export(_ graph: TimelineGraph, _ options: ChronologyOptions = .init()) -> String {
    ChronologyExporter(options: options).export(graph)
  }

  /// A graph with one document, `doc`, and the given events, each citing `doc`.
  private func graph(
    title: String? = nil, events: [(id: String, label: String, date: String?, locator: String)],
    relations: [Relation] = [], claims: [Claim] = [], strict: Bool = true
  ) throws -> TimelineGraph {
    var builder = TimelineBuilder()
    builder.title = title
    var document = Entity(id: "doc", kind: .document, label: "Report")
    document.date = try EDTFDate("2000")
    builder.add(document)
    builder.add(Entity(id: "actor", kind: .organisation, label: "Actor"))
    for event in events {
      var entity = Entity(id: event.id, kind: .event, label: event.label)
      entity.date = try event.date.map { try EDTFDate($0) }
      entity.sources = [Citation(document: "doc", locator: event.locator)]
      builder.add(entity)
    }
    for relation in relations { builder.add(relation) }
    for claim in claims { builder.add(claim) }
    // Not strict: keep the graph even when validation finds errors (empty labels).
    return strict ? try builder.build() : builder.validate().graph
  }

  // MARK: Goldens

  /// The fictional sample as a researcher would paste it: text at 80 and 60 columns,
  /// ASCII, and Markdown. Re-record with `CHRONICLE_RECORD=1 swift test`.
  @Test(arguments: [
    (ChronologyOptions(), "chronology.txt"),
    (ChronologyOptions(width: 60), "chronology-60.txt"),
    (ChronologyOptions(ascii: true), "chronology-ascii.txt"),
    (ChronologyOptions(format: .markdown), "chronology.md"),
  ])
  func sampleMatchesGolden(options: ChronologyOptions, golden: String) throws {
    assertGolden(export(try chronologySample(), options), named: golden)
  }

  // MARK: Layout

  @Test func groupsByYearAndByMonthWhenAYearIsFull() throws {
    let few = try graph(events: [
      ("a", "A", "1992-01-05", "p. 1"), ("b", "B", "1992-02-05", "p. 1"), ("c", "C", "1993", "p. 1"),
    ])
    let fewText = export(few)
    #expect(fewText.contains("\n1992\n----\n\n5 January 1992\n"))
    #expect(!fewText.contains("~~~"))

    let many = try graph(events: [
      ("y", "Year", "1992", "p. 1"), ("a", "A", "1992-01-05", "p. 1"), ("b", "B", "1992-01-09", "p. 1"),
      ("c", "C", "1992-02-05/1992-03-02", "p. 1"), ("d", "D", "1992-02-10", "p. 1"),
      ("s", "Spring", "1992-21", "p. 1"), ("o", "Open", "1992-03-01/..", "p. 1"),
    ])
    let manyText = export(many)
    // Dates given only to the year or a season come before the month headings.
    let spring = try #require(manyText.range(of: "\nspring 1992\n"))
    let january = try #require(manyText.range(of: "\nJanuary 1992\n~~~~"))
    #expect(spring.lowerBound < january.lowerBound)
    // An interval is filed under the month it starts in, an open one too.
    let february = try #require(manyText.range(of: "\nFebruary 1992\n~~~~"))
    let crossing = try #require(manyText.range(of: "\n5 February – 2 March 1992\n"))
    let march = try #require(manyText.range(of: "\nMarch 1992\n~~~~"))
    let open = try #require(manyText.range(of: "\nfrom 1 March 1992\n"))
    #expect(february.lowerBound < crossing.lowerBound && crossing.lowerBound < march.lowerBound)
    #expect(march.lowerBound < open.lowerBound)
  }

  @Test func putsDatesWithoutAStartFirst() throws {
    let text = export(try graph(events: [("a", "A", "1984", "p. 1"), ("b", "B", "../1985", "p. 2")]))
    let open = try #require(text.range(of: "\nOpen or unknown start\n---------------------\n\nuntil 1985\n  B [1]\n"))
    let year = try #require(text.range(of: "\n1984\n----\n\n1984\n  A [2]\n"))
    #expect(open.lowerBound < year.lowerBound)
  }

  @Test(arguments: [
    ("1992?", "1992? (date uncertain)"),
    ("1992~", "c. 1992"),
    ("1992%", "c. 1992? (date uncertain)"),
    ("1984?/2004~", "1984? – c. 2004 (start date uncertain)"),
    ("1984/2004?", "1984–2004? (end date uncertain)"),
    ("2004?-06-~11", "11 June 2004 (year uncertain, day approximate)"),
    ("[1667,1668]", "one of: 1667, 1668"),
  ])
  func flagsUncertainDates(date: String, line: String) throws {
    let text = export(try graph(events: [("e", "Event", date, "p. 1")]))
    #expect(text.contains("\n" + line + "\n  Event [1]\n"))
  }

  @Test func listsUndatedEventsAtTheEnd() throws {
    let text = export(try graph(events: [("u", "Undated thing", nil, "p. 1"), ("d", "Dated", "1992", "p. 2")]))
    let undated = try #require(text.range(of: "\nUndated\n-------\n\nUndated thing [2]\n"))
    let dated = try #require(text.range(of: "\n1992\n  Dated [1]\n"))
    #expect(dated.lowerBound < undated.lowerBound)
  }

  @Test func emptyGraph() throws {
    let text = export(try TimelineBuilder().build())
    #expect(text.hasPrefix("Chronology\n==========\n\nNo dated entries and no undated events."))
    #expect(!text.contains("Notes"))
    var blankTitle = TimelineBuilder()
    blankTitle.title = "  "
    #expect(export(try blankTitle.build(), ChronologyOptions(format: .markdown)).hasPrefix("# Chronology\n\nNo dated"))
  }

  // MARK: Figures

  @Test func showsDifferingFiguresSideBySideWithTheirAttribution() throws {
    let claims = [
      Claim(subject: "e", property: "killed", value: .number(ClaimNumber(613)), sources: [Citation(document: "doc", locator: "p. 3")]),
      Claim(subject: "e", property: "killed", value: .number(ClaimNumber(1324)), qualifier: "more than",
            claimant: "actor", reportedBy: "doc", sources: [Citation(document: "doc", locator: "p. 4")]),
      Claim(subject: "e", property: "killed", value: .range(low: ClaimNumber(600), high: ClaimNumber(700)), sources: []),
      Claim(subject: "actor", property: "members", value: .text("some hundreds"), sources: [Citation(document: "doc")]),
    ]
    let text = export(try graph(events: [("e", "Event", "1992", "p. 1")], claims: claims))
    #expect(text.contains("""
        Figures:
          - Figures differ — killed:
            - 613 [2]
            - more than 1,324, claimed by Actor, as reported in “Report” [3]
            - 600–700 (no source recorded)
      """))
    #expect(text.contains("\nFigures\n-------\n\nOrganisation: Actor\n  - members: some hundreds [4]\n"))
    #expect(text.contains("\n[4] Report, 2000\n"))
    let ascii = export(try graph(events: [("e", "Event", "1992", "p. 1")], claims: claims), ChronologyOptions(ascii: true))
    #expect(ascii.contains("    - Figures differ - killed:\n"))
    #expect(ascii.contains("as reported in \"Report\" [3]"))
  }

  @Test func sharesOneNoteBetweenIdenticalCitations() throws {
    var quoted = Relation(from: "actor", type: "participant", to: "b", role: "witness")
    quoted.sources = [Citation(document: "doc", locator: "p. 1", quote: "different words")]
    let text = export(try graph(
      events: [("a", "A", "1991", "p. 1"), ("b", "B", "1992", "p. 2"), ("c", "C", "1993", "p. 1")],
      relations: [quoted]))
    #expect(text.contains("  A [1]\n"))
    #expect(text.contains("  B [2]\n  Participants: Actor (witness) [1]\n"))
    #expect(text.contains("  C [1]\n"))
    #expect(text.hasSuffix("Notes\n-----\n\n[1] Report, 2000, p. 1\n[2] Report, 2000, p. 2\n"))
  }

  // MARK: Markdown

  @Test func markdownUsesHeadingsListsAndFootnotes() throws {
    let text = export(try chronologySample(), ChronologyOptions(format: .markdown))
    #expect(text.hasPrefix("# Sample chronology (fictional): the siege of Kaşıklı, 1990–2020\n\n"))
    #expect(text.contains("\n## 1992\n\n- **1992**: Displacement"))
    #expect(text.contains("\n### February 1992\n\n- **25–26 February 1992**: Assault on and capture of Kaşıklı"))
    #expect(text.contains("\n    - **Figures differ** — civilians killed:\n      - 613 people[^8]\n"))
    #expect(text.contains("\n[^1]: Report on the siege of Kaşıklı (report), September 1992, p. 2\n\n[^2]: "))
  }

  @Test func markdownEscapesHostileText() throws {
    let claims = [
      Claim(subject: "e", property: "*bold*", value: .text("<img src=x onerror=alert(1)>"), unit: "|",
            qualifier: "_it_", sources: [Citation(document: "doc", locator: "![x](http://evil)")])
    ]
    let relations = [Relation(from: "actor", type: "participant", to: "e", role: "<script>alert(1)</script>")]
    let graph = try graph(
      title: "# heading\n- list", events: [("e", "[x](javascript:alert(1))", "1992", "`code`")],
      relations: relations, claims: claims)
    let text = export(graph, ChronologyOptions(format: .markdown))
    #expect(text.hasPrefix("# \\# heading - list\n"))
    #expect(text.contains("- **1992**: \\[x\\](javascript:alert(1))[^1]\n"))
    #expect(text.contains("Participants: Actor (\\<script\\>alert(1)\\</script\\>)\n"))
    #expect(text.contains("- \\*bold\\*: \\_it\\_ \\<img src=x onerror=alert(1)\\> \\|[^2]\n"))
    #expect(text.contains("[^1]: Report, 2000, \\`code\\`\n"))
    #expect(text.contains("[^2]: Report, 2000, \\!\\[x\\](http://evil)\n"))
  }

  /// Whatever users write, Markdown output has no unescaped link, HTML, table,
  /// emphasis or heading syntax of theirs, and no control characters.
  @Test func markdownNeverLetsUserSyntaxThrough() async {
    let pieces = Gen.element(of: [
      "[", "]", "(", ")", "<", ">", "*", "_", "`", "#", "|", "!", "~", "&", "$", "\\", "-", "+", "=", "1.", " ",
      "\n", "\r", "\u{1B}", "x", "javascript:", "叶",
    ]).array(of: 0...12).map { $0.compactMap { $0 }.joined() }
    await propertyCheck(count: 200, input: pieces, pieces, pieces) { label, role, property in
      let claims = [Claim(subject: "e", property: property, value: .text(label), sources: [Citation(document: "doc", locator: role)])]
      let relations = [Relation(from: "actor", type: "participant", to: "e", role: role)]
      let graph = try graph(
        title: label, events: [("e", label, "1992", role)], relations: relations, claims: claims, strict: false)
      for width in [0, 12, 80] {
        let text = export(graph, ChronologyOptions(format: .markdown, width: width))
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        var plain = ""
        var escaped = false
        for character in text {
          if escaped { escaped = false; continue }
          if character == "\\" { escaped = true; continue }
          plain.append(character)
        }
        plain = plain.replacingOccurrences(of: "**", with: "")
          .replacingOccurrences(of: #"\[\^[0-9]+\]"#, with: "", options: .regularExpression)
        #expect(!plain.contains { "[]<>*_`|!~&$".contains($0) })
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
          // A line may open one list item of ours; neither it nor the item's text may open another block.
          let content = line.drop { $0 == " " }
          for start in [content, content.dropFirst(content.hasPrefix("- ") ? 2 : content.count)] {
            #expect(!start.hasPrefix("#") && !start.hasPrefix("+") && !start.hasPrefix("=") && !start.hasPrefix(">"))
            #expect(!start.hasPrefix("* ") && !start.hasPrefix("|") && !start.hasPrefix("`"))
            #expect(!start.hasPrefix("-") || start == content && start.hasPrefix("- "))
            #expect(start.first?.isNumber != true || !start.drop { $0.isNumber }.hasPrefix("."))
          }
        }
      }
    }
  }

  // MARK: Safety

  @Test(arguments: allOptions)
  func controlCharactersNeverReachTheOutput(options: ChronologyOptions) throws {
    let hostile = "A\u{1B}[31mred\u{1B}]8;;http://x\u{07}link\u{0}B\r\nC\rD\u{9B}E\u{7F}"
    let graph = try graph(
      title: hostile, events: [("e", hostile, "1992", hostile)],
      relations: [Relation(from: "actor", type: "participant", to: "e", role: hostile)],
      claims: [Claim(subject: "e", property: hostile, value: .text(hostile), unit: hostile, qualifier: hostile)])
    let text = export(graph, options)
    for forbidden: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{0}", "\r", "\u{9B}", "\u{7F}"] {
      #expect(!text.unicodeScalars.contains(forbidden))
    }
    #expect(text.contains(options.ascii ? "A?" : "A\u{FFFD}"))
  }

  @Test(arguments: allOptions)
  func asciiModeWritesOnlyASCII(options: ChronologyOptions) throws {
    var options = options
    options.ascii = true
    let text = export(try chronologySample(), options)
    #expect(text.utf8.allSatisfy { $0 < 0x80 })
    #expect(text.contains("Kasikli"))
    let hostile = try graph(
      title: "Xocalı – “叶” 🇺🇳 \u{202E}evil", events: [("e", "Ødegård’s … ⚠ e\u{301} \u{200B}", "1991-24", "§ 5")])
    #expect(export(hostile, options).utf8.allSatisfy { $0 < 0x80 })
  }

  @Test(arguments: allOptions)
  func isDeterministic(options: ChronologyOptions) throws {
    let first = export(try chronologySample(), options)
    let second = export(try chronologySample(), options)
    #expect(first == second)
    #expect(first.hasSuffix("\n"))
    #expect(!first.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.last == " " })
  }

  @Test func wrapsToTheWidth() throws {
    for width in [40, 60, 80] {
      let text = export(try chronologySample(), ChronologyOptions(width: width))
      for line in text.split(separator: "\n") where line.split(separator: " ").count > 1 {
        #expect(TextWrapper.columns(of: String(line)) <= width, "\(line)")
      }
    }
  }

  @Test func keepsBidirectionalControlsButClosesThem() throws {
    let text = export(try graph(events: [("e", "abc\u{202E}def", "1992", "p. 1")]))
    #expect(text.contains("  abc\u{202E}def\u{202C} [1]\n"))
  }

  @Test func exportsManyEvents() throws {
    var builder = TimelineBuilder()
    var report = Entity(id: "report", kind: .document, label: "Report")
    report.date = try EDTFDate("2030")
    builder.add(report)
    builder.add(Entity(id: "person", kind: .person, label: "Person"))
    let start = try #require(CalendarDay(year: 1990, month: 1, day: 1))
    for event in 0..<5000 {
      var entity = Entity(id: "event-\(event)", kind: .event, label: "Event \(event)")
      entity.date = try EDTFDate(try #require(CalendarDay(dayNumber: start.dayNumber + event)).description)
      entity.sources = [Citation(document: "report", locator: "p. \(event)")]
      builder.add(entity)
      builder.add(Relation(from: "person", type: "participant", to: "event-\(event)", role: "witness"))
    }
    let text = export(try builder.build())
    #expect(text.components(separatedBy: "\n  Participants: ").count == 5001)
    #expect(text.hasSuffix("[5000] Report, 2030, p. 4999\n"))
  }

  @Test(arguments: allOptions)
  func exportsTheSameBytesAsText(_ options: ChronologyOptions) throws {
    let graph = try chronologySample()
    let exporter = ChronologyExporter(options: options)
    #expect(exporter.exportBytes(graph) == Array(exporter.export(graph).utf8))
  }

  @Test(arguments: allOptions)
  func streamsTheSameBytes(_ options: ChronologyOptions) throws {
    let graph = try chronologySample()
    let exporter = ChronologyExporter(options: options)
    var streamed: [UInt8] = []
    exporter.export(graph) { streamed.append(contentsOf: $0) }
    #expect(streamed == exporter.exportBytes(graph))
    // A piece at every block: the blank lines between blocks stay where they were.
    var pieces: [[UInt8]] = []
    var renderer = ChronologyRenderer(graph: graph, options: options)
    renderer.render(chunkBytes: 1) { pieces.append(Array($0)) }
    #expect(pieces.count > 10)
    #expect(Array(pieces.joined()) == exporter.exportBytes(graph))
  }
}
