import Foundation

/// Writes pieces of output to a file descriptor on a thread of its own, so that the
/// system's copying of a large output (a second or more for the DOT of a million
/// events) runs beside the exporter that makes the next pieces instead of after it.
///
/// Pieces are copied into a few large buffers; a full buffer goes to the writing
/// thread, and ``append(_:)`` waits only when every buffer is full or being written.
/// After the first failure the rest is not written; ``finish()`` waits for the thread
/// and gives the reason.
///
/// Writing to a regular file (`direct`), full buffers after the first
/// ``directThreshold`` bytes go to the disk without the system's page cache
/// (`O_DIRECT`). Copying a large output into the cache costs the system about 2 s of
/// processor time per GB on a virtual machine whose memory the host has taken back
/// (measured with `dd`: 2.2 s against 0.1 s direct), time taken from the exporter on
/// a two-core machine. Where the file system refuses direct writes, or where the first
/// ``directTrial`` bytes go direct more slowly than ``directMinimumSpeed`` (a disk slower
/// than the exporters make output, which the cache would hide), the rest is written
/// through the cache.
final class BackgroundWriter: @unchecked Sendable {
  /// The size of each buffer, and how many there are.
  static let bufferSize = 4 << 20
  static let bufferCount = 3
  /// The alignment direct writes need (of memory, offsets and sizes): a page, which
  /// covers every logical block size in use (512 or 4,096 bytes).
  static let directAlignment = 4096
  /// The bytes written through the cache before writing direct: a small output never
  /// goes direct, so it stays in the cache for whoever reads it next.
  static let directThreshold = 8 << 20
  /// The bytes written direct and timed before deciding whether to go on direct.
  static let directTrial = 16 << 20
  /// Bytes a second below which direct writes stop after the trial: about what the
  /// exporters make on two threads (JSON, the fastest, about 500 MB/s at 1M events).
  /// A cache's speed is no guide: pages freed a moment ago are written at memory
  /// speed, pages the host took back at a quarter of this.
  static let directMinimumSpeed = 300.0 * 1_000_000

  private let descriptor: Int32
  /// Whether direct writes may be tried, whether they are on now, and the bytes
  /// written so far (all on the writing thread).
  private var mayWriteDirect: Bool
  private var writingDirect = false
  private var written = 0
  /// The bytes and nanoseconds of the direct writes, while they are timed.
  private var directTiming = (bytes: 0, nanoseconds: UInt64(0))
  /// The bytes written direct, once ``finish()`` has returned.
  private(set) var writtenDirect = 0
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

  /// Starts the writing thread for `descriptor`, which stays open (the caller closes
  /// it). `direct`: the descriptor is a regular file written from its start, which a
  /// large output may write without the page cache.
  init(descriptor: Int32, direct: Bool = false) {
    self.descriptor = descriptor
    self.mayWriteDirect = direct
    for _ in 0..<Self.bufferCount {
      free.append(.allocate(byteCount: Self.bufferSize, alignment: Self.directAlignment))
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
      let reason = failed ? nil : write(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
      condition.lock()
      if let reason, failure == nil { failure = reason }
      free.append(buffer)
      condition.broadcast()
    }
    running = false
    condition.broadcast()
    condition.unlock()
  }

  /// Writes one buffer, direct when it may and can, else through the cache; the reason
  /// on failure. Called on the writing thread only.
  private func write(_ bytes: UnsafeRawBufferPointer) -> String? {
    let aligned = bytes.count % Self.directAlignment == 0 && written % Self.directAlignment == 0
    if mayWriteDirect, aligned, written >= Self.directThreshold, !writingDirect {
      writingDirect = Self.setDirect(true, on: descriptor)
      if !writingDirect { mayWriteDirect = false }
    }
    if writingDirect, !aligned {
      writingDirect = false
      _ = Self.setDirect(false, on: descriptor)
    }
    let start = DispatchTime.now().uptimeNanoseconds
    defer { time(bytes.count, since: start) }
    if writingDirect {
      let result = Self.writeDirect(bytes, to: descriptor)
      written += result.written
      writtenDirect += result.written
      if result.refused {
        // A file system or device that takes no direct writes: the rest goes through
        // the cache, starting with what this write left.
        stopWritingDirect()
      }
      if let failure = result.failure { return failure }
      let rest = UnsafeRawBufferPointer(rebasing: bytes[result.written...])
      guard !rest.isEmpty else { return nil }
      written += rest.count
      return Self.writeAll(rest, to: descriptor)
    }
    written += bytes.count
    return Self.writeAll(bytes, to: descriptor)
  }

  /// Adds a direct write to the trial's timing; once the trial is over, goes on direct
  /// only if it was fast enough.
  private func time(_ count: Int, since start: UInt64) {
    guard mayWriteDirect, writingDirect, directTiming.bytes < Self.directTrial else { return }
    directTiming.bytes += count
    directTiming.nanoseconds += DispatchTime.now().uptimeNanoseconds &- start
    guard directTiming.bytes >= Self.directTrial else { return }
    let seconds = Double(max(1, directTiming.nanoseconds)) / 1e9
    if Double(directTiming.bytes) / seconds < Self.directMinimumSpeed { stopWritingDirect() }
  }

  /// Writes the rest through the cache.
  private func stopWritingDirect() {
    mayWriteDirect = false
    writingDirect = false
    _ = Self.setDirect(false, on: descriptor)
  }

  /// Linux's `O_DIRECT`, which Glibc's module leaves out (it needs `_GNU_SOURCE`); nil
  /// where it is not known, and direct writing is then never tried.
  static let directFlag: Int32? = {
    #if os(Linux) && (arch(x86_64) || arch(i386))
      return 0o40000
    #elseif os(Linux) && arch(arm64)
      return 0o200000
    #else
      return nil
    #endif
  }()

  /// Turns direct writing on or off for a descriptor; whether it is now as asked.
  static func setDirect(_ on: Bool, on descriptor: Int32) -> Bool {
    guard let direct = directFlag else { return !on }
    let flags = fcntl(descriptor, F_GETFL)
    guard flags >= 0 else { return false }
    let wanted = on ? flags | direct : flags & ~direct
    return fcntl(descriptor, F_SETFL, wanted) == 0
  }

  /// Writes as much as goes direct: the bytes written, whether the system refused
  /// direct writing (`EINVAL`: nothing is lost, the rest can go through the cache),
  /// or another failure.
  private static func writeDirect(
    _ bytes: UnsafeRawBufferPointer, to descriptor: Int32
  ) -> (written: Int, refused: Bool, failure: String?) {
    guard let base = bytes.baseAddress else { return (0, false, nil) }
    var written = 0
    while written < bytes.count {
      let count = Foundation.write(descriptor, base + written, bytes.count - written)
      if count > 0 {
        written += count
        // A short write leaves the rest unaligned: it goes through the cache.
        if written < bytes.count, written % directAlignment != 0 { return (written, true, nil) }
      } else if count < 0, errno == EINTR {
        continue
      } else if count < 0, errno == EINVAL {
        return (written, true, nil)
      } else {
        return (written, false, count == 0 ? "nothing was written" : String(cString: strerror(errno)))
      }
    }
    return (written, false, nil)
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
