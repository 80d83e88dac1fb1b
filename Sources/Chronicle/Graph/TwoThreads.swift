import Dispatch

/// Two independent pieces of work run at the same time, on the two cores Chronicle
/// is measured on, with their results given back in order.
enum TwoThreads {
  /// `[work(0), work(1), …]`, computed on as many threads as there are `pieces` (two
  /// by default) and cores. `work` must only read what pieces share: each piece writes
  /// only its own result slot, and the slots are read after every piece has ended.
  static func run<Result>(pieces: Int = 2, _ work: (Int) -> Result) -> [Result] {
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: pieces)
    results.initialize(repeating: nil)
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    nonisolated(unsafe) let slots = results
    withoutActuallyEscaping(work) { work in
      nonisolated(unsafe) let work = work
      DispatchQueue.concurrentPerform(iterations: pieces) { piece in slots[piece] = work(piece) }
    }
    return results.compactMap { $0 }
  }
}
