import Foundation
import Testing

/// Hostile input of about 1 MB: it must finish, with bounded output. Timing is measured
/// outside the tests; here a generous limit only guards against a hang.
@Suite struct HostileBoundsTests {
  static let megabyte = 1 << 20
  /// Not a speed measurement: a guard against quadratic or exponential blow-ups.
  static let hangGuard: Duration = .seconds(60)

  /// A 1 MB JSON file on one line, with thousands of hostile ids that each draw a
  /// warning: every warning quotes a window of the 1 MB line, and printing them all
  /// stays linear.
  @Test func thousandsOfWarningsAboutAOneMegabyteLine() throws {
    var entities: [JSONValue] = []
    var size = 0
    var index = 0
    while size < Self.megabyte {
      let id = "p\(index) \"]; x [image=\"/etc/passwd\"] \u{1B}[31m \\"
      entities.append(.object([("id", .string(id)), ("kind", "person"), ("name", .string(id + " & <b>"))]))
      size += 110
      index += 1
    }
    var bytes = JSONValue.object([("entities", .array(entities))]).bytes
    bytes.removeAll { $0 == 0x0A }  // one line
    try withFolder(["big.json": bytes]) { folder in
      let start = ContinuousClock.now
      let result = try runChronicle(["validate", "big.json"], currentDirectory: folder)
      #expect(ContinuousClock.now - start < Self.hangGuard)
      #expect(result.status == 0)
      #expect(result.stderr.hasSuffix(": \(index) entities, 0 relations, 0 claims; 0 errors, \(index) warnings\n"))
      #expect(longestLine(result.stderr) <= 300)
      #expect(rawControls(in: result.stderr).isEmpty)
    }
  }

  /// A 1 MB YAML file with CRLF line endings and a warning on every entity: each
  /// warning quotes its own line (found by CRLF, not only LF).
  @Test func thousandsOfWarningsInAOneMegabyteCRLFFile() throws {
    var text = "entities:\r\n"
    var index = 0
    while text.utf8.count < Self.megabyte {
      text += "  - {id: \"p\(index)\\e[2J\", kind: person, name: \"\\u202E\(index)\"}\r\n"
      index += 1
    }
    try withFolder(["big.yaml": Array(text.utf8)]) { folder in
      let start = ContinuousClock.now
      let result = try runChronicle(["validate", "big.yaml"], currentDirectory: folder)
      #expect(ContinuousClock.now - start < Self.hangGuard)
      #expect(result.status == 0)
      #expect(result.stderr.contains("big.yaml:\(index + 1):10: warning: person 'p\(index - 1)\u{FFFD}[2J' is not related"))
      #expect(result.stderr.contains("\n \(index + 1) |   - {id: \"p\(index - 1)\\e[2J\", kind: person"))
      #expect(longestLine(result.stderr) <= 300)
      #expect(rawControls(in: result.stderr).isEmpty)
    }
  }

  /// One title of 1 MB of quotes, backslashes, controls and entities: exported in
  /// every format; the DOT splits it into `"…" + "…"` chunks Graphviz accepts.
  @Test func aOneMegabyteTitle() throws {
    let unit = "\"\\\u{0}\u{1B}[31m&amp;<b>\u{202E}👨‍👩‍👧‍👦 \r\n\\N e\u{301} "
    let title = String(repeating: unit, count: Self.megabyte / unit.utf8.count)
    let timeline = JSONValue.object([("entities", .array([
      .object([("id", "d"), ("kind", "document"), ("title", .string(title)), ("date", "1992")])
    ]))])
    try withFolder(["big.json": timeline.bytes]) { folder in
      for format in ["json", "dot", "text"] {
        let start = ContinuousClock.now
        let result = try runChronicle(["export", "--format", format, "-o", "out.\(format)", "big.json"], currentDirectory: folder)
        #expect(ContinuousClock.now - start < Self.hangGuard)
        #expect(result.status == 0, "\(format): \(result.stderr.prefix(1000))")
        #expect(longestLine(result.stderr) <= 300)
      }
      let dot = try Data(contentsOf: folder.appendingPathComponent("out.dot"))
      #expect(!dot.contains { $0 < 0x20 && $0 != 0x0A })
      // No quoted string of 16 KB or more: the longest run between two unescaped quotes.
      var longest = 0
      var run = 0
      var escaped = false
      for byte in dot {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          longest = max(longest, run)
          run = 0
          continue
        }
        run += 1
      }
      #expect(longest < 16_000)
      #expect(dot.count > Self.megabyte)
    }
  }

  /// Nesting half a million levels deep in 1 MB: refused at the depth limit.
  @Test(arguments: ["json", "yaml"])
  func oneMegabyteOfNesting(_ format: String) throws {
    let half = Self.megabyte / 2
    let body = String(repeating: "[", count: half) + String(repeating: "]", count: half)
    let text = format == "json" ? body : "entities: " + body
    try withFolder(["deep.\(format)": Array(text.utf8)]) { folder in
      let start = ContinuousClock.now
      let result = try runChronicle(["validate", "deep.\(format)"], currentDirectory: folder)
      #expect(ContinuousClock.now - start < Self.hangGuard)
      #expect(result.status == 1)
      #expect(!result.terminatedBySignal)
      #expect(result.stderr.contains(format == "json" ? "nested more than 512 levels deep" : "expected at most 512 levels"))
      #expect(longestLine(result.stderr) <= 300)
    }
  }

  /// Aliases of a long anchored string: 23 KB of YAML that would expand to 10 MB of
  /// text, past the text budget (1 MB plus four bytes per byte of input).
  @Test func aliasesOfALongStringAreBounded() throws {
    let anchored = String(repeating: "lol ", count: 5_000)  // 20 KB
    let aliases = Array(repeating: "*a", count: 500).joined(separator: ", ")
    let text = "entities:\n  - {id: d, kind: document, title: &a \"\(anchored)\", date: \"1992\"}\n"
      + "  - {id: p, kind: person, name: P, aliases: [\(aliases)]}\n"
    try withFolder(["laughs.yaml": Array(text.utf8)]) { folder in
      let start = ContinuousClock.now
      let result = try runChronicle(["export", "--format", "json", "-o", "out.json", "laughs.yaml"], currentDirectory: folder)
      #expect(ContinuousClock.now - start < Self.hangGuard)
      let written = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("out.json").path)[.size] as? Int) ?? 0
      // Refused as an alias expansion, or written at a size in proportion to the input.
      #expect(result.status == 1 || written < 100 * text.utf8.count, "\(written) bytes written")
      #expect(result.stderr.contains("aliases expand to more than"))
      #expect(written == 0)
    }
  }
}
