import ArgumentParser
import Chronicle

/// Writes a command's result: to a file atomically, or to standard output.
enum Output {
  static func write(_ bytes: [UInt8], to path: String?) throws {
    try write(to: path) { sink in bytes.withUnsafeBytes(sink) }
  }

  /// Writes what `produce` hands to its sink, piece by piece: to standard output, or
  /// atomically to a file through a temporary file that is renamed only when complete.
  static func write(to path: String?, _ produce: (_ sink: (UnsafeRawBufferPointer) -> Void) -> Void) throws {
    guard let path, path != "-" else {
      produce { Terminal.write($0) }
      return
    }
    Interruption.removeTemporaryFilesOnSignal()
    do {
      try OutputFile.write(to: path, produce)
    } catch {
      Terminal.error("chronicle: error: \(error)")
      throw ExitCode(2)
    }
  }
}
