import Testing
@testable import Chronicle

struct TwoThreadsTests {
  /// The two pieces run, and their results come back in order.
  @Test func runGivesBothResultsInOrder() {
    #expect(TwoThreads.run { $0 * 10 + 1 } == [1, 11])
  }

  /// Every item falls in exactly one block, the blocks are whole (the last shorter),
  /// whatever the count and the block size, zero and sizes below one included.
  @Test(arguments: [(0, 4), (1, 4), (7, 1), (10, 3), (4_096, 4_096), (10_000, 4_096), (5, 0), (5, -2)])
  func forEachBlockCoversEveryItemOnce(count: Int, blockSize: Int) {
    let seen = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, count))
    seen.initialize(repeating: 0)
    defer { seen.deallocate() }
    let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, count))
    starts.initialize(repeating: -1)
    defer { starts.deallocate() }
    nonisolated(unsafe) let (counts, blockStarts) = (seen, starts)
    TwoThreads.forEachBlock(count: count, blockSize: blockSize) { range in
      blockStarts[range.lowerBound] = range.count
      for item in range { counts[item] += 1 }
    }
    #expect((0..<count).allSatisfy { seen[$0] == 1 })
    let size = max(1, blockSize)
    for start in stride(from: 0, to: count, by: size) {
      #expect(starts[start] == min(size, count - start), "block at \(start)")
    }
  }
  /// The parts come to `consume` in the order of their blocks, each block made once
  /// and whole, whatever the count, block size and window; the parts made are reused.
  @Test(arguments: [(0, 3, 4), (1, 3, 4), (10, 3, 1), (100, 7, 4), (1_000, 1, 3), (64, 8, 16), (9, 0, 0)])
  func inOrderConsumesEveryBlockInOrder(count: Int, blockSize: Int, window: Int) {
    var consumed: [Range<Int>] = []
    var made = 0
    TwoThreads.inOrder(
      count: count, blockSize: blockSize, window: window, parts: { () -> [Range<Int>] in
        made += 1
        return []
      },
      produce: { part, range in part = [range] },
      consume: { part in consumed.append(contentsOf: part) })
    let size = max(1, blockSize)
    let expected = stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    #expect(consumed == expected)
    #expect(made == (count == 0 ? 0 : 2 * max(1, window)))
  }

  /// A part that cannot be copied (as the DOT and JSON writers) is made, filled and
  /// consumed in place.
  @Test func inOrderTakesPartsThatCannotBeCopied() {
    struct Part: ~Copyable {
      var sum = 0
    }
    var total = 0
    var order: [Int] = []
    TwoThreads.inOrder(
      count: 50, blockSize: 4, window: 2, parts: { Part() },
      produce: { part, range in part.sum = range.reduce(0, +) },
      consume: { part in
        total += part.sum
        order.append(part.sum)
      })
    #expect(total == (0..<50).reduce(0, +))
    #expect(order == stride(from: 0, to: 50, by: 4).map { (($0)..<min(50, $0 + 4)).reduce(0, +) })
  }
}
