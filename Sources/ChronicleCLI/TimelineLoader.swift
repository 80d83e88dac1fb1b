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
      // Only regular files are read again: a FIFO would block, a device never end.
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
        attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int,
        size <= 16 << 20
      else { continue }
      // (Foundation leaks its read buffer for an empty file; there is nothing to read.)
      if size == 0 {
        files[file] = []
      } else if let data = FileManager.default.contents(atPath: file) {
        files[file] = [UInt8](data)
      }
    }
    let formatter = DiagnosticFormatter(files: files, colour: Terminal.colourOnStandardError)
    for diagnostic in diagnostics {
      Terminal.error(formatter.format(diagnostic))
    }
  }
}

/// The input files, shared by the commands that read timelines.
struct InputFiles: ParsableArguments {
  @Argument(help: ArgumentHelp("Timeline files (.json, .yaml, .yml); '-' reads standard input. Several files are merged.", valueName: "file"))
  var files: [String]
}
