import Foundation

/// Where the CLI writes: standard output and error, with colour only on a terminal.
enum Terminal {
  /// Whether to colour output to standard error: only on a TTY, never with `NO_COLOR` set.
  static var colourOnStandardError: Bool {
    isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
  }

  /// Writes text to standard output as is.
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { write(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }
  }

  /// Writes bytes to standard output, straight from the array (no copy, however large).
  static func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { write($0, to: STDOUT_FILENO) }
  }

  /// Writes a line to standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// The largest single `write(2)`: Linux writes at most about 2 GiB at once.
  private static let largestWrite = 1 << 30

  /// Writes all of `buffer` to a file descriptor (standard output by default), retrying after interruptions and
  /// short writes; stops at the first other error (a closed pipe, a full disk).
  static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32 = STDOUT_FILENO) {
    guard let base = buffer.baseAddress else { return }
    var written = 0
    while written < buffer.count {
      let count = Foundation.write(descriptor, base + written, min(buffer.count - written, largestWrite))
      if count > 0 {
        written += count
      } else if count < 0, errno == EINTR || errno == EAGAIN {
        continue
      } else {
        return
      }
    }
  }
}
