import Foundation
import Testing

@testable import Chronicle

/// The exporter's raw buffer (``JSONBuffer``) writes the bytes of the general
/// ``JSONWriter`` for the same calls, whatever the strings hold and wherever they fall
/// against its room, its words of eight bytes and the exporter's blocks and pieces.
@Suite struct JSONBufferTests {
  /// Pieces of hostile strings: every kind of escape, multi-byte and astral
  /// characters, U+2028, DEL (not escaped) and runs of plain ASCII of several lengths.
  static let pieces = [
    "a", "é", "叶", "🇺🇳", "𝄞", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{1B}", "\u{1F}", "\u{7F}", " ", "/",
    "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "xxxxxxx", "0123456789abcdef", "\\\"", "\"\"",
  ]

  /// Random hostile strings of up to `maximum` pieces.
  static func strings(count: Int, maximum: Int, seed: UInt64) -> [String] {
    var random = GeneratorRandom(seed: seed)
    return (0..<count).map { round in
      var text = ""
      for _ in 0..<Int.random(in: 0...(round % (maximum + 1)), using: &random) {
        text += pieces[Int.random(in: 0..<pieces.count, using: &random)]
      }
      return text
    }
  }

  /// The same calls made on both writers, so that their bytes can be compared.
  struct Both: ~Copyable {
    var general: JSONWriter
    var buffer: JSONBuffer

    init(pretty: Bool, capacity: Int) {
      general = JSONWriter(pretty: pretty)
      buffer = JSONBuffer(pretty: pretty, capacity: capacity)
    }

    var same: Bool { general.bytes == Array(buffer.written) }

    mutating func beginObject() { general.beginObject(); buffer.beginObject() }
    mutating func endObject() { general.endObject(); buffer.endObject() }
    mutating func beginArray() { general.beginArray(); buffer.beginArray() }
    mutating func endArray() { general.endArray(); buffer.endArray() }
    mutating func string(_ text: String) { general.string(text); buffer.string(text) }
    mutating func member(_ name: StaticString, _ text: String?) { general.member(name.description, text); buffer.member(name, text) }
    mutating func member(_ name: StaticString, _ texts: [String]) { general.member(name.description, texts); buffer.member(name, texts) }
    mutating func member(key: String, _ text: String) {
      general.member(key, text)
      buffer.key(text: key)
      buffer.string(text)
    }
    mutating func number(_ text: String) { general.number(text); buffer.number(text) }
  }

  @Test(arguments: [true, false])
  func writesTheBytesOfTheGeneralWriter(pretty: Bool) {
    let texts = Self.strings(count: 600, maximum: 30, seed: 0x7E_57)
    // A buffer with little room grows at every kind of call.
    var both = Both(pretty: pretty, capacity: 1)
    both.beginObject()
    both.member("title", texts[0])
    both.member("none", nil)
    both.member("empty", [])
    both.member(key: "a \"key\"\n\u{2028}", texts[1])
    both.member("list", Array(texts[2..<9]))
    both.member("items", [])
    for (position, text) in texts.enumerated() {
      both.beginObject()
      both.member("text", text)
      if position % 3 == 0 { both.member("texts", [text, text + text, ""]) }
      if position % 5 == 0 {
        both.member("nested", nil)
        both.beginArray()
        both.beginArray()
        both.endArray()
        both.beginObject()
        both.endObject()
        both.number("-1.5e3")
        both.string(text)
        both.endArray()
      }
      both.endObject()
    }
    both.endObject()
    let same = both.same
    #expect(same)
  }

