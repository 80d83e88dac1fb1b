import Foundation
import Testing

/// Graphviz for tests that render: where `dot` is, whether such tests run, and a
/// way to run it.
///
///     @Test(.enabled(if: Graphviz.testsRun, "needs Graphviz's dot"))
///     func renders() throws {
///       let dot = try requireGraphviz()
///       let result = try Graphviz.run(dot, ["-Tsvg"], input: bytes)
///     }
///
/// Where `dot` is missing such tests are skipped, except under `CI` (any value but
/// `false` or `0`): there they run and ``requireGraphviz(sourceLocation:)`` fails them,
/// so that a CI machine without Graphviz cannot pass by skipping.
enum Graphviz {
  /// The path of `dot`: the first on `PATH`, then the usual install places.
  static let path: String? = {
    let environment = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = environment.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
    return folders.map { $0 + "/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Whether tests that need `dot` run: it is installed, or CI requires it.
  static var testsRun: Bool { path != nil || Golden.isCI }

  /// What `dot` did.
  struct Result {
    var status: Int32
    var output: Data
    var errors: String
  }

  /// Runs `dot` with `arguments` on `input`, through temporary files (no pipe can
  /// fill up and block). A run longer than `timeout` is killed and reported as
  /// status -1 with a message, since some graphs send Graphviz into a loop.
  static func run(_ dot: String, _ arguments: [String], input: [UInt8], timeout: Duration = .seconds(120)) throws -> Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-dot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputURL = folder.appendingPathComponent("input.dot")
    let outputURL = folder.appendingPathComponent("output")
    let errorURL = folder.appendingPathComponent("errors")
    try Data(input).write(to: inputURL)
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL)
    let errors = try FileHandle(forWritingTo: errorURL)
    defer {
      try? output.close()
      try? errors.close()
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dot)
    process.arguments = arguments + [inputURL.path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let deadline = ContinuousClock.now + timeout
    while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      return Result(status: -1, output: Data(), errors: "dot ran longer than \(timeout) and was killed")
    }
    // Reaps the process: Foundation frees a Process only once it has been waited for.
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      output: FileManager.default.contents(atPath: outputURL.path) ?? Data(),
      errors: String(decoding: FileManager.default.contents(atPath: errorURL.path) ?? Data(), as: UTF8.self))
  }
}

/// An error thrown when a test needs Graphviz and it is not there.
struct GraphvizMissing: Error, CustomStringConvertible {
  var description: String { "Graphviz's dot is not installed (apt-get install graphviz)" }
}

/// The path of `dot`. Where it is missing this records an issue and throws, so a
/// test that reaches it fails; tests guard with `.enabled(if: Graphviz.testsRun)`
/// so that, outside CI, they are skipped instead of reaching it.
func requireGraphviz(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
  if let path = Graphviz.path { return path }
  Issue.record("\(GraphvizMissing()); CI requires it for the rendering tests", sourceLocation: sourceLocation)
  throw GraphvizMissing()
}
