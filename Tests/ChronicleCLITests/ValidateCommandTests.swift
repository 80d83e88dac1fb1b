import Foundation
import Testing

/// The package's root folder, for the shipped example.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The shipped example's two files, by absolute path.
let khojalyFiles = ["letter-2021.yaml", "letter-2025.yaml"].map {
  packageRoot.appendingPathComponent("Examples/Khojaly/\($0)").path
}

/// Writes text to a fresh temporary file with the given name and returns its folder.
func temporaryFolder(with files: [String: String]) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  for (name, text) in files {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
  }
  return folder
}

/// `chronicle validate` and `chronicle stats`, run end to end.
@Suite struct ValidateCommandTests {
  @Test func theShippedExampleIsValidUnderStrict() throws {
    let result = try runChronicle(["validate", "--strict"] + khojalyFiles)
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(result.stderr.hasSuffix("0 errors, 0 warnings\n"))
  }

  @Test func errorsArePrintedLikeACompilerWithTheLineQuoted() throws {
    let folder = try temporaryFolder(with: ["t.yaml": """
      entities:
        - {id: a, kind: event, title: A, date: "1992-02-30"}
        - {id: d, kind: document, title: D}
      relations:
        - {from: d, type: reports, to: a}
      """])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(["validate", "t.yaml"], currentDirectory: folder)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr == """
      t.yaml:2:51: error: '1992-02-30': day 30 is out of range for February 1992; expected 01-29 [entities[0].date]
       2 |   - {id: a, kind: event, title: A, date: "1992-02-30"}
         |                                                   ^
      1 file: 2 entities, 1 relation, 0 claims; 1 error, 0 warnings

      """)
  }

  @Test func warningsFailOnlyUnderStrict() throws {
    let folder = try temporaryFolder(with: ["t.json": #"{"entities": [{"id": "d", "kind": "document", "title": "D"}]}"#])
    defer { try? FileManager.default.removeItem(at: folder) }
    let lenient = try runChronicle(["validate", "t.json"], currentDirectory: folder)
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("t.json:1:22: warning: document 'd' is not related to anything"))
    let strict = try runChronicle(["validate", "--strict", "t.json"], currentDirectory: folder)
    #expect(strict.status == 1)
  }

  @Test func readsStandardInputAndPrintsJSON() throws {
    let result = try runChronicle(["validate", "--json", "-"], stdin: "entities:\n  - {id: x, kind: persn, name: X}\n")
    #expect(result.status == 1)
    #expect(result.stderr == "")
    #expect(result.stdout == """
      [
        {
          "severity": "error",
          "code": "unknown-kind",
          "message": "unknown kind 'persn'; did you mean 'person'?; expected event, person, organisation, place or document",
          "file": "-",
          "line": 2,
          "column": 19,
          "path": "entities[0].kind"
        }
      ]

      """)
  }

  @Test func missingFilesAreExitOne() throws {
    let result = try runChronicle(["validate", "/nonexistent/timeline.yaml"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("/nonexistent/timeline.yaml: error: no such file\n"))
  }

  @Test func hostileTextCannotDriveTheTerminal() throws {
    // The id holds ESC [31m and BEL (YAML escapes \e and \a); the warning quotes the id.
    let folder = try temporaryFolder(with: ["t.yaml": "entities:\n  - {id: \"a\\e[31mred\\a\", kind: person, name: X}\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runChronicle(["validate", "t.yaml"], currentDirectory: folder)
    #expect(result.status == 0)
    #expect(result.stderr.contains("person 'a\u{FFFD}[31mred\u{FFFD}' is not related"))
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(!result.stderr.contains("\u{07}"))
  }

  @Test func statsCountsTheExample() throws {
    let result = try runChronicle(["stats", "--json"] + khojalyFiles)
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let entities = object?["entities"] as? [String: Int]
    #expect(entities?["document"] ?? 0 > 20)
    #expect(object?["disagreements"] as? Int == 1)
    #expect(object?["earliest"] as? String == "1991-10-01")
  }

  @Test func versionAndHelp() throws {
    let version = try runChronicle(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout == "0.1.0\n")
    for command in ["validate", "stats", "date"] {
      let help = try runChronicle([command, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("Example"))
    }
  }
}
