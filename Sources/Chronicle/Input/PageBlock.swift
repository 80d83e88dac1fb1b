import Foundation

/// A fixed number of elements in pages of their own, mapped from the system and given
/// back to it as soon as the block is freed.
///
/// Memory from `malloc` that another thread allocated and this one frees often stays
/// with the process (in that thread's arena, or below a raised mapping threshold), so a
/// part of a file read on another thread and then moved into the graph would be held
/// twice at the peak; a block's pages are unmapped when it goes.
///
/// A block taken from a ``PagePool`` holds one of its regions and gives it back to it.
final class PageBlock<Element> {
  private let base: UnsafeMutablePointer<Element>
  private let byteCount: Int
  private let pool: PagePool?
  /// The most elements the block holds.
  let capacity: Int
  /// The elements appended.
  private(set) var count = 0
  /// The elements moved out, from the first.
  private var taken = 0

  /// A block for `capacity` elements, or nil when the system gives no memory.
  init?(capacity: Int) {
    let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    let bytes = max(1, capacity * MemoryLayout<Element>.stride)
    byteCount = (bytes + pageSize - 1) / pageSize * pageSize
    guard let mapped = PagePool.map(byteCount) else { return nil }
    base = mapped.bindMemory(to: Element.self, capacity: capacity)
    self.capacity = capacity
    pool = nil
  }

  /// A block in one of the pool's regions, for as many elements as it holds, or nil
  /// when the system gives no memory.
  init?(in pool: PagePool) {
    guard let region = pool.take() else { return nil }
    byteCount = PagePool.regionByteCount
    capacity = byteCount / MemoryLayout<Element>.stride
    base = region.bindMemory(to: Element.self, capacity: capacity)
    self.pool = pool
  }

  /// Whether the block is full.
  var isFull: Bool { count == capacity }

  /// Appends an element; the block must not be full.
  func append(_ element: consuming Element) {
    (base + count).initialize(to: element)
    count += 1
  }

  /// Moves every element not yet taken out of the block, in order.
  func takeAll(_ body: (consuming Element) -> Void) {
    while taken < count {
      let element = (base + taken).move()
      taken += 1
      body(element)
    }
  }

  deinit {
    (base + taken).deinitialize(count: count - taken)
    if let pool {
      pool.give(UnsafeMutableRawPointer(base))
    } else {
      munmap(base, byteCount)
    }
  }
}
