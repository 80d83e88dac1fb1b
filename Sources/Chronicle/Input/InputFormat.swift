#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The two formats a timeline file can be written in, and how to tell them apart.
///
/// `.json` and `.yaml`/`.yml` files are read by their extension; standard input (`-`)
/// and other names are sniffed: a first non-blank byte `{` or `[` means JSON, anything
/// else YAML (so a YAML file that is one flow mapping reads as JSON).
///
///     let bytes = Array("events:\n  - id: e1\n".utf8)
///     let format = InputFormat(path: "-", contents: bytes)  // .yaml
///     let root = try InputFormat.read(bytes, format: format)
public enum InputFormat: String, Hashable, Sendable, CaseIterable {
  /// JSON (RFC 8259), read by ``JSONReader``.
  case json
  /// YAML 1.2 without tags or multiple documents, read by ``YAMLReader``.
  case yaml

  /// The format a file extension names (`json`, `yaml`, `yml`; any case, with or
  /// without the dot), or `nil` for any other extension.
  ///
  ///     InputFormat(fileExtension: "YML")  // .yaml
  public init?(fileExtension: String) {
    var text = Substring(fileExtension)
    if text.first == "." { text = text.dropFirst() }
    switch text.lowercased() {
    case "json": self = .json
    case "yaml", "yml": self = .yaml
    default: return nil
    }
  }

  /// The format of the file at `path`: from its extension, or sniffed from `contents`
  /// for standard input (`-`) and unknown extensions.
  ///
  ///     InputFormat(path: "Examples/letters.yml", contents: [])  // .yaml
  ///     InputFormat(path: "-", contents: Array("[1]".utf8))       // .json
  public init(path: String, contents: [UInt8]) {
    self = contents.withUnsafeBufferPointer { Self.of(path: path, bytes: $0) }
  }

  /// `.json` when the first byte after a byte order mark and blanks is `{` or `[`,
  /// otherwise `.yaml`.
  ///
  ///     InputFormat.sniff(Array("  {\"a\": 1}".utf8))  // .json
  public static func sniff(_ bytes: [UInt8]) -> InputFormat {
    bytes.withUnsafeBufferPointer(sniff)
  }

  /// The format of a file's bytes, from its name when it has a known extension, or
  /// else from the bytes (see ``sniff(_:)-([UInt8])``).
  static func of(path: String, bytes: UnsafeBufferPointer<UInt8>) -> InputFormat {
    if path != "-", let format = InputFormat(fileExtension: fileExtension(of: path)) { return format }
    return sniff(bytes)
  }

  /// ``sniff(_:)-([UInt8])`` over bytes in memory.
  static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> InputFormat {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
      default: return .yaml
      }
    }
    return .yaml
  }

  /// Reads `bytes` as a document in `format`.
  ///
  ///     let root = try InputFormat.read(Array("[1, 2]".utf8), format: .json)
  public static func read(_ bytes: [UInt8], format: InputFormat) throws(InputError) -> InputNode {
    switch format {
    case .json: return try JSONReader.read(bytes)
    case .yaml: return try YAMLReader.read(bytes)
    }
  }

  /// Reads the file at `path` (`-` for standard input) in `format`, or in the format
  /// its name or contents show when `format` is `nil`.
  ///
  ///     let root = try InputFormat.readFile(atPath: "Examples/letters.yaml")
  public static func readFile(atPath path: String, format: InputFormat? = nil) throws(InputError) -> InputNode {
    let bytes = try contents(ofFile: path)
    return try read(bytes, format: format ?? InputFormat(path: path, contents: bytes))
  }

  /// The text after the last `.` of the last path component, or `""`.
  static func fileExtension(of path: String) -> String {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
  }

  /// The bytes of the file at `path`, or of standard input for `-`.
  static func contents(ofFile path: String) throws(InputError) -> [UInt8] {
    let descriptor: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
    guard descriptor >= 0 else { throw unreadable(path) }
    defer { if descriptor != 0 { close(descriptor) } }
    switch readToEnd(descriptor) {
    case .bytes(let bytes): return bytes
    case .tooLarge, .failed: throw unreadable(path)
    }
  }

  /// What ``readToEnd(_:limit:)`` read.
  enum ReadOutcome {
    /// Every byte.
    case bytes([UInt8])
    /// More than the limit.
    case tooLarge
    /// A read failed; `errno` says why.
    case failed
  }

  /// Every byte left behind `descriptor`, read in 1 MB chunks into one array sized
  /// from the file's length (so that it never grows, and never holds the file twice).
  ///
  /// A regular file of `halvesFrom` bytes or more is read by two threads at once, each
  /// reading half.
  static func readToEnd(_ descriptor: Int32, limit: Int = .max, halvesFrom: Int = parallelReadMinimum) -> ReadOutcome {
    var bytes: [UInt8] = []
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_size > 0 {
      guard Int(status.st_size) <= limit else { return .tooLarge }
      let start = Int(lseek(descriptor, 0, SEEK_CUR))
      let count = Int(status.st_size) - start
      if status.st_mode & S_IFMT == S_IFREG, start >= 0, count >= halvesFrom,
        let halves = readInHalves(descriptor, from: start, count: count)
      {
        bytes = halves
        lseek(descriptor, off_t(start + count), SEEK_SET)
      } else {
        bytes.reserveCapacity(Int(status.st_size) + 1)
      }
    }
    let chunkSize = 1 << 20
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, chunkSize) }
      if count > 0 {
        bytes.append(contentsOf: chunk[..<count])
        if bytes.count > limit { return .tooLarge }
      } else if count == 0 {
        return .bytes(bytes)
      } else if errno != EINTR {
        return .failed
      }
    }
  }

  /// The smallest file read by two threads.
  static let parallelReadMinimum = 64 << 20

  /// `count` bytes of a regular file from `start`, read by two threads with `pread`
  /// (which leaves the file's offset as it is); nil when either half could not be read
  /// whole (the file shrank, or a read failed).
  private static func readInHalves(_ descriptor: Int32, from start: Int, count: Int) -> [UInt8]? {
    var complete = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      nonisolated(unsafe) let base = buffer.baseAddress
      let middle = count / 2
      let halves = TwoThreads.run { half -> Bool in
        guard let base else { return false }
        let range = half == 0 ? 0..<middle : middle..<count
        return readFully(descriptor, range.count, at: start + range.lowerBound, into: base + range.lowerBound)
      }
      complete = halves.allSatisfy { $0 }
      initialized = complete ? count : 0
    }
    return complete ? bytes : nil
  }

  /// Reads `count` bytes at `offset` of a file with `pread` (the file's offset is left
  /// as it is); false when they cannot all be read.
  static func readFully(_ descriptor: Int32, _ count: Int, at offset: Int, into destination: UnsafeMutableRawPointer) -> Bool {
    var filled = 0
    while filled < count {
      let read = pread(descriptor, destination + filled, count - filled, off_t(offset + filled))
      if read > 0 {
        filled += read
      } else if read < 0, errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }

  /// The error for a file the system would not open or read, with its reason.
  private static func unreadable(_ path: String) -> InputError {
    let name = path == "-" ? "standard input" : "'\(path)'"
    return InputError(.unreadableFile, "cannot read \(name): \(String(cString: strerror(errno)))")
  }
}

