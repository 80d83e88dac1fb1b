import ArgumentParser
import Chronicle

/// `chronicle stats`: counts, date span, disagreements and warnings of a timeline.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Count a timeline's entities and relations, and show its date span and disagreements.",
    discussion: """
      Examples:
        chronicle stats Examples/Khojaly/letter-2021.yaml Examples/Khojaly/letter-2025.yaml
        chronicle stats --from 1992 --to 1992 timeline.json
      """
  )

  @OptionGroup var input: InputFiles
  @OptionGroup var filters: FilterOptions

  @Flag(help: "Print the statistics as one JSON object.")
  var json = false

  func run() throws {
    let result = TimelineLoader(paths: input.files).validate()
    if result.hasErrors { throw ExitCode(1) }
    let graph = try filters.apply(to: result.graph)
    let statistics = TimelineStatistics(graph: graph, warnings: result.warnings.count)
    if json {
      Terminal.write(statistics.json())
    } else {
      Terminal.write(statistics.text())
    }
  }
}
