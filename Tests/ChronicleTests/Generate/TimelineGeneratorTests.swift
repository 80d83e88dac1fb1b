import Foundation
import Testing
@testable import Chronicle

/// The generator: the same bytes for a seed, valid output in both formats, the
/// documented counts and content, and JSON that is the exporter's own.
struct TimelineGeneratorTests {
  /// Writes `bytes` to a temporary file with `name` and returns what ``TimelineReader`` finds in it.
  private func validate(_ bytes: [UInt8], name: String) throws -> ValidationResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-generate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try OutputFile.write(bytes, to: path)
    return TimelineReader.validate(contentsOf: [path])
  }

  @Test(arguments: TimelineGenerator.Format.allCases)
  func sameSeedGivesSameBytes(format: TimelineGenerator.Format) {
    let first = TimelineGenerator(events: 500, seed: 42).bytes(format)
    #expect(first == TimelineGenerator(events: 500, seed: 42).bytes(format))
    #expect(first != TimelineGenerator(events: 500, seed: 43).bytes(format))
    #expect(first != TimelineGenerator(events: 501, seed: 42).bytes(format))
  }

  /// A fixed fingerprint: the generator must give these bytes on every platform and
  /// run. A deliberate change of the generator changes it; update it with the change.
  @Test func outputIsStableAcrossPlatforms() {
    let bytes = TimelineGenerator(events: 300, seed: 7).bytes(.json)
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    #expect(bytes.count == 176_090)
    #expect(hash == 13_083_930_522_974_993_814)
  }

  @Test(arguments: TimelineGenerator.Format.allCases)
  func twoThousandEventsValidateWithoutDiagnostics(format: TimelineGenerator.Format) throws {
    let generator = TimelineGenerator(events: 2_000, seed: 1)
    let result = try validate(generator.bytes(format), name: "generated.\(format.rawValue)")
    #expect(result.diagnostics.map(\.description) == [])
    #expect(result.graph.count == generator.counts.entities)
  }

  @Test(arguments: [0, 1, 2, 3, 5, 8, 13, 40, 99])
  func smallTimelinesValidateWithoutDiagnostics(events: Int) throws {
    for seed: UInt64 in [1, 2, 3] {
      for format in TimelineGenerator.Format.allCases {
        let bytes = TimelineGenerator(events: events, seed: seed).bytes(format)
        var builder = TimelineBuilder()
        TimelineReader.read(bytes, file: "small.\(format.rawValue)", format: format == .json ? .json : .yaml, into: &builder)
        let diagnostics = builder.validate().diagnostics.map(\.description)
        #expect(diagnostics == [], "events: \(events), seed: \(seed), \(format)")
      }
    }
  }

  @Test func countsAreAsDocumented() throws {
    let generator = TimelineGenerator(events: 2_000, seed: 5)
    let counts = generator.counts
    #expect(counts == TimelineGenerator.Counts(events: 2_000, documents: 428, people: 200, organisations: 114, places: 114))
    #expect(Double(counts.events) / Double(counts.entities) > 0.69)
    #expect(TimelineGenerator(events: 1, seed: 5).counts
      == TimelineGenerator.Counts(events: 1, documents: 2, people: 2, organisations: 2, places: 2))
    #expect(TimelineGenerator(events: 0).counts.entities == 0)

    let (bytes, summary) = generator.write(.json)
    #expect(summary.bytes == bytes.count)
    let graph = try generator.graph()
    var byKind: [EntityKind: Int] = [:]
    for entity in graph.entities { byKind[entity.kind, default: 0] += 1 }
    #expect(byKind == [.event: 2_000, .document: 428, .person: 200, .organisation: 114, .place: 114])
    // Every relation and claim written is its own: none merged into another on reading.
    #expect(graph.relations.count == summary.relations)
    #expect(graph.claims.count == summary.claims)
    let relationsPerEvent = Double(summary.relations) / 2_000
    #expect(relationsPerEvent > 3.2 && relationsPerEvent < 3.9)
    let claimsPerEvent = Double(summary.claims) / 2_000
    #expect(claimsPerEvent > 0.3 && claimsPerEvent < 0.5)
    #expect(graph.disagreements.count > 50)
  }

  @Test func usesTheWholeVocabulary() throws {
    let graph = try TimelineGenerator(events: 2_000, seed: 9).graph()
    let used = Set(graph.edges.map(\.type))
    #expect(used == Set(RelationType.builtIns.map(\.id) + ["countersigned"]))
    #expect(graph.declaredRelationTypes.map(\.id) == ["countersigned"])
    let schemes = Set(graph.entities.flatMap(\.identifiers).map(\.scheme))
    #expect(schemes == Set(DocumentIdentifier.Scheme.known))
    #expect(graph.entities.flatMap(\.identifiers).contains { $0.unSymbol?.parts.count == 2 })
    #expect(graph.entities.contains { !$0.positions.isEmpty })
    #expect(graph.entities.contains { $0.coordinates != nil })
    #expect(graph.relations.contains { $0.role != nil })
    #expect(graph.relations.contains { $0.kindOfDate == .openInterval })
    #expect(graph.claims.contains { $0.claimant != nil && $0.reportedBy != nil })
    #expect(graph.claims.contains { if case .range = $0.value { true } else { false } })
    #expect(graph.claims.contains { if case .text = $0.value { true } else { false } })
    #expect(graph.claims.contains { $0.qualifier != nil })
  }

  @Test func datesTakeEveryForm() throws {
    let graph = try TimelineGenerator(events: 2_000, seed: 3).graph()
    let dates = graph.entities.compactMap(\.date)
    let texts = dates.map(\.description)
    #expect(dates.contains { $0.precision == .day && !$0.isQualified && !$0.isInterval })
    #expect(dates.contains { $0.precision == .month })
    #expect(dates.contains { $0.precision == .year })
    #expect(dates.contains { $0.isInterval && $0.earliest != nil && $0.latest != nil })
    #expect(texts.contains { $0.hasSuffix("/..") })
    #expect(texts.contains { $0.hasPrefix("../") })
    #expect(texts.contains { $0.hasPrefix("/") })
    #expect(texts.contains { $0.hasSuffix("/") })
    for season in 21...24 { #expect(texts.contains { $0.hasSuffix("-\(season)") }, "season \(season)") }
    for quarter in 33...36 { #expect(texts.contains { $0.hasSuffix("-\(quarter)") }, "quarter \(quarter)") }
    for qualifier in ["?", "~", "%"] { #expect(texts.contains { $0.contains(qualifier) }, "\(qualifier)") }
    #expect(texts.contains { $0.contains("-?") || $0.contains("-~") || $0.contains("-%") })
    #expect(texts.contains { $0.hasSuffix("X") })
    #expect(texts.contains { $0.hasSuffix("-XX") })
    #expect(texts.contains { $0.contains("T") })
    #expect(texts.contains { $0.contains("S3") })
    #expect(dates.contains { $0.setKind == .oneOf })
    #expect(dates.contains { $0.setKind == .allOf })
    // Every date is written in canonical form.
    #expect(dates.allSatisfy { (try? EDTFDate($0.description)) == $0 })
  }

  @Test func includesHostileText() throws {
    let graph = try TimelineGenerator(events: 2_000, seed: 11).graph()
    let texts = graph.entities.flatMap { [$0.label] + $0.notes + $0.aliases + $0.sources.compactMap(\.quote) }
      + graph.relations.compactMap(\.note) + graph.claims.compactMap(\.note)
    let hostile = GeneratorVocabulary.shared.hostile.map { String(decoding: $0, as: UTF8.self) }
    let found = hostile.filter { sample in texts.contains { $0.contains(sample) } }
    #expect(found.count >= 15, "\(found)")
    #expect(texts.contains { $0.hasSuffix("\\") })
    #expect(texts.contains { $0.contains("\"") })
    #expect(texts.contains { $0.contains("\t") || $0.contains("\n") })
  }

  @Test func compactJSONIsWhatTheExporterWrites() throws {
    let generator = TimelineGenerator(events: 1_500, seed: 21)
    let bytes = generator.bytes(.json, pretty: false)
    #expect(JSONExporter(pretty: false).export(try generator.graph()) == bytes)
  }

  /// Pretty JSON has one line per top-level member and per entity, relation and claim,
  /// compact within the line, and holds the same timeline as the compact form.
  @Test func prettyJSONHasOneLinePerElement() throws {
    let generator = TimelineGenerator(events: 1_500, seed: 21)
    let pretty = generator.bytes(.json, pretty: true)
    let text = String(decoding: pretty, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"chronicle\": 1,\n  \"title\": \"Generated timeline: 1500 events, seed 21\",\n"))
    let graph = try generator.graph()
    let lines = text.split(separator: "\n")
    let elements = graph.count + graph.relations.count + graph.claims.count + graph.declaredRelationTypes.count
    // Elements, plus `{`, `}`, two members and four list openings and closings.
    #expect(lines.count == elements + 12)
    #expect(lines.filter { $0.hasPrefix("    {") }.count == elements)
    var builder = TimelineBuilder()
    TimelineReader.read(pretty, file: "pretty.json", format: .json, into: &builder)
    #expect(try builder.build() == graph)
    // Well under the exporter's full indentation.
    #expect(pretty.count < JSONExporter(pretty: true).export(graph).count * 7 / 10)
  }

  @Test func yamlReadsAsTheSameGraphAsJSON() throws {
    let generator = TimelineGenerator(events: 1_500, seed: 4)
    var builder = TimelineBuilder()
    TimelineReader.read(generator.bytes(.yaml), file: "generated.yaml", format: .yaml, into: &builder)
    let fromYAML = try builder.build()
    #expect(fromYAML == (try generator.graph()))
  }
}

extension Relation {
  fileprivate enum DateKind { case none, openInterval, other }
  fileprivate var kindOfDate: DateKind {
    guard let date else { return .none }
    return date.description.hasSuffix("/..") ? .openInterval : .other
  }
}
