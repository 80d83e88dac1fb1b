import ArgumentParser
import Chronicle

/// The `chronicle` command: reads timeline files, validates them, and exports them.
@main
struct ChronicleCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chronicle",
    abstract: "Sourced timelines: validate timeline files, export DOT, JSON and chronologies.",
    discussion: """
      Exit status: 0 success, 1 invalid input, 2 environment or tool problem \
      (for example Graphviz missing).
      """,
    version: Chronicle.version,
    subcommands: [
      ValidateCommand.self, ExportCommand.self, RenderCommand.self, StatsCommand.self, DateCommand.self,
      GenerateCommand.self,
    ]
  )

  /// Sets the allocator up (see ``Allocator``), then parses the arguments and runs the
  /// command they name.
  static func main() async {
    Allocator.configure()
    await self.main(nil)
  }
}
