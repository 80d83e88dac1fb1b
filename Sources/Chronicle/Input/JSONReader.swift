/// Reads JSON (RFC 8259, strictly) into an ``InputNode`` tree with the line and column of
/// every value, stopping at the first problem with an ``InputError``.
///
/// Strictness: one value with only whitespace around it; no comments, trailing commas,
/// single quotes, leading zeros, `NaN` or raw control characters in strings; `\u`
/// surrogates must pair. Numbers stay the text written (`.number("1e3")`). A key twice in
/// one object is an error naming both places. A UTF-8 byte order mark at the very start is
/// skipped and not counted as a column; byte offsets count it.
///
/// Columns count Unicode scalars (`"叶"` is one, `"🇺🇳"` two); CRLF, LF and a lone CR each
/// end a line. The reader works on bytes, without Foundation, for large files.
///
///     let root = try JSONReader.read(Array(#"{"id": "e1", "year": 1992}"#.utf8))
///     if case .object(let members) = root.value {
///       print(members[1].value.position)  // 1:22
///     }
public enum JSONReader {
  /// The deepest nesting of arrays and objects read; deeper input is a ``Diagnostic/Code/tooDeep``
  /// error, never a stack overflow. The top-level array or object is level 1.
  ///
  ///     let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
  ///     _ = try JSONReader.read(deep)  // throws: arrays and objects nested more than 512 levels deep; …
  public static let maximumDepth = 512

  /// Reads a JSON document from its bytes.
  ///
  ///     let root = try JSONReader.read(Array("[1, 2]".utf8))
  public static func read(_ bytes: [UInt8]) throws(InputError) -> InputNode {
    try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> InputNode in
      try read(buffer)
    }
  }

  /// Reads a JSON document from text.
  ///
  ///     let root = try JSONReader.read(#"{"name": "叶"}"#)
  public static func read(_ text: String) throws(InputError) -> InputNode {
    try read(Array(text.utf8))
  }

  /// Reads a JSON document from bytes in memory the caller owns (a mapped file, say);
  /// nothing in the result points into them.
  ///
  ///     let root = try bytes.withUnsafeBufferPointer { buffer in try JSONReader.read(buffer) }
  public static func read(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) -> InputNode {
    var parser = JSONByteParser(buffer)
    return try parser.parseDocument()
  }
}

