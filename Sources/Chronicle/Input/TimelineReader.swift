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
    read(bytes, file: file, format: format, rereading: nil, into: &builder)
  }

  /// Reads one file's bytes; `path`, when given, is the regular file they were read
  /// from, to read elements again from it instead of keeping the bytes, and to give
  /// back the pages of the bytes as they are read (the caller keeps no other use of
  /// them).
  static func read(
    _ bytes: [UInt8], file: String, format: InputFormat? = nil, rereading path: String?,
    identity: FileIdentity? = nil, into builder: inout TimelineBuilder
  ) {
    let format = format ?? InputFormat(path: file, contents: bytes)
    var bytes = bytes
    if format == .json {
      let streamed = readStreaming(
        bytes, file: file, rereading: path, identity: identity, releasing: path != nil, into: &builder)
      switch streamed {
      case .read:
        return
      case .needsTree:
        break
      case .readAgain, .readAgainAsTree:
        // Pages were given back and the read must start over: from the file, whole.
        guard let path else { return }
        let again: FileIdentity?
        switch loadFile(path) {
        case .success(let loaded): (bytes, again) = (loaded.bytes, loaded.identity)
        case .failure(let diagnostic):
          builder.report(diagnostic)
          return
        }
        if streamed == .readAgain,
          readStreaming(
            bytes, file: file, rereading: again == nil ? nil : path, identity: again, releasing: false, into: &builder)
            == .read
        {
          return
        }
      }
    }
    // YAML is read element by element when it can be; otherwise (and to report its
    // errors) through a tree.
    if format == .yaml, readYAMLStreaming(bytes, file: file, into: &builder) { return }
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

  /// How a read element by element ended.
  enum StreamingOutcome: Equatable {
    /// The file was read (or its syntax error reported).
    case read
    /// The file must be read through a tree instead (see
    /// ``TimelineDecoder/StreamStop/needsTree``); the builder is as it was.
    case needsTree
    /// Pages of the bytes were given back and the read cannot go on: read the file
    /// again whole, without giving pages back. The builder is as it was.
    case readAgain
    /// The same, for a file that must be read through a tree.
    case readAgainAsTree
  }

  /// Reads JSON element by element, without a tree of the whole file.
  ///
  /// A large file is read by as many threads as there are cores: the others read
  /// parts of its lists (``TimelinePart``, ``TimelinePartReader``) while this one reads
  /// from the start, and adds each part when it reaches it, reading parts itself while
  /// the next is not ready. For tests, `partGuesses` sets where parts are looked for
  /// (see ``TimelinePart/guesses(byteCount:threads:)``), `partWorkers` how many
  /// threads read them besides this one, and `partAdded` is called for each part added.
  /// With `releasing`,
  /// a large file that can be read again gives back the pages of its bytes as they are
  /// read (see ``PageRelease``).
  static func readStreaming(
    _ bytes: [UInt8], file: String, rereading path: String? = nil, identity: FileIdentity? = nil,
    releasing: Bool = false, partGuesses: [Int]? = nil, partWorkers: Int? = nil, partAdded: (() -> Void)? = nil,
    into builder: inout TimelineBuilder
  ) -> StreamingOutcome {
    // A regular file is read again when a field's position is needed; its bytes can
    // then be freed as soon as it is read.
    let document = path.flatMap { SourceDocument(rereading: $0, byteCount: bytes.count, file: file, identity: identity) }
      ?? SourceDocument(bytes: bytes, file: file)
    return bytes.withUnsafeBufferPointer { buffer in
      readStreaming(
        buffer, document: document, file: file, releasing: releasing, partGuesses: partGuesses,
        partWorkers: partWorkers, partAdded: partAdded, into: &builder)
    }
  }

  /// Reads JSON element by element from `buffer`, which holds the bytes of `document`
  /// (see ``readStreaming(_:file:rereading:identity:releasing:partGuesses:partWorkers:partAdded:into:)``).
  static func readStreaming(
    _ buffer: UnsafeBufferPointer<UInt8>, document: SourceDocument, file: String, releasing: Bool,
    partGuesses: [Int]? = nil, partWorkers: Int? = nil, partAdded: (() -> Void)? = nil,
    into builder: inout TimelineBuilder
  ) -> StreamingOutcome {
    let saved = builder
    builder.reserveCapacity(forJSONBytes: buffer.count)
    let releasing = releasing && document.isRereading && buffer.count >= TimelinePart.minimumByteCount
    var decoder = TimelineDecoder(file: file)
    let threads = min(8, ProcessInfo.processInfo.activeProcessorCount)
    let outcome: Result<TimelineDecoder.StreamStop, InputError> = {
      let guesses = partGuesses ?? TimelinePart.guesses(byteCount: buffer.count, threads: threads)
      let starts = TimelinePart.starts(in: buffer, near: guesses)
      var parser = JSONByteParser(buffer)
      var stream = TimelineDecoder.Stream()
      if releasing { stream.release = PageRelease(buffer, from: 0) }
      var parts: TimelinePartReader?
      var next = 0
      // A value of the root object that is not a list's elements is read whole, past any
      // part that starts inside it. When it cannot be read (a part there gave its pages
      // back), the parts left are not used: their bytes are read again, and the value too.
      var restored = true
      func dropParts(from offset: Int) -> Bool {
        guard let parts, next < starts.count else { return false }
        // None of the parts left is added: the workers start no more of them.
        parts.cancel()
        while next < starts.count {
          if parts.take(next, helping: false)?.release?.restore(from: document, after: offset) == false { restored = false }
          next += 1
        }
        return restored
      }
      func decode(until boundary: Int) -> Result<TimelineDecoder.StreamStop, InputError> {
        do throws(InputError) {
          let stop = try decoder.decodeStreaming(
            &parser, document: document, until: boundary, stream: &stream, into: &builder, valueFailed: dropParts)
          return restored ? .success(stop) : .success(.needsTree)
        } catch {
          return restored ? .failure(error) : .success(.needsTree)
        }
      }
      guard !starts.isEmpty else { return decode(until: .max) }
      // The other threads read the parts while this one reads up to the first, then
      // adds them in order, reading itself whatever no part holds, and reading parts
      // itself while the next is not ready.
      let reader = TimelinePartReader(
        buffer, starts: starts, workers: partWorkers ?? threads - 1, document: document, releasing: releasing)
      parts = reader
      defer { reader.finish() }
      var outcome = decode(until: starts[0].start)
      while case .success(.boundary) = outcome {
        let offset = parser.offset
        while next < starts.count, starts[next].start <= offset {
          // Parts this thread reads share its texts and dates. A part passed over (its
          // start inside what was read) is not added: not worth reading here.
          var texts = StringInterner()
          parser.exchangeTexts(&texts)
          var part = reader.take(next, helping: starts[next].start == offset, texts: &texts, dates: &decoder.dates)
          parser.exchangeTexts(&texts)
          next += 1
          if starts[next - 1].start == offset, let end = part?.end, case .element(let section, let index) = stream.place,
            part?.section == section, part?.fits(lines: parser.currentLine - 1, indices: index) == true
          {
            let lines = parser.currentLine - 1
            part?.add(to: &builder, lines: lines, indices: index)
            partAdded?()
            parser.state = end.movingLines(by: lines)
            stream.place = part?.endsList == true
              ? .afterValue : .element(section, index: index + (part?.count ?? 0))
            break
          }
          // A part passed over, or not added, is read here: its bytes are needed again.
          guard part?.release?.restore(from: document, after: offset) ?? true else { return .success(.needsTree) }
        }
        outcome = decode(until: next < starts.count ? starts[next].start : .max)
      }
      return outcome
    }()
    switch outcome {
    case .success(.needsTree):
      builder = saved
      return releasing ? .readAgainAsTree : .needsTree
    case .success:
      for diagnostic in decoder.diagnostics { builder.report(diagnostic) }
      return .read
    case .failure(let error):
      builder = saved
      if releasing { return .readAgain }
      builder.report(error.diagnostic(file: file))
      return .read
    }
  }

  /// Reads text (for example a timeline written in a test) into the builder.
  public static func read(_ text: String, file: String, format: InputFormat? = nil, into builder: inout TimelineBuilder) {
    read(Array(text.utf8), file: file, format: format, into: &builder)
  }

  /// Reads files by path (`-` for standard input) into the builder, in order.
  public static func read(contentsOf paths: [String], into builder: inout TimelineBuilder) {
    for path in paths {
      if path != "-", readMapped(path, into: &builder) { continue }
      switch loadFile(path) {
      case .success(let loaded):
        // Regular files are read again for positions (see `SourceDocument`); standard
        // input, and a file that changed while it was read, are kept in memory.
        read(loaded.bytes, file: path, rereading: loaded.identity == nil ? nil : path, identity: loaded.identity,
             into: &builder)
      case .failure(let diagnostic):
        builder.report(diagnostic)
      }
    }
  }

  /// Reads a JSON file of `minimumSize` bytes or more in place, mapped into memory
  /// (``MappedFile``) rather than copied into an array; false when it is not such a
  /// file or could not be read that way, and must be read as an array (the builder is
  /// then as it was). `afterMapping` runs once the file is mapped, before it is read
  /// (for tests).
  static func readMapped(
    _ path: String, minimumSize: Int = TimelinePart.minimumByteCount, into builder: inout TimelineBuilder,
    afterMapping: () -> Void = {}
  ) -> Bool {
    #if os(Linux)
    guard let mapped = MappedFile(path: path, minimumSize: minimumSize, maximumSize: maximumFileSize),
      InputFormat.of(path: path, bytes: mapped.buffer) == .json,
      let document = SourceDocument(rereading: path, byteCount: mapped.buffer.count, file: path, identity: mapped.identity)
    else { return false }
    afterMapping()
    let saved = builder
    var outcome = readStreaming(mapped.buffer, document: document, file: path, releasing: true, into: &builder)
    if outcome == .readAgain, FileIdentity(path: path) == mapped.identity {
      // An error, found with pages given back: the mapping still reads the whole file
      // (a page given back is read from it again), so the error is found and reported
      // from there, without reading the file into an array.
      outcome = readStreaming(mapped.buffer, document: document, file: path, releasing: false, into: &builder)
    }
    // A file changed while it was read (shortened: see `TruncationGuard`) is read again
    // as it now is.
    guard outcome == .read, FileIdentity(path: path) == mapped.identity else {
      builder = saved
      return false
    }
    return true
    #else
    return false
    #endif
  }

  /// Reads and validates files in one step.
  public static func validate(contentsOf paths: [String]) -> ValidationResult {
    var builder = TimelineBuilder()
    read(contentsOf: paths, into: &builder)
    builder.finishAdding()
    return builder.validate()
  }

  /// The largest file Chronicle reads, in bytes (2 GiB).
  public static let maximumFileSize = 2 << 30

  /// The bytes of a file (`-` for standard input), with the identity of the regular
  /// file they were read from, taken before reading (nil for standard input and other
  /// streams): a file read again for positions must be that file, unchanged.
  static func loadFile(_ path: String) -> Result<(bytes: [UInt8], identity: FileIdentity?), Diagnostic> {
    if path == "-" {
      // Standard input (a pipe, a terminal or a redirected file) is read like a file:
      // straight into one array, never through `Data`, with the same size limit.
      do {
        guard let bytes = try readAll(FileHandle.standardInput) else {
          return .failure(Diagnostic(.error, .unreadableFile, "is larger than the 2 GiB Chronicle reads", file: path))
        }
        return .success((bytes, nil))
      } catch {
        return .failure(Diagnostic(.error, .unreadableFile, "cannot be read: \(error.localizedDescription)", file: path))
      }
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
    let identity = FileIdentity(descriptor: handle.fileDescriptor)
    do {
      // Read straight into the array: going through `Data` would hold the file twice.
      guard let bytes = try readAll(handle) else {
        return .failure(Diagnostic(.error, .unreadableFile, "is larger than the 2 GiB Chronicle reads", file: path))
      }
      // A file that changed while it was read is not read again for positions.
      return .success((bytes, identity?.size == bytes.count ? identity : nil))
    } catch {
      return .failure(Diagnostic(.error, .unreadableFile, "cannot be read: \(error.localizedDescription)", file: path))
    }
  }

  /// Every byte left in the file (see ``InputFormat/readToEnd(_:limit:)``); nil when
  /// the file is larger than ``maximumFileSize``.
  private static func readAll(_ handle: FileHandle) throws -> [UInt8]? {
    switch InputFormat.readToEnd(handle.fileDescriptor, limit: maximumFileSize) {
    case .bytes(let bytes): return bytes
    case .tooLarge: return nil
    case .failed: throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
    }
  }
}
