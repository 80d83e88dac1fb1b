/// Id → position, for ids held by an array kept elsewhere (the entities, most often):
/// the table stores no id of its own, only one word per entry.
///
/// Ids compare by their UTF-8 bytes, as ``IdentifierKey`` does (`café` in NFC and in
/// NFD are two ids). Open addressing with linear probing over a power-of-two table of
/// `UInt64` slots: each holds the id hash's high 32 bits, then position + 1 in the low
/// 32 bits (0 is an empty slot). A probe reads one word, and the id is compared only
/// when the 32 bits agree. The home slot is taken from the hash's high bits too, so
/// growing moves the words without hashing an id again or reading an entity.
struct IdentifierTable: Sendable {
  private var slots: [UInt64] = []
  /// 64 minus log2 of the slot count: `hash >> shift` is an entry's home slot.
  private var shift: UInt64 = 64
  /// The number of ids indexed.
  private(set) var count = 0

  /// An empty table.
  init() {}

  /// The fast byte hash of an id (``StringInterner/hash(_:)``, seeded once per process,
  /// so that ids cannot be written to collide).
  static func hash(_ id: String) -> UInt64 {
    var id = id
    return id.withUTF8(StringInterner.hash)
  }

  /// Makes room for `minimumCapacity` ids without growing again.
  mutating func reserveCapacity(_ minimumCapacity: Int) {
    let size = Self.size(for: minimumCapacity)
    if size > slots.count { resize(to: size) }
  }

  /// The first position indexed under `hash` for which `matches` holds, or nil.
  func find(_ hash: UInt64, where matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    return slots.withUnsafeBufferPointer { Self.probe($0, hash, shift, matches).found }
  }

  /// The word in the home slot of `hash` (0 when empty): read ahead of an insertion,
  /// so that its cache miss overlaps other work.
  @inline(__always)
  func slotWord(for hash: UInt64) -> UInt64 {
    slots.isEmpty ? 0 : slots[Int(truncatingIfNeeded: hash >> shift)]
  }

  /// Indexes `position` under `hash` unless a position already indexed under it
  /// `matches`; returns that position, or nil when `position` was added. One probe.
  mutating func insert(_ hash: UInt64, at position: Int, unless matches: (Int) -> Bool) -> Int? {
    if (count + 1) * 4 > slots.count * 3 { resize(to: Self.size(for: count + 1)) }
    let shift = self.shift
    let found: Int? = slots.withUnsafeMutableBufferPointer { slots in
      let (slot, found) = Self.probe(UnsafeBufferPointer(slots), hash, shift, matches)
      if found == nil { slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(position + 1) }
      return found
    }
    if found == nil { count += 1 }
    return found
  }