/// The state of one read: the bytes, the offset reached and the line being read.
///
/// Recursive descent; every container checks the depth before going down, so the stack
/// holds at most ``JSONReader/maximumDepth`` levels.
struct JSONByteParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let end: Int
  private var index: Int
  /// The current line, and the offset of its first byte.
  private var line = 1
  private var lineStart: Int
  /// UTF-8 continuation bytes read so far, and the count when the current line began:
  /// a column is the bytes since the line's start less the continuation bytes among them.
  private var continuationBytes = 0
  private var continuationBytesAtLineStart = 0
  /// Whether errors say where they are: not for a part of a file read on its own
  /// (``init(_:partAt:lineStart:)``), whose errors only mean the part is not used.
  private var errorPositionsNeeded = true
  /// Bytes of the string being unescaped, kept between strings to avoid allocations.
  private var scratch: [UInt8] = []
  /// The texts read so far, shared between their uses.
  private var texts = StringInterner()
  /// The members of the objects being read, innermost last, and the elements of the
  /// arrays being read: each container is read onto the stack and copied off it into an
  /// array of its exact size, one allocation instead of one per doubling.
  private var memberStack: [InputMember] = []
  private var elementStack: [InputNode] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    end = bytes.count
    index = InputFormat.byteOrderMarkLength(bytes)
    lineStart = index
  }

  mutating func parseDocument() throws(InputError) -> InputNode {
    skipWhitespace()
    guard index < end else {
      throw InputError(
        .emptyFile, "the file is empty; expected a JSON object",
        position: position(at: index), byteOffset: index)
    }
    let root = try parseValue(depth: 0)
    skipWhitespace()
    guard index == end else { throw unexpected(expected: "the end of the file after the JSON value") }
    return root
  }

  /// A parser positioned at `offset`, which is at `position` (no multi-byte character
  /// before it on its line is counted again): for reading one element of a file again.
  init(_ bytes: UnsafeBufferPointer<UInt8>, startingAt offset: Int, position: TextPosition) {
    self.init(bytes)
    index = offset
    line = position.line
    lineStart = offset - (position.column - 1)
  }

  /// Where a read stands: the offset, the line, and what the columns are counted from.
  struct State {
    fileprivate var index: Int
    fileprivate var line: Int
    fileprivate var lineStart: Int
    fileprivate var continuationBytes: Int
    fileprivate var continuationBytesAtLineStart: Int

    /// The state with its line moved on by `lines` (a part read on its own counts its
    /// lines from 1).
    func movingLines(by lines: Int) -> State {
      var state = self
      state.line += lines
      return state
    }

    /// Whether the line fits a ``SourceElement``.
    var fitsCompactForm: Bool { UInt32(exactly: line) != nil }
  }

  /// The state, to carry on from where another parser of the same bytes stopped.
  var state: State {
    get {
      State(
        index: index, line: line, lineStart: lineStart, continuationBytes: continuationBytes,
        continuationBytesAtLineStart: continuationBytesAtLineStart)
    }
    set {
      index = newValue.index
      line = newValue.line
      lineStart = newValue.lineStart
      continuationBytes = newValue.continuationBytes
      continuationBytesAtLineStart = newValue.continuationBytesAtLineStart
    }
  }

  /// The current line.
  var currentLine: Int { line }

  /// Swaps the texts read so far with `other`: a thread that reads several parts of a
  /// file carries them from one part's parser to the next.
  mutating func exchangeTexts(_ other: inout StringInterner) {
    swap(&texts, &other)
  }

  /// A parser at `offset`, the first non-blank byte of a line that starts at `lineStart`
  /// with only spaces and tabs before it, counting that line as line 1: for reading a
  /// part of a file on its own, its lines moved on once the part's place is known. Its
  /// errors carry no position (line 1, column 1).
  init(_ bytes: UnsafeBufferPointer<UInt8>, partAt offset: Int, lineStart: Int) {
    self.init(bytes)
    index = offset
    line = 1
    self.lineStart = lineStart
    errorPositionsNeeded = false
  }

  /// Reads the element of a top-level list that starts at the current offset.
  mutating func parseElement() throws(InputError) -> InputNode {
    try parseValue(depth: 2)
  }

  // MARK: Reading the top level one member at a time

  /// The offset reached.
  var offset: Int { index }

  /// Skips blanks before the document; `false` when the document is not an object
  /// (it is then read whole, by ``parseDocument()``). Throws for an empty file.
  mutating func enterRootObject() throws(InputError) -> Bool {
    skipWhitespace()
    guard index < end else {
      throw InputError(
        .emptyFile, "the file is empty; expected a JSON object",
        position: position(at: index), byteOffset: index)
    }
    guard bytes[index] == UInt8(ascii: "{") else { return false }
    index += 1
    skipWhitespace()
    return true
  }

  /// After `{` or `,`: whether the object is closed here (`}`, consumed); for the
  /// empty object only.
  mutating func closesEmptyObject() -> Bool {
    if index < end && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return true
    }
    return false
  }

  /// Reads a member's key and the `:` after it, leaving the offset at the value.
  /// `keys` are the keys read so far in this object, for the duplicate check.
  mutating func parseMemberKey(seen keys: inout [(key: String, position: TextPosition)]) throws(InputError)
    -> (key: String, position: TextPosition)
  {
    guard index < end else { throw endOfFile(expected: "a key in double quotes") }
    guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected(expected: "a key in double quotes") }
    let keyOffset = index
    let keyPosition = position(at: index)
    let key = try parseString()
    if let first = keys.first(where: { $0.key == key }) {
      throw InputError(
        .duplicateKey,
        "duplicate key \(InputError.quoted(key)) (first at \(first.position))",
        position: keyPosition, byteOffset: keyOffset)
    }
    keys.append((key, keyPosition))
    skipWhitespace()
    guard index < end else { throw endOfFile(expected: "':' after the key") }
    guard bytes[index] == UInt8(ascii: ":") else { throw unexpected(expected: "':' after the key") }
    index += 1
    skipWhitespace()
    return (key, keyPosition)
  }

  /// Reads a value of the root object.
  mutating func parseRootMemberValue() throws(InputError) -> InputNode {
    try parseValue(depth: 1)
  }

  /// After a member's value: `true` after a `,` (another member follows), `false`
  /// after the closing `}`.
  mutating func continuesObject() throws(InputError) -> Bool {
    skipWhitespace()
    guard index < end else { throw endOfFile(expected: "',' or '}'") }
    switch bytes[index] {
    case UInt8(ascii: ","):
      index += 1
      skipWhitespace()
      return true
    case UInt8(ascii: "}"):
      index += 1
      return false
    default:
      throw unexpected(expected: "',' or '}'")
    }
  }

  /// Whether the value at the offset is an array.
  var isAtArray: Bool { index < end && bytes[index] == UInt8(ascii: "[") }

  /// Steps into the array at the offset (a value of the root object); `false` when it
  /// is empty (its `]` consumed).
  mutating func enterRootArray() throws(InputError) -> Bool {
    guard 2 <= JSONReader.maximumDepth else { throw tooDeep() }
    index += 1
    skipWhitespace()
    if index < end && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return false
    }
    return true
  }

  /// After an element: `true` after a `,`, `false` after the closing `]`.
  mutating func continuesArray() throws(InputError) -> Bool {
    skipWhitespace()
    guard index < end else { throw endOfFile(expected: "',' or ']'") }
    switch bytes[index] {
    case UInt8(ascii: ","):
      index += 1
      skipWhitespace()
      return true
    case UInt8(ascii: "]"):
      index += 1
      return false
    default:
      throw unexpected(expected: "',' or ']'")
    }
  }

  /// After the root object: only blanks may follow.
  mutating func finishDocument() throws(InputError) {
    skipWhitespace()
    guard index == end else { throw unexpected(expected: "the end of the file after the JSON value") }
  }

  // MARK: Reading an element straight into the model

  // The primitives ``TimelineDecoder/decodeDirect(_:section:index:document:)`` reads an
  // element with, without a tree; any error it meets sends the element to the general
  // path, which reads it again from the same state and reports the error.

  /// The byte at the offset; nil at the end.
  @inline(__always)
  var currentByte: UInt8? { index < end ? bytes[index] : nil }

  /// Steps over the byte at the offset.
  @inline(__always)
  mutating func skipByte() { index += 1 }

  /// Skips spaces, tabs and line breaks, counting lines.
  @inline(__always)
  mutating func skipBlanks() { skipWhitespace() }

  /// The position of the offset, which must be on the current line with no unread
  /// multi-byte characters before it.
  var currentPosition: TextPosition { position(at: index) }

  /// The bytes of a string written in plain ASCII (no escape, no control) whose
  /// opening quote is at the offset, the offset moved past its closing quote; nil for
  /// any other string (the offset then anywhere).
  @inline(__always)
  mutating func plainASCIIString() -> UnsafeBufferPointer<UInt8>? {
    guard index < end, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return nil }
      index += 1
    }
    return nil
  }

  /// Reads the string whose opening quote is at the offset.
  @inline(__always)
  mutating func readString() throws(InputError) -> String { try parseString() }

  /// Reads the number that starts at the offset, as the text written.
  @inline(__always)
  mutating func readNumber() throws(InputError) -> String { try parseNumber() }

  // MARK: Values

  private mutating func parseValue(depth: Int) throws(InputError) -> InputNode {
    guard index < end else { throw endOfFile(expected: "a value") }
    let position = position(at: index)
    switch bytes[index] {
    case UInt8(ascii: "{"):
      return InputNode(.object(try parseObject(depth: depth + 1)), at: position)
    case UInt8(ascii: "["):
      return InputNode(.array(try parseArray(depth: depth + 1)), at: position)
    case UInt8(ascii: "\""):
      return InputNode(.string(try parseString()), at: position)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return InputNode(.number(try parseNumber()), at: position)
    case UInt8(ascii: "t"):
      try parseLiteral("true")
      return InputNode(.bool(true), at: position)
    case UInt8(ascii: "f"):
      try parseLiteral("false")
      return InputNode(.bool(false), at: position)
    case UInt8(ascii: "n"):
      try parseLiteral("null")
      return InputNode(.null, at: position)
    default:
      throw unexpected(expected: "a value")
    }
  }

  private mutating func parseArray(depth: Int) throws(InputError) -> [InputNode] {
    guard depth <= JSONReader.maximumDepth else { throw tooDeep() }
    index += 1
    skipWhitespace()
    if index < end && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return []
    }
    let start = elementStack.count
    defer { elementStack.removeSubrange(start...) }
    while true {
      let element = try parseValue(depth: depth)
      elementStack.append(element)
      skipWhitespace()
      guard index < end else { throw endOfFile(expected: "',' or ']'") }
      switch bytes[index] {
      case UInt8(ascii: ","):
        index += 1
        skipWhitespace()
      case UInt8(ascii: "]"):
        index += 1
        return Array(elementStack[start...])
      default:
        throw unexpected(expected: "',' or ']'")
      }
    }
  }

  /// Objects of up to this many members look for a duplicate key by a linear scan;
  /// larger ones keep a dictionary from key to member.
  private static let linearKeySearchLimit = 12

  private mutating func parseObject(depth: Int) throws(InputError) -> [InputMember] {
    guard depth <= JSONReader.maximumDepth else { throw tooDeep() }
    index += 1
    skipWhitespace()
    if index < end && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return []
    }
    let start = memberStack.count
    defer { memberStack.removeSubrange(start...) }
    var memberIndexByKey: [String: Int] = [:]
    while true {
      guard index < end else { throw endOfFile(expected: "a key in double quotes") }
      guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected(expected: "a key in double quotes") }
      let keyOffset = index
      let keyPosition = position(at: index)
      let key = try parseString()
      if let first = firstMember(withKey: key, from: start, index: &memberIndexByKey) {
        throw InputError(
          .duplicateKey,
          "duplicate key \(InputError.quoted(key)) (first at \(memberStack[first].keyPosition))",
          position: keyPosition, byteOffset: keyOffset)
      }
      skipWhitespace()
      guard index < end else { throw endOfFile(expected: "':' after the key") }
      guard bytes[index] == UInt8(ascii: ":") else { throw unexpected(expected: "':' after the key") }
      index += 1
      skipWhitespace()
      let value = try parseValue(depth: depth)
      if !memberIndexByKey.isEmpty { memberIndexByKey[key] = memberStack.count }
      memberStack.append(InputMember(key: key, keyPosition: keyPosition, value: value))
      skipWhitespace()
      guard index < end else { throw endOfFile(expected: "',' or '}'") }
      switch bytes[index] {
      case UInt8(ascii: ","):
        index += 1
        skipWhitespace()
      case UInt8(ascii: "}"):
        index += 1
        return Array(memberStack[start...])
      default:
        throw unexpected(expected: "',' or '}'")
      }
    }
  }

  /// The position in ``memberStack`` of the member named `key` among those of the object
  /// read from `start`, if any; builds `index` once the object outgrows a linear scan.
  private func firstMember(withKey key: String, from start: Int, index: inout [String: Int]) -> Int? {
    if memberStack.count - start < Self.linearKeySearchLimit {
      let length = key.utf8.count
      return memberStack[start...].firstIndex { $0.key.utf8.count == length && $0.key == key }
    }
    if index.isEmpty {
      index.reserveCapacity((memberStack.count - start) * 2)
      for offset in start..<memberStack.count { index[memberStack[offset].key] = offset }
    }
    return index[key]
  }

  // MARK: Strings

  /// Reads a string whose opening quote is at `index`.
  private mutating func parseString() throws(InputError) -> String {
    let quoteOffset = index
    index += 1
    let contentStart = index
    while true {
      skipPlainStringBytes()
      guard index < end else { throw unterminatedString(openedAt: quoteOffset) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = texts.text(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
        index += 1
        return text
      } else if byte == UInt8(ascii: "\\") {
        return try parseEscapedString(from: contentStart, openedAt: quoteOffset)
      } else if byte < 0x20 {
        throw controlCharacterInString()
      } else if byte >= 0x80 {
        try skipMultibyteScalar()
      } else {
        index += 1
      }
    }
  }

  /// Skips bytes that need no attention (ASCII other than `"`, `\` and controls), eight
  /// at a time.
  @inline(__always)
  private mutating func skipPlainStringBytes() {
    guard let base = bytes.baseAddress else { return }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    while index &+ 8 <= end {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      let quotes = word ^ (ones &* 0x22)
      let backslashes = word ^ (ones &* 0x5C)
      // A byte is zero (or below 0x20) where subtracting from it borrows into its high bit.
      let special =
        ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
        | ((word &- ones &* 0x20) & ~word) | word
      if special & highBits != 0 { break }
      index &+= 8
    }
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return }
      index += 1
    }
  }

  /// Checks the UTF-8 of the non-ASCII scalar at `index` and steps over it.
  @inline(__always)
  private mutating func skipMultibyteScalar() throws(InputError) {
    guard let length = InputFormat.utf8SequenceLength(at: index, in: bytes) else {
      throw InputFormat.invalidUTF8(at: index, in: bytes, unicodeBreaks: false)
    }
    index += length
    continuationBytes += length - 1
  }

  /// Finishes a string that has an escape at `index`, unescaping into ``scratch``.
  private mutating func parseEscapedString(from contentStart: Int, openedAt quoteOffset: Int)
    throws(InputError) -> String
  {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
    while true {
      let runStart = index
      skipPlainStringBytes()
      if index > runStart { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
      guard index < end else { throw unterminatedString(openedAt: quoteOffset) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return scratch.withUnsafeBufferPointer { texts.text($0) }
      } else if byte == UInt8(ascii: "\\") {
        try appendEscape()
      } else if byte < 0x20 {
        throw controlCharacterInString()
      } else {
        let scalarStart = index
        try skipMultibyteScalar()
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[scalarStart..<index]))
      }
    }
  }

  /// Unescapes the escape at `index` into ``scratch``.
  private mutating func appendEscape() throws(InputError) {
    let escapeOffset = index
    index += 1
    guard index < end else { throw endOfFile(expected: "an escape character after '\\'") }
    let unescaped: UInt8
    switch bytes[index] {
    case UInt8(ascii: "\""): unescaped = 0x22
    case UInt8(ascii: "\\"): unescaped = 0x5C
    case UInt8(ascii: "/"): unescaped = 0x2F
    case UInt8(ascii: "b"): unescaped = 0x08
    case UInt8(ascii: "f"): unescaped = 0x0C
    case UInt8(ascii: "n"): unescaped = 0x0A
    case UInt8(ascii: "r"): unescaped = 0x0D
    case UInt8(ascii: "t"): unescaped = 0x09
    case UInt8(ascii: "u"):
      index += 1
      try appendUnicodeEscape(startingAt: escapeOffset)
      return
    default:
      throw unexpected(
        expected: #"one of \" \\ \/ \b \f \n \r \t \u after '\'"#, prefix: "invalid escape")
    }
    scratch.append(unescaped)
    index += 1
  }

  /// Unescapes `\uXXXX` (a pair for a scalar above U+FFFF) whose hex digits start at `index`.
  private mutating func appendUnicodeEscape(startingAt escapeOffset: Int) throws(InputError) {
    let unit = try parseHexQuad()
    var value = UInt32(unit)
    switch unit {
    case 0xD800...0xDBFF:
      guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        throw loneSurrogate(unit, at: escapeOffset, expected: #"\uDC00-\uDFFF to follow"#)
      }
      index += 2
      let low = try parseHexQuad()
      guard (0xDC00...0xDFFF).contains(low) else {
        throw loneSurrogate(unit, at: escapeOffset, expected: #"\uDC00-\uDFFF to follow"#)
      }
      value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
    case 0xDC00...0xDFFF:
      throw loneSurrogate(unit, at: escapeOffset, expected: #"\uD800-\uDBFF before it"#)
    default:
      break
    }
    switch value {
    case 0..<0x80:
      scratch.append(UInt8(value))
    case 0x80..<0x800:
      scratch.append(UInt8(0xC0 | value >> 6))
      scratch.append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
      scratch.append(UInt8(0xE0 | value >> 12))
      scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
      scratch.append(UInt8(0x80 | value & 0x3F))
    default:
      scratch.append(UInt8(0xF0 | value >> 18))
      scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
      scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
      scratch.append(UInt8(0x80 | value & 0x3F))
    }
  }

  /// Reads the four hex digits of a `\u` escape.
  private mutating func parseHexQuad() throws(InputError) -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard index < end else { throw endOfFile(expected: #"4 hex digits after '\u'"#) }
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw unexpected(expected: #"4 hex digits after '\u'"#, prefix: "invalid escape")
      }
      value = value << 4 | UInt16(digit)
      index += 1
    }
    return value
  }

  // MARK: Numbers and literals

  /// Reads a number, checked against the JSON grammar, as the text written.
  private mutating func parseNumber() throws(InputError) -> String {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < end else { throw endOfFile(expected: "a digit") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < end && isDigit(bytes[index]) {
        throw InputError(
          .malformedJSON, "a number cannot start with 0 followed by digits; expected '0', '0.…' or no leading zero",
          position: errorPosition(at: start), byteOffset: start)
      }
    } else {
      try skipDigits()
    }
    if index < end && bytes[index] == UInt8(ascii: ".") {
      index += 1
      try skipDigits(after: "'.'")
    }
    if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
      try skipDigits(after: "the exponent's 'e'")
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  /// Skips one or more digits.
  private mutating func skipDigits(after context: StaticString? = nil) throws(InputError) {
    guard index < end, isDigit(bytes[index]) else {
      throw unexpected(expected: context.map { "a digit after \($0)" } ?? "a digit")
    }
    repeat { index += 1 } while index < end && isDigit(bytes[index])
  }

  @inline(__always)
  private func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  /// Reads `true`, `false` or `null`, whose first letter is at `index`.
  private mutating func parseLiteral(_ literal: StaticString) throws(InputError) {
    let letters = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    for letter in letters {
      guard index < end, bytes[index] == letter else { throw unexpected(expected: "'\(literal)'") }
      index += 1
    }
  }

  // MARK: Whitespace and positions

  /// Skips spaces, tabs and line breaks (CRLF, LF or a lone CR), counting lines.
  @inline(__always)
  private mutating func skipWhitespace() {
    while index < end {
      switch bytes[index] {
      case 0x20, 0x09:
        index += 1
      case 0x0A:
        index += 1
        startLine()
      case 0x0D:
        index += 1
        if index < end && bytes[index] == 0x0A { index += 1 }
        startLine()
      default:
        return
      }
    }
  }

  @inline(__always)
  private mutating func startLine() {
    line += 1
    lineStart = index
    continuationBytesAtLineStart = continuationBytes
  }

  /// The position of `offset`, which must be on the current line with no unread
  /// multi-byte characters before it.
  @inline(__always)
  private func position(at offset: Int) -> TextPosition {
    TextPosition(
      line: line, column: offset - lineStart - (continuationBytes - continuationBytesAtLineStart) + 1)
  }

  /// The position of any `offset`, counted from the start: for errors only.
  private func errorPosition(at offset: Int) -> TextPosition {
    // Counted from the start of the bytes: a part of a file read on its own would scan
    // everything before it for an error that is thrown away.
    guard errorPositionsNeeded else { return TextPosition(line: 1, column: 1) }
    return InputFormat.position(ofByteOffset: offset, in: bytes, unicodeBreaks: false)
  }

  // MARK: Errors

  private func endOfFile(expected: String) -> InputError {
    InputError(
      .malformedJSON, "unexpected end of file; expected \(expected)",
      position: errorPosition(at: end), byteOffset: end)
  }

  /// The error for the character at `index`: unexpected, or ill-formed UTF-8.
  private func unexpected(expected: String, prefix: String = "unexpected character") -> InputError {
    guard index < end else { return endOfFile(expected: expected) }
    guard let scalar = InputFormat.scalar(at: index, in: bytes) else {
      return InputFormat.invalidUTF8(at: index, in: bytes, unicodeBreaks: false)
    }
    return InputError(
      .malformedJSON, "\(prefix) \(InputError.describe(scalar)); expected \(expected)",
      position: errorPosition(at: index), byteOffset: index)
  }

  private func unterminatedString(openedAt quoteOffset: Int) -> InputError {
    endOfFile(expected: "'\"' to end the string started at \(errorPosition(at: quoteOffset))")
  }

  private func controlCharacterInString() -> InputError {
    let byte = bytes[index]
    let escape: String
    switch byte {
    case 0x09: escape = "\\t"
    case 0x0A: escape = "\\n"
    case 0x0D: escape = "\\r"
    default: escape = "\\u" + InputError.hex(UInt32(byte))
    }
    return InputError(
      .malformedJSON,
      "control character U+\(InputError.hex(UInt32(byte))) in a string; expected it escaped as \(escape)",
      position: errorPosition(at: index), byteOffset: index)
  }

  private func loneSurrogate(_ unit: UInt16, at offset: Int, expected: String) -> InputError {
    InputError(
      .malformedJSON, "lone surrogate \\u\(InputError.hex(UInt32(unit))) in a string; expected \(expected)",
      position: errorPosition(at: offset), byteOffset: offset)
  }

  private func tooDeep() -> InputError {
    InputError(
      .tooDeep,
      "arrays and objects nested more than \(JSONReader.maximumDepth) levels deep; expected at most "
        + "\(JSONReader.maximumDepth) levels",
      position: errorPosition(at: index), byteOffset: index)
  }
}
