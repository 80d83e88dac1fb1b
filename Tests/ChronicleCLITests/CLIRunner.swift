import Foundation

/// What a run of the built `chronicle` produced.
struct CLIResult: Hashable, Sendable {
  /// Everything written to standard output, decoded as UTF-8.
  var stdout: String
  /// Everything written to standard error, decoded as UTF-8.
  var stderr: String
  /// The exit status, or the signal number when ``terminatedBySignal``.
  var status: Int32
  /// Whether the process was killed by a signal (a crash) instead of exiting.
  var terminatedBySignal: Bool

  /// The lines of standard output, without the final empty one.
  var stdoutLines: [String] {
    var lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}

/// Why the `chronicle` executable could not be run.
struct CLIRunnerError: Error, CustomStringConvertible {
  var description: String
}

/// Runs the `chronicle` built with the tests and waits for it to exit.
///
///     let result = try runChronicle(["date", "--json", "1984?"])
///     #expect(result.status == 0)
///
/// Standard output and error go to temporary files, so a chatty command cannot
/// block on a full pipe; without `stdin` the command reads an empty input.
///
/// - Parameters:
///   - arguments: The arguments after the executable's name.
///   - stdin: Text for standard input, if any.
///   - currentDirectory: The working directory; the test process's when `nil`.
///   - environment: Variables to set or replace in the inherited environment.
func runChronicle(
  _ arguments: [String], stdin: String? = nil, currentDirectory: URL? = nil, environment: [String: String] = [:]
) throws -> CLIResult {
  guard let executable = chronicleExecutable else {
    throw CLIRunnerError(
      description: "cannot find the built 'chronicle' next to the test bundle; "
        + "set CHRONICLE_EXECUTABLE to its path")
  }
  let fileManager = FileManager.default
  let directory = fileManager.temporaryDirectory
    .appendingPathComponent("chronicle-cli-\(UUID().uuidString)", isDirectory: true)
  try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? fileManager.removeItem(at: directory) }

  let outputURL = directory.appendingPathComponent("stdout")
  let errorURL = directory.appendingPathComponent("stderr")
  let inputURL = directory.appendingPathComponent("stdin")
  for url in [outputURL, errorURL] {
    guard fileManager.createFile(atPath: url.path, contents: nil) else {
      throw CLIRunnerError(description: "cannot create \(url.path)")
    }
  }
  let output = try FileHandle(forWritingTo: outputURL)
  let error = try FileHandle(forWritingTo: errorURL)
  defer {
    try? output.close()
    try? error.close()
  }

  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let currentDirectory { process.currentDirectoryURL = currentDirectory }
  if !environment.isEmpty {
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  }
  process.standardOutput = output
  process.standardError = error
  var input: FileHandle?
  if let stdin {
    guard fileManager.createFile(atPath: inputURL.path, contents: Data(stdin.utf8)) else {
      throw CLIRunnerError(description: "cannot create \(inputURL.path)")
    }
    input = try FileHandle(forReadingFrom: inputURL)
    process.standardInput = input
  } else {
    process.standardInput = FileHandle.nullDevice
  }
  defer { try? input?.close() }

  try process.run()
  process.waitUntilExit()

  return CLIResult(
    stdout: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self),
    status: process.terminationStatus,
    terminatedBySignal: process.terminationReason == .uncaughtSignal)
}

/// The `chronicle` built with these tests: `$CHRONICLE_EXECUTABLE` if set, else the
/// first `chronicle` found walking up from the test bundle or test executable (SwiftPM
/// puts products and test bundles in one directory, whatever `--scratch-path` says),
/// else `.build/debug/chronicle` in the package.
let chronicleExecutable: URL? = {
  let fileManager = FileManager.default
  func isExecutable(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && !isDirectory.boolValue && fileManager.isExecutableFile(atPath: url.path)
  }
  if let path = ProcessInfo.processInfo.environment["CHRONICLE_EXECUTABLE"], !path.isEmpty {
    return URL(fileURLWithPath: path)
  }
  var starts: [URL] = Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
  starts.append(Bundle.main.bundleURL)
  if let executable = Bundle.main.executableURL { starts.append(executable) }
  if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
  #if os(Linux)
    starts.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
  #endif
  for start in starts {
    var directory = start.standardizedFileURL.resolvingSymlinksInPath()
    for _ in 0..<6 {
      directory = directory.deletingLastPathComponent()
      let candidate = directory.appendingPathComponent("chronicle")
      if isExecutable(candidate) { return candidate }
    }
  }
  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let fallback = packageRoot.appendingPathComponent(".build/debug/chronicle")
  return isExecutable(fallback) ? fallback : nil
}()
