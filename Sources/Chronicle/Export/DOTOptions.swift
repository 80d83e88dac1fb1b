/// What a ``DOTExporter`` draws: the view, clusters, filters, edge labels, the legend
/// and how long a label line may grow.
///
///     var options = DOTOptions(view: .network, clustering: .kind)
///     options.kinds = [.event, .document, .person]
///     options.relationTypes = ["signed", "cites", "participant"]
///     let dot = DOTExporter(options: options).export(graph)
public struct DOTOptions: Hashable, Sendable {
  /// How entities are laid out.
  ///
  ///     DOTOptions(view: .network)
  ///     DOTOptions.View(rawValue: "timeline")  // .timeline
  public enum View: String, CaseIterable, Sendable {
    /// Events and documents left to right in chronological order, one column per
    /// year (or per month when the dates span fewer than three years) along a time
    /// axis, with the people, organisations and places standing by the dated
    /// entities they are joined to.
    case timeline
    /// The plain typed graph, laid out by its edges.
    case network
  }

  /// How entities are grouped into boxes (Graphviz clusters).
  ///
  ///     DOTOptions(clustering: .year)
  ///     DOTOptions.Clustering(rawValue: "organisation")  // .organisation
  public enum Clustering: String, CaseIterable, Sendable {
    /// No boxes.
    case none
    /// One box per year around the dated events and documents (in the timeline, also
    /// around the ticks and what stands with them).
    case year
    /// One box per kind: events, documents, people, organisations, places. In the
    /// timeline each column has its own boxes, one per kind, side by side.
    case kind
    /// One box per organisation holding its sub-organisations (nested) and its
    /// members (`member-of`, `represents`, positions held).
    case organisation
  }

  /// Who places the timeline's nodes.
  ///
  ///     DOTOptions(layout: .pinned)   // Chronicle computes every position
  ///     DOTOptions.Layout(rawValue: "ranked")  // .ranked
  public enum Layout: String, CaseIterable, Sendable {
    /// `.ranked` for a timeline `dot` lays out quickly, `.pinned` otherwise: see
    /// ``DOTOptions/resolvedLayout(for:)``.
    case automatic = "auto"
    /// Graphviz's `dot` ranks the columns and places the nodes: the best looking for
    /// small timelines, but its time grows steeply with the number of columns and of
    /// edges spanning them.
    case ranked
    /// Chronicle computes every node's position (`pos="x,y!"`, in points): x from the
    /// date on a real time scale whose long empty stretches are shortened, events and
    /// documents in lanes above the axis, people, organisations, places and
    /// disagreement boxes in lanes below it, near what they are joined to. Graphviz
    /// only draws the edges (`neato -n2`), which takes seconds for thousands of
    /// events. Clusters are not drawn in this layout; edges are curves up to 400
    /// entities and straight lines above; above 20,000 edges each edge's label
    /// becomes its tooltip.
    case pinned
  }

  /// The layout; `.timeline` by default.
  public var view: View
  /// Who places the timeline's nodes; `.automatic` by default. The network view is
  /// always laid out by Graphviz.
  public var layout: Layout
  /// The grouping; `.none` by default.
  public var clustering: Clustering
  /// Whether to label edges with the relation type, role, date and locator.
  public var edgeLabels: Bool
  /// Whether to draw a legend explaining every node and edge style the drawing uses.
  public var legend: Bool
  /// Draw only entities of these kinds (nil: all).
  public var kinds: Set<EntityKind>?
  /// Draw only edges of these relation types, including the `located-in` and
  /// `part-of` edges implied by fields (nil: all).
  public var relationTypes: Set<String>?
  /// The longest a line of user text may grow, in characters, before it wraps at a
  /// space. Words are never split, so a longer word gets a line of its own; values
  /// below 1 count as 1.
  public var maximumLabelLineLength: Int

  /// Creates options; every argument has the default described on its property.
  public init(
    view: View = .timeline, layout: Layout = .automatic, clustering: Clustering = .none, edgeLabels: Bool = true, legend: Bool = true,
    kinds: Set<EntityKind>? = nil, relationTypes: Set<String>? = nil, maximumLabelLineLength: Int = 32
  ) {
    self.view = view
    self.layout = layout
    self.clustering = clustering
    self.edgeLabels = edgeLabels
    self.legend = legend
    self.kinds = kinds
    self.relationTypes = relationTypes
    self.maximumLabelLineLength = maximumLabelLineLength
  }
}
