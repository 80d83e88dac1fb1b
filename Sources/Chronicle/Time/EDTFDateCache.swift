/// Dates already parsed, by the text they were written as, so that a file that writes
/// one date many times parses it once and its values share one storage.
///
/// Only successful parses are kept: a text that fails is parsed again, to throw its
/// error where it is written. The table stops growing at ``capacity`` texts or
/// ``byteCapacity`` bytes of text.
///
/// Texts are found by their UTF-8 bytes: a reader that has them in its buffer looks a
/// date up without making a `String` (``date(bytes:)``). The texts are kept end to end
/// in one array, indexed by a ``PositionTable`` under the seeded hash of
/// ``StringInterner/hash(_:)``.
struct EDTFDateCache {
  /// The most texts kept.
  static let capacity = 1 << 20
  /// The most bytes of text kept.
  static let byteCapacity = 64 << 20

  private var table = PositionTable()
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
    let found = table.find(hash) { position in
      let start = starts[position], end = starts[position + 1]
      return end - start == text.count
        && bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start..<end]).elementsEqual(text) }
    }
    return (found.map { dates[$0] }, hash)
  }

  private mutating func keep(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64, _ date: EDTFDate) {
    guard dates.count < Self.capacity, bytes.count + text.count <= Self.byteCapacity else { return }
    dates.append(date)
    bytes.append(contentsOf: text)
    starts.append(bytes.count)
    table.append(hash)
  }
}
