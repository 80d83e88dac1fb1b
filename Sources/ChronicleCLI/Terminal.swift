import Foundation

/// Where the CLI writes: standard output and error, with colour only on a terminal.
enum Terminal {
  /// Whether to colour output to standard error: only on a TTY, never with `NO_COLOR` set.
  static var colourOnStandardError: Bool {
    isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
  }

  /// Writes text to standard output as is.
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes bytes to standard output.
  static func write(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
  }

  /// Writes a line to standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
