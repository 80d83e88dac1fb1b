import Foundation

/// Regions of pages mapped from the system, all of one size, kept when freed so that
/// the next ``PageBlock`` takes pages already there instead of new ones.
///
/// The threads reading the parts of a file fill blocks that the thread adding the parts
/// then empties: with a pool the pages go round between them, and each is mapped and
/// cleared by the system once, where a block of its own would cost a page fault and a
/// cleared page per 4 KB every time. At most ``limit`` regions are kept; the rest, and
/// all of them when the pool goes, are given back.
final class PagePool: @unchecked Sendable {
  /// The size of every region: 2 MB.
  static let regionByteCount = 2 << 20

  /// The most regions kept: 32 MB, about two parts' worth.
  let limit: Int
  private let lock = NSLock()
  private var free: [UnsafeMutableRawPointer] = []

  /// An empty pool keeping at most `limit` regions.
  init(limit: Int = 16) {
    self.limit = limit
  }

  /// A region of ``regionByteCount`` bytes: a kept one, or newly mapped (nil when the
  /// system gives no memory).
  func take() -> UnsafeMutableRawPointer? {
    lock.lock()
    let kept = free.popLast()
    lock.unlock()
    return kept ?? Self.map(Self.regionByteCount)
  }

  /// Keeps a region from ``take()``, or gives it back when the pool is full.
  func give(_ region: UnsafeMutableRawPointer) {
    lock.lock()
    let keep = free.count < limit
    if keep { free.append(region) }
    lock.unlock()
    if !keep { munmap(region, Self.regionByteCount) }
  }

  /// The number of regions kept.
  var keptCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return free.count
  }

  deinit {
    for region in free { munmap(region, Self.regionByteCount) }
  }

  /// `byteCount` bytes of new pages, or nil.
  static func map(_ byteCount: Int) -> UnsafeMutableRawPointer? {
    guard
      let mapped = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      mapped != UnsafeMutableRawPointer(bitPattern: -1)
    else { return nil }
    return mapped
  }
}
