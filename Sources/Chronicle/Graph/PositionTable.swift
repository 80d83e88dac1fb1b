/// A hash index of positions in an array kept elsewhere: finds the position of an
/// element equal to a new one without storing a second copy of the element as a key.
///
/// Open addressing over a power-of-two table of `Int32` slots; each position's hash is
/// kept so that growing never hashes an element again.
struct PositionTable: Sendable {
  /// Position + 1 in each slot; 0 is empty.
  private var slots: [Int32] = []
  /// The hash of each position, in order.
  private var hashes: [UInt64] = []
  private var mask = 0

  /// The number of positions indexed.
  var count: Int { hashes.count }

  /// The first position with this hash whose element `matches`, or nil.
  func find(_ hash: UInt64, where matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = Int(slots[slot])
      if stored == 0 { return nil }
      let position = stored - 1
      if hashes[position] == hash, matches(position) { return position }
      slot = (slot + 1) & mask
    }
  }

  /// Indexes the next position (``count``) under `hash`.
  mutating func append(_ hash: UInt64) {
    if (hashes.count + 1) * 2 > slots.count { grow() }
    hashes.append(hash)
    place(hashes.count - 1)
  }

  private mutating func place(_ position: Int) {
    var slot = Int(truncatingIfNeeded: hashes[position]) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(truncatingIfNeeded: position + 1)
  }

  private mutating func grow() {
    let size = max(64, slots.count * 2)
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    for position in hashes.indices { place(position) }
  }

  /// A fast hash of text, for the keys of this table (not for untrusted collisions:
  /// a collision only costs a comparison).
  static func mix(_ hash: inout UInt64, _ text: String?) {
    guard var text else {
      hash = (hash ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
      return
    }
    hash = (hash ^ text.withUTF8(StringInterner.hash)) &* 0x9FB2_1C65_1E98_DF25
    hash ^= hash >> 29
  }
}
