import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whether Graphviz's `dot` is on PATH. Under CI a missing `dot` is a failure, not a skip.
let graphvizInstalled: Bool = {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/dot") }
}()

let runningUnderCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false

/// `chronicle export` and `chronicle render`, run end to end.
@Suite struct ExportCommandTests {
  @Test func jsonExportReadsBackAndIsByteIdenticalOnReexport() throws {
    let folder = try temporaryFolder(with: [:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try runChronicle(["export", "--format", "json", "-o", "first.json"] + khojalyFiles, currentDirectory: folder)
    #expect(first.status == 0)
    #expect(first.stdout == "")
    let check = try runChronicle(["validate", "--strict", "first.json"], currentDirectory: folder)
    #expect(check.status == 0)
    let second = try runChronicle(["export", "-o", "second.json", "first.json"], currentDirectory: folder)
    #expect(second.status == 0)
    let a = try Data(contentsOf: folder.appendingPathComponent("first.json"))
    let b = try Data(contentsOf: folder.appendingPathComponent("second.json"))
    #expect(a == b)
    #expect(a.count > 10_000)
  }

  @Test func compactJSONIsOneLine() throws {
    let result = try runChronicle(["export", "--format", "json", "--compact"] + khojalyFiles)
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").count == 1)
  }

  @Test func textAndMarkdownChronologies() throws {
    let text = try runChronicle(["export", "--format", "text", "--width", "60"] + khojalyFiles)
    #expect(text.status == 0)
    #expect(text.stdout.contains("25–26 February 1992"))
    let lines = text.stdout.split(separator: "\n")
    // A line may pass the width only when it is one word (a long URL) after its indent.
    #expect(lines.filter { $0.count > 60 && $0.drop { $0 == " " }.contains(" ") }.isEmpty)
    let ascii = try runChronicle(["export", "--format", "text", "--ascii"] + khojalyFiles)
    #expect(ascii.stdout.unicodeScalars.filter { !$0.isASCII }.isEmpty)
    let markdown = try runChronicle(["export", "--format", "markdown"] + khojalyFiles)
    #expect(markdown.stdout.contains("## 1992"))
  }

  @Test func formatFollowsTheOutputExtension() throws {
    let folder = try temporaryFolder(with: [:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(["export", "-o", "graph.dot"] + khojalyFiles, currentDirectory: folder)
    #expect(result.status == 0)
    let dot = try String(contentsOf: folder.appendingPathComponent("graph.dot"), encoding: .utf8)
    #expect(dot.hasPrefix("digraph") || dot.hasPrefix("strict digraph"))
  }

  @Test func invalidInputWritesNothingAndLeavesTheOldFile() throws {
    let folder = try temporaryFolder(with: [
      "bad.yaml": "entities:\n  - {id: a, kind: event, title: A, date: \"1991-02-29\"}\n",
      "old.txt": "previous chronology\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(["export", "--format", "text", "-o", "old.txt", "bad.yaml"], currentDirectory: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.yaml:2:51: error: '1991-02-29'"))
    #expect(try String(contentsOf: folder.appendingPathComponent("old.txt"), encoding: .utf8) == "previous chronology\n")
    let render = try runChronicle(["render", "-o", "new.svg", "bad.yaml"], currentDirectory: folder)
    #expect(render.status == 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["bad.yaml", "old.txt"])
  }

  @Test func filtersNarrowTheExport() throws {
    let all = try runChronicle(["stats", "--json"] + khojalyFiles)
    let only1992 = try runChronicle(["stats", "--json", "--from", "1992", "--to", "1992", "--kinds", "event"] + khojalyFiles)
    #expect(only1992.status == 0)
    #expect(only1992.stdout.count < all.stdout.count)
    let bad = try runChronicle(["export", "--from", "1992-13"] + khojalyFiles)
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("--from '1992-13'"))
  }

  @Test func renderWithoutGraphvizIsExitTwoWithInstallAdvice() throws {
    let folder = try temporaryFolder(with: [:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(
      ["render", "-o", "k.svg"] + khojalyFiles, currentDirectory: folder, environment: ["PATH": "/nonexistent"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("apt-get install graphviz"))
    #expect(result.stderr.contains("brew install graphviz"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func renderProducesAWellFormedSVG() throws {
    guard graphvizInstalled else {
      #expect(!runningUnderCI, "Graphviz's dot is required under CI")
      return
    }
    let folder = try temporaryFolder(with: [:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(["render", "-o", "k.svg"] + khojalyFiles, currentDirectory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: folder.appendingPathComponent("k.svg"))
    let parser = XMLParser(data: data)
    #expect(parser.parse(), "the SVG is not well-formed XML")
    let svg = String(decoding: data, as: UTF8.self)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("Khojaly"))
    #expect(!svg.contains("<image"))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names == ["k.svg"])  // no temporary file left behind
  }

  @Test func renderTimeoutStopsGraphviz() throws {
    guard graphvizInstalled else {
      #expect(!runningUnderCI, "Graphviz's dot is required under CI")
      return
    }
    let folder = try temporaryFolder(with: ["old.svg": "old"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(
      ["render", "--timeout", "0.001", "--view", "network", "-o", "old.svg"] + khojalyFiles, currentDirectory: folder)
    #expect(result.status == 2)
    #expect(result.stderr.contains("did not finish within"))
    #expect(try String(contentsOf: folder.appendingPathComponent("old.svg"), encoding: .utf8) == "old")
  }
}
