/// The bytes a chronology wrote for recent dates, kept by the dates' storage: equal
/// dates read from one file share one storage, and entries in chronological order
/// give the same date again and again, so most dates are copied rather than described.
///
///     var texts = ChronologyDateTexts()
///     if let bytes = texts.bytes(for: date) { line.append(contentsOf: bytes) } else {
///       // describe the date into `line`, then: texts.keep(Array(line[start...]), for: date)
///     }
///
/// A date is found only by the identity of its storage, so two dates that share no
/// storage are each described; what is found is what was written for the very same value.
struct ChronologyDateTexts: Sendable {
  /// A direct-mapped table: each slot holds one date (keeping its storage alive, so
  /// that its identity cannot be reused) and its bytes.
  private var slots: [(date: EDTFDate, bytes: [UInt8])?] = []

  /// The number of slots, a power of two.
  private static let capacity = 256

  private static func slot(of date: EDTFDate) -> Int {
    let address = UInt(bitPattern: ObjectIdentifier(date.storage))
    return Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 56) & (capacity - 1)
  }

  /// The bytes kept for a date with this very storage, if any.
  func bytes(for date: EDTFDate) -> [UInt8]? {
    guard !slots.isEmpty, let held = slots[Self.slot(of: date)], held.date.storage === date.storage else { return nil }
    return held.bytes
  }

  /// Keeps the bytes written for a date, in place of those of another date in its slot.
  mutating func keep(_ bytes: [UInt8], for date: EDTFDate) {
    if slots.isEmpty { slots = Array(repeating: nil, count: Self.capacity) }
    slots[Self.slot(of: date)] = (date, bytes)
  }
}
