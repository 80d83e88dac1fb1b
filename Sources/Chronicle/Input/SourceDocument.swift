import Foundation

/// The bytes of a file being read, shared by the ``Provenance`` of its elements, so
/// that the positions of an element's fields can be found when a diagnostic needs them.
///
/// Text read from memory or standard input is kept in memory. A regular file is not:
/// once read, its bytes are freed, and an element is read again from the file (with
/// `pread`, through a descriptor kept open) when one of its fields' positions is asked
/// for. So a 631 MB file no longer stays in memory beside the graph made from it. If
/// the file has changed since (another size or modification time), its fields'
/// positions are not looked for, and diagnostics fall back to the element's own place.
final class SourceDocument: Sendable {
  /// The file's name, as the user gave it.
  let file: String?
  /// The whole text, when it is kept in memory.
  private let bytes: [UInt8]?
  /// The open file, when elements are read again from it.
  private let descriptor: Int32?
  /// The file's size and modification time when it was read (and its device and inode).
  private let size: Int
  private let modified: timespec
  private let identity: FileIdentity?
  /// The document this one is a handle of (see ``handle()``), which reads for it.
  private let original: SourceDocument?

  /// A document kept in memory.
  init(bytes: [UInt8], file: String?) {
    self.bytes = bytes
    self.file = file
    descriptor = nil
    size = bytes.count
    modified = timespec()
    identity = nil
    original = nil
  }

  /// Another object for the same document, which reads through this one.
  ///
  /// Every element read keeps its document (retained once per copy of the element): the
  /// elements of each part of a large file read on two threads are given a handle of
  /// their own, so that two threads working on different parts never count references
  /// to one shared object (an atomic count that both cores write, whose cache line
  /// then goes back and forth between them at every copy of an element).
  func handle() -> SourceDocument {
    SourceDocument(handleOf: original ?? self)
  }

  private init(handleOf original: SourceDocument) {
    bytes = original.bytes
    file = original.file
    descriptor = nil
    size = original.size
    modified = original.modified
    identity = original.identity
    self.original = original
  }

  /// A document read again from the regular file at `path` when needed, or nil when
  /// the file cannot be opened or is not the `byteCount` bytes just read: when
  /// `identity` (taken from the descriptor the bytes were read through, before reading)
  /// is given, the file opened must be that same file (device and inode), unchanged
  /// since (size and modification time), so a file replaced in between is not taken for it.
  init?(rereading path: String, byteCount: Int, file: String?, identity expected: FileIdentity? = nil) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == byteCount,
      expected == nil || FileIdentity(status) == expected
    else {
      close(descriptor)
      return nil
    }
    self.bytes = nil
    self.file = file
    self.descriptor = descriptor
    original = nil
    size = byteCount
    modified = status.modificationTime
    identity = FileIdentity(status)
  }

  deinit {
    if let descriptor { close(descriptor) }
  }

  /// Whether elements are read again from the file (not kept in memory).
  var isRereading: Bool { original?.isRereading ?? (descriptor != nil) }

  /// Reads the bytes of `range` of the file to `destination`; false when the file
  /// cannot be read again or has changed since it was read.
  func read(_ range: Range<Int>, into destination: UnsafeMutableRawPointer) -> Bool {
    if let original { return original.read(range, into: destination) }
    guard let descriptor, range.lowerBound >= 0, range.upperBound <= size, isUnchanged(descriptor) else { return false }
    return InputFormat.readFully(descriptor, range.count, at: range.lowerBound, into: destination)
  }

  /// Whether the file has the size and modification time it had when read.
  private func isUnchanged(_ descriptor: Int32) -> Bool {
    var status = stat()
    return fstat(descriptor, &status) == 0 && FileIdentity(status) == identity
  }

  /// Calls `body` with bytes holding the element that starts at `offset` and the
  /// element's offset in them; `body` returns nil when the bytes end too soon, and is
  /// called again with more (up to the end of the file). Nil when the element cannot
  /// be read.
  func withElement<Result>(
    at offset: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Result?
  ) -> Result? {
    if let bytes {
      return bytes.withUnsafeBufferPointer { body($0, offset) }
    }
    if let original { return original.withElement(at: offset, body) }
    guard descriptor != nil, offset >= 0, offset < size else { return nil }
    var length = min(16 << 10, size - offset)
    var chunk: [UInt8] = []
    while true {
      chunk = [UInt8](repeating: 0, count: length)
      let range = offset..<(offset + length)
      guard chunk.withUnsafeMutableBytes({ read(range, into: $0.baseAddress!) }) else { return nil }
      if let result = chunk.withUnsafeBufferPointer({ body($0, 0) }) { return result }
      guard length < size - offset else { return nil }
      length = min(length * 4, size - offset)
    }
  }
}

/// What tells one state of a regular file from another: its device and inode, size and
/// modification time, as `fstat` gives them.
struct FileIdentity: Equatable, Sendable {
  var device: UInt64
  var inode: UInt64
  var size: Int
  var modifiedSeconds: Int
  var modifiedNanoseconds: Int

  init(_ status: stat) {
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    size = Int(status.st_size)
    modifiedSeconds = Int(status.modificationTime.tv_sec)
    modifiedNanoseconds = Int(status.modificationTime.tv_nsec)
  }

  /// The identity of the file at `path`; nil unless it is a regular file.
  init?(path: String) {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    self.init(status)
  }

  /// The identity of the file open at `descriptor`; nil unless it is a regular file.
  init?(descriptor: Int32) {
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    self.init(status)
  }
}

extension stat {
  /// The last modification time: `st_mtim` in glibc, `st_mtimespec` on Apple platforms.
  var modificationTime: timespec {
    #if canImport(Darwin)
    st_mtimespec
    #else
    st_mtim
    #endif
  }
}
