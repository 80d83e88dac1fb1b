import ArgumentParser
import Chronicle
import Foundation

/// Reads the input files of a command, prints their diagnostics like a compiler
/// on standard error, and hands back the graph, or exits with status 1.
struct TimelineLoader {
  var paths: [String]
  var strict = false

  /// Reads and validates; prints diagnostics; returns the result without exiting.
  func validate(printDiagnostics: Bool = true) -> ValidationResult {
    let result = TimelineReader.validate(contentsOf: paths)
    if printDiagnostics { print(result.diagnostics) }
    return result
  }

  /// The graphs a command is done with, freed by the end of the process rather than
  /// piece by piece (a million-event graph takes a third of a second to free).
  nonisolated(unsafe) private static var keptUntilExit: [TimelineGraph] = []

  /// Keeps `graph` until the process ends, for a command about to return: the system
  /// takes back its memory at once.
  static func keepUntilExit(_ graph: TimelineGraph) {
    keptUntilExit.append(graph)
  }

  /// The graph, or exit status 1 when there are errors (or warnings with `strict`).
  func load() throws -> TimelineGraph {
    let result = validate()
    if result.hasErrors || (strict && !result.warnings.isEmpty) {
      throw ExitCode(1)
    }
    return result.graph
  }

  /// Prints diagnostics with the offending line quoted.
  ///
  /// Each file is read and indexed once (where its lines start, see
  /// ``DiagnosticFormatter/init(files:colour:maximumLineWidth:)``), so printing thousands
  /// of diagnostics about a 1 MB file (or a 1 MB line) stays linear; quoted values are
  /// shortened, so no line printed is longer than a few hundred characters.
  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    var files: [String: [UInt8]] = [:]
    for file in Set(diagnostics.compactMap(\.file)) where file != "-" {
      if let bytes = Self.regularFileContents(file) { files[file] = bytes }
    }
    let formatter = DiagnosticFormatter(files: files, colour: Terminal.colourOnStandardError)
    for diagnostic in diagnostics {
      Terminal.error(formatter.format(diagnostic))
    }
  }

  /// The bytes of a regular file of at most 16 MB (through a symbolic link too), read
  /// again to quote its lines; nil for anything else. Opened without blocking and
  /// checked on the open descriptor: a FIFO would block and a device never end.
  static func regularFileContents(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= 16 << 20 else {
      return nil
    }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
      if count > 0 {
        filled += count
      } else if count < 0, errno == EINTR {
        continue
      } else {
        break  // shorter than it was: quote what is there
      }
    }
    return Array(bytes.prefix(filled))
  }
}

/// The input files, shared by the commands that read timelines.
struct InputFiles: ParsableArguments {
  @Argument(help: ArgumentHelp("Timeline files (.json, .yaml, .yml); '-' reads standard input. Several files are merged.", valueName: "file"))
  var files: [String]
}
