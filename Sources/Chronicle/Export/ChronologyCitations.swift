/// The citations a run of a chronology looks up, in the order it looks them up, with
/// their hashes: what the note numbering of ``ChronologyNotes`` is computed from before
/// the entries are written on two threads.
///
///     var first = ChronologyCitations(), second = ChronologyCitations()
///     first.append(Citation(document: "a", locator: "p. 1"))
///     second.append(Citation(document: "b"))
///     second.append(Citation(document: "a", locator: "p. 1"))
///     let notes = ChronologyCitations.number(first, second)
///     // notes.numbers == [1, 2, 1], notes.firsts == [0, 1]: note 2 is
///     // ChronologyCitations.key(at: 1, first, second), b
struct ChronologyCitations: Sendable {
  /// What each citation points to.
  private(set) var keys: [ChronologyNotes.Key] = []
  /// The hash of each key, computed where the key is added (on the thread that walks
  /// the entries) so that numbering does not hash strings.
  private(set) var hashes: [Int] = []

  /// The number of citations.
  var count: Int { keys.count }

  /// Adds a citation.
  mutating func append(_ citation: Citation) {
    let key = ChronologyNotes.Key(citation)
    keys.append(key)
    hashes.append(key.hashValue)
  }

  /// Adds citations, in order.
  mutating func append(_ citations: [Citation]) {
    for citation in citations { append(citation) }
  }

  /// Lets the hashes go once the citations are numbered (the keys are kept for the notes).
  mutating func removeHashes() {
    hashes = []
  }

  /// The key of the citation at `position` among `first`'s then `second`'s.
  static func key(at position: Int, _ first: ChronologyCitations, _ second: ChronologyCitations) -> ChronologyNotes.Key {
    position < first.count ? first.keys[position] : second.keys[position - first.count]
  }

  /// The note numbers of the citations of `first` then `second`, in order, as
  /// ``ChronologyNotes/number(for:)`` would assign them (numbers in order of first use),
  /// and where each note's first citation is (note `n` is the key of the citation at
  /// `firsts[n - 1]`, ``key(at:_:_:)``): the keys are not copied.
  ///
  /// Each of two threads finds, for the keys whose hash has one lowest bit, the first
  /// citation with the same key, in a table of its own; the numbers are then counted
  /// off in one pass over the citations, which compares no keys.
  static func number(
    _ first: ChronologyCitations, _ second: ChronologyCitations
  ) -> (numbers: [Int32], firsts: [Int32]) {
    let total = first.count + second.count
    precondition(total < Int(Int32.max), "too many citations")
    // firsts[i]: the position of the first citation with the key of citation i.
    var firsts = [Int32](repeating: 0, count: total)
    firsts.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let firsts = buffer
      _ = TwoThreads.run { piece in
        findFirsts(first, second, hashBit: piece, into: firsts)
      }
    }
    var notes: [Int32] = []
    // In place: a citation's first citation comes before it (or is itself), so its
    // number is already counted off.
    for position in 0..<total {
      let earliest = Int(firsts[position])
      if earliest == position {
        notes.append(Int32(position))
        firsts[position] = Int32(notes.count)
      } else {
        firsts[position] = firsts[earliest]
      }
    }
    return (firsts, notes)
  }

  /// Sets `firsts[i]` to the position of the first citation with the same key, for
  /// every citation `i` whose hash has `hashBit` as its lowest bit; positions count
  /// `first`'s citations, then `second`'s.
  private static func findFirsts(
    _ first: ChronologyCitations, _ second: ChronologyCitations, hashBit: Int,
    into firsts: UnsafeMutableBufferPointer<Int32>
  ) {
    let total = first.count + second.count
    // Open addressing with linear probing, at most half full (about half the keys have
    // this bit): a slot holds a position + 1, or 0 when empty.
    var capacity = 16
    while capacity < total { capacity *= 2 }
    let mask = capacity - 1
    var table = [Int32](repeating: 0, count: capacity)
    table.withUnsafeMutableBufferPointer { table in
      for (part, offset) in [(first, 0), (second, first.count)] {
        part.hashes.withUnsafeBufferPointer { hashes in
          for index in hashes.indices where hashes[index] & 1 == hashBit {
            let hash = hashes[index]
            let position = offset + index
            var slot = (hash >> 1) & mask
            while true {
              let held = Int(table[slot])
              if held == 0 {
                table[slot] = Int32(position + 1)
                firsts[position] = Int32(position)
                break
              }
              let other = held - 1
              let inFirst = other < first.count
              if (inFirst ? first.hashes[other] : second.hashes[other - first.count]) == hash,
                (inFirst ? first.keys[other] : second.keys[other - first.count]) == part.keys[index]
              {
                firsts[position] = Int32(other)
                break
              }
              slot = (slot + 1) & mask
            }
          }
        }
      }
    }
  }
}
