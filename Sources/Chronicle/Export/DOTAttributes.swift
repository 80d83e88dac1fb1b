/// The attributes of one DOT statement, written sorted by name so that output is
/// stable whatever order the exporter sets them in.
///
///     var attributes = DOTAttributes()
///     attributes.set("shape", "box")
///     attributes.set("label", label)  // a DOTText
///     writer.node(DOTID("n", 0), attributes)  // "n0" [label="…", shape="box"];
struct DOTAttributes: Sendable {
  enum Value: Sendable {
    /// A value Chronicle chose (a shape, a colour, a number).
    case constant(String)
    /// User or mixed text, substituted, wrapped and escaped when written.
    case text(DOTText)
  }

  private(set) var entries: [(name: String, value: Value)] = []

  init() {}

  /// Sets a value of Chronicle's own, replacing any earlier value of the attribute.
  mutating func set(_ name: String, _ value: String) {
    set(name, value: .constant(value))
  }

  /// Sets a label or tooltip; an empty text sets nothing.
  mutating func set(_ name: String, _ text: DOTText) {
    guard !text.isEmpty else { return }
    set(name, value: .text(text))
  }

  private mutating func set(_ name: String, value: Value) {
    if let existing = entries.firstIndex(where: { $0.name == name }) {
      entries[existing].value = value
    } else {
      entries.append((name, value))
    }
  }

  /// The entries by name; names are Chronicle's own and each is set once.
  var sorted: [(name: String, value: Value)] {
    entries.sorted { $0.name < $1.name }
  }

  var isEmpty: Bool { entries.isEmpty }
}

/// A DOT identifier of Chronicle's own: a prefix and a number (`n12`, `t3`,
/// `cluster_year_2`) or a fixed name (`cluster_legend`). User ids never become DOT
/// identifiers.
struct DOTID: Sendable {
  var prefix: StaticString
  var number: Int?

  init(_ prefix: StaticString, _ number: Int) {
    self.prefix = prefix
    self.number = number
  }

  init(named name: StaticString) {
    self.prefix = name
    self.number = nil
  }
}
