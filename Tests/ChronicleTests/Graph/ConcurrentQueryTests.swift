import Foundation
import Testing

import Chronicle

/// One shared ``TimelineGraph`` queried from many tasks at once: every answer must
/// equal the one computed on a single thread. A graph is an immutable value shared
/// by reference (its arrays, its index, the dates' storage), so this is what
/// `swift test --sanitize=thread` checks for data races:
///
///     swift test --sanitize=thread --scratch-path .build-tsan --filter ConcurrentQueryTests
@Suite struct ConcurrentQueryTests {
  /// An answer, as a plain value that compares with `==`.
  enum Answer: Equatable, Sendable {
    case ids([String])
    case bytes([UInt8])
    case text(String)
    case graph(TimelineGraph)
    case statistics(TimelineStatistics)
  }

  /// A query with a name for failure messages.
  struct Query: Sendable {
    var name: String
    var run: @Sendable (TimelineGraph) -> Answer
  }

  /// The children in each task group.
  static let taskCount = 16
  /// How many times each child runs every query (each child starts at another query).
  static let rounds = 2

  // MARK: Graphs

  /// A generated timeline: every EDTF form, all relation types, disagreeing claims
  /// and, here and there, hostile but valid text.
  static func generated() throws -> TimelineGraph {
    try TimelineGenerator(events: 240, seed: 11).graph()
  }

  /// The shipped example: both Khojaly letters merged into one graph.
  static func khojaly() throws -> TimelineGraph {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/Khojaly")
    var builder = TimelineBuilder()
    TimelineReader.read(
      contentsOf: [folder.appendingPathComponent("letter-2021.yaml").path, folder.appendingPathComponent("letter-2025.yaml").path],
      into: &builder)
    return try builder.build()
  }

  // MARK: Queries

  /// The ids of entities.
  static func ids(_ graph: TimelineGraph, _ indices: some Sequence<EntityIndex>) -> [String] {
    indices.map { graph[$0].id }
  }

