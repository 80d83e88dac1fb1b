import Foundation

/// Reads the parts of a large JSON file (``TimelinePart``) on threads of its own while
/// the thread that reads the file from its start goes on, the two meeting in between.
///
/// The workers take the parts from the last one back, each the last one no thread has
/// begun. The thread reading from the start asks for the parts in order with
/// ``take(_:)``: a part no worker has begun is claimed (no worker will read it) and read
/// by that thread itself as it goes on; a part a worker has begun is waited for and
/// added. So the work shares itself out: wherever the threads meet, neither waits for
/// the other for more than the part being read. ``finish()`` must be called before the
/// bytes go: it stops the workers after the part each is reading, and waits for them.
final class TimelinePartReader: @unchecked Sendable {
  private let condition = NSCondition()
  /// The parts read and not yet taken; `taken` marks those handed over.
  private var parts: [TimelinePart?]
  private var taken: [Bool]
  /// Parts a worker has begun, or that ``take(_:)`` claimed before any worker began
  /// them (the thread reading from the start then reads them itself).
  private var started: [Bool]
  /// The last part a worker may take next.
  private var last: Int
  private var cancelled = false
  private var running = 0

  /// Starts `workers` threads reading the parts that start at `starts` (each ending
  /// before the next, the last at the end of the bytes).
  init(
    _ bytes: UnsafeBufferPointer<UInt8>, starts: [(start: Int, lineStart: Int)], workers: Int,
    document: SourceDocument, releasing: Bool
  ) {
    parts = Array(repeating: nil, count: starts.count)
    taken = Array(repeating: false, count: starts.count)
    started = Array(repeating: false, count: starts.count)
    last = starts.count - 1
    let workers = max(1, min(workers, starts.count))
    running = workers
    nonisolated(unsafe) let bytes = bytes
    for _ in 0..<workers {
      let thread = Thread { [self] in
        var caches = TimelinePart.Caches()
        while let number = beginFromTheEnd() {
          let limit = number + 1 < starts.count ? starts[number + 1].start : bytes.count
          let part = TimelinePart.read(
            bytes, start: starts[number].start, lineStart: starts[number].lineStart, limit: limit,
            document: document, releasing: releasing, caches: &caches)
          condition.lock()
          parts[number] = part
          condition.broadcast()
          condition.unlock()
        }
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
      }
      // Deeply nested elements are read by recursion, as on the main thread.
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  /// The last part no thread has begun, now begun by the worker asking; nil when there
  /// is none, or once the workers are stopped.
  private func beginFromTheEnd() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    guard !cancelled else { return nil }
    while last >= 0 && started[last] { last -= 1 }
    guard last >= 0 else { return nil }
    started[last] = true
    last -= 1
    return last + 1
  }

  /// The part at `number`, once read; nil when no worker has begun it (it is then
  /// claimed: no worker will read it, and the caller reads that stretch itself instead
  /// of waiting), when already taken, or when the workers were stopped before reading it.
  func take(_ number: Int) -> TimelinePart? {
    condition.lock()
    defer { condition.unlock() }
    if !started[number] {
      started[number] = true
      taken[number] = true
      return nil
    }
    while parts[number] == nil && !taken[number] && running > 0 { condition.wait() }
    taken[number] = true
    defer { parts[number] = nil }
    return parts[number]
  }

  /// Stops the workers after the parts they are reading, and waits for them.
  func finish() {
    condition.lock()
    cancelled = true
    while running > 0 { condition.wait() }
    condition.unlock()
  }
}
