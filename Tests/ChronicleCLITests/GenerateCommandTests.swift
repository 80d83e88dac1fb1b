import Foundation
import Testing

/// `chronicle generate`, run end to end: what it writes validates under `--strict`,
/// a seed gives the same bytes, `-o` writes a file, bad options fail.
@Suite struct GenerateCommandTests {
  /// A fresh empty folder, removed by the caller.
  private func emptyFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-generate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func writesJSONThatValidatesUnderStrict() throws {
    let generated = try runChronicle(["generate", "--events", "200"])
    #expect(generated.status == 0)
    #expect(generated.stderr == "")
    #expect(generated.stdout.hasPrefix("{\n  \"chronicle\": 1,\n  \"title\": \"Generated timeline: 200 events, seed 1\""))
    let validated = try runChronicle(["validate", "--strict", "-"], stdin: generated.stdout)
    #expect(validated.status == 0)
    #expect(validated.stderr.hasSuffix("0 errors, 0 warnings\n"))
    #expect(validated.stderr.contains(": 284 entities,"))
  }

  @Test func writesYAMLToAFile() throws {
    let folder = try emptyFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let generated = try runChronicle(
      ["generate", "--events", "150", "--seed", "9", "--format", "yaml", "-o", "t.yaml"], currentDirectory: folder)
    #expect(generated.status == 0)
    #expect(generated.stdout == "")
    #expect(generated.stderr == "")
    let text = try String(contentsOf: folder.appendingPathComponent("t.yaml"), encoding: .utf8)
    #expect(text.hasPrefix("chronicle: 1\ntitle: \"Generated timeline: 150 events, seed 9\"\n"))
    // Nothing but the file is left in the folder: the write is atomic, through a temporary file.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["t.yaml"])
    let validated = try runChronicle(["validate", "--strict", "t.yaml"], currentDirectory: folder)
    #expect(validated.status == 0)
    #expect(validated.stderr.hasSuffix("0 errors, 0 warnings\n"))
  }

  @Test func theSameSeedGivesTheSameBytes() throws {
    let first = try runChronicle(["generate", "--events", "100", "--seed", "3"])
    let again = try runChronicle(["generate", "--seed", "3", "--events", "100"])
    let other = try runChronicle(["generate", "--events", "100", "--seed", "4"])
    #expect(first.stdout == again.stdout)
    #expect(first.stdout != other.stdout)
  }

  @Test func compactJSONIsOneLine() throws {
    let result = try runChronicle(["generate", "--events", "20", "--compact"])
    #expect(result.status == 0)
    #expect(result.stdoutLines.count == 1)
    #expect(result.stdout.hasPrefix("{\"chronicle\":1,\"title\":"))
  }

  @Test(arguments: [
    (["generate"], "Missing expected argument '--events <events>'"),
    (["generate", "--events=-1"], "--events must be 0 or more; got -1"),
    (["generate", "--events", "5", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'"),
    (["generate", "--events", "5", "--format", "yaml", "--compact"], "--compact applies to JSON only"),
  ])
  func rejectsBadOptions(arguments: [String], message: String) throws {
    let result = try runChronicle(arguments)
    #expect(result.status == 64)
    #expect(result.stdout == "")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func aMissingFolderIsAnEnvironmentProblem() throws {
    let result = try runChronicle(["generate", "--events", "5", "-o", "/nonexistent-folder-\(UUID().uuidString)/t.json"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("does not exist"))
  }
}
