import Dispatch

/// Two independent pieces of work run at the same time, on the two cores Chronicle
/// is measured on, with their results given back in order.
enum TwoThreads {
  /// `[work(0), work(1)]`, computed on two threads. `work` must only read what it
  /// shares: each piece writes only its own result slot, and the slots are read after
  /// both pieces have ended.
  static func run<Result>(_ work: (Int) -> Result) -> [Result] {
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: 2)
    results.initialize(repeating: nil)
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    nonisolated(unsafe) let slots = results
    withoutActuallyEscaping(work) { work in
      nonisolated(unsafe) let work = work
      DispatchQueue.concurrentPerform(iterations: 2) { piece in slots[piece] = work(piece) }
    }
    return results.compactMap { $0 }
  }
  /// Calls `body` for consecutive ranges of `0..<count`, `blockSize` items each (the
  /// last shorter), handed out one at a time to the threads as they come free: where
  /// items cost unevenly (events against places), no thread waits for the other as it
  /// would with a fixed half each. `body` must only read what it shares, and write
  /// only what belongs to its range.
  static func forEachBlock(count: Int, blockSize: Int, _ body: (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let size = max(1, blockSize)
    let blocks = (count + size - 1) / size
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let body = body
      DispatchQueue.concurrentPerform(iterations: blocks) { block in
        body(block * size..<min(count, (block + 1) * size))
      }
    }
  }
}
