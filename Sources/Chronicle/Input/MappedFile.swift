#if os(Linux)
import Foundation

/// A large regular file mapped into memory (`mmap`, private and writable), read in place
/// instead of being copied into an array first.
///
/// Copying a file of hundreds of megabytes costs a page fault and a zeroed page per
/// 4 KB of the copy, plus the copy itself (0.34 s for 631 MB on the reference machine,
/// one thread); a mapping of the file's cached pages costs one fault per 16 pages and
/// no copy (0.08 s). The mapping is private: pages given back
/// with ``PageRelease`` are read again from the file when touched, and bytes written
/// into it (a range read again, see ``PageRelease/restore(from:after:)``) never reach
/// the file.
///
/// A file shortened by another program while it is mapped would make reading its lost
/// pages fatal (`SIGBUS`): ``TruncationGuard`` maps zeros there instead, which no JSON
/// holds, so the read fails and the file is read again as an array, whose diagnostics
/// then describe the file as it now is.
final class MappedFile: @unchecked Sendable {
  /// The mapped bytes.
  let buffer: UnsafeBufferPointer<UInt8>
  /// The file's device, inode, size and modification time when it was mapped.
  let identity: FileIdentity

  /// Maps the regular file at `path` when it holds at least `minimumSize` bytes and
  /// at most `maximumSize`; nil otherwise, or when it cannot be opened or mapped (the
  /// caller then reads it as before).
  init?(path: String, minimumSize: Int, maximumSize: Int) {
    // Only a regular file is opened: opening a named pipe would wait for a writer (or
    // take the data of one that the array read, after, would then wait for).
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      Int(status.st_size) >= max(1, minimumSize), Int(status.st_size) <= maximumSize
    else { return nil }
    let count = Int(status.st_size)
    let address = mmap(nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0)
    guard let address, address != MAP_FAILED else { return nil }
    guard TruncationGuard.watch(UnsafeRawBufferPointer(start: address, count: count)) else {
      munmap(address, count)
      return nil
    }
    buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: count)
    identity = FileIdentity(status)
  }

  deinit {
    if let base = buffer.baseAddress { TruncationGuard.forget(base) }
    munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
  }
}
#endif
