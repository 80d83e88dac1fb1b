import ArgumentParser
import Chronicle

/// `chronicle validate`: checks timeline files and reports every problem.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check timeline files and report every problem with its place.",
    discussion: """
      Diagnostics are printed on standard error as a compiler prints them \
      (file:line:column: error: message [path]), with the line quoted. \
      Several files are merged into one graph first: the same id in two files is one entity.

      Exit status: 0 when there are no errors (with --strict: no warnings either), 1 otherwise.

      Examples:
        chronicle validate Examples/Khojaly/letter-2021.yaml Examples/Khojaly/letter-2025.yaml
        chronicle validate --strict --json timeline.json
        cat timeline.yaml | chronicle validate -
      """
  )

  @OptionGroup var input: InputFiles

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Flag(help: "Print the diagnostics as JSON on standard output, one array, instead of text on standard error.")
  var json = false

  func run() throws {
    let loader = TimelineLoader(paths: input.files, strict: strict)
    let result = loader.validate(printDiagnostics: !json)
    defer { TimelineLoader.keepUntilExit(result.graph) }
    let errors = result.errors.count
    let warnings = result.warnings.count
    if json {
      var writer = JSONWriter(pretty: true)
      writer.beginArray()
      for diagnostic in result.diagnostics { diagnostic.write(to: &writer) }
      writer.endArray()
      writer.finish()
      Terminal.write(writer.bytes)
    } else {
      let graph = result.graph
      Terminal.error(
        "\(count(input.files.count, "file")): \(count(graph.count, "entity", "entities")), "
          + "\(count(graph.relations.count, "relation")), \(count(graph.claims.count, "claim")); "
          + "\(count(errors, "error")), \(count(warnings, "warning"))"
      )
    }
    if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
  }

  private func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
  }
}
