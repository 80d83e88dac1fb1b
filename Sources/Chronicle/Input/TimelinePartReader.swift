import Foundation

/// Reads the parts of a large JSON file (``TimelinePart``) on threads of its own and on
/// the thread that takes them, handing each over in order as soon as it is read: the
/// thread that reads the file from its start adds part after part while the next ones
/// are still being read.
///
/// Each worker reads the first part nobody reads yet, then the next such part, and so
/// on. The parts are given back in order by ``take(_:helping:texts:dates:)``; while the
/// part asked for is not read yet, the taking thread reads the first part nobody reads
/// yet itself (that one or a later one, added when its turn comes) instead of waiting,
/// so no thread idles while a part is unclaimed. ``cancel()`` stops the workers from
/// starting more parts; ``finish()`` must be called before the bytes go: it stops the
/// workers after the part each is reading, and waits for them.
final class TimelinePartReader: @unchecked Sendable {
  private let condition = NSCondition()
  /// The parts read and not yet taken; `taken` marks those handed over.
  private var parts: [TimelinePart?]
  private var taken: [Bool]
  /// The parts whose read has begun, or that will not be read (taken before).
  private var claimed: [Bool]
  /// No part before it is left unclaimed.
  private var unclaimed = 0
  /// What the taking thread needs to read parts itself.
  private nonisolated(unsafe) let bytes: UnsafeBufferPointer<UInt8>
  private let starts: [(start: Int, lineStart: Int)]
  private let document: SourceDocument
  private let releasing: Bool
  /// Where the parts' blocks take their pages: they go round, filled by the readers,
  /// emptied by the thread adding the parts.
  private let pages = PagePool()
  private var cancelled = false
  private var running = 0

  /// Starts `workers` threads reading the parts that start at `starts` (each ending
  /// before the next, the last at the end of the bytes); with none, the taking thread
  /// reads every part.
  init(
    _ bytes: UnsafeBufferPointer<UInt8>, starts: [(start: Int, lineStart: Int)], workers: Int,
    document: SourceDocument, releasing: Bool
  ) {
    parts = Array(repeating: nil, count: starts.count)
    taken = Array(repeating: false, count: starts.count)
    claimed = Array(repeating: false, count: starts.count)
    self.bytes = bytes
    self.starts = starts
    self.document = document
    self.releasing = releasing
    let workers = max(0, min(workers, starts.count))
    running = workers
    for _ in 0..<workers {
      let thread = Thread { [self] in
        var caches = TimelinePart.Caches(pages: pages)
        while let number = claimForWorker() {
          let part = read(number, caches: &caches)
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

  /// Reads the part at `number`.
  private func read(_ number: Int, caches: inout TimelinePart.Caches) -> TimelinePart {
    let limit = number + 1 < starts.count ? starts[number + 1].start : bytes.count
    return TimelinePart.read(
      bytes, start: starts[number].start, lineStart: starts[number].lineStart, limit: limit,
      document: document.handle(), releasing: releasing, caches: &caches)
  }

  /// The first part nobody reads yet, claimed for a worker (nil when there is none, or
  /// when the workers are stopped).
  private func claimForWorker() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    return cancelled ? nil : claimFirst(from: 0)
  }

  /// The first part from `number` on that nobody reads yet, claimed. Call with the
  /// lock held.
  private func claimFirst(from number: Int) -> Int? {
    while unclaimed < claimed.count && claimed[unclaimed] { unclaimed += 1 }
    var first = max(number, unclaimed)
    while first < claimed.count && claimed[first] { first += 1 }
    guard first < claimed.count else { return nil }
    claimed[first] = true
    return first
  }

  /// The part at `number`, once read; nil when already taken, or when nobody had begun
  /// reading it and this thread does not (without `helping`, or once cancelled). While
  /// it is not read, and `helping`, this thread reads the first part nobody reads yet
  /// (that one, or one after it) instead of waiting.
  ///
  /// `texts` and `dates` are the taking thread's own (its parser's and decoder's), lent
  /// to the parts it reads: the texts those parts share with what it reads itself are
  /// then held once.
  func take(
    _ number: Int, helping: Bool = true, texts: inout StringInterner, dates: inout EDTFDateCache
  ) -> TimelinePart? {
    condition.lock()
    defer { condition.unlock() }
    while parts[number] == nil && !taken[number] {
      if !helping || cancelled {
        if !claimed[number] {
          claimed[number] = true
          break
        }
      } else if let mine = claimFirst(from: number) {
        condition.unlock()
        var caches = TimelinePart.Caches(pages: pages)
        swap(&caches.texts, &texts)
        swap(&caches.dates, &dates)
        let part = read(mine, caches: &caches)
        swap(&caches.texts, &texts)
        swap(&caches.dates, &dates)
        condition.lock()
        parts[mine] = part
        continue
      }
      guard running > 0 else { break }
      condition.wait()
    }
    taken[number] = true
    defer { parts[number] = nil }
    return parts[number]
  }

  /// ``take(_:helping:texts:dates:)`` with texts and dates of its own.
  func take(_ number: Int, helping: Bool = true) -> TimelinePart? {
    var texts = StringInterner()
    var dates = EDTFDateCache()
    return take(number, helping: helping, texts: &texts, dates: &dates)
  }

  /// Stops the workers from starting more parts; those they are reading are still
  /// handed over.
  func cancel() {
    condition.lock()
    cancelled = true
    condition.unlock()
  }

  /// Stops the workers after the parts they are reading, and waits for them.
  func finish() {
    condition.lock()
    cancelled = true
    while running > 0 { condition.wait() }
    condition.unlock()
  }

  /// For tests: claims part `number` as a worker would (counted as a worker running
  /// until it is stored with ``store(_:at:)``); false when it was claimed already.
  func claimAsWorker(_ number: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard !claimed[number] else { return false }
    claimed[number] = true
    running += 1
    return true
  }

  /// For tests: whether part `number` was claimed.
  func isClaimed(_ number: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return claimed[number]
  }

  /// For tests: stores a part claimed with ``claimAsWorker(_:)``, as a worker would.
  func store(_ part: TimelinePart, at number: Int) {
    condition.lock()
    parts[number] = part
    running -= 1
    condition.broadcast()
    condition.unlock()
  }
}
