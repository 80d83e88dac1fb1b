/// The bytes a chronology writes for the name of every entity but the events, made
/// once, in the entities' order, before the entries of a large graph are written: the
/// label sanitized and, for a place, its aliases (`Khojaly (also Xocalı)`), as
/// ``ChronologyRenderer`` writes a name.
///
///     let names = ChronologyNames(graph, sanitizer: ChronologySanitizer(ascii: false, markdown: false))
///     var line: [UInt8] = []
///     if names?.append(position, to: &line) != true { /* an event: read its label */ }
///
/// An entry names entities far from it in memory: reading one's label and aliases is a
/// cache miss for the entity, one for its label and two more for a place's aliases, and
/// retains strings the two writing threads share. Read here in order, they are one
/// miss in a byte table. Events, most of a large timeline, are named mostly in their
/// own entry, which reads the event anyway: they are left out (their names would be
/// most of the table's memory). Made on two threads, half the entities each
/// (``ChronologyTexts``).
struct ChronologyNames: Sendable {
  private let texts: ChronologyTexts

  /// The names of the entities of `graph` but its events, written with (copies of)
  /// `sanitizer`; nil if the names of half the entities take 2 GB or more.
  init?(_ graph: TimelineGraph, sanitizer: ChronologySanitizer) {
    // About 24 bytes a name.
    let texts = ChronologyTexts(count: graph.count, bytesEach: 24, state: sanitizer) { sanitizer, position, bytes in
      guard graph.entities[position].kind != .event else { return false }
      ChronologyRenderer.appendName(of: position, in: graph, sanitizer: &sanitizer, to: &bytes)
      return true
    }
    guard let texts else { return nil }
    self.texts = texts
  }

  /// Appends the name of the entity at `position` to `line`; false, having appended
  /// nothing, for an event.
  func append(_ position: Int, to line: inout [UInt8]) -> Bool {
    texts.append(position, to: &line)
  }
}
