#if os(Linux)
internal import CTruncationGuard

/// Keeps a mapped file (``MappedFile``) that another program shortens while it is read
/// from ending the process.
///
/// Touching a page of a mapping past the end of its file raises `SIGBUS`, which ends
/// the process by default. While a region is watched, a handler (in C, so that it runs
/// no language runtime) puts a page of zeros over such a page and lets the read go on:
/// zeros cannot occur anywhere in JSON, so the read fails and the file is read again
/// from scratch, as it now is. Any other `SIGBUS` (outside every watched region, or
/// sent by a program rather than raised by a fault) goes to the action in place before
/// the first watch, or ends the process as it would have.
enum TruncationGuard {
  /// Watches `region` (at most 16 at once); false when it cannot be watched (the caller
  /// then does not read it in place).
  static func watch(_ region: UnsafeRawBufferPointer) -> Bool {
    guard let base = region.baseAddress else { return false }
    return chronicle_truncation_guard_watch(base, region.count) == 1
  }

  /// Stops watching the region that starts at `base` (before it is unmapped).
  static func forget(_ base: UnsafeRawPointer) {
    chronicle_truncation_guard_forget(base)
  }

  /// Whether `address` is inside a watched region.
  static func covers(_ address: UnsafeRawPointer) -> Bool {
    chronicle_truncation_guard_covers(address) == 1
  }
}
#endif
