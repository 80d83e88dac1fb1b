/// What a JSON string's escaping needs, shared by ``JSONWriter`` and ``JSONBuffer``:
/// where the next byte to escape is, and its escape. RFC 8259 requires escaping `"`,
/// `\` and every control character (U+0000…U+001F); everything else, including DEL,
/// `/`, astral characters and U+2028, is written as UTF-8, byte for byte.
enum JSONEscaping {
  /// The most bytes one byte's escape takes (`\u001f`).
  static let longestEscape = 6

  /// The position of the first byte at or after `start` that needs an escape, or
  /// `utf8.count` when none does. Reads eight bytes at a time.
  @inline(__always)
  static func firstEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = utf8.baseAddress else { return utf8.count }
    let count = utf8.count
    var position = start
    while position + 8 <= count {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      let found = escapeMask(word)
      if found != 0 { return position + found.trailingZeroBitCount >> 3 }
      position += 8
    }
    guard position < count else { return count }
    if count - 8 >= start {
      // The last eight bytes, less those just found plain (a byte before `start` could
      // be one that needs an escape, whose borrow would mark the byte after it).
      let word = UInt64(littleEndian: UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))
      let found = escapeMask(word) & (~0 << (8 * (8 - (count - position))))
      return found == 0 ? count : count - 8 + found.trailingZeroBitCount >> 3
    }
    while position < count {
      if needsEscape(base[position]) { return position }
      position += 1
    }
    return count
  }

  /// Whether a byte is a control character, `"` or `\`.
  @inline(__always)
  static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x22 || byte == 0x5C
  }

  /// The high bit of each of eight bytes (the first in the lowest bits) that is a
  /// control character, `"` or `\`, and maybe of some bytes after the first such: the
  /// lowest bit set is exact. A byte equal to `c` is a zero byte of `word ^ c…c`, whose
  /// high bit `(value - 1…1) & ~value` sets; a byte below 0x20 borrows in `word - 0x20…20`
  /// with its own high bit clear, which rules out the bytes of 0x80 and above. A borrow
  /// that runs on into the next byte comes from a byte found itself, a lower one.
  @inline(__always)
  static func escapeMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    func zeros(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
    let control = (word &- 0x20 &* ones) & ~word & highs
    return control | zeros(word ^ (0x22 &* ones)) | zeros(word ^ (0x5C &* ones))
  }

  /// Writes the escape of a byte that needs one (`\"`, `\\`, `\n`, `\r`, `\t` or
  /// `\u00XX`) at `target`, which has room for ``longestEscape`` bytes; how many it wrote.
  @inline(__always)
  static func writeEscape(_ byte: UInt8, to target: UnsafeMutablePointer<UInt8>) -> Int {
    target[0] = 0x5C
    switch byte {
    case 0x22, 0x5C: target[1] = byte
    case 0x0A: target[1] = UInt8(ascii: "n")
    case 0x0D: target[1] = UInt8(ascii: "r")
    case 0x09: target[1] = UInt8(ascii: "t")
    default:
      target[1] = UInt8(ascii: "u")
      target[2] = 0x30
      target[3] = 0x30
      target[4] = hexDigit(byte >> 4)
      target[5] = hexDigit(byte & 0xF)
      return 6
    }
    return 2
  }

  /// A lowercase hexadecimal digit of a value below 16.
  @inline(__always)
  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : UInt8(ascii: "a") - 10 + value
  }
}
