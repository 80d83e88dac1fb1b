import Foundation

/// An entity id as a dictionary key that compares code point by code point.
///
/// Swift's `String ==` treats canonically equivalent strings as equal, so `café` written
/// with a precomposed `é` (NFC) and with `e` + U+0301 (NFD) would be one id. Chronicle
/// keeps every code point as written and compares ids as Graphviz and most JSON tools
/// do: by their UTF-8 bytes. Two ids that differ only in normalisation are
/// two entities, and the validator warns about them (`look-alike-ids`).
struct IdentifierKey: Hashable, Sendable {
  /// The id as written.
  let id: String

  init(_ id: String) { self.id = id }

  static func == (lhs: IdentifierKey, rhs: IdentifierKey) -> Bool { sameCodePoints(lhs.id, rhs.id) }

  /// One word into the hasher: the bytes' fast hash (``IdentifierTable/hash(_:)``).
  func hash(into hasher: inout Hasher) { hasher.combine(IdentifierTable.hash(id)) }

  /// Whether two strings have the same code points (the same UTF-8 bytes), unlike
  /// `==`, which also equates canonically equivalent spellings.
  static func sameCodePoints(_ lhs: String, _ rhs: String) -> Bool {
    // Two strings of the same representation hold the same bytes: two short strings
    // (kept inline, up to 15 bytes) with the same bytes, or two values of one storage.
    // Most ids are short, so most matches end here without reading a byte.
    if unsafeBitCast(lhs, to: (UInt64, UInt64).self) == unsafeBitCast(rhs, to: (UInt64, UInt64).self) { return true }
    let left = lhs.utf8, right = rhs.utf8
    guard left.count == right.count else { return false }
    let compared = left.withContiguousStorageIfAvailable { leftBytes in
      right.withContiguousStorageIfAvailable { rightBytes in
        leftBytes.isEmpty || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
      }
    }
    if let compared, let result = compared { return result }
    return left.elementsEqual(right)
  }

  /// A total order on ids: `<` on strings, then the UTF-8 bytes for spellings that
  /// `<` holds equal, so that sorting never depends on the order of input.
  static func precedes(_ lhs: String, _ rhs: String) -> Bool {
    if lhs < rhs { return true }
    if rhs < lhs { return false }
    return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
  }
}
