/// Writes JSON into a byte buffer, compact or indented, with keys in the order given.
///
///     var writer = JSONWriter(pretty: true)
///     writer.beginObject()
///     writer.key("id"); writer.string("letter-2021")
///     writer.key("pages"); writer.number("37")
///     writer.endObject()
///     print(writer.text)
///
/// Strings are escaped as RFC 8259 requires: `"` and `\`, and every control
/// character (`\n`, `\t`… or `\u00XX`); everything else, including `/`, astral
/// characters and U+2028, is written as UTF-8, byte for byte.
public struct JSONWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  /// Whether to indent with two spaces and put each member on its own line.
  public let pretty: Bool
  private var depth = 0
  private var needsComma = false
  private var afterKey = false

  /// Creates a writer.
  public init(pretty: Bool = false, capacity: Int = 4096) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  /// The output as text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Starts an object.
  public mutating func beginObject() { open(UInt8(ascii: "{")) }
  /// Ends an object.
  public mutating func endObject() { close(UInt8(ascii: "}")) }
  /// Starts an array.
  public mutating func beginArray() { open(UInt8(ascii: "[")) }
  /// Ends an array.
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Writes an object key; the next call writes its value.
  public mutating func key(_ name: String) {
    separate()
    appendString(name)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(UInt8(ascii: " ")) }
    afterKey = true
  }

  /// Writes a string value.
  public mutating func string(_ value: String) {
    separate()
    appendString(value)
    needsComma = true
  }

  /// Writes a number given as valid JSON number text.
  public mutating func number(_ text: String) {
    separate()
    bytes.append(contentsOf: text.utf8)
    needsComma = true
  }

  /// Writes an integer.
  public mutating func number(_ value: Int) { number(String(value)) }

  /// Writes `true` or `false`.
  public mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
    needsComma = true
  }

  /// Writes `null`.
  public mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
    needsComma = true
  }

  /// Writes a member whose value is a string, or nothing when the value is nil.
  public mutating func member(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  /// Writes a member whose value is a list of strings, or nothing when it is empty.
  public mutating func member(_ name: String, _ values: [String]) {
    guard !values.isEmpty else { return }
    key(name)
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// Hands the bytes written so far to `sink` and empties the buffer, keeping its
  /// capacity; writing then goes on where it stopped (for streaming a large document
  /// in pieces instead of holding all of it).
  public mutating func flush(to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
    try bytes.withUnsafeBytes { try sink($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  /// Ends the output with a newline.
  public mutating func finish() { bytes.append(UInt8(ascii: "\n")) }

  /// An empty writer that goes on from here (same depth, after `continuing` elements
  /// or none) and keeps what it writes: for elements of an array written on another
  /// thread, added in their place with ``append(_:)``.
  func detached(continuing: Bool) -> JSONWriter {
    var writer = JSONWriter(pretty: pretty, capacity: 0)
    writer.depth = depth
    writer.needsComma = continuing
    return writer
  }

  /// Forgets what a ``detached(continuing:)`` writer wrote, keeping its
  /// buffer, to go on from the same place again (after elements or none).
  mutating func restart(continuing: Bool) {
    bytes.removeAll(keepingCapacity: true)
    needsComma = continuing
    afterKey = false
  }

  /// Adds what a ``detached(continuing:)`` writer wrote after this one's
  /// output, and goes on from where it stopped.
  mutating func append(_ other: JSONWriter) {
    bytes.append(contentsOf: other.bytes)
    needsComma = needsComma || other.needsComma
  }

  private mutating func open(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    depth += 1
    needsComma = false
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if pretty, needsComma { newline() }
    bytes.append(bracket)
    needsComma = true
  }

  private mutating func separate() {
    if afterKey {
      afterKey = false
      return
    }
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    if pretty, depth > 0 { newline() }
  }

  private mutating func newline() {
    bytes.append(UInt8(ascii: "\n"))
    var spaces = 2 * depth
    while spaces > 0 {
      let count = min(spaces, Self.spaces.count)
      Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
      spaces -= count
    }
  }

  /// Spaces to indent with, many at a time.
  private static let spaces = [UInt8](repeating: 32, count: 64)

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Whether any of eight bytes is a control character, `"` or `\` (a byte equal to
  /// `c` is a zero byte of `word ^ c…c`; a byte below 0x20 borrows in `word - 0x20…20`
  /// with its high bit clear, which rules out the bytes of 0x80 and above).
  @inline(__always)
  private static func needsEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
    let control = (word &- 0x20 &* ones) & ~word & highs != 0
    return control || hasZero(word ^ (0x22 &* ones)) || hasZero(word ^ (0x5C &* ones))
  }

  /// Appends a backslash and the byte that follows it in an escape.
  private mutating func appendEscape(_ byte: UInt8) {
    bytes.append(0x5C)
    bytes.append(byte)
  }

  private mutating func appendString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var start = 0
      var position = 0
      while position < utf8.count {
        // Eight bytes at a time while none needs escaping (the usual case).
        if position + 8 <= utf8.count,
          !Self.needsEscape(UnsafeRawPointer(utf8.baseAddress! + position).loadUnaligned(as: UInt64.self))
        {
          position += 8
          continue
        }
        let byte = utf8[position]
        position += 1
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        let escaped = position - 1
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<escaped]))
        switch byte {
        case 0x22: appendEscape(0x22)
        case 0x5C: appendEscape(0x5C)
        case 0x0A: appendEscape(UInt8(ascii: "n"))
        case 0x0D: appendEscape(UInt8(ascii: "r"))
        case 0x09: appendEscape(UInt8(ascii: "t"))
        default:
          appendEscape(UInt8(ascii: "u"))
          bytes.append(0x30)
          bytes.append(0x30)
          bytes.append(Self.hex[Int(byte >> 4)])
          bytes.append(Self.hex[Int(byte & 0xF)])
        }
        start = position
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
