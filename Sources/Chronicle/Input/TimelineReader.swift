import Foundation

/// Reads timeline files (JSON or YAML) into a ``TimelineBuilder``, merging several
/// files into one graph.
///
///     var builder = TimelineBuilder()
///     TimelineReader.read(contentsOf: ["Examples/Khojaly/letter-2021.yaml",
///                                      "Examples/Khojaly/letter-2025.yaml"], into: &builder)
///     let result = builder.validate()
///     for diagnostic in result.diagnostics { print(diagnostic) }
///
/// `-` names standard input. Problems never throw: they are reported as diagnostics
/// (unreadable file, malformed JSON or YAML, wrong types, unknown keys…) with the
/// file, `line:column` and the path inside the document.
public enum TimelineReader {
  /// Reads one file's bytes into the builder.
  ///
  /// - Parameters:
  ///   - bytes: the file's content.
  ///   - file: the name to use in diagnostics and citations.
  ///   - format: the format; when nil it is guessed from the name, then from the content.
  public static func read(_ bytes: [UInt8], file: String, format: InputFormat? = nil, into builder: inout TimelineBuilder) {
    let format = format ?? InputFormat(path: file, contents: bytes)
    let root: InputNode
    do {
      root = try InputFormat.read(bytes, format: format)
    } catch {
      builder.report(error.diagnostic(file: file))
      return
    }
    var decoder = TimelineDecoder(file: file)
    decoder.decode(root, into: &builder)
    for diagnostic in decoder.diagnostics { builder.report(diagnostic) }
  }

  /// Reads text (for example a timeline written in a test) into the builder.
  public static func read(_ text: String, file: String, format: InputFormat? = nil, into builder: inout TimelineBuilder) {
    read(Array(text.utf8), file: file, format: format, into: &builder)
  }

  /// Reads files by path (`-` for standard input) into the builder, in order.
  public static func read(contentsOf paths: [String], into builder: inout TimelineBuilder) {
    for path in paths {
      switch loadBytes(path) {
      case .success(let bytes):
        read(bytes, file: path, into: &builder)
      case .failure(let diagnostic):
        builder.report(diagnostic)
      }
    }
  }

  /// Reads and validates files in one step.
  public static func validate(contentsOf paths: [String]) -> ValidationResult {
    var builder = TimelineBuilder()
    read(contentsOf: paths, into: &builder)
    return builder.validate()
  }

  /// The largest file Chronicle reads, in bytes (2 GiB).
  public static let maximumFileSize = 2 << 30

  static func loadBytes(_ path: String) -> Result<[UInt8], Diagnostic> {
    if path == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return .success([UInt8](data))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(Diagnostic(.error, .unreadableFile, "no such file", file: path))
    }
    if isDirectory.boolValue {
      return .failure(Diagnostic(.error, .unreadableFile, "is a directory; expected a timeline file (.json, .yaml or .yml)", file: path))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(Diagnostic(.error, .unreadableFile, "cannot be read (permission denied?)", file: path))
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      guard data.count <= maximumFileSize else {
        return .failure(Diagnostic(.error, .unreadableFile, "is larger than the 2 GiB Chronicle reads", file: path))
      }
      return .success([UInt8](data))
    } catch {
      return .failure(Diagnostic(.error, .unreadableFile, "cannot be read: \(error.localizedDescription)", file: path))
    }
  }
}
