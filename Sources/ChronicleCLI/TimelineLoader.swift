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
  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    var sources: [String: String] = [:]
    for file in Set(diagnostics.compactMap(\.file)) where file != "-" {
      if let data = FileManager.default.contents(atPath: file), data.count <= 16 << 20 {
        sources[file] = String(decoding: data, as: UTF8.self)
      }
    }
    let formatter = DiagnosticFormatter(sources: sources, colour: Terminal.colourOnStandardError)
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
