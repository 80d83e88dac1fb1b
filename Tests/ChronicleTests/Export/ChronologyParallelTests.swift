import Testing

@testable import Chronicle

/// The note numbering computed ahead of writing, for the chronology written on two
/// threads, is that of the single-thread path.
struct ChronologyParallelTests {
  /// The numbering of citations listed in two parts is that of ``ChronologyNotes``,
  /// which assigns numbers in order of first use, wherever the parts are split.
  @Test func citationsAreNumberedByFirstUse() {
    var state: UInt64 = 17
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    let citations = (0..<2_000).map { _ in
      Citation(document: "d\(next(60))", locator: [nil, "", "p. 1", "p. \(next(9))"][next(4)])
    }
    var notes = ChronologyNotes()
    let expected = citations.map { Int32(notes.number(for: $0)) }
    for split in [0, 1, 2, 999, 1_999, 2_000] {
      var first = ChronologyCitations(), second = ChronologyCitations()
      first.append(Array(citations[..<split]))
      second.append(Array(citations[split...]))
      let numbering = ChronologyCitations.number(first, second)
      #expect(numbering.numbers == expected, "split at \(split)")
      #expect(numbering.keys == notes.keys, "split at \(split)")
    }
  }
}
