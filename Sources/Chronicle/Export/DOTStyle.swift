/// Chronicle's visual language in DOT: a shape, fill and border per entity kind and
/// a line style, arrowhead and colour per relation type, chosen so that drawings read
/// in greyscale too (shapes and line styles differ, not only colours).
///
///     DOTStyle.node(.document).shape      // "note"
///     DOTStyle.edge("cites").style        // "dotted"
///
/// Date markers change the border: dashed for an uncertain or approximate date,
/// dotted for an event without a date. A subject of disagreeing claims gets a double
/// border and a `⚠` line.
enum DOTStyle {
  /// How a node is drawn.
  struct Node: Hashable, Sendable {
    var shape: String
    /// Graphviz styles besides the border's line style (`filled`, `rounded`).
    var style: String
    var fillcolor: String
    var color: String
  }

  /// How an edge is drawn.
  struct Edge: Hashable, Sendable {
    var style: String
    var arrowhead: String
    var color: String
    var penwidth: String = "1"
  }

  /// The border of a dated node.
  enum Border: Int, Hashable, Sendable, CaseIterable, Comparable {
    /// A date given exactly.
    case solid
    /// An uncertain (`?`) or approximate (`~`) date.
    case dashed
    /// An event without a date.
    case dotted

    static func < (lhs: Border, rhs: Border) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  // MARK: Kinds

  static func node(_ kind: EntityKind) -> Node {
    switch kind {
    case .event: Node(shape: "box", style: "filled,rounded", fillcolor: "#dbe9f6", color: "#2b5d8a")
    case .document: Node(shape: "note", style: "filled", fillcolor: "#fdf1c7", color: "#8a6d1c")
    case .person: Node(shape: "ellipse", style: "filled", fillcolor: "#e2f0d9", color: "#3d7a2a")
    case .organisation: Node(shape: "hexagon", style: "filled", fillcolor: "#fde0c5", color: "#a0522d")
    case .place: Node(shape: "house", style: "filled", fillcolor: "#ebe3f3", color: "#5e4b8b")
    }
  }

  /// The `style` attribute of a node of this kind with this border.
  static func style(_ kind: EntityKind, border: Border) -> String {
    let base = node(kind).style
    switch border {
    case .solid: return base
    case .dashed: return "dashed," + base
    case .dotted: return "dotted," + base
    }
  }

  /// The box listing disagreeing claims side by side.
  static let disagreement = Node(shape: "box", style: "diagonals,filled", fillcolor: "#f9d6d5", color: "#b2182b")

  /// A tick of the time axis: a year or month.
  static let tick = Node(shape: "box", style: "filled", fillcolor: "#404040", color: "#404040")

  // MARK: Relation types

  /// The style of a relation type; types Chronicle does not know share ``declared``.
  static func edge(_ type: String) -> Edge {
    builtIn[type] ?? declared
  }

  /// The styles of the relation types met so far, so that an edge's style is found
  /// without hashing its type's name: the graph has few types, and most names are
  /// short enough to be compared in one step.
  struct EdgeCache {
    private var types: [String] = []
    private var styles: [Edge] = []

    /// The style of a relation type, as ``DOTStyle/edge(_:)`` gives it.
    mutating func style(_ type: String) -> Edge {
      for position in types.indices where types[position] == type { return styles[position] }
      let style = DOTStyle.edge(type)
      if types.count < 32 {
        types.append(type)
        styles.append(style)
      }
      return style
    }
  }

  /// Whether a type has a style of its own.
  static func hasOwnStyle(_ type: String) -> Bool {
    builtIn[type] != nil
  }

  private static let participation = "#1b7837"
  private static let authorship = "#762a83"
  private static let citation = "#8c510a"
  private static let reporting = "#2166ac"
  private static let structure = "#01665e"
  private static let membership = "#b35806"

  private static let builtIn: [String: Edge] = [
    "participant": Edge(style: "solid", arrowhead: "normal", color: participation, penwidth: "1.5"),
    "authored": Edge(style: "solid", arrowhead: "onormal", color: authorship),
    "edited": Edge(style: "dashed", arrowhead: "onormal", color: authorship),
    "signed": Edge(style: "solid", arrowhead: "obox", color: authorship),
    "issued": Edge(style: "solid", arrowhead: "box", color: authorship),
    "published": Edge(style: "solid", arrowhead: "odot", color: authorship),
    "addressed-to": Edge(style: "dashed", arrowhead: "vee", color: authorship),
    "cites": Edge(style: "dotted", arrowhead: "normal", color: citation),
    "contained-in": Edge(style: "solid", arrowhead: "diamond", color: citation),
    "reports": Edge(style: "dashed", arrowhead: "normal", color: reporting),
    "mentions": Edge(style: "dotted", arrowhead: "vee", color: "#4d4d4d"),
    "located-in": Edge(style: "solid", arrowhead: "dot", color: structure),
    "part-of": Edge(style: "solid", arrowhead: "odiamond", color: structure),
    "precedes": Edge(style: "bold", arrowhead: "vee", color: "#000000"),
    "member-of": Edge(style: "dashed", arrowhead: "diamond", color: membership),
    "represents": Edge(style: "dashed", arrowhead: "odiamond", color: membership),
  ]

  /// Relation types a timeline declares: grey, with an inverted arrowhead; the label
  /// names the type.
  static let declared = Edge(style: "solid", arrowhead: "inv", color: "#666666")

  /// From a disagreement box to the entity the claims are about.
  static let claimSubject = Edge(style: "dotted", arrowhead: "none", color: "#b2182b", penwidth: "1.5")

  /// From a disagreement box to who made or reported a claim.
  static let attribution = Edge(style: "dashed", arrowhead: "odot", color: "#b2182b")

  /// Between ticks of the time axis.
  static let axis = Edge(style: "bold", arrowhead: "normal", color: "#404040", penwidth: "2")

  // MARK: Type

  static let fontname = "Helvetica"
  static let nodeFontSize = "11"
  static let edgeFontSize = "9"
}
