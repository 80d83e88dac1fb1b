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
}
