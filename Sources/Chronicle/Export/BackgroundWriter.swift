import Foundation

/// Writes pieces of output to a file descriptor on a thread of its own, so that the
/// system's copying of a large output (a second or more for the DOT of a million
/// events) runs beside the exporter that makes the next pieces instead of after it.
///
/// Pieces are copied into a few large buffers; a full buffer goes to the writing
/// thread, and ``append(_:)`` waits only when every buffer is full or being written.
/// After the first failure the rest is not written; ``finish()`` waits for the thread
/// and gives the reason.
final class BackgroundWriter: @unchecked Sendable {
  /// The size of each buffer, and how many there are.
  static let bufferSize = 4 << 20
  static let bufferCount = 3

  private let descriptor: Int32
  private let condition = NSCondition()
  /// Buffers free to fill, and full ones waiting to be written (with their byte
  /// counts), in order.
  private var free: [UnsafeMutableRawBufferPointer] = []
  private var full: [(buffer: UnsafeMutableRawBufferPointer, count: Int)] = []
  private var finished = false
  private var running = true
  private var failure: String?
  /// The buffer being filled, and how much of it is.
  private var current: UnsafeMutableRawBufferPointer?
  private var filled = 0

  /// Starts the writing thread for `descriptor`, which stays open (the caller closes it).
  init(descriptor: Int32) {
    self.descriptor = descriptor
    for _ in 0..<Self.bufferCount {
      free.append(.allocate(byteCount: Self.bufferSize, alignment: 16))
    }
    let thread = Thread { [self] in run() }
    thread.start()
  }

  deinit {
    for buffer in free { buffer.deallocate() }
    current?.deallocate()
  }

  /// Copies `piece` for writing.
  func append(_ piece: UnsafeRawBufferPointer) {
    var offset = 0
    while offset < piece.count {
      if current == nil {
        condition.lock()
        while free.isEmpty { condition.wait() }
        current = free.removeLast()
        condition.unlock()
        filled = 0
      }
      guard let buffer = current, let source = piece.baseAddress, let target = buffer.baseAddress else { return }
      let count = min(piece.count - offset, buffer.count - filled)
      (target + filled).copyMemory(from: source + offset, byteCount: count)
      filled += count
      offset += count
      if filled == buffer.count { handOver() }
    }
  }

  /// Writes what is left, waits for the thread to end, and gives the first failure.
  func finish() -> String? {
    if current != nil { handOver() }
    condition.lock()
    finished = true
    condition.broadcast()
    while running { condition.wait() }
    let failure = self.failure
    condition.unlock()
    return failure
  }

  private func handOver() {
    guard let buffer = current else { return }
    condition.lock()
    full.append((buffer, filled))
    condition.broadcast()
    condition.unlock()
    current = nil
    filled = 0
  }

  private func run() {
    condition.lock()
    while true {
      while full.isEmpty && !finished { condition.wait() }
      if full.isEmpty { break }
      let (buffer, count) = full.removeFirst()
      let failed = failure != nil
      condition.unlock()
      let reason = failed ? nil : Self.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]), to: descriptor)
      condition.lock()
      if let reason, failure == nil { failure = reason }
      free.append(buffer)
      condition.broadcast()
    }
    running = false
    condition.broadcast()
    condition.unlock()
  }

  /// Writes every byte, retrying interrupted and partial writes; the reason on failure.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
    guard let base = bytes.baseAddress else { return nil }
    var written = 0
    while written < bytes.count {
      let count = Foundation.write(descriptor, base + written, bytes.count - written)
      if count > 0 {
        written += count
      } else if count < 0, errno == EINTR {
        continue
      } else {
        return count == 0 ? "nothing was written" : String(cString: strerror(errno))
      }
    }
    return nil
  }
}
