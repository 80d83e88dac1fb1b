import Foundation
import Testing

@testable import Chronicle

/// The JSON writer escapes exactly what RFC 8259 requires, wherever it falls in a
/// string (it scans eight bytes at a time), and the output reads back as the text.
@Suite struct JSONWriterTests {
  /// The escaping as first written: byte by byte.
  private func reference(_ text: String) -> [UInt8] {
    var out: [UInt8] = [0x22]
    for byte in text.utf8 {
      switch byte {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, UInt8(ascii: "n")]
      case 0x0D: out += [0x5C, UInt8(ascii: "r")]
      case 0x09: out += [0x5C, UInt8(ascii: "t")]
      case 0..<0x20: out += Array(String(format: "\\u%04x", Int(byte)).utf8)
      default: out.append(byte)
      }
    }
    return out + [0x22]
  }

  @Test func escapesLikeTheByteByByteReference() throws {
    let pieces = ["a", "é", "叶", "🇺🇳", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", " ", "/", "\u{2028}", "xxxxxxx"]
    var random = GeneratorRandom(seed: 0x15_0A)
    for round in 0..<3_000 {
      var text = ""
      for _ in 0..<Int.random(in: 0...(round % 40), using: &random) {
        text += pieces[Int.random(in: 0..<pieces.count, using: &random)]
      }
      var writer = JSONWriter()
      writer.string(text)
      #expect(writer.bytes == reference(text), "\(Array(text.utf8))")
      let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes), options: .fragmentsAllowed) as? String
      #expect(decoded == text)
    }
    // Every byte value below 0x80 at every offset of a 17-byte run.
    for byte in UInt8(0)..<0x80 {
      for offset in 0..<17 {
        var bytes = [UInt8](repeating: UInt8(ascii: "q"), count: 17)
        bytes[offset] = byte
        let text = String(decoding: bytes, as: UTF8.self)
        var writer = JSONWriter(pretty: true)
        writer.string(text)
        #expect(writer.bytes == reference(text))
      }
    }
  }
}
