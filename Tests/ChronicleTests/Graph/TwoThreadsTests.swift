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
}
