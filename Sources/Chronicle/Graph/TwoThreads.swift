import Dispatch
import Foundation

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
  /// One thread per core (two or more, the calling thread one of them) takes the next
  /// block as soon as it is free, up to `2 × window` blocks ahead of the one being
  /// consumed, and the calling thread consumes the blocks in order as they are made,
  /// before it makes any more: no thread waits for another after a fixed number of
  /// blocks, nor while parts are copied out. There are `2 × window` parts, made once by
  /// `makePart` and reused (a part's old contents are `produce`'s to clear): at most
  /// that many blocks' bytes at once. `produce` must
  /// only read what it shares and write only its part. `consume` runs on the calling
  /// thread only (the exporters' sinks are the caller's), one part at a time, and may
  /// write what `produce` does not read.
  static func inOrder<Part: ~Copyable>(
    count: Int, blockSize: Int, window: Int = 4, parts makePart: () -> Part,
    produce: (inout Part, Range<Int>) -> Void, consume: (inout Part) -> Void
  ) {
    guard count > 0 else { return }
    let size = max(1, blockSize)
    let slotCount = 2 * max(1, window)
    let blocks = blockCount(count, size)
    let slots = UnsafeMutablePointer<Part>.allocate(capacity: slotCount)
    for slot in 0..<slotCount { (slots + slot).initialize(to: makePart()) }
    defer {
      slots.deinitialize(count: slotCount)
      slots.deallocate()
    }
    nonisolated(unsafe) let parts = slots
    let pipeline = BlockPipeline(blocks: blocks, slots: slotCount)
    // The calling thread makes blocks too, whenever the next to consume is not ready:
    // it does not wait for the pool to start a thread.
    let helpers = max(0, min(blocks - 1, ProcessInfo.processInfo.activeProcessorCount - 1))
    // The helpers reach `produce` through a pointer: a closure given to `async` that
    // captured it would keep it beyond `withoutActuallyEscaping` until the queue lets
    // the closure go, which it may do after the group is left.
    withoutActuallyEscaping(produce) { produce in
      withUnsafePointer(to: produce) { pointer in
        nonisolated(unsafe) let produce = pointer
        @Sendable func make(_ block: Int) {
          produce.pointee(&parts[block % slotCount], blockRange(block, of: size, in: count))
          pipeline.finish(block)
        }
        // Only helpers that have started are waited for: the caller may make every
        // block itself while the pool is busy (waiting for the pool to start a job with
        // nothing left to do would stall callers that are pool threads themselves). A
        // helper that starts after the end touches nothing.
        if helpers > 0 {
          DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: helpers) { _ in
              guard pipeline.join() else { return }
              defer { pipeline.leave() }
              while let block = pipeline.claim() { make(block) }
            }
          }
        }
        var next = 0
        while next < blocks {
          switch pipeline.step(consuming: next) {
          case .consume:
            consume(&parts[next % slotCount])
            pipeline.release(next)
            next += 1
          case .make(let block):
            make(block)
          }
        }
        pipeline.close()
      }
    }
  }

  /// Which blocks of ``inOrder(count:blockSize:window:parts:produce:consume:)`` are
  /// taken, made and consumed, under one lock.
  private final class BlockPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let blocks: Int
    private let slots: Int
    /// The next block to take, the blocks consumed, and whether each slot's block is made.
    private var next = 0
    private var consumed = 0
    private var isMade: [Bool]
    /// The helpers at work, and whether the work is over.
    private var helping = 0
    private var closed = false

    init(blocks: Int, slots: Int) {
      self.blocks = blocks
      self.slots = slots
      isMade = [Bool](repeating: false, count: slots)
    }

    /// The next block to make, taken once its slot is free (a helper holds no block
    /// while it waits); nil when every block is taken.
    func claim() -> Int? {
      condition.lock()
      defer { condition.unlock() }
      while true {
        guard next < blocks else { return nil }
        if next < consumed + slots {
          next += 1
          return next - 1
        }
        condition.wait()
      }
    }

    /// Counts a helper in, unless the work is over.
    func join() -> Bool {
      condition.lock()
      defer { condition.unlock() }
      if closed { return false }
      helping += 1
      return true
    }

    func leave() {
      condition.lock()
      helping -= 1
      condition.broadcast()
      condition.unlock()
    }

    /// Ends the work: no helper joins after this, and those that joined have left.
    func close() {
      condition.lock()
      closed = true
      while helping > 0 { condition.wait() }
      condition.unlock()
    }

    func finish(_ block: Int) {
      condition.lock()
      isMade[block % slots] = true
      condition.broadcast()
      condition.unlock()
    }

    /// What the calling thread does next.
    enum Step {
      /// Consume the block it asked about, which is made.
      case consume
      /// Make this block, taken for it.
      case make(Int)
    }

    /// Consume `block` (the next to consume) if it is made, else make the next block
    /// if its slot is free, else wait for either.
    func step(consuming block: Int) -> Step {
      condition.lock()
      defer { condition.unlock() }
      while true {
        if isMade[block % slots] {
          isMade[block % slots] = false
          return .consume
        }
        if next < blocks, next < consumed + slots {
          next += 1
          return .make(next - 1)
        }
        condition.wait()
      }
    }

    /// Frees the slot of `block`, consumed.
    func release(_ block: Int) {
      condition.lock()
      consumed = block + 1
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The blocks of `size` items in `count` (the last may be shorter), without overflow.
  static func blockCount(_ count: Int, _ size: Int) -> Int {
    count / size + (count % size == 0 ? 0 : 1)
  }

  /// The items of block `block`, without overflow for any size.
  private static func blockRange(_ block: Int, of size: Int, in count: Int) -> Range<Int> {
    let start = block * size  // below count: block < blockCount
    return start..<(start + min(size, count - start))
  }
}
