/// Writes JSON with ``JSONWriter``'s separators and escapes. Compact, it is byte for
/// byte what ``JSONExporter(pretty: false)`` writes for the graph read from it; pretty,
/// it puts each top-level member and each element of the top-level lists (an entity,
/// a relation, a claim) on a line of its own, compact within the line, so that a file
/// of a million events stays readable line by line without the size of full indentation.
///
///     var emitter = JSONTimelineEmitter(pretty: false, capacity: 64)
///     emitter.beginArray(); emitter.number(1); emitter.endArray()
///     String(decoding: emitter.bytes, as: UTF8.self)  // "[1]"
struct JSONTimelineEmitter: TimelineEmitter {
  private(set) var bytes: [UInt8] = []
  /// Whether to start a line for each top-level member and each element of the
  /// top-level lists (else one line for the whole file).
  let pretty: Bool
  private var depth = 0
  private var needsComma = false
  private var afterKey = false

  init(pretty: Bool, capacity: Int) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  mutating func beginObject(flow: Bool) { open(UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray() { open(UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  mutating func key(_ name: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(name)
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    if pretty, depth <= 1 { bytes.append(UInt8(ascii: " ")) }
    afterKey = true
  }

  mutating func string(_ utf8: [UInt8]) {
    separate()
    appendEscaped(utf8)
    needsComma = true
  }

  mutating func number(_ value: Int) {
    separate()
    bytes.append(decimal: value)
    needsComma = true
  }

  mutating func number(text: [UInt8]) {
    separate()
    bytes.append(contentsOf: text)
    needsComma = true
  }

  mutating func finish() { bytes.append(UInt8(ascii: "\n")) }

  private mutating func open(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    depth += 1
    needsComma = false
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if pretty, needsComma, depth < Self.lineDepth { newline() }
    bytes.append(bracket)
    needsComma = true
  }

  @inline(__always)
  private mutating func separate() {
    if afterKey {
      afterKey = false
      return
    }
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    if pretty, depth > 0, depth <= Self.lineDepth { newline() }
  }

  @inline(__always)
  private mutating func newline() {
    bytes.append(0x0A)
    bytes.appendSpaces(depth * 2)
  }

  /// The deepest level whose items start a line: the elements of the top-level lists.
  private static let lineDepth = 2

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// `"`, `\` and control characters escaped as RFC 8259 requires; the rest verbatim.
  private mutating func appendEscaped(_ utf8: [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var start = 0
    for position in utf8.indices {
      let byte = utf8[position]
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
      bytes.append(utf8, from: start, to: position)
      switch byte {
      case 0x22: bytes.append(0x5C); bytes.append(0x22)
      case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
      case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
      default:
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
      }
      start = position + 1
    }
    bytes.append(utf8, from: start, to: utf8.count)
    bytes.append(UInt8(ascii: "\""))
  }
}
