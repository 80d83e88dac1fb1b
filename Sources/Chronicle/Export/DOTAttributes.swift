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

  /// The entries, kept sorted by name as they are set.
  private(set) var entries: [(name: String, value: Value)] = []

  init() {
    entries.reserveCapacity(12)
  }

  /// Sets a value of Chronicle's own, replacing any earlier value of the attribute.
  mutating func set(_ name: String, _ value: String) {
    set(name, value: .constant(value))
  }

  /// Sets a label or tooltip; an empty text sets nothing.
  mutating func set(_ name: String, _ text: DOTText) {
    guard !text.isEmpty else { return }
    set(name, value: .text(text))
  }

  /// Moves a value to another attribute name, keeping the names sorted.
  mutating func rename(_ name: String, to newName: String) {
    guard let position = entries.firstIndex(where: { $0.name == name }) else { return }
    let value = entries.remove(at: position).value
    set(newName, value: value)
  }

  private mutating func set(_ name: String, value: Value) {
    var position = entries.count
    while position > 0, name < entries[position - 1].name { position -= 1 }
    if position > 0, entries[position - 1].name == name {
      entries[position - 1].value = value
    } else {
      entries.insert((name, value), at: position)
    }
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
