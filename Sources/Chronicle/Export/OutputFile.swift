import Foundation

/// Writes a file all at once or not at all: the bytes go to a temporary file in the
/// same folder, which is renamed over the target only when complete.
///
///     try OutputFile.write(bytes, to: "Output/khojaly.svg")
///
/// A reader never sees a half-written file, and a failure (or an interruption
/// before the rename) leaves any previous file as it was.
public enum OutputFile {
  /// Writes `bytes` to `path` atomically, creating or replacing the file.
  public static func write(_ bytes: [UInt8], to path: String) throws(OutputFileError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw OutputFileError(path: path, message: "the folder '\(folder.path)' does not exist")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
      throw OutputFileError(path: path, message: "cannot write in '\(folder.path)' (permission denied or disk full?)")
    }
    temporaryFiles.insert(temporary.path)
    defer { temporaryFiles.remove(temporary.path) }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw OutputFileError(path: path, message: "cannot replace the file: \(reason)")
    }
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
