import Foundation
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
  /// Under uneven work, no part is written while it is consumed or twice at once, the
  /// parts still come in order, and `consume` runs on the calling thread only (the
  /// exporters hand the caller's sink what it consumes).
  @Test func inOrderKeepsPartsApartUnderUnevenWork() {
    final class Flags: @unchecked Sendable {
      var busy = [Int](repeating: 0, count: 64)
    }
    struct Part {
      var slot: Int
      var block: Range<Int>? = nil
    }
    let flags = Flags()
    nonisolated(unsafe) var overlaps = 0
    var slotsMade = 0
    var consumed: [Range<Int>] = []
    let caller = pthread_self()
    var consumedElsewhere = 0
    TwoThreads.inOrder(
      count: 997, blockSize: 13, window: 3, parts: { () -> Part in
        slotsMade += 1
        return Part(slot: slotsMade - 1)
      },
      produce: { part, range in
        if flags.busy[part.slot] != 0 { overlaps += 1 }
        flags.busy[part.slot] = 1
        // Uneven: some blocks take far longer than others.
        var spin = 0
        for step in 0..<(range.lowerBound % 5 == 0 ? 200_000 : 1_000) { spin &+= step }
        part.block = spin >= 0 ? range : nil
        flags.busy[part.slot] = 0
      },
      consume: { part in
        if flags.busy[part.slot] != 0 { overlaps += 1 }
        if pthread_equal(pthread_self(), caller) == 0 { consumedElsewhere += 1 }
        if let block = part.block { consumed.append(block) }
        part.block = nil
      })
    #expect(overlaps == 0)
    #expect(consumedElsewhere == 0)
    #expect(consumed == stride(from: 0, to: 997, by: 13).map { $0..<min(997, $0 + 13) })
  }
  /// Many callers at once on the dispatch pool's own threads each get their blocks in
  /// order, without waiting for the pool to start helpers it has no thread for.
  @Test func inOrderFromManyPoolThreadsAtOnce() {
    final class Results: @unchecked Sendable {
      let lock = NSLock()
      var sums: [Int] = []
    }
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 24) { caller in
      var order: [Int] = []
      TwoThreads.inOrder(
        count: 60 + caller, blockSize: 5, window: 1, parts: { 0 },
        produce: { part, range in part = range.lowerBound },
        consume: { part in order.append(part) })
      results.lock.lock()
      results.sums.append(order == Array(stride(from: 0, to: 60 + caller, by: 5)) ? 1 : 0)
      results.lock.unlock()
    }
    #expect(results.sums.count == 24 && results.sums.allSatisfy { $0 == 1 })
  }
}
