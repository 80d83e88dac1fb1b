#if os(Linux)
import Foundation
import Synchronization

/// Keeps a mapped file (``MappedFile``) that another program shortens while it is read
/// from ending the process.
///
/// Touching a page of a mapping past the end of its file raises `SIGBUS`, which ends
/// the process by default. While a region is watched, a handler puts a page of zeros
/// over such a page and lets the read go on: zeros cannot occur anywhere in JSON, so
/// the read fails and the file is read again from scratch (as it now is). A `SIGBUS`
/// anywhere else goes to the action that was in place before the first watch.
final class TruncationGuard: Sendable {
  /// The one guard of the process.
  static let shared = TruncationGuard()

  /// Watched regions, start and end addresses (0 = a free slot).
  private let starts: InlineArray<16, Atomic<Int>>
  private let ends: InlineArray<16, Atomic<Int>>
  /// Whether the handler is installed.
  private let installed = Mutex(false)
  /// The size of a page.
  let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  private init() {
    starts = InlineArray { _ in Atomic(0) }
    ends = InlineArray { _ in Atomic(0) }
  }

  /// Watches `region`; false when every slot is taken (the caller then does not map).
  func watch(_ region: UnsafeRawBufferPointer) -> Bool {
    guard let base = region.baseAddress, region.count > 0 else { return false }
    installHandler()
    let start = Int(bitPattern: base)
    for slot in starts.indices {
      // A slot is claimed by its start; its end is set after, so a fault in between
      // (which cannot come from this region, not yet read) finds no match.
      if starts[slot].compareExchange(expected: 0, desired: start, ordering: .acquiringAndReleasing).exchanged {
        ends[slot].store(start + region.count, ordering: .releasing)
        return true
      }
    }
    return false
  }

  /// Stops watching `region` (before it is unmapped).
  func forget(_ region: UnsafeRawBufferPointer) {
    guard let base = region.baseAddress else { return }
    let start = Int(bitPattern: base)
    for slot in starts.indices where starts[slot].load(ordering: .acquiring) == start {
      ends[slot].store(0, ordering: .releasing)
      starts[slot].store(0, ordering: .releasing)
      return
    }
  }

  /// Whether `address` is inside a watched region.
  func covers(_ address: Int) -> Bool {
    for slot in starts.indices {
      let start = starts[slot].load(ordering: .acquiring)
      if start != 0, address >= start, address < ends[slot].load(ordering: .acquiring) { return true }
    }
    return false
  }

  private func installHandler() {
    installed.withLock { installed in
      guard !installed else { return }
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = truncationHandler
      action.sa_flags = SA_SIGINFO | SA_NODEFER
      sigemptyset(&action.sa_mask)
      withUnsafeMutablePointer(to: &previousBusAction) { previous in
        _ = sigaction(SIGBUS, &action, previous)
      }
      installed = true
    }
  }
}

/// The `SIGBUS` action in place before ``TruncationGuard`` installed its own; written
/// once, before the handler can run, and only read after.
nonisolated(unsafe) private var previousBusAction = sigaction()

/// Maps a page of zeros over a page of a watched mapping that its file no longer
/// holds; hands any other fault back to the previous action (by putting it back: the
/// faulting access then runs again under it).
private func truncationHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
  if let address = info?.pointee._sifields._sigfault.si_addr {
    let guarding = TruncationGuard.shared
    let value = Int(bitPattern: address)
    if guarding.covers(value) {
      let page = UnsafeMutableRawPointer(bitPattern: value / guarding.pageSize * guarding.pageSize)
      let zeros = mmap(page, guarding.pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
      if zeros != MAP_FAILED { return }
    }
  }
  _ = withUnsafeMutablePointer(to: &previousBusAction) { sigaction(SIGBUS, $0, nil) }
}
#endif
