import Dispatch

/// Work shared between threads: two independent pieces run at the same time (on the
/// two cores Chronicle is measured on, with their results given back in order), or
/// blocks handed to whichever thread is free.
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
  /// last shorter), handed out one at a time to the threads as they come free (two or
  /// more: as many as the machine has cores): where items cost unevenly (events
  /// against places), no thread waits for the other as it would with a fixed half
  /// each. `body` must only read what it shares, and write only what belongs to its
  /// range.
  static func forEachBlock(count: Int, blockSize: Int, _ body: (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let size = max(1, blockSize)
    let blocks = blockCount(count, size)
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let body = body
      DispatchQueue.concurrentPerform(iterations: blocks) { block in
        body(blockRange(block, of: size, in: count))
      }
    }
  }

  /// The blocks of `0..<count` (`blockSize` items each, the last shorter) made on other
  /// threads and handed on in order on the calling thread: `produce` fills a part with
  /// a block, `consume` takes the parts one by one in the order of their blocks.
  ///
  /// Blocks go `window` at a time to whichever thread is free (two or more: as many
  /// as the machine has cores), while the calling thread consumes the parts of the
  /// window before: no thread waits for the other after every two blocks, nor while
  /// the parts are copied out. There are `2 × window` parts, made once by `makePart`
  /// and reused (a part's old contents are `produce`'s to clear): at most twice
  /// `window` blocks' bytes at once. `produce` must only read what it shares and write
  /// only its part. `consume` runs on the calling thread only (the exporters' sinks
  /// are the caller's), one part at a time, and may write what `produce` does not read.
  static func inOrder<Part: ~Copyable>(
    count: Int, blockSize: Int, window: Int = 4, parts makePart: () -> Part,
    produce: (inout Part, Range<Int>) -> Void, consume: (inout Part) -> Void
  ) {
    guard count > 0 else { return }
    let size = max(1, blockSize)
    let window = max(1, window)
    let blocks = blockCount(count, size)
    let slots = UnsafeMutablePointer<Part>.allocate(capacity: 2 * window)
    for slot in 0..<2 * window { (slots + slot).initialize(to: makePart()) }
    defer {
      slots.deinitialize(count: 2 * window)
      slots.deallocate()
    }
    nonisolated(unsafe) let parts = slots
    // The other threads reach `produce` through a pointer: a closure given to
    // `async` that captured it would keep it beyond `withoutActuallyEscaping` until
    // the queue lets the closure go, which it may do after the group is left.
    withoutActuallyEscaping(produce) { produce in
      withUnsafePointer(to: produce) { pointer in
        nonisolated(unsafe) let produce = pointer
        produceInOrder(blocks: blocks, window: window, count: count, size: size, parts: parts, produce: produce, consume: consume)
      }
    }
  }

  /// The rounds of ``inOrder(count:blockSize:window:parts:produce:consume:)``.
  private static func produceInOrder<Part: ~Copyable>(
    blocks: Int, window: Int, count: Int, size: Int, parts: UnsafeMutablePointer<Part>,
    produce: UnsafePointer<(inout Part, Range<Int>) -> Void>, consume: (inout Part) -> Void
  ) {
    nonisolated(unsafe) let (parts, produce) = (parts, produce)
    // The blocks made in the round before, waiting in the other half of the parts.
    var waiting = 0..<0
    var next = 0
    var half = 0
    while next < blocks || !waiting.isEmpty {
      let round = next..<min(blocks, next + window)
      let base = half * window
      let made = DispatchGroup()
      if !round.isEmpty {
        DispatchQueue.global().async(group: made) {
          DispatchQueue.concurrentPerform(iterations: round.count) { offset in
            let block = round.lowerBound + offset
            produce.pointee(&parts[base + offset], blockRange(block, of: size, in: count))
          }
        }
      }
      let earlierBase = (1 - half) * window
      for offset in 0..<waiting.count { consume(&parts[earlierBase + offset]) }
      made.wait()
      waiting = round
      next = round.upperBound
      half = 1 - half
    }
  }

  /// The blocks of `size` items in `count` (the last may be shorter), without overflow.
  private static func blockCount(_ count: Int, _ size: Int) -> Int {
    count / size + (count % size == 0 ? 0 : 1)
  }

  /// The items of block `block`, without overflow for any size.
  private static func blockRange(_ block: Int, of size: Int, in count: Int) -> Range<Int> {
    let start = block * size  // below count: block < blockCount
    return start..<(start + min(size, count - start))
  }
}
