/// Dates already parsed, by the text they were written as, so that a file that writes
/// one date many times parses it once and its values share one storage.
///
/// Only successful parses are kept: a text that fails is parsed again, to throw its
/// error where it is written. The table stops growing at ``capacity`` texts or
/// ``byteCapacity`` bytes of text.
///
/// Texts are found by their UTF-8 bytes: a reader that has them in its buffer looks a
/// date up without making a `String` (``date(bytes:)``). Open addressing over a
/// power-of-two table of one word per slot (the hash's high 32 bits, then position + 1),
/// with the seeded hash of ``StringInterner/hash(_:)``; the texts are kept end to end in
/// one array.
struct EDTFDateCache {
  /// The most texts kept.
  static let capacity = 1 << 20
  /// The most bytes of text kept.
  static let byteCapacity = 64 << 20

  private var slots: [UInt64] = []
  private var mask = 0
  private var dates: [EDTFDate] = []
  /// The texts' bytes, end to end, and where each starts (one more than the texts).
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]

  /// The number of texts kept.
  var count: Int { dates.count }

  /// The date written as `text`, parsed once.
  mutating func date(_ text: String) throws(EDTFError) -> EDTFDate {
    var text = text
    let (found, hash) = text.withUTF8 { find($0) }
    if let found { return found }
    return try parse(text, hash: hash)
  }

  /// The date written as these UTF-8 bytes (well-formed), parsed once; a `String` is
  /// made only the first time.
  mutating func date(bytes text: UnsafeBufferPointer<UInt8>) throws(EDTFError) -> EDTFDate {
    let (found, hash) = find(text)
    if let found { return found }
    return try parse(String(decoding: text, as: UTF8.self), hash: hash)
  }

  /// Parses `text`, whose bytes hash to `hash`, and keeps the date.
  private mutating func parse(_ text: String, hash: UInt64) throws(EDTFError) -> EDTFDate {
    let date = try EDTFDate(text)
    var text = text
    text.withUTF8 { keep($0, hash: hash, date) }
    return date
  }

  /// The date kept for `text`, or the hash to keep it under.
  @inline(__always)
  private func find(_ text: UnsafeBufferPointer<UInt8>) -> (date: EDTFDate?, hash: UInt64) {
    let hash = StringInterner.hash(text)
    guard !slots.isEmpty else { return (nil, hash) }
    let tag = hash & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { return (nil, hash) }
      if stored & 0xFFFF_FFFF_0000_0000 == tag {
        let position = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
        let start = starts[position], end = starts[position + 1]
        if end - start == text.count,
          bytes.withUnsafeBufferPointer({ UnsafeBufferPointer(rebasing: $0[start..<end]).elementsEqual(text) })
        {
          return (dates[position], hash)
        }
      }
      slot = (slot + 1) & mask
    }
  }

  private mutating func keep(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64, _ date: EDTFDate) {
    guard dates.count < Self.capacity, bytes.count + text.count <= Self.byteCapacity else { return }
    if (dates.count + 1) * 2 > slots.count { grow() }
    dates.append(date)
    bytes.append(contentsOf: text)
    starts.append(bytes.count)
    place(hash & 0xFFFF_FFFF_0000_0000 | UInt64(dates.count), hash: hash)
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
    // Rehashed from the texts: the slots keep only the hash's high bits.
    for position in dates.indices {
      let hash = bytes.withUnsafeBufferPointer {
        StringInterner.hash(UnsafeBufferPointer(rebasing: $0[starts[position]..<starts[position + 1]]))
      }
      place(hash & 0xFFFF_FFFF_0000_0000 | UInt64(position + 1), hash: hash)
    }
  }
}
