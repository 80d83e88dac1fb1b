import ArgumentParser
import Chronicle

/// `chronicle export`: writes a timeline as DOT, canonical JSON, or a text or Markdown chronology.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a timeline as DOT, canonical JSON, or a plain-text or Markdown chronology.",
    discussion: """
      The input is read and validated first; a file with errors is exit status 1 and \
      nothing is written. With -o the file is written whole or not at all (a temporary \
      file is renamed over it); without -o the export goes to standard output.

      Examples:
        chronicle export --format text Examples/Khojaly/*.yaml
        chronicle export --format markdown --width 100 -o chronology.md Examples/Khojaly/*.yaml
        chronicle export --format dot --view network --cluster kind -o graph.dot timeline.json
        chronicle export --format json --compact --from 1992 --to 1992 timeline.yaml
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case dot, json, text, markdown

    /// The format a file name's extension implies.
    init?(path: String) {
      switch path.split(separator: ".").last?.lowercased() {
      case "dot", "gv": self = .dot
      case "json": self = .json
      case "txt", "text": self = .text
      case "md", "markdown": self = .markdown
      default: return nil
      }
    }
  }

  @OptionGroup var input: InputFiles

  @Option(name: .shortAndLong, help: "dot, json, text or markdown (default: from the -o file's extension, else text).")
  var format: Format?

  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var output: String?

  @OptionGroup var filters: FilterOptions
  @OptionGroup var drawing: DrawingOptions
  @OptionGroup var chronology: ChronologyFlags

  @Flag(help: "JSON on one line instead of indented.")
  var compact = false

  @Flag(help: "Refuse input with warnings as well as errors.")
  var strict = false

  func run() throws {
    let format = self.format ?? output.flatMap(Format.init(path:)) ?? .text
    let graph = try loadGraph()
    defer { TimelineLoader.keepUntilExit(graph) }
    // Written in pieces as it is made, to standard output or a temporary file renamed
    // when complete: the document is never held whole next to the graph.
    try Output.write(to: output) { sink in
      switch format {
      case .dot: DOTExporter(options: drawing.options()).export(graph, to: sink)
      case .json: JSONExporter(pretty: !compact).export(graph, to: sink)
      case .text, .markdown: ChronologyExporter(options: chronologyOptions(format)).export(graph, to: sink)
      }
    }
  }

  /// The input read, validated and filtered.
  private func loadGraph() throws -> TimelineGraph {
    try filters.apply(to: TimelineLoader(paths: input.files, strict: strict).load())
  }

  /// The chronology options of the flags, for text or Markdown.
  private func chronologyOptions(_ format: Format) -> ChronologyOptions {
    var options = chronology.options()
    options.format = format == .markdown ? .markdown : .text
    return options
  }
}
