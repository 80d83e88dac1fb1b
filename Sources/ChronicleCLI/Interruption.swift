import Chronicle
import Foundation

/// Makes Ctrl-C (SIGINT) and SIGTERM leave no half-written temporary file behind:
/// the previous output file stays as it was.
enum Interruption {
  /// Installs the handlers; call before writing any file.
  static func removeTemporaryFilesOnSignal() {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber) { received in
        OutputFile.removeTemporaryFiles()
        _exit(128 + received)
      }
    }
  }
}
