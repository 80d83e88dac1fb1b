/// Writes YAML in block style, as people write timeline files: one key per line,
/// lists as `- ` items, short objects (citations, identifiers) in flow style on one
/// line, and text plain when it cannot be read as anything else, double-quoted otherwise.
///
///     entities:
///       - id: event-1
///         kind: event
///         title: "Assault on Khojaly: \"no\""
///         sources:
///           - {document: document-3, locator: para. 2}
///
/// Plain text is kept to a safe subset (a letter first; then letters, digits, spaces,
/// `.`, `-`, `/`, `(`, `)`, `_`, `'`) so that no YAML indicator, comment, flow
/// separator or null spelling is ever plain; everything else is quoted with YAML's
/// escapes, line and paragraph separators included.
struct YAMLTimelineEmitter: TimelineEmitter {
  private enum Container {
    case blockObject(indent: Int, members: Int, onDashLine: Bool)
    case blockArray(indent: Int, items: Int)
    case flowObject(members: Int)
  }

  private(set) var bytes: [UInt8] = []
  private var stack: [Container] = []
  private var afterKey = false

  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
    stack.reserveCapacity(16)
  }

  mutating func beginObject(flow: Bool) {
    if stack.isEmpty {
      stack.append(.blockObject(indent: 0, members: 0, onDashLine: false))
      return
    }
    if flow {
      startValue()
      bytes.append(UInt8(ascii: "{"))
      stack.append(.flowObject(members: 0))
      return
    }
    switch stack[stack.count - 1] {
    case .blockArray(let indent, _):
      startValue()
      stack.append(.blockObject(indent: indent + 2, members: 0, onDashLine: true))
    case .blockObject(let indent, _, _):
      afterKey = false
      stack.append(.blockObject(indent: indent + 2, members: 0, onDashLine: false))
    case .flowObject:
      // Flow objects hold scalars only; a nested object stays in flow style.
      startValue()
      bytes.append(UInt8(ascii: "{"))
      stack.append(.flowObject(members: 0))
    }
  }

  mutating func endObject() {
    if case .flowObject = stack.removeLast() { bytes.append(UInt8(ascii: "}")) }
  }

  mutating func beginArray() {
    guard let top = stack.last else { return }
    let indent: Int
    switch top {
    case .blockObject(let parent, _, _): indent = parent + 2
    case .blockArray(let parent, _): indent = parent + 2
    case .flowObject: indent = 0
    }
    if case .blockArray = top { startValue() }
    afterKey = false
    stack.append(.blockArray(indent: indent, items: 0))
  }

  mutating func endArray() {
    if case .blockArray(_, let items) = stack.removeLast(), items == 0 {
      bytes.append(contentsOf: [0x20, UInt8(ascii: "["), UInt8(ascii: "]")])
    }
  }

  mutating func key(_ name: StaticString) {
    switch stack[stack.count - 1] {
    case .blockObject(let indent, let members, let onDashLine):
      if !(onDashLine && members == 0) {
        if !bytes.isEmpty { bytes.append(0x0A) }
        indentBy(indent)
      }
      stack[stack.count - 1] = .blockObject(indent: indent, members: members + 1, onDashLine: onDashLine)
    case .flowObject(let members):
      if members > 0 { bytes.append(contentsOf: [UInt8(ascii: ","), 0x20]) }
      stack[stack.count - 1] = .flowObject(members: members + 1)
    case .blockArray:
      break
    }
    bytes.append(name)
    bytes.append(UInt8(ascii: ":"))
    afterKey = true
  }

  mutating func string(_ utf8: [UInt8]) {
    startValue()
    if Self.canBePlain(utf8) {
      bytes.append(contentsOf: utf8)
    } else {
      appendQuoted(utf8)
    }
  }

  mutating func number(_ value: Int) {
    startValue()
    bytes.append(decimal: value)
  }

  mutating func number(text: [UInt8]) {
    startValue()
    bytes.append(contentsOf: text)
  }

  mutating func finish() { bytes.append(0x0A) }

  /// Writes what goes before a value: a space after `key:`, or a new `- ` item.
  private mutating func startValue() {
    if afterKey {
      afterKey = false
      bytes.append(0x20)
      return
    }
    if case .blockArray(let indent, let items) = stack[stack.count - 1] {
      bytes.append(0x0A)
      indentBy(indent)
      bytes.append(contentsOf: [UInt8(ascii: "-"), 0x20])
      stack[stack.count - 1] = .blockArray(indent: indent, items: items + 1)
    }
  }

  @inline(__always)
  private mutating func indentBy(_ count: Int) {
    bytes.appendSpaces(count)
  }

  /// Whether text can be written plain and read back as the same text, never as a
  /// null, a number where numbers are read, a flow separator or an indicator.
  static func canBePlain(_ utf8: [UInt8]) -> Bool {
    guard let first = utf8.first, isASCIILetter(first) || first >= 0x80, let last = utf8.last, last != 0x20 else {
      return false
    }
    if utf8.count <= 5 {
      switch utf8 {
      case Array("null".utf8), Array("Null".utf8), Array("NULL".utf8): return false
      default: break
      }
    }
    var position = 0
    let count = utf8.count
    while position < count {
      let byte = utf8[position]
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), 0x20, UInt8(ascii: "."), UInt8(ascii: "-"),
        UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "_"), UInt8(ascii: "'"):
        position += 1
      case 0xC2 where position + 1 < count && utf8[position + 1] < 0xA0:
        return false  // C1 controls and NEL
      case 0xE2 where position + 2 < count && utf8[position + 1] == 0x80 && utf8[position + 2] >= 0xA8 && utf8[position + 2] <= 0xAF:
        return false  // line and paragraph separators, bidirectional embeddings
      case 0xEF where position + 2 < count && utf8[position + 1] == 0xBB:
        return false  // byte order mark
      case 0x80...:
        position += 1
      default:
        return false
      }
    }
    return true
  }

  @inline(__always)
  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

  /// Double-quoted, escaping `"`, `\`, control characters, DEL, NEL, the line and
  /// paragraph separators and the byte order mark, which YAML would otherwise fold,
  /// refuse or drop.
  private mutating func appendQuoted(_ utf8: [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var start = 0
    var position = 0
    let count = utf8.count
    while position < count {
      let byte = utf8[position]
      var escape: [UInt8]? = nil
      var length = 1
      switch byte {
      case 0x22: escape = [0x5C, 0x22]
      case 0x5C: escape = [0x5C, 0x5C]
      case 0x09: escape = [0x5C, UInt8(ascii: "t")]
      case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
      case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
      case 0x00..<0x20, 0x7F:
        escape = [0x5C, UInt8(ascii: "x"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
      case 0xC2 where position + 1 < count && utf8[position + 1] < 0xA0:
        // C1 controls, NEL (U+0085) among them.
        let second = utf8[position + 1]
        escape = [0x5C, UInt8(ascii: "x"), Self.hex[Int(second >> 4)], Self.hex[Int(second & 0xF)]]
        length = 2
      case 0xE2 where position + 2 < count && utf8[position + 1] == 0x80 && (utf8[position + 2] == 0xA8 || utf8[position + 2] == 0xA9):
        escape = [0x5C, utf8[position + 2] == 0xA8 ? UInt8(ascii: "L") : UInt8(ascii: "P")]
        length = 3
      case 0xEF where position + 2 < count && utf8[position + 1] == 0xBB && utf8[position + 2] == 0xBF:
        escape = Array(#"\uFEFF"#.utf8)
        length = 3
      default:
        break
      }
      if let escape {
        bytes.append(utf8, from: start, to: position)
        bytes.append(contentsOf: escape)
        position += length
        start = position
      } else {
        position += 1
      }
    }
    bytes.append(utf8, from: start, to: count)
    bytes.append(UInt8(ascii: "\""))
  }
}