/// POSIX `read`, which ``InputFormat/read(_:format:)`` hides inside the type.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

// MARK: - Bytes and positions shared by the readers

extension InputFormat {
  /// 3 when `bytes` start with a UTF-8 byte order mark, else 0. Readers skip the mark
  /// and do not count it as a column.
  static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  /// The length of the well-formed UTF-8 sequence of a non-ASCII scalar at `index`,
  /// or `nil` (stray continuation byte, overlong form, surrogate, above U+10FFFF, cut short).
  @inline(__always)
  static func utf8SequenceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: return nil
    }
    guard bytes.count - index >= length else { return nil }
    let second = bytes[index + 1]
    guard second >= low, second <= high else { return nil }
    if length > 2 {
      guard bytes[index + 2] & 0xC0 == 0x80 else { return nil }
      if length > 3 {
        guard bytes[index + 3] & 0xC0 == 0x80 else { return nil }
      }
    }
    return length
  }

  /// The scalar whose well-formed UTF-8 starts at `index`, or `nil`.
  static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
    let lead = bytes[index]
    if lead < 0x80 { return Unicode.Scalar(lead) }
    guard let length = utf8SequenceLength(at: index, in: bytes) else { return nil }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for offset in 1..<length {
      value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    return Unicode.Scalar(value)
  }

  /// The offset of the first byte that is not well-formed UTF-8, or `nil`.
  static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      if bytes[index] < 0x80 {
        index += 1
      } else if let length = utf8SequenceLength(at: index, in: bytes) {
        index += length
      } else {
        return index
      }
    }
    return nil
  }

  /// The length of the line break at `index` (2 for CRLF), or 0. With `unicodeBreaks`
  /// (YAML 1.1, as libyaml counts lines) NEL, LS and PS break lines too.
  @inline(__always)
  static func lineBreakLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, unicodeBreaks: Bool) -> Int {
    switch bytes[index] {
    case 0x0A: return 1
    case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
    case 0xC2 where unicodeBreaks:
      return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
    case 0xE2 where unicodeBreaks:
      guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
      return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
    default: return 0
    }
  }

  /// The line and column of byte `offset`, counting from the start of `bytes` (after
  /// a byte order mark). Linear in `offset`: for errors, not for every value.
  static func position(
    ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, unicodeBreaks: Bool
  ) -> TextPosition {
    var line = 1
    var column = 1
    var index = byteOrderMarkLength(bytes)
    let end = min(offset, bytes.count)
    while index < end {
      let breakLength = lineBreakLength(at: index, in: bytes, unicodeBreaks: unicodeBreaks)
      if breakLength > 0, index + breakLength <= end {
        line += 1
        column = 1
        index += breakLength
      } else {
        if bytes[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
      }
    }
    return TextPosition(line: line, column: column)
  }

  /// The byte offset of `position`, or `nil` when the text has no such place.
  static func byteOffset(
    of position: TextPosition, in bytes: UnsafeBufferPointer<UInt8>, unicodeBreaks: Bool
  ) -> Int? {
    var line = 1
    var column = 1
    var index = byteOrderMarkLength(bytes)
    while index < bytes.count {
      if line == position.line && column == position.column { return index }
      let breakLength = lineBreakLength(at: index, in: bytes, unicodeBreaks: unicodeBreaks)
      if breakLength > 0 {
        if line == position.line { return nil }
        line += 1
        column = 1
        index += breakLength
      } else {
        index += 1
        while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
        column += 1
      }
    }
    return line == position.line && column == position.column ? index : nil
  }

  /// The error for the ill-formed UTF-8 at `offset`.
  static func invalidUTF8(
    at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, unicodeBreaks: Bool
  ) -> InputError {
    let digits = String(bytes[offset], radix: 16, uppercase: true)
    let byte = (digits.count == 1 ? "0x0" : "0x") + digits
    return InputError(
      .invalidUTF8, "invalid UTF-8 at byte offset \(offset) (\(byte)); expected UTF-8 text",
      position: position(ofByteOffset: offset, in: bytes, unicodeBreaks: unicodeBreaks),
      byteOffset: offset)
  }
}
