/// The JSON that ``JSONWriter`` writes, byte for byte, written into one raw buffer
/// for the exporter: a byte array's uniqueness and capacity checks on every append
/// cost more than the writing. Each key, value or bracket makes room once (its
/// separator, indentation and bytes; an escape in a string makes room again) and is
/// then stored through the pointer.
///
/// Keys are Chronicle's own, given as `StaticString`s that need no escape.
struct JSONBuffer: ~Copyable {
  /// The bytes written so far (since the last hand-over, when streaming): `count` of
  /// them from `base`, in room for `capacity`.
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  /// Whether to indent with two spaces and put each member on its own line.
  let pretty: Bool
  private var depth = 0
  private var needsComma = false
  private var afterKey = false

  init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    self.capacity = max(64, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// The bytes written so far (since the last hand-over).
  var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  // MARK: Structure

  /// Starts an object.
  mutating func beginObject() { open(UInt8(ascii: "{")) }
  /// Ends an object.
  mutating func endObject() { close(UInt8(ascii: "}")) }
  /// Starts an array.
  mutating func beginArray() { open(UInt8(ascii: "[")) }
  /// Ends an array.
  mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Writes an object key of Chronicle's own; the next call writes its value.
  mutating func key(_ name: StaticString) {
    name.withUTF8Buffer { name in
      separate(making: name.count + 4)
      base[count] = 0x22
      count += 1
      if let source = name.baseAddress { put(source, name.count) }
    }
    base[count] = 0x22
    count += 1
    putColon()
  }

  /// Writes any key, escaped as a string.
  mutating func key(text name: String) {
    separate(making: 0)
    appendString(name)
    reserve(2)
    putColon()
  }

  /// What follows a key (`:`, and a space when pretty), in room already made.
  @inline(__always)
  private mutating func putColon() {
    base[count] = UInt8(ascii: ":")
    base[count + 1] = 0x20
    count += pretty ? 2 : 1
    afterKey = true
  }

  /// Writes a string value.
  mutating func string(_ value: String) {
    separate(making: 0)
    appendString(value)
    needsComma = true
  }

  /// Writes a number given as valid JSON number text.
  mutating func number(_ text: String) {
    separate(making: 0)
    appendVerbatim(text)
    needsComma = true
  }

  /// Writes an integer.
  mutating func number(_ value: Int) { number(String(value)) }

  /// Writes a member whose value is a string, or nothing when the value is nil.
  mutating func member(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  /// Writes a member whose value is a string.
  mutating func member(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  /// Writes a member whose value is a list of strings, or nothing when it is empty.
  mutating func member(_ name: StaticString, _ values: [String]) {
    guard !values.isEmpty else { return }
    key(name)
    beginArray()
    // Read in place, without a retain of each string (notes are often one shared string).
    values.withUnsafeBufferPointer { values in
      for index in values.indices { string(values[index]) }
    }
    endArray()
  }

  /// Ends the output with a newline.
  mutating func finish() {
    reserve(1)
    base[count] = 0x0A
    count += 1
  }

  // MARK: Pieces

  /// Forgets the bytes written, keeping the buffer and the place in the document
  /// (after a hand-over).
  mutating func removeAllBytes() {
    count = 0
  }

  /// An empty buffer that goes on from here (same depth, after `continuing` elements
  /// or none) and keeps what it writes: for elements of an array written on another
  /// thread, handed over in their turn (then ``adopt(_:)``).
  func detached(continuing: Bool) -> JSONBuffer {
    var buffer = JSONBuffer(pretty: pretty)
    buffer.depth = depth
    buffer.needsComma = continuing
    return buffer
  }

  /// Forgets what a ``detached(continuing:)`` buffer wrote, keeping its room, to go
  /// on from the same place again (after elements or none).
  mutating func restart(continuing: Bool) {
    count = 0
    needsComma = continuing
    afterKey = false
  }

  /// Goes on from where a ``detached(continuing:)`` buffer stopped, whose bytes were
  /// handed over after this one's.
  mutating func adopt(_ other: borrowing JSONBuffer) {
    needsComma = needsComma || other.needsComma
  }

  // MARK: Writing

  private mutating func open(_ bracket: UInt8) {
    separate(making: 1)
    base[count] = bracket
    count += 1
    depth += 1
    needsComma = false
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if pretty, needsComma {
      newline(making: 1)
    } else {
      reserve(1)
    }
    base[count] = bracket
    count += 1
    needsComma = true
  }

  /// Writes what goes before a value or key (a comma, a new line and indentation),
  /// making room for `extra` bytes after it.
  @inline(__always)
  private mutating func separate(making extra: Int) {
    if afterKey {
      afterKey = false
      reserve(extra)
      return
    }
    let indented = pretty && depth > 0
    reserve((needsComma ? 1 : 0) + (indented ? Self.newlineRoom(depth) : 0) + extra)
    if needsComma {
      base[count] = UInt8(ascii: ",")
      count += 1
    }
    if indented { putNewline() }
  }

  /// A new line and the indentation of the depth, with room for `extra` bytes after.
  private mutating func newline(making extra: Int) {
    reserve(Self.newlineRoom(depth) + extra)
    putNewline()
  }

  /// The room ``putNewline()`` needs at a depth: the line end, the spaces, and up to
  /// eight more (spaces are stored eight at a time, at least once).
  @inline(__always)
  private static func newlineRoom(_ depth: Int) -> Int { 9 + 2 * depth }

  /// A new line and the indentation of the depth, in room already made.
  @inline(__always)
  private mutating func putNewline() {
    base[count] = 0x0A
    let spaces = 2 * depth
    // Eight at a time, the first eight always (a loop alone becomes a call to memset,
    // which costs more than the stores at the usual depths of 1 to 5).
    let eight: UInt64 = 0x2020_2020_2020_2020
    var target = UnsafeMutableRawPointer(base + count + 1)
    target.storeBytes(of: eight, as: UInt64.self)
    if spaces > 8 {
      target.storeBytes(of: eight, toByteOffset: 8, as: UInt64.self)
      let end = target + spaces
      target += 16
      while target < end {
        target.storeBytes(of: eight, as: UInt64.self)
        target += 8
      }
    }
    count += 1 + spaces
  }

  /// A string's UTF-8, escaped and quoted.
  private mutating func appendString(_ value: String) {
    let copied: Void? = value.utf8.withContiguousStorageIfAvailable { appendQuoted($0) }
    if copied == nil {
      var value = value
      value.withUTF8 { appendQuoted($0) }
    }
  }

  /// UTF-8 between quotes: runs that need no escape copied at once, each escape made
  /// room for when it comes.
  private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    let length = utf8.count
    // Room for the text unescaped and both quotes; an escape makes room for itself
    // and the rest again.
    reserve(length + 2)
    base[count] = 0x22
    count += 1
    var start = 0
    while true {
      let stop = JSONEscaping.firstEscape(in: utf8, from: start)
      if stop > start { put(utf8.baseAddress! + start, stop - start) }
      guard stop < length else { break }
      reserve(JSONEscaping.longestEscape + length - stop)
      count += JSONEscaping.writeEscape(utf8[stop], to: base + count)
      start = stop + 1
    }
    base[count] = 0x22
    count += 1
  }

  /// Text that needs no escape (a number's), as it is.
  private mutating func appendVerbatim(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      reserve(utf8.count)
      if let source = utf8.baseAddress { put(source, utf8.count) }
    }
  }

  // MARK: Bytes

  /// Copies `length` bytes after those written, in room already made: up to 16 with
  /// two loads and two stores that may overlap (a call to memcpy costs more for the
  /// short keys and values that most of a document is), more with memcpy.
  @inline(__always)
  private mutating func put(_ source: UnsafePointer<UInt8>, _ length: Int) {
    let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(base + count)
    switch length {
    case 8...16:
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
    case 4..<8:
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
    case 2..<4:
      let head = from.loadUnaligned(as: UInt16.self)
      let tail = from.loadUnaligned(fromByteOffset: length - 2, as: UInt16.self)
      to.storeBytes(of: head, as: UInt16.self)
      to.storeBytes(of: tail, toByteOffset: length - 2, as: UInt16.self)
    case 1:
      base[count] = source[0]
    case ..<1:
      break
    default:
      (base + count).update(from: source, count: length)
    }
    count += length
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(extra) }
  }

  /// Moves the bytes to a buffer of at least twice the room.
  private mutating func grow(_ extra: Int) {
    RawBytes.grow(&base, count: count, capacity: &capacity, extra: extra)
  }
}
