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
/// most of the table's memory). Made on two threads, half the entities each.
struct ChronologyNames: Sendable {
  /// The names of the entities before `split`, then those of the others, each with
  /// the end of every name (in `firstBytes` or `secondBytes`); an event's is the end
  /// of the name before it, marked with `absent`.
  private let split: Int
  private let firstBytes: [UInt8]
  private let firstEnds: [UInt32]
  private let secondBytes: [UInt8]
  private let secondEnds: [UInt32]

  /// The bit that marks an event's end: no name is kept for it.
  private static let absent: UInt32 = 1 << 31

  /// The names of the entities of `graph` but its events, written with (copies of)
  /// `sanitizer`; nil if the names of half the entities take 2 GB or more.
  init?(_ graph: TimelineGraph, sanitizer: ChronologySanitizer) {
    let count = graph.count
    let split = count / 2
    let parts = TwoThreads.run { piece -> (bytes: [UInt8], ends: [UInt32])? in
      var sanitizer = sanitizer
      var bytes: [UInt8] = []
      var ends: [UInt32] = []
      let range = piece == 0 ? 0..<split : split..<count
      ends.reserveCapacity(range.count)
      // About 24 bytes a name; grown should they be longer.
      bytes.reserveCapacity(range.count * 24)
      for position in range {
        let isEvent = graph.entities[position].kind == .event
        if !isEvent {
          ChronologyRenderer.appendName(of: position, in: graph, sanitizer: &sanitizer, to: &bytes)
        }
        guard let end = UInt32(exactly: bytes.count), end < Self.absent else { return nil }
        ends.append(isEvent ? end | Self.absent : end)
      }
      return (bytes, ends)
    }
    guard parts.count == 2, let first = parts[0], let second = parts[1] else { return nil }
    self.split = split
    (firstBytes, firstEnds) = first
    (secondBytes, secondEnds) = second
  }

  /// Appends the name of the entity at `position` to `line`; false, having appended
  /// nothing, for an event.
  func append(_ position: Int, to line: inout [UInt8]) -> Bool {
    if position < split {
      return Self.append(position, of: firstBytes, firstEnds, to: &line)
    } else {
      return Self.append(position - split, of: secondBytes, secondEnds, to: &line)
    }
  }

  private static func append(_ position: Int, of bytes: [UInt8], _ ends: [UInt32], to line: inout [UInt8]) -> Bool {
    let end = ends[position]
    guard end & absent == 0 else { return false }
    let start = position == 0 ? 0 : Int(ends[position - 1] & ~absent)
    bytes.withUnsafeBufferPointer { bytes in
      line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<Int(end)]))
    }
    return true
  }
}
