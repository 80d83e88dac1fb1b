import Foundation
internal import CAllocator

/// How the command sets the C allocator up before it does any work.
enum Allocator {
  /// Blocks of 4 MiB or more get mappings of their own, given back to the system when
  /// freed, for the whole run.
  ///
  /// By default glibc raises this threshold each time such a block is freed (up to
  /// 32 MB), after which blocks up to that size come from the heap, where freed memory
  /// mostly stays with the process. On a million events that kept 30–110 MiB more at
  /// the peak of every command (measured: DOT 1,415–1,500 MiB, 1,387–1,389 with the threshold
  /// fixed; text 1,382–1,446 against 1,347; `validate` and JSON 1,376–1,412 against
  /// 1,343; time the same within the noise). At 1 MB the peaks were a little lower, but
  /// the chronology's blocks of 1–4 MB were mapped and unmapped again and again (0.4 s
  /// more system time). Setting the threshold also stops its adjustment (and keeps the
  /// heap's trim threshold at its default, 128 KiB). With another C library, or when the
  /// user has set the threshold (`GLIBC_TUNABLES` naming `mmap_threshold`, or
  /// `MALLOC_MMAP_THRESHOLD_`), this does nothing.
  static func configure() {
    let environment = ProcessInfo.processInfo.environment
    guard environment["MALLOC_MMAP_THRESHOLD_"] == nil,
      environment["GLIBC_TUNABLES"]?.contains("mmap_threshold") != true
    else { return }
    _ = chronicle_fix_mmap_threshold(4 << 20)
  }
}
