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

  private mutating func appendString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var start = 0
      while true {
        // Runs that need no escape (found eight bytes at a time) copied at once.
        let stop = JSONEscaping.firstEscape(in: utf8, from: start)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<stop]))
        guard stop < utf8.count else { break }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: JSONEscaping.longestEscape) { escape in
          let length = JSONEscaping.writeEscape(utf8[stop], to: escape.baseAddress!)
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: escape[..<length]))
        }
        start = stop + 1
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
