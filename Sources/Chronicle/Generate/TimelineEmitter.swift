/// Writes the structure of a timeline file (objects, arrays, keys, scalars) as bytes,
/// in JSON or YAML, straight into one growing buffer.
///
/// The generator drives one of these and never builds a tree or a graph, so a
/// million-event file costs one buffer. Keys are `StaticString`s (the schema's);
/// string values arrive as UTF-8 bytes and are escaped as the format needs.
///
///     var emitter = JSONTimelineEmitter(pretty: true, capacity: 1 << 20)
///     emitter.beginObject(flow: false)
///     emitter.key("title"); emitter.string(Array("Khojaly".utf8))
///     emitter.endObject()
///     emitter.finish()
protocol TimelineEmitter {
  /// The bytes written so far.
  var bytes: [UInt8] { get }
  /// Starts an object; `flow` asks YAML for `{a: 1, b: 2}` on one line (scalars only inside).
  mutating func beginObject(flow: Bool)
  /// Ends the innermost object.
  mutating func endObject()
  /// Starts an array (never left empty by the generator).
  mutating func beginArray()
  /// Ends the innermost array.
  mutating func endArray()
  /// Writes a member's key; the next call writes its value.
  mutating func key(_ name: StaticString)
  /// Writes a text value from its UTF-8 bytes.
  mutating func string(_ utf8: [UInt8])
  /// Writes an integer.
  mutating func number(_ value: Int)
  /// Writes a number given as valid JSON number text (`40.4093`).
  mutating func number(text: [UInt8])
  /// Ends the file with a newline.
  mutating func finish()
}

extension TimelineEmitter {
  /// Writes a member whose value is text.
  @inline(__always)
  mutating func member(_ name: StaticString, _ utf8: [UInt8]) {
    key(name)
    string(utf8)
  }

  /// Writes a member whose value is an integer.
  @inline(__always)
  mutating func member(_ name: StaticString, number value: Int) {
    key(name)
    number(value)
  }
}

extension Array where Element == UInt8 {
  /// Appends a static string's bytes.
  @inline(__always)
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append(contentsOf: $0) }
  }

  /// Appends an integer in decimal.
  mutating func append(decimal value: Int) {
    if value < 0 {
      append(UInt8(ascii: "-"))
      append(decimal: UInt(value.magnitude))
    } else {
      append(decimal: UInt(value))
    }
  }

  /// Appends an unsigned integer in decimal, zero-padded to `width` digits (at most 20).
  mutating func append(decimal value: UInt, width: Int = 1) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = 20
      var rest = value
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      } while rest > 0
      while start > Swift.max(0, 20 - width) {
        start -= 1
        digits[start] = UInt8(ascii: "0")
      }
      append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// Appends part of a byte array without retaining it for a slice.
  @inline(__always)
  mutating func append(_ source: [UInt8], from start: Int, to end: Int) {
    guard start < end else { return }
    source.withUnsafeBufferPointer { buffer in
      append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
    }
  }

  /// Appends `count` spaces.
  @inline(__always)
  mutating func appendSpaces(_ count: Int) {
    for _ in 0..<Swift.max(0, count) { append(0x20) }
  }
}
