/// The bytes of a file being read, shared by the ``Provenance`` of its elements.
final class SourceDocument: Sendable {
  /// The whole file.
  let bytes: [UInt8]
  /// The file's name, as the user gave it.
  let file: String?

  init(bytes: [UInt8], file: String?) {
    self.bytes = bytes
    self.file = file
  }
}
