import ArgumentParser
import Chronicle

/// How the graph is drawn: shared by `export --format dot` and `render`.
struct DrawingOptions: ParsableArguments {
  @Option(help: "timeline (events and documents left to right in time) or network (the plain typed graph).")
  var view: DOTOptions.View = .timeline

  @Option(
    help: ArgumentHelp(
      "auto, ranked (Graphviz's dot places the nodes) or pinned (Chronicle places them on a time scale; drawn with neato -n2).",
      discussion: "auto: ranked for timelines dot lays out quickly, pinned for larger ones. Timeline view only."))
  var layout: DOTOptions.Layout = .automatic

  @Option(help: "Group nodes: none, year, kind or organisation.")
  var cluster: DOTOptions.Clustering = .none

  @Flag(name: .customLong("no-edge-labels"), help: "Leave relation types and roles off the edges.")
  var noEdgeLabels = false

  @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
  var noLegend = false

  func options() -> DOTOptions {
    var options = DOTOptions()
    options.view = view
    options.layout = layout
    options.clustering = cluster
    options.edgeLabels = !noEdgeLabels
    options.legend = !noLegend
    return options
  }
}

extension DOTOptions.View: ExpressibleByArgument {}
extension DOTOptions.Clustering: ExpressibleByArgument {}
extension DOTOptions.Layout: ExpressibleByArgument {}

/// How a chronology is laid out.
struct ChronologyFlags: ParsableArguments {
  @Option(help: "Wrap the text chronology at this many characters.")
  var width = 80

  @Flag(help: "Plain ASCII: no dashes, curly quotes or symbols outside ASCII.")
  var ascii = false

  func validate() throws {
    if width < 20 { throw ValidationError("--width must be at least 20; got \(width)") }
  }

  func options() -> ChronologyOptions {
    var options = ChronologyOptions()
    options.width = width
    options.ascii = ascii
    return options
  }
}