  /// Every byte below 0x80 and an astral character at every offset of runs of up to 24
  /// bytes, written after 0 to 80 other bytes into a buffer of 64: each escape, run
  /// and quote falls on each side of the words of eight and of the room's end.
  @Test func escapesAtEveryOffsetAndBoundary() {
    var failures: [String] = []
    for lead in 0..<80 {
      for length in [1, 7, 8, 9, 15, 16, 17, 24] {
        for offset in 0..<length {
          for byte in [UInt8(0), 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x2F, 0x5C, 0x7F] {
            var bytes = [UInt8](repeating: UInt8(ascii: "q"), count: length)
            bytes[offset] = byte
            var text = String(decoding: bytes, as: UTF8.self)
            if offset % 4 == 1 { text += "🇺🇳\u{2028}" }
            var general = JSONWriter()
            var buffer = JSONBuffer(pretty: false, capacity: 64)
            general.number(String(repeating: "1", count: max(1, lead)))
            buffer.number(String(repeating: "1", count: max(1, lead)))
            general.beginArray()
            buffer.beginArray()
            general.string(text)
            buffer.string(text)
            if general.bytes != Array(buffer.written) { failures.append("lead \(lead), \(Array(text.utf8))") }
          }
        }
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(5))")
  }

  /// The scan finds the first byte to escape from any start, as a byte-by-byte loop does.
  @Test func findsTheFirstEscapeLikeAByteLoop() {
    var random = GeneratorRandom(seed: 0x5CA7)
    let alphabet: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xC2, 0xE2, 0xFF, 0x61]
    for _ in 0..<5_000 {
      let count = Int.random(in: 0..<40, using: &random)
      // Mostly plain bytes, so that escapes fall at every distance from the start.
      let bytes = (0..<count).map { _ in
        Int.random(in: 0..<4, using: &random) == 0 ? alphabet.randomElement(using: &random)! : UInt8(ascii: "m")
      }
      bytes.withUnsafeBufferPointer { utf8 in
        for start in 0...count {
          let expected = (start..<count).first { JSONEscaping.needsEscape(utf8[$0]) } ?? count
          #expect(JSONEscaping.firstEscape(in: utf8, from: start) == expected, "\(bytes) from \(start)")
        }
      }
    }
  }

  /// A document of hostile strings longer than the pieces handed out and than a block of
  /// the writing threads: the exporter writes what ``JSONWriter`` writes for the same
  /// members, on one thread or two, whole or in pieces.
  @Test(arguments: [true, false])
  func exportsHostileStringsAsTheGeneralWriterDoes(pretty: Bool) throws {
    let texts = Self.strings(count: 400, maximum: 40, seed: 0xB10C)
    let long = String(repeating: "\u{1}\"\\ \u{2028}🇺🇳 plain text ", count: 4_000)  // 100 kB
    var entities: [Entity] = []
    for (position, text) in texts.enumerated() {
      let kind = EntityKind.allCases[position % EntityKind.allCases.count]
      var entity = Entity(id: "e\(position)", kind: kind, label: position % 50 == 7 ? long : text)
      entity.aliases = position % 3 == 0 ? [text, long.prefix(position * 97).description] : []
      entity.summary = position % 4 == 1 ? text : nil
      entities.append(entity)
    }
    let relations = texts.indices.map { Relation(from: "e\($0)", type: "mentions", to: "e0", note: texts[($0 * 7) % texts.count]) }
    let graph = TimelineGraph(
      title: long, entities: entities, relations: relations, claims: [], declaredRelationTypes: [])

    // The reference: the same members through the general writer.
    var general = JSONWriter(pretty: pretty)
    general.beginObject()
    general.key("chronicle"); general.number(1)
    general.member("title", graph.title)
    general.key("entities")
    Self.write(entities.map { entity in
      [("id", .text(entity.id)), ("kind", .text(entity.kind.rawValue)), (entity.kind.labelKey, .text(entity.label)),
       ("aliases", .list(entity.aliases)), ("description", .text(entity.summary))]
    }, to: &general)
    general.key("relations")
    Self.write(relations.map { relation in
      [("from", .text(relation.from)), ("type", .text(relation.type)), ("to", .text(relation.to)), ("note", .text(relation.note))]
    }, to: &general)
    general.key("claims")
    Self.write([], to: &general)
    general.endObject()
    general.finish()
    let expected = general.bytes

    var exporter = JSONExporter(pretty: pretty)
    for (threshold, block) in [(Int.max, 1), (0, 1), (10, 33)] {
      exporter.parallelItems = threshold
      exporter.blockItems = block
      // Compared as flags: a failure would print the whole document.
      let whole = exporter.export(graph) == expected
      #expect(whole, "threshold \(threshold), blocks of \(block)")
      for chunkBytes in [1, 4_096, 1 << 20] {
        var streamed: [UInt8] = []
        exporter.export(graph, chunkBytes: chunkBytes) { streamed.append(contentsOf: $0) }
        let same = streamed == expected
        #expect(same, "threshold \(threshold), blocks of \(block), pieces of \(chunkBytes)")
      }
    }
    let decoded = try JSONSerialization.jsonObject(with: Data(expected)) as? [String: Any]
    #expect(decoded?["title"] as? String == long)
  }

  /// A member's value in the reference document.
  enum Value {
    case text(String?)
    case list([String])
  }

  /// An array of objects through the general writer.
  static func write(_ objects: [[(String, Value)]], to writer: inout JSONWriter) {
    writer.beginArray()
    for members in objects {
      writer.beginObject()
      for (name, value) in members {
        switch value {
        case .text(let text): writer.member(name, text)
        case .list(let texts): writer.member(name, texts)
        }
      }
      writer.endObject()
    }
    writer.endArray()
  }
}
