/// Bytes made ahead for some of a graph's entities, in the entities' order, on two
/// threads (half the entities each): what ``ChronologyNames`` and the notes' document
/// texts are kept in.
///
///     let texts = ChronologyTexts(count: graph.count, bytesEach: 24, state: sanitizer) { sanitizer, position, bytes in
///       guard graph.entities[position].kind == .place else { return false }
///       sanitizer.append(graph.entities[position].label, to: &bytes)
///       return true
///     }
///     var line: [UInt8] = []
///     if texts?.append(position, to: &line) != true { /* none was made: write it */ }
///
/// Reading an entity's fields where it is needed, in a large graph, is a cache miss for
/// the entity and for each of its strings; read here in order, the bytes are one miss.
struct ChronologyTexts: Sendable {
  /// The texts of the entities before `split`, then those of the others, each with
  /// the end of every text (in `firstBytes` or `secondBytes`); an entity without a
  /// text has the end of the text before it, marked with `absent`.
  private let split: Int
  private let firstBytes: [UInt8]
  private let firstEnds: [UInt32]
  private let secondBytes: [UInt8]
  private let secondEnds: [UInt32]

  /// The bit that marks an entity without a text.
  private static let absent: UInt32 = 1 << 31

  /// The texts of the entities `0..<count`: `write` appends an entity's text to the
  /// bytes and returns true, or returns false, having appended nothing, for an entity
  /// without one. Each thread writes with a copy of `state`, into room for about
  /// `bytesEach` bytes an entity (grown should the texts be longer). Nil if the texts
  /// of half the entities take 2 GB or more.
  init?<State>(
    count: Int, bytesEach: Int, state: State, _ write: (inout State, Int, inout [UInt8]) -> Bool
  ) {
    let split = count / 2
    let parts = TwoThreads.run { piece -> (bytes: [UInt8], ends: [UInt32])? in
      var state = state
      var bytes: [UInt8] = []
      var ends: [UInt32] = []
      let range = piece == 0 ? 0..<split : split..<count
      ends.reserveCapacity(range.count)
      bytes.reserveCapacity(range.count * bytesEach)
      for position in range {
        let kept = write(&state, position, &bytes)
        guard let end = UInt32(exactly: bytes.count), end < Self.absent else { return nil }
        ends.append(kept ? end : end | Self.absent)
      }
      return (bytes, ends)
    }
    guard parts.count == 2, let first = parts[0], let second = parts[1] else { return nil }
    self.split = split
    (firstBytes, firstEnds) = first
    (secondBytes, secondEnds) = second
  }

  /// Appends the text of the entity at `position` to `line`; false, having appended
  /// nothing, for an entity without one.
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
