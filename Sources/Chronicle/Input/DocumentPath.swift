/// A path inside a timeline file (`entities[3].sources[0]`), kept in parts and made
/// into text only when a diagnostic needs it.
struct DocumentPath {
  /// Where the path starts: literal text (`""` for the top level), or an element of a
  /// top-level list.
  enum Base {
    case text(String)
    case element(SourceElement.Section, Int)
  }

  /// What follows the base after a `.`.
  enum Tail {
    case key(String)
    case item(ItemField)
  }

  var base: Base
  var tail: Tail?

  init(_ text: String) {
    base = .text(text)
    tail = nil
  }

  init(_ section: SourceElement.Section, _ index: Int) {
    base = .element(section, index)
    tail = nil
  }

  private init(base: Base, tail: Tail?) {
    self.base = base
    self.tail = tail
  }

  /// This path with `.key` appended (its tail replaced).
  func appending(_ key: String) -> DocumentPath { DocumentPath(base: base, tail: .key(key)) }

  /// This path with `.field[index]` appended (its tail replaced).
  func appending(_ item: ItemField) -> DocumentPath { DocumentPath(base: base, tail: .item(item)) }

  /// The base alone, as text.
  var baseText: String {
    switch base {
    case .text(let text): text
    case .element(let section, let index): "\(section.name)[\(index)]"
    }
  }

  /// The whole path.
  var text: String {
    switch tail {
    case nil: baseText
    case .key(let key): baseText + "." + key
    case .item(let item): baseText + "." + item.text
    }
  }
}
