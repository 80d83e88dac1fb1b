import Foundation

/// Whether an entity's id, label, aliases, description or notes contain a text,
/// ignoring case and diacritics (`xocali` finds `Xocalı`), for
/// ``TimelineGraph/entities(matching:)`` and ``GraphFilter/match``.
///
/// ASCII fields, most of them, are searched byte by byte without folding. Fields whose
/// other characters are Latin letters (U+00C0–U+024F, `ç`, `Ş`, `ı`…) are folded byte
/// by byte through a table made once from Foundation's own folding of each of those
/// letters, so the answer is the same; any other field is folded by Foundation (case,
/// diacritics, width, and the dotless `ı`, which has no decomposition).
struct TextMatcher: Sendable {
  /// The folded text searched for.
  let needle: String
  /// The needle's bytes when they are ASCII (an ASCII field cannot contain any other).
  private let asciiNeedle: [UInt8]?

  init(_ text: String) {
    needle = Self.folded(text)
    asciiNeedle = needle.utf8.allSatisfy { $0 < 0x80 } ? Array(needle.utf8) : nil
  }

  /// Whether the needle is empty (and matches nothing).
  var isEmpty: Bool { needle.isEmpty }

  /// Whether the entity at `position` matches, reading its fields in place (a copy of
  /// the whole entity would retain every field).
  func matches(_ entities: UnsafeBufferPointer<Entity>, at position: Int) -> Bool {
    if matches(entities[position].id) || matches(entities[position].label) { return true }
    for alias in entities[position].aliases where matches(alias) { return true }
    for note in entities[position].notes where matches(note) { return true }
    if let summary = entities[position].summary { return matches(summary) }
    return false
  }

  /// Whether `field` contains the needle; an empty needle matches nothing.
  func matches(_ field: String) -> Bool {
    guard !needle.isEmpty else { return false }
    return switch Self.asciiContains(field, asciiNeedle) {
    case .some(let found): found
    case nil: Self.latinContains(field, asciiNeedle) ?? Self.folded(field).contains(needle)
    }
  }

  /// The folding of each scalar from U+00C0 to U+024F when it is one ASCII byte
  /// (`Ş` → `s`, `ı` → `i`), else 0: made from ``folded(_:)`` itself.
  private static let latinFolding: [UInt8] = (0xC0...0x24F).map { value in
    guard let scalar = Unicode.Scalar(value) else { return 0 }
    let folded = Array(Self.folded(String(Character(scalar))).utf8)
    return folded.count == 1 && folded[0] < 0x80 ? folded[0] : 0
  }

  /// Whether `field`, folded, contains the folded ASCII needle, when every character
  /// of the field is ASCII or a Latin letter the table folds to ASCII; nil otherwise
  /// (or when the needle is not ASCII).
  static func latinContains(_ field: String, _ needle: [UInt8]?) -> Bool? {
    guard let needle else { return nil }
    var field = field
    return field.withUTF8 { bytes -> Bool? in
      var folded: [UInt8] = []
      folded.reserveCapacity(bytes.count)
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          folded.append(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
          index += 1
          continue
        }
        // Two-byte sequences only: U+0080–U+07FF, of which the table covers U+00C0–U+024F
        // (a combining mark, U+0300–U+036F, is outside it: Foundation folds it with the
        // letter before).
        guard byte & 0xE0 == 0xC0, index + 1 < bytes.count else { return nil }
        let value = Int(byte & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
        guard value >= 0xC0, value <= 0x24F else { return nil }
        let ascii = latinFolding[value - 0xC0]
        guard ascii != 0 else { return nil }
        folded.append(ascii)
        index += 2
      }
      return folded.withUnsafeBufferPointer { asciiContains($0, needle) }
    }
  }

  static func folded(_ text: String) -> String {
    // Dotless ı has no decomposition; fold it by hand so 'Xocali' finds 'Xocalı'.
    text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
      .replacingOccurrences(of: "ı", with: "i")
  }

  /// Whether `field`, folded, contains the folded needle, answered without folding
  /// when the field is ASCII (folding ASCII only lowercases it); nil when the field is
  /// not ASCII. `needle` is the folded needle's bytes when they are ASCII, else nil
  /// (an ASCII field cannot contain it).
  static func asciiContains(_ field: String, _ needle: [UInt8]?) -> Bool? {
    // Native strings are contiguous: no copy, no retain; others are copied once.
    if let answer = field.utf8.withContiguousStorageIfAvailable({ asciiContains($0, needle) }) { return answer }
    var field = field
    return field.withUTF8 { asciiContains($0, needle) }
  }

  private static func asciiContains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]?) -> Bool? {
    guard isASCII(bytes) else { return nil }
    guard let needle else { return false }
    guard needle.count <= bytes.count else { return false }
    if needle.isEmpty { return true }
    @inline(__always) func lower(_ byte: UInt8) -> UInt8 {
      byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
    let first = needle[0]
    var start = 0
    while start + needle.count <= bytes.count {
      if lower(bytes[start]) == first {
        var offset = 1
        while offset < needle.count, lower(bytes[start + offset]) == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      start += 1
    }
    return false
  }

  /// Whether every byte is below 0x80, checked eight bytes at a time.
  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    var highBits: UInt64 = 0
    while offset + 8 <= bytes.count {
      highBits |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      offset += 8
    }
    while offset < bytes.count {
      highBits |= UInt64(bytes[offset])
      offset += 1
    }
    return highBits & 0x8080_8080_8080_8080 == 0
  }
}
