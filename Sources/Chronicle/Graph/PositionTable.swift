/// A hash index of positions in an array kept elsewhere: finds the position of an
/// element equal to a new one without storing a second copy of the element as a key.
///
/// Open addressing over a power-of-two table of one word per slot: the hash's high 32
/// bits beside the position, so that a probe reads one word and an element is compared
/// only when those bits match. Each position's hash is kept so that growing never
/// hashes an element again.
struct PositionTable: Sendable {
  /// The hash's high 32 bits, then position + 1 in the low 32 bits; 0 is empty.
  private var slots: [UInt64] = []
  /// The hash of each position, in order.
  private var hashes: [UInt64] = []
  private var mask = 0

  private static let tagBits: UInt64 = 0xFFFF_FFFF_0000_0000

  /// The number of positions indexed.
  var count: Int { hashes.count }

  /// The first position with this hash whose element `matches`, or nil.
  @inline(__always)
  func find(_ hash: UInt64, where matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    let tag = hash & Self.tagBits
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { return nil }
      if stored & Self.tagBits == tag {
        let position = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
        if hashes[position] == hash, matches(position) { return position }
      }
      slot = (slot + 1) & mask
    }
  }

  /// The word in the slot where a search for `hash` starts (0 when empty): read ahead
  /// of the search, so that its cache miss overlaps other work.
  @inline(__always)
  func slotWord(for hash: UInt64) -> UInt64 {
    slots.isEmpty ? 0 : slots[Int(truncatingIfNeeded: hash) & mask]
  }

  /// Makes room for `minimumCapacity` positions without growing again (the slots are
  /// cleared now, so this touches their memory: reserve only what will be used).
  mutating func reserveCapacity(_ minimumCapacity: Int) {
    hashes.reserveCapacity(minimumCapacity)
    var size = max(64, slots.count)
    while minimumCapacity * 2 > size { size *= 2 }
    guard size > slots.count else { return }
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
    for position in hashes.indices { place(position) }
  }

  /// Indexes the next position (``count``) under `hash`.
  mutating func append(_ hash: UInt64) {
    precondition(hashes.count < Int(UInt32.max), "more positions than a table holds")
    if (hashes.count + 1) * 2 > slots.count { grow() }
    hashes.append(hash)
    place(hashes.count - 1)
  }

  private mutating func place(_ position: Int) {
    let hash = hashes[position]
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = hash & Self.tagBits | UInt64(position + 1)
  }

  private mutating func grow() {
    reserveCapacity(max(32, slots.count))
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
