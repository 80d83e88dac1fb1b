import ArgumentParser
import Chronicle

/// Writes a command's result: to a file atomically, or to standard output.
enum Output {
  static func write(_ bytes: [UInt8], to path: String?) throws {
    guard let path, path != "-" else {
      Terminal.write(bytes)
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
}
