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
  /// The blocks of `0..<count` (`blockSize` items each, the last shorter) made on two
  /// threads and handed on in order: `produce` fills a part with a block, `consume`
  /// takes the parts one by one in the order of their blocks.
  ///
  /// Blocks go `window` at a time to whichever thread is free, while the parts of the
  /// window before are consumed beside them: no thread waits for the other after every
  /// two blocks, nor while the parts are copied out. There are `2 × window` parts, made
  /// once by `makePart` and reused (a part's old contents are `produce`'s to clear).
  /// `produce` must only read what it shares and write only its part; `consume` is
  /// never called twice at once, and may write what `produce` does not read.
  static func inOrder<Part: ~Copyable>(
    count: Int, blockSize: Int, window: Int = 4, parts makePart: () -> Part,
    produce: (inout Part, Range<Int>) -> Void, consume: (inout Part) -> Void
  ) {
    guard count > 0 else { return }
    let size = max(1, blockSize)
    let window = max(1, window)
    let blocks = (count + size - 1) / size
    let slots = UnsafeMutablePointer<Part>.allocate(capacity: 2 * window)
    for slot in 0..<2 * window { (slots + slot).initialize(to: makePart()) }
    defer {
      slots.deinitialize(count: 2 * window)
      slots.deallocate()
    }
    nonisolated(unsafe) let parts = slots
    withoutActuallyEscaping(produce) { produce in
      withoutActuallyEscaping(consume) { consume in
        nonisolated(unsafe) let (produce, consume) = (produce, consume)
        // The blocks made in the round before, waiting in the other half of the parts.
        var waiting = 0..<0
        var next = 0
        var half = 0
        while next < blocks || !waiting.isEmpty {
          let round = next..<min(blocks, next + window)
          let earlier = waiting
          let (base, earlierBase) = (half * window, (1 - half) * window)
          let consuming = earlier.isEmpty ? 0 : 1
          DispatchQueue.concurrentPerform(iterations: round.count + consuming) { iteration in
            guard iteration >= consuming else {
              for offset in 0..<earlier.count { consume(&parts[earlierBase + offset]) }
              return
            }
            let offset = iteration - consuming
            let block = round.lowerBound + offset
            produce(&parts[base + offset], block * size..<min(count, (block + 1) * size))
          }
          waiting = round
          next = round.upperBound
          half = 1 - half
        }
      }
    }
  }
}