  /// The queries: time windows, neighbourhoods, text matches, filters, statistics and
  /// every exporter, with arguments taken from the graph so that each finds something.
  static func queries(for graph: TimelineGraph) throws -> [Query] {
    let dated = graph.chronological
    try #require(dated.count >= 4, "the graph needs dated entities")
    let firstDay = try #require(graph[dated[dated.count / 4]].date?.earliest)
    let lastDay = try #require(graph[dated[dated.count * 3 / 4]].date?.latest ?? firstDay)
    let from = try EDTFDate(firstDay.description)
    let to = try EDTFDate(max(firstDay, lastDay).description)
    // The best-connected entity, and a word of an event's label.
    let focus = try #require(graph.entities.indices.max { a, b in
      graph.neighbours(of: EntityIndex(rawValue: Int32(a))).count < graph.neighbours(of: EntityIndex(rawValue: Int32(b))).count
    }.map { graph.entities[$0].id })
    let word = try #require(graph[dated[dated.count / 2]].label.split(separator: " " as Character).map(String.init).max { $0.count < $1.count })
    let types = Set(graph.edges.prefix(40).map(\.type))

    return [
      Query(name: "time window") { .ids(Self.ids($0, $0.entities(between: from, and: to))) },
      Query(name: "open window") { .ids(Self.ids($0, $0.entities(between: nil, and: from) + $0.entities(between: to, and: nil))) },
      Query(name: "neighbourhood") { .ids(Self.ids($0, $0.neighbourhood(of: focus, depth: 2).sorted())) },
      Query(name: "typed neighbourhood") { .ids(Self.ids($0, $0.neighbourhood(of: focus, depth: 3, relationTypes: types).sorted())) },
      Query(name: "text match") { .ids(Self.ids($0, $0.entities(matching: word))) },
      Query(name: "text match, folded") { .ids(Self.ids($0, $0.entities(matching: word.uppercased()))) },
      Query(name: "kinds") { .ids(Self.ids($0, $0.entities(ofKinds: [.event, .document]))) },
      Query(name: "relation types") { .text($0.relations(ofTypes: types).map { "\($0.from)>\($0.to)" }.joined(separator: " ")) },
      Query(name: "lookup and adjacency") { graph in
        var lines: [String] = []
        for entity in graph.entities {
          guard let index = graph.index(of: entity.id) else { return .text("missing \(entity.id)") }
          lines.append(
            "\(entity.id) \(graph.outgoing(from: index).count) \(graph.incoming(to: index).count) "
              + "\(graph.neighbours(of: index).count) \(graph.claims(about: index).count) \(graph.date(of: index)?.description ?? "-")")
        }
        return .text(lines.joined(separator: "\n"))
      },
      Query(name: "chronological") { .ids(Self.ids($0, $0.chronological) + Self.ids($0, $0.undated)) },
      Query(name: "disagreements") { .text($0.disagreements.map { "\($0.subject) \($0.property) \($0.claims.count)" }.joined(separator: "\n")) },
      Query(name: "statistics") { .statistics(TimelineStatistics(graph: $0)) },
      Query(name: "filtered by window") { .graph($0.filtered(by: GraphFilter(from: from, to: to))) },
      Query(name: "filtered by focus and text") {
        .graph($0.filtered(by: GraphFilter(kinds: [.event, .document, .person], focus: focus, depth: 2, match: word)))
      },
      Query(name: "JSON") { .bytes(JSONExporter().export($0)) },
      Query(name: "compact JSON of a filtered graph") {
        .bytes(JSONExporter(pretty: false).export($0.filtered(by: GraphFilter(from: from))))
      },
      Query(name: "DOT timeline") { .bytes(DOTExporter().export($0)) },
      Query(name: "DOT network by kind") { .bytes(DOTExporter(options: DOTOptions(view: .network, clustering: .kind)).export($0)) },
      Query(name: "DOT timeline by year, filtered") {
        .bytes(DOTExporter(options: DOTOptions(clustering: .year)).export($0.filtered(by: GraphFilter(focus: focus, depth: 1))))
      },
      Query(name: "text chronology") { .text(ChronologyExporter().export($0)) },
      Query(name: "Markdown chronology, ASCII") {
        .text(ChronologyExporter(options: ChronologyOptions(format: .markdown, width: 60, ascii: true)).export($0))
      },
    ]
  }

  // MARK: Running

  /// Runs every query from ``taskCount`` tasks at once, ``rounds`` times each, and
  /// compares each answer with the single-threaded one.
  static func check(_ graph: TimelineGraph) async throws {
    let queries = try queries(for: graph)
    let expected = queries.map { $0.run(graph) }
    let mismatches = await withTaskGroup(of: [String].self) { group in
      for child in 0..<taskCount {
        group.addTask {
          var wrong: [String] = []
          for round in 0..<rounds {
            for step in queries.indices {
              let position = (child + step + round) % queries.count
              if queries[position].run(graph) != expected[position] {
                wrong.append("task \(child), round \(round): \(queries[position].name)")
              }
            }
          }
          return wrong
        }
      }
      var all: [String] = []
      for await wrong in group { all += wrong }
      return all
    }
    #expect(mismatches.isEmpty, "answers differ from the single-threaded ones: \(mismatches.prefix(10))")
  }

  @Test func generatedTimeline() async throws {
    try await Self.check(try Self.generated())
  }

  @Test func khojalyExample() async throws {
    try await Self.check(try Self.khojaly())
  }

  /// Graphs built, filtered and exported in many tasks at once from one shared
  /// builder value give the same bytes as on one thread.
  @Test func buildingAndExportingInParallel() async throws {
    let bytes = TimelineGenerator(events: 120, seed: 5).bytes(.json)
    var builder = TimelineBuilder()
    TimelineReader.read(bytes, file: "generated.json", into: &builder)
    let shared = builder
    let expected = try shared.build()
    let expectedJSON = JSONExporter().export(expected)
    let results = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<Self.taskCount {
        group.addTask {
          guard let graph = try? shared.build() else { return false }
          return graph == expected && JSONExporter().export(graph) == expectedJSON
        }
      }
      var all: [Bool] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == Self.taskCount)
    #expect(results.allSatisfy { $0 })
  }
}
