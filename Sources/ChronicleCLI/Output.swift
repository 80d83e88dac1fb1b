import ArgumentParser
import Chronicle
import Foundation

/// Writes a command's result: to a file atomically, or to standard output.
enum Output {
  static func write(_ bytes: [UInt8], to path: String?) throws {
    guard let path, path != "-" else {
      Terminal.write(bytes)
      return
    }
    if isStream(path) {
      try writeDirectly(bytes, to: path)
      return
    }
    Interruption.removeTemporaryFilesOnSignal()
    do {
      try OutputFile.write(bytes, to: path)
    } catch {
      Terminal.error("chronicle: error: \(error)")
      throw ExitCode(2)
    }
  }

  /// Whether `path` names something that is not a file to replace: a device, a pipe or
  /// a socket (`/dev/stdout`, `/dev/null`, a FIFO), or anything under `/dev` or
  /// `/proc`. Renaming a temporary file over such a name would not write to it but
  /// replace it (as root, `-o /dev/null` would leave a regular file in place of the
  /// device), so it is written to directly.
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

  /// Writes to a device, pipe or socket as it is, appending (a file behind
  /// `/dev/stdout` opened with `>>` keeps what it held); an error (`/dev/full`, a
  /// missing device) is exit status 2.
  private static func writeDirectly(_ bytes: [UInt8], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else {
      Terminal.error("chronicle: error: \(path): cannot be opened for writing: \(String(cString: strerror(errno)))")
      throw ExitCode(2)
    }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count > 0 {
        written += count
      } else if count < 0, errno == EINTR {
        continue
      } else {
        Terminal.error("chronicle: error: \(path): cannot be written: \(String(cString: strerror(errno)))")
        throw ExitCode(2)
      }
    }
  }
}
