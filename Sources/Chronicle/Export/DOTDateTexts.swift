/// Dates as people read them (``EDTFDate/humanDescription(ascii:)``), kept for the
/// dates met last: equal dates read from one file share one storage, and a drawing
/// shows many nodes of one date near each other, so most dates are found here instead
/// of being described again. A fixed number of slots, one per date storage: it never
/// grows.
///
///     var dates = DOTDateTexts()
///     dates.text(date)  // described
///     dates.text(date)  // found
struct DOTDateTexts {
  private static let slotCount = 256
  private var dates: [EDTFDate?] = Array(repeating: nil, count: slotCount)
  private var texts: [String] = Array(repeating: "", count: slotCount)

  /// `date.humanDescription()`.
  mutating func text(_ date: EDTFDate) -> String {
    // The slot: the top bits of the storage's address, mixed.
    let address = UInt(bitPattern: ObjectIdentifier(date.storage))
    let slot = Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> 56) % Self.slotCount
    if let cached = dates[slot], cached.storage === date.storage { return texts[slot] }
    let text = date.humanDescription()
    dates[slot] = date
    texts[slot] = text
    return text
  }
}
