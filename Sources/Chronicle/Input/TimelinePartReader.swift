import Foundation

/// Reads the parts of a large JSON file (``TimelinePart``) on threads of its own, in
/// order, handing each over as soon as it is read: the thread that reads the file
/// from its start adds part after part while the next ones are still being read.
///
/// Worker `w` of `W` reads parts `w`, `w + W`, `w + 2W`…; the parts are given back by
/// ``take(_:)``, which waits for the one asked for. ``finish()`` must be called before
/// the bytes go: it stops the workers after the part each is reading, and waits for
/// them.
final class TimelinePartReader: @unchecked Sendable {
  private let condition = NSCondition()
  /// The parts read and not yet taken; `taken` marks those handed over.
  private var parts: [TimelinePart?]
  private var taken: [Bool]
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
    let workers = max(1, min(workers, starts.count))
    running = workers
    nonisolated(unsafe) let bytes = bytes
    // The blocks' pages go round: filled here, emptied by the thread adding the parts.
    let pages = PagePool()
    for worker in 0..<workers {
      let thread = Thread { [self] in
        var caches = TimelinePart.Caches(pages: pages)
        for number in stride(from: worker, to: starts.count, by: workers) {
          if isCancelled { break }
          let limit = number + 1 < starts.count ? starts[number + 1].start : bytes.count
          let part = TimelinePart.read(
            bytes, start: starts[number].start, lineStart: starts[number].lineStart, limit: limit,
            document: document.handle(), releasing: releasing, caches: &caches)
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

  private var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }

  /// The part at `number`, once read (nil when already taken, or when the workers were
  /// stopped before reading it).
  func take(_ number: Int) -> TimelinePart? {
    condition.lock()
    defer { condition.unlock() }
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