  /// The position found under `hash`, or the empty slot where the search ended.
  private static func probe(
    _ slots: UnsafeBufferPointer<UInt64>, _ hash: UInt64, _ shift: UInt64, _ matches: (Int) -> Bool
  ) -> (slot: Int, found: Int?) {
    let tag = hash & 0xFFFF_FFFF_0000_0000
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash >> shift)
    while true {
      let stored = slots[slot]
      if stored == 0 { return (slot, nil) }
      let position = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
      if stored & 0xFFFF_FFFF_0000_0000 == tag, matches(position) { return (slot, position) }
      slot = (slot + 1) & mask
    }
  }

  // MARK: Entities

  /// The position of the entity with this id in `entities`, the array the positions
  /// were indexed from, or nil.
  func position(of id: String, in entities: UnsafeBufferPointer<Entity>) -> EntityIndex? {
    find(Self.hash(id)) { IdentifierKey.sameCodePoints(entities[$0].id, id) }.map(EntityIndex.init)
  }

  /// Indexes `position` under `id` unless an entity of `entities` with that id is
  /// already indexed; returns that entity's position, or nil when `position` was added.
  /// `position` may be `entities.count` (the entity is appended after).
  mutating func insert(_ id: String, at position: Int, in entities: UnsafeBufferPointer<Entity>) -> EntityIndex? {
    insert(Self.hash(id), at: position) { IdentifierKey.sameCodePoints(entities[$0].id, id) }.map(EntityIndex.init)
  }

  /// The positions in `entities` of `count` ids, `id(k)` for `k` in `0..<count` (nil:
  /// none to look up), each given to `found(k, position)` in order of `k`.
  ///
  /// The same as ``position(of:in:)`` for each, but faster on a large table: the ids are
  /// taken 16 at a time, and for each batch the home slots, then the entities they name,
  /// are read in tight loops of independent loads, which the processor overlaps where
  /// one lookup after another waits for each of its cache misses in turn.
  func positions(
    count: Int, of id: (Int) -> String?, in entities: UnsafeBufferPointer<Entity>,
    _ found: (Int, EntityIndex?) -> Void
  ) {
    let batch = 16
    let empty: UInt64 = 0, absent = UInt64.max
    withUnsafeTemporaryAllocation(of: (hash: UInt64, home: UInt64, length: Int).self, capacity: batch) { entries in
      slots.withUnsafeBufferPointer { slots in
        var start = 0
        while start < count {
          let size = min(batch, count - start)
          for entry in 0..<size {
            entries[entry] = (id(start + entry).map(Self.hash) ?? absent, empty, -1)
          }
          guard !slots.isEmpty else {
            for entry in 0..<size { found(start + entry, nil) }
            start += size
            continue
          }
          for entry in 0..<size where entries[entry].hash != absent {
            entries[entry].home = slots[Int(truncatingIfNeeded: entries[entry].hash >> shift)]
          }
          // The length of the id of the home slot's entity when the tags agree: the
          // entity's one read, which the comparison below then finds in the cache.
          for entry in 0..<size
          where entries[entry].home != empty
            && entries[entry].home & 0xFFFF_FFFF_0000_0000 == entries[entry].hash & 0xFFFF_FFFF_0000_0000
          {
            entries[entry].length = entities[Int(truncatingIfNeeded: entries[entry].home & 0xFFFF_FFFF) - 1].id.utf8.count
          }
          for entry in 0..<size {
            let (hash, home, length) = entries[entry]
            guard home != empty, let id = id(start + entry) else {
              found(start + entry, nil)
              continue
            }
            let candidate = Int(truncatingIfNeeded: home & 0xFFFF_FFFF) - 1
            if length == id.utf8.count, IdentifierKey.sameCodePoints(entities[candidate].id, id) {
              found(start + entry, EntityIndex(candidate))
            } else {
              let position = Self.probe(slots, hash, shift) { IdentifierKey.sameCodePoints(entities[$0].id, id) }.found
              found(start + entry, position.map(EntityIndex.init))
            }
          }
          start += size
        }
      }
    }
  }

  /// A table of the entities' ids: the first position of each id.
  init(indexing entities: UnsafeBufferPointer<Entity>) {
    reserveCapacity(entities.count)
    for position in entities.indices { _ = insert(entities[position].id, at: position, in: entities) }
  }

  /// The fewest slots, a power of two, that hold `count` ids at most three quarters full.
  private static func size(for count: Int) -> Int {
    var size = 16
    while count * 4 > size * 3 { size *= 2 }
    return size
  }

  private mutating func resize(to size: Int) {
    precondition(size <= 1 << 32, "too many ids for an id table")
    var resized = [UInt64](repeating: 0, count: size)
    let shift = UInt64(64 - size.trailingZeroBitCount)
    resized.withUnsafeMutableBufferPointer { resized in
      let mask = size - 1
      for stored in slots where stored != 0 {
        // The high 32 bits are the hash's, and the home slot is made of them alone.
        var slot = Int(truncatingIfNeeded: stored >> shift)
        while resized[slot] != 0 { slot = (slot + 1) & mask }
        resized[slot] = stored
      }
    }
    slots = resized
    self.shift = shift
  }
}
