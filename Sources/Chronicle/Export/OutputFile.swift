import Foundation

/// Writes a file all at once or not at all: the bytes go to a temporary file in the
/// same folder, which is renamed over the target only when complete.
///
///     try OutputFile.write(bytes, to: "Output/khojaly.svg")
///
/// A reader never sees a half-written file, and a failure (or an interruption
/// before the rename) leaves any previous file as it was. A path naming a device, a
/// pipe or a socket (`/dev/stdout`, `/dev/null`, a FIFO) is written to as it is:
/// renaming over it would replace it with a regular file.
public enum OutputFile {
  /// Writes `bytes` to `path` atomically, creating or replacing the file; or, for a
  /// device, pipe or socket, straight into it.
  public static func write(_ bytes: [UInt8], to path: String) throws(OutputFileError) {
    try write(to: path) { sink in bytes.withUnsafeBytes(sink) }
  }

  /// Writes what `produce` hands to its sink, piece by piece, to `path` atomically (or
  /// straight into a device, pipe or socket), so that a large output is never held
  /// whole in memory:
  ///
  ///     try OutputFile.write(to: "archive.json") { sink in JSONExporter().export(graph, to: sink) }
  ///
  /// When a piece cannot be written, the rest are ignored, the temporary file is
  /// removed and the error is thrown once `produce` returns; the target is untouched.
  public static func write(
    to path: String, _ produce: (_ sink: (UnsafeRawBufferPointer) -> Void) -> Void
  ) throws(OutputFileError) {
    if isStream(path) {
      let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw OutputFileError(path: path, message: "cannot be opened for writing: " + String(cString: strerror(errno)))
      }
      defer { close(descriptor) }
      if let failure = write(produce, to: descriptor) { throw OutputFileError(path: path, message: "cannot be written: " + failure) }
      return
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw OutputFileError(path: path, message: "the folder '\(folder.path)' does not exist")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
    temporaryFiles.insert(temporary.path)
    defer { temporaryFiles.remove(temporary.path) }
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw OutputFileError(
        path: path, message: "cannot write in '\(folder.path)': " + String(cString: strerror(errno)))
    }
    let failure = write(produce, to: descriptor, direct: true)
    let closed = close(descriptor) == 0
    guard failure == nil, closed else {
      let reason = failure ?? String(cString: strerror(errno))
      unlink(temporary.path)
      throw OutputFileError(path: path, message: "cannot write in '\(folder.path)': " + reason)
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw OutputFileError(path: path, message: "cannot replace the file: \(reason)")
    }
  }

  /// Whether `path` names something that is not a file to replace: a device, a pipe or
  /// a socket, or anything under `/dev` or `/proc` (also through a symbolic link).
  static func isStream(_ path: String) -> Bool {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    if absolute.hasPrefix("/dev/") || absolute.hasPrefix("/proc/") { return true }
    var link = stat()
    guard lstat(path, &link) == 0 else { return false }  // a new file
    if link.st_mode & S_IFMT == S_IFLNK {
      let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
      if target.hasPrefix("/dev/") || target.hasPrefix("/proc/") { return true }
    }
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    switch status.st_mode & S_IFMT {
    case S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK: return true
    default: return false
    }
  }

  /// Writes what `produce` hands to its sink to `descriptor`, the system's writing on a
  /// thread of its own (``BackgroundWriter``; `direct` for a new regular file, which a
  /// large output writes past the page cache); the reason of the first failure.
  private static func write(
    _ produce: (_ sink: (UnsafeRawBufferPointer) -> Void) -> Void, to descriptor: Int32, direct: Bool = false
  ) -> String? {
    let writer = BackgroundWriter(descriptor: descriptor, direct: direct)
    produce { piece in writer.append(piece) }
    return writer.finish()
  }

  /// Removes temporary files still being written, for a signal handler to call
  /// before the process exits. It never waits: if the list is being changed at that
  /// instant, it gives up rather than deadlock inside the handler.
  public static func removeTemporaryFiles() {
    for path in temporaryFiles.snapshotWithoutWaiting() { unlink(path) }
  }

  private static let temporaryFiles = TemporaryFileRegistry()
}

/// The temporary files being written right now (usually one).
final class TemporaryFileRegistry: @unchecked Sendable {
  private let lock = NSLock()
  private var paths = Set<String>()

  func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
  func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
  func snapshotWithoutWaiting() -> [String] {
    guard lock.try() else { return [] }
    defer { lock.unlock() }
    return Array(paths)
  }
}

/// Why a file could not be written.
public struct OutputFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file that was to be written.
  public var path: String
  /// What went wrong.
  public var message: String

  /// `path: message`.
  public var description: String { "\(path): \(message)" }
}
