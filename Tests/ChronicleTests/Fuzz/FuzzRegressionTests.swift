import Foundation
import Testing

import Chronicle

/// Inputs the libFuzzer targets in `Fuzz/` found, kept in
/// `Fixtures/FuzzRegressions/<target>-<short-name>` and fed through the same path
/// as their target (`edtf`, `json`, `yaml` or `pipeline`): each must give a clean
/// result, a diagnostic or success, and pass the target's checks.
///
/// An input whose bug is not fixed yet is listed in ``knownIssues``: it is run in a
/// child process (an exit test, since a trap would end the test run) inside
/// `withKnownIssue`, so the suite stays green until the fix makes it pass.
@Suite struct FuzzRegressionTests {
  /// `Tests/ChronicleTests/Fixtures/FuzzRegressions`.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent("FuzzRegressions")

  /// Inputs that still fail, by file name, with what goes wrong.
  static let knownIssues: [String: String] = [:]

  /// Every regression input but the known issues, by file name.
  static let files: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasSuffix(".md") && !$0.hasPrefix(".") && knownIssues[$0] == nil }.sorted()
  }()

  @Test func folderHoldsOnlyKnownTargets() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasSuffix(".md") }
    for name in names {
      #expect(Self.target(of: name) != nil, "\(name) does not start with edtf-, json-, yaml- or pipeline-")
    }
    for name in Self.knownIssues.keys {
      #expect(names.contains(name), "known issue \(name) has no file")
    }
  }

  @Test(arguments: files) func regression(_ name: String) throws {
    let problems = try Self.problems(for: name)
    #expect(problems.isEmpty, "\(name): \(problems)")
  }

  /// A known issue runs in a child process, where a trap cannot end the test run: the
  /// child exits 1 when the input still gives problems, and crashes when it still traps.
  @Test(arguments: knownIssues.keys.sorted()) func knownIssue(_ name: String) async {
    await withKnownIssue(Comment(rawValue: Self.knownIssues[name] ?? "")) {
      await #expect(processExitsWith: .success) { [name] in
        let problems = (try? FuzzRegressionTests.problems(for: name)) ?? ["unreadable"]
        if !problems.isEmpty { exit(1) }
      }
    }
  }

  // MARK: Running an input

  enum Target: String, CaseIterable {
    case edtf, json, yaml, pipeline
  }

  static func target(of name: String) -> Target? {
    Target.allCases.first { name.hasPrefix($0.rawValue + "-") }
  }

  /// Feeds the file `name` through its target's path and returns what went wrong.
  static func problems(for name: String) throws -> [String] {
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
    switch target(of: name) {
    case .edtf: return edtf(bytes)
    case .json: return reader(bytes, format: .json)
    case .yaml: return reader(bytes, format: .yaml)
    case .pipeline: return pipeline(bytes)
    case nil: return ["no target for \(name)"]
    }
  }

  /// As `FuzzBodies.edtf`: dates separated by NUL are ordered; the canonical form parses
  /// back to an equal value, the bounds are ordered, the report's JSON reads and its
  /// text has no control character.
  static func edtf(_ bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    // Up to three dates separated by NUL: `<` must be a total order consistent with `==`.
    let dates = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).compactMap {
      try? EDTFDate(String(decoding: $0, as: UTF8.self))
    }
    for a in dates {
      for b in dates {
        if [a < b, b < a, a == b].filter({ $0 }).count != 1 { problems.append("\(a) and \(b) are not ordered") }
        for c in dates where a < b && b < c && !(a < c) { problems.append("\(a) < \(b) < \(c) but not \(a) < \(c)") }
      }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let report = EDTFReport(input: text)
    for line in [report.jsonLine(), report.jsonLine(ascii: true)] {
      do { _ = try JSONReader.read(line) } catch { problems.append("the report's JSON line does not read: \(error)") }
    }
    for block in [report.text(), report.text(ascii: true)]
    where block.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }) {
      problems.append("the report's text holds a control character: \(block.debugDescription)")
    }
    guard let date = try? EDTFDate(text) else { return problems }
    guard let again = try? EDTFDate(date.description) else {
      return problems + ["the canonical form \(date.description) does not parse"]
    }
    if again != date || again.description != date.description {
      problems.append("\(date.description) reads back as \(again.description)")
    }
    if let earliest = date.earliest, let latest = date.latest, earliest > latest {
      problems.append("earliest \(earliest) is after latest \(latest)")
    }
    if !date.humanDescription(ascii: true).unicodeScalars.allSatisfy(\.isASCII) {
      problems.append("the ASCII display is not ASCII")
    }
    _ = date.humanDescription()
    return problems
  }

  /// As `FuzzBodies.json` and `FuzzBodies.yaml`: read, then decode and validate.
  static func reader(_ bytes: [UInt8], format: InputFormat) -> [String] {
    do {
      _ = try (format == .json ? JSONReader.read(bytes) : YAMLReader.read(bytes))
    } catch {
      if let position = error.position, position.line < 1 || position.column < 1 {
        return ["error at \(position)"]
      }
      return error.message.isEmpty || error.message.contains("\n") ? ["bad message: \(error.message.debugDescription)"] : []
    }
    var builder = TimelineBuilder()
    TimelineReader.read(bytes, file: "regression", format: format, into: &builder)
    _ = builder.validate().diagnostics.map(\.description)
    return []
  }

  /// As `FuzzBodies.pipeline`: read, validate, export; the JSON export reads back as
  /// an equal graph and exports to the same bytes, the DOT keeps user text inside
  /// quotes, and the chronologies hold no control character.
  static func pipeline(_ bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    var builder = TimelineBuilder()
    TimelineReader.read(bytes, file: "regression", into: &builder)
    let result = builder.validate()
    let graph = result.graph
    for pretty in [true, false] {
      let json = JSONExporter(pretty: pretty).export(graph)
      guard !result.hasErrors else { continue }
      var reread = TimelineBuilder()
      TimelineReader.read(json, file: "regression.json", format: .json, into: &reread)
      let second = reread.validate()
      if second.hasErrors { problems.append("the JSON export does not read back: \(second.errors)") }
      if second.graph != graph { problems.append("the JSON export reads back as another graph") }
      if JSONExporter(pretty: pretty).export(second.graph) != json { problems.append("re-exporting gives other bytes") }
    }
    for options in [DOTOptions(), DOTOptions(view: .network, clustering: .kind), DOTOptions(clustering: .year),
                    DOTOptions(view: .network, clustering: .organisation, edgeLabels: false, legend: false)] {
      if let problem = dotProblem(DOTExporter(options: options).export(graph)) {
        problems.append("DOT (\(options.view), \(options.clustering)): \(problem)")
      }
    }
    for format in ChronologyOptions.Format.allCases {
      for ascii in [false, true] {
        let text = ChronologyExporter(options: ChronologyOptions(format: format, ascii: ascii)).export(graph)
        let controls = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
        if !controls.isEmpty { problems.append("\(format) chronology holds controls \(controls.map(\.value))") }
        if ascii, !text.unicodeScalars.allSatisfy(\.isASCII) { problems.append("ASCII \(format) chronology is not ASCII") }
      }
    }
    return problems
  }

  /// The first structural problem of DOT text: an unclosed quote, a control character
  /// or an escape other than `\"`, `\\`, `\n`, `\l` inside quotes, or anything outside
  /// quotes but punctuation, words, `->`, `+` and `//` comments.
  static func dotProblem(_ dot: [UInt8]) -> String? {
    var position = 0
    while position < dot.count {
      let byte = dot[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        while true {
          guard position < dot.count else { return "a quoted string is never closed" }
          let c = dot[position]
          if c == UInt8(ascii: "\"") { break }
          if c < 0x20 || c == 0x7F { return "control byte \(c) inside quotes at \(position)" }
          if c == UInt8(ascii: "\\") {
            guard position + 1 < dot.count, "\"\\nl".utf8.contains(dot[position + 1]) else { return "escape at \(position)" }
            position += 1
          }
          position += 1
        }
        position += 1
        continue
      }
      if byte == UInt8(ascii: "/"), position + 1 < dot.count, dot[position + 1] == UInt8(ascii: "/") {
        while position < dot.count, dot[position] != 0x0A { position += 1 }
        continue
      }
      let allowed = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || " \n_{}[];=,+->".utf8.contains(byte)
      if !allowed { return "byte \(byte) outside quotes at \(position)" }
      position += 1
    }
    return nil
  }
}
