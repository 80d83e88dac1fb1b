import Foundation
import Testing

/// Golden files: expected outputs kept in `Tests/ChronicleTests/Fixtures/Golden/`.
///
///     assertGolden(dotText, named: "timeline.dot")
///     assertGolden(jsonText, named: "json/sample.json")  // folders are fine
///
/// - A mismatch fails and names the first differing line.
/// - `CHRONICLE_RECORD=1 swift test` writes every compared golden and still fails,
///   so that each re-recording is reviewed in the diff before it is committed.
/// - A missing golden fails. Outside CI it is recorded first (review it, run again);
///   under `CI` (any value but `false` or `0`) nothing is written.
enum Golden {
  /// `Tests/ChronicleTests/Fixtures/Golden`, found from this file's path.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent("Golden")

  static var isRecording: Bool { environmentFlag("CHRONICLE_RECORD") }
  static var isCI: Bool { environmentFlag("CI") }

  static func environmentFlag(_ name: String) -> Bool {
    guard let value = ProcessInfo.processInfo.environment[name]?.lowercased() else { return false }
    return !value.isEmpty && value != "0" && value != "false" && value != "no"
  }

  /// The first line where two texts differ, with both versions, or nil when equal.
  static func firstDifference(expected: String, actual: String) -> String? {
    guard expected != actual else { return nil }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for line in 0..<max(expectedLines.count, actualLines.count) {
      let want = line < expectedLines.count ? String(expectedLines[line]) : "<end of file>"
      let got = line < actualLines.count ? String(actualLines[line]) : "<end of file>"
      if want != got {
        return "line \(line + 1):\n  expected: \(want)\n  actual:   \(got)"
      }
    }
    return "the texts differ in line endings"
  }

  static func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
  }
}

/// Compares `actual` with the golden file `named` (a path under
/// `Tests/ChronicleTests/Fixtures/Golden/`); see ``Golden`` for recording.
func assertGolden(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let url = Golden.folder.appendingPathComponent(name)
  let rerun = "review the diff of \(url.path), then run the tests again without CHRONICLE_RECORD"
  if Golden.isRecording {
    do {
      try Golden.write(actual, to: url)
      Issue.record("Recorded golden '\(name)' (CHRONICLE_RECORD is set); \(rerun)", sourceLocation: sourceLocation)
    } catch {
      Issue.record("Cannot record golden '\(name)': \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    if Golden.isCI {
      Issue.record(
        "Golden '\(name)' is missing at \(url.path); record it with CHRONICLE_RECORD=1 swift test and commit it",
        sourceLocation: sourceLocation)
      return
    }
    do {
      try Golden.write(actual, to: url)
      Issue.record("Golden '\(name)' was missing and has been recorded; \(rerun)", sourceLocation: sourceLocation)
    } catch {
      Issue.record("Golden '\(name)' is missing and cannot be recorded: \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  if let difference = Golden.firstDifference(expected: expected, actual: actual) {
    Issue.record(
      "Output differs from golden '\(name)' at \(difference)\nIf the change is intended, re-record with CHRONICLE_RECORD=1 swift test and review the diff.",
      sourceLocation: sourceLocation)
  }
}
