import Foundation

/// The texts of one file read so far, so that a text written many times (a title, a
/// locator, a property) is one allocation shared by all its uses instead of one each.
///
/// Only texts long enough to need an allocation are kept (shorter ones are stored
/// inline in a `String`), and only up to a size and a count, so that a hostile file
/// costs at most a bounded table. Equal bytes always give an equal `String`; sharing
/// is invisible but for memory.
struct StringInterner {
  /// Texts shorter than this are stored inline by `String` and are not kept.
  static let minimumLength = 16
  /// Texts longer than this are rarely repeated and are not kept.
  static let maximumLength = 1024
  /// The most texts kept.
  static let capacity = 1 << 20

  /// By hash, open addressing: the hash's high 32 bits, then a 1-based index into
  /// ``texts`` in the low 32 bits; 0 is an empty slot. One probe reads one word.
  private var slots: [UInt64] = []
  private var texts: [String] = []
  private var mask = 0

  /// The number of texts kept.
  var count: Int { texts.count }

  /// The text of `bytes`, which must be well-formed UTF-8: the one kept for equal bytes
  /// if any, else a new one (kept when it qualifies).
  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.count >= Self.minimumLength, bytes.count <= Self.maximumLength else {
      return String(decoding: bytes, as: UTF8.self)
    }
    let hash = Self.hash(bytes)
    let tag = hash & 0xFFFF_FFFF_0000_0000
    if !slots.isEmpty {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let stored = slots[slot]
        if stored == 0 { break }
        if stored & 0xFFFF_FFFF_0000_0000 == tag {
          let candidate = texts[Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1]
          // A kept text is native, so its bytes are contiguous: compared in one call.
          let same = candidate.utf8.withContiguousStorageIfAvailable { kept in
            kept.count == bytes.count && memcmp(kept.baseAddress!, bytes.baseAddress!, bytes.count) == 0
          }
          if same ?? candidate.utf8.elementsEqual(bytes) { return candidate }
        }
        slot = (slot + 1) & mask
      }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if texts.count < Self.capacity {
      if (texts.count + 1) * 2 > slots.count { grow() }
      texts.append(text)
      place(tag | UInt64(texts.count), hash: hash)
    }
    return text
  }

  private mutating func place(_ entry: UInt64, hash: UInt64) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = entry
  }

  private mutating func grow() {
    let size = max(1024, slots.count * 2)
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
    // Rehash from the texts: the slots keep only the hash's high bits.
    for (position, text) in texts.enumerated() {
      var text = text
      let hash = text.withUTF8 { Self.hash($0) }
      place(hash & 0xFFFF_FFFF_0000_0000 | UInt64(position + 1), hash: hash)
    }
  }

  /// The hash's starting value, drawn once per process, so that texts cannot be
  /// written to collide in the tables that use it (ids, interned texts, relations):
  /// collisions made on purpose would make every look-up scan them all.
  private static let seed: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64.random(in: 0 ... .max)

  /// A 64-bit hash of the bytes, eight at a time, from a seed drawn once per process
  /// (so never stored or written out).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = seed ^ UInt64(bytes.count)
    var index = 0
    let count = bytes.count
    if let base = bytes.baseAddress {
      while index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        hash = (hash ^ word) &* 0x9FB2_1C65_1E98_DF25
        hash ^= hash >> 29
        index += 8
      }
    }
    var tail: UInt64 = 0
    while index < count {
      tail = tail << 8 | UInt64(bytes[index])
      index += 1
    }
    hash = (hash ^ tail) &* 0x9FB2_1C65_1E98_DF25
    hash ^= hash >> 32
    return hash
  }
}
