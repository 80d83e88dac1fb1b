/// An item of a list field inside an element, such as `sources[2]` or
/// `positions[0].sources[1]`, made into text only when needed.
struct ItemField {
  /// The enclosing item's field, as text (`positions[0]`), or nil.
  var outer: String?
  /// The list's key.
  var key: String
  /// The item's index.
  var index: Int

  /// `sources[2]`.
  var text: String { list + "[\(index)]" }

  /// The list field: `sources`, `positions[0].sources`.
  var list: String {
    guard let outer else { return key }
    return outer + "." + key
  }
}
