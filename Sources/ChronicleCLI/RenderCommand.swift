import ArgumentParser
import Chronicle
import ChronicleGraphviz
import Foundation

/// `chronicle render`: draws a timeline with Graphviz into SVG, PNG or PDF.
struct RenderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw a timeline with Graphviz as SVG, PNG or PDF.",
    discussion: """
      The input is read and validated first (errors: exit status 1, whether or not \
      Graphviz is installed). Chronicle then writes DOT and hands it to Graphviz, \
      which runs in its restricted mode with a minimal environment and is stopped after \
      --timeout seconds. The file is replaced only when Graphviz succeeded. \
      Graphviz missing, failing or timing out is exit status 2.

      Examples:
        chronicle render Examples/Khojaly/*.yaml -o khojaly.svg
        chronicle render --view network --cluster kind --format png -o graph.png timeline.json
        chronicle render --engine sfdp --view network -o big.svg archive.json
        chronicle render --layout pinned -o archive.svg archive.json
      """
  )

  @OptionGroup var input: InputFiles

  @Option(name: .shortAndLong, help: ArgumentHelp("The drawing to write (.svg, .png or .pdf).", valueName: "file"))
  var output: String

  @Option(name: .shortAndLong, help: "svg, png or pdf (default: from the file's extension).")
  var format: GraphvizRenderer.Format?

  @Option(
    help: ArgumentHelp(
      "Graphviz layout program: dot, neato, fdp, sfdp, circo or twopi.",
      discussion: "Default: dot, or neato -n2 for a pinned timeline (which only neato can draw)."))
  var engine: GraphvizRenderer.Engine?

  @Option(help: "Seconds Graphviz may run before it is stopped.")
  var timeout: Double = 60

  @OptionGroup var filters: FilterOptions
  @OptionGroup var drawing: DrawingOptions

  @Flag(help: "Refuse input with warnings as well as errors.")
  var strict = false

  func validate() throws {
    if format == nil, GraphvizRenderer.Format(path: output) == nil {
      throw ValidationError("cannot tell the format from '\(output)'; name a .svg, .png or .pdf file, or give --format")
    }
    if drawing.layout == .pinned, let engine, engine != .neato {
      throw ValidationError("--layout pinned is drawn with neato -n2, not \(engine.rawValue); leave out --engine")
    }
    guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
  }

  /// Above this many nodes `dot` becomes slow; the user is told how to narrow the graph.
  static let largeGraph = 1_000

  func run() async throws {
    let graph = try filters.apply(to: TimelineLoader(paths: input.files, strict: strict).load())
    var options = drawing.options()
    // An engine the user names lays out the graph itself.
    if options.layout == .automatic, let engine, engine != .neato { options.layout = .ranked }
    let exporter = DOTExporter(options: options)
    let pinned = exporter.layout(for: graph) == .pinned
    let engine = self.engine ?? (pinned ? .neato : .dot)
    if graph.count > Self.largeGraph, engine == .dot {
      Terminal.error(
        "chronicle: warning: \(graph.count) entities is a large graph for 'dot'; "
          + "narrow it with --from/--to, --kinds, --focus or --match, give --layout pinned for a timeline, "
          + "or try --engine sfdp for a network")
    }
    let dot = exporter.export(graph)
    let renderer = GraphvizRenderer(
      engine: engine, format: format ?? GraphvizRenderer.Format(path: output) ?? .svg,
      timeout: .milliseconds(Int(timeout * 1000)), arguments: pinned ? ["-n2"] : [])
    let drawing: GraphvizRenderer.Output
    do {
      drawing = try await renderer.render(dot)
    } catch {
      Terminal.error("chronicle: error: \(error.message)")
      throw ExitCode(2)
    }
    if !drawing.warnings.isEmpty {
      Terminal.error("chronicle: Graphviz said: " + drawing.warnings.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    try Output.write(drawing.bytes, to: output)
  }
}

extension GraphvizRenderer.Format: ExpressibleByArgument {}
extension GraphvizRenderer.Engine: ExpressibleByArgument {}
