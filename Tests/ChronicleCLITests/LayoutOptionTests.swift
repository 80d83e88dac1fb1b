import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `--layout auto|ranked|pinned` of `export --format dot` and `render`.
@Suite struct LayoutOptionTests {
  @Test func pinnedExportPinsEveryNodeAndNamesNeato() throws {
    let result = try runChronicle(["export", "--format", "dot", "--layout", "pinned"] + khojalyFiles)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains(#"layout="neato""#))
    let nodes = result.stdoutLines.filter { $0.hasPrefix("  \"") && !$0.contains("->") }
    #expect(nodes.count > 90)
    #expect(nodes.allSatisfy { $0.contains(#"pos=""#) && $0.contains(#"!""#) }, "a node without a pinned position")
    #expect(!result.stdout.contains("rank="))
  }

  @Test func automaticLayoutKeepsTheExampleRanked() throws {
    let automatic = try runChronicle(["export", "--format", "dot"] + khojalyFiles)
    let ranked = try runChronicle(["export", "--format", "dot", "--layout", "ranked"] + khojalyFiles)
    #expect(automatic.status == 0)
    #expect(automatic.stdout == ranked.stdout)
    #expect(automatic.stdout.contains(#"rankdir="LR""#))
  }

  @Test func unknownLayoutIsAUsageError() throws {
    let result = try runChronicle(["export", "--format", "dot", "--layout", "spiral"] + khojalyFiles)
    #expect(result.status == 64)
    #expect(result.stderr.contains("spiral"))
    #expect(result.stdout.isEmpty)
  }

  @Test func pinnedLayoutRefusesAnotherEngine() throws {
    let folder = try temporaryFolder(with: [:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(
      ["render", "--layout", "pinned", "--engine", "dot", "-o", "k.svg"] + khojalyFiles, currentDirectory: folder)
    #expect(result.status == 64)
    #expect(result.stderr.contains("neato -n2"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func renderDrawsAPinnedTimelineWithNeato() throws {
    guard graphvizInstalled else {
      #expect(!runningUnderCI, "Graphviz's dot is required under CI")
      return
    }
    let folder = try temporaryFolder(with: [:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(["render", "--layout", "pinned", "-o", "k.svg"] + khojalyFiles, currentDirectory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    let data = try Data(contentsOf: folder.appendingPathComponent("k.svg"))
    #expect(XMLParser(data: data).parse(), "the SVG is not well-formed XML")
    let svg = String(decoding: data, as: UTF8.self)
    #expect(svg.contains(">1992</text>"))
    #expect(svg.contains(">no date</text>") || !svg.contains("(no date)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["k.svg"])
  }
}
