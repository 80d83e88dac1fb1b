import Foundation

/// Gives back to the system the pages of a file's bytes that a read has gone past, so
/// that the bytes of a large file are not all held at once (they are freed only after
/// the whole read otherwise).
///
/// Only for a file that can be read again (``SourceDocument/isRereading``): the
/// bytes are never needed after they are read, except when a part of the file read on
/// another thread is not used (its bytes are then read again from the file) or when
/// the read fails. A page of an array given back reads as zeros, which cannot occur in
/// JSON (not even in a string), so a read that goes back over one fails: the file is
/// then read again whole, without giving pages back. A page of a file mapped in place
/// (``MappedFile``) given back is read from the file again when touched.
struct PageRelease {
  private let base: UnsafeMutableRawPointer?
  private let count: Int
  /// Every page wholly before this offset (and at or after the start) was given back.
  private(set) var releasedUpTo: Int
  /// Where the region read starts.
  let start: Int

  /// Pages are given back in runs of at least this many bytes.
  private static let step = 4 << 20
  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Gives back pages of `bytes` (which must be the caller's own, read nowhere else)
  /// from `start` on.
  init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
    base = bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
    count = bytes.count
    self.start = start
    releasedUpTo = start
  }

  /// Gives back the pages wholly before `offset` once there are enough of them.
  @inline(__always)
  mutating func release(before offset: Int) {
    guard offset - releasedUpTo >= Self.step else { return }
    releaseNow(before: offset)
  }

  /// Gives back the pages wholly before `offset` not given back yet.
  mutating func releaseNow(before offset: Int) {
    guard let base else { return }
    let end = min(offset, count)
    let address = Int(bitPattern: base)
    let first = (address + releasedUpTo + Self.pageSize - 1) / Self.pageSize * Self.pageSize
    let last = (address + end) / Self.pageSize * Self.pageSize
    guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
    madvise(pointer, last - first, Int32(MADV_DONTNEED))
    releasedUpTo = last - address
  }

  /// Reads the bytes given back at or after `offset` (where the reading thread stands:
  /// it never goes back) again from the file; false when the file has changed.
  func restore(from document: SourceDocument, after offset: Int) -> Bool {
    let from = max(start, offset)
    guard releasedUpTo > from, let base else { return true }
    return document.read(from..<releasedUpTo, into: base + from)
  }
}
