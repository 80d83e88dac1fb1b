/// The numbered source notes of a chronology: one number per distinct (document,
/// locator) pair, assigned in order of first use.
///
///     var notes = ChronologyNotes()
///     notes.number(for: Citation(document: "letter-2021", locator: "para. 3"))  // 1
///     notes.number(for: Citation(document: "letter-2021", locator: "para. 8"))  // 2
///     notes.number(for: Citation(document: "letter-2021", locator: "para. 3"))  // 1
///
/// A quotation takes no part: two citations of the same place share a note.
struct ChronologyNotes: Sendable {
  /// What a note points to.
  struct Key: Hashable, Sendable {
    var document: String
    var locator: String?
  }

  /// The notes in order: note `n` is `keys[n - 1]`.
  private(set) var keys: [Key] = []
  private var numbers: [Key: Int] = [:]

  /// The note number for a citation, assigning the next number on first use.
  mutating func number(for citation: Citation) -> Int {
    let key = Key(citation)
    // One hash lookup, whether the key is new or known: 0 stands for a new key.
    let next = keys.count + 1
    let number = Self.assign(&numbers[key, default: 0], next)
    if number == next { keys.append(key) }
    return number
  }

  /// Reserves room for about `count` notes, so that the table is not rebuilt as it grows.
  mutating func reserveCapacity(_ count: Int) {
    keys.reserveCapacity(count)
    numbers.reserveCapacity(count)
  }

  private static func assign(_ value: inout Int, _ next: Int) -> Int {
    if value == 0 { value = next }
    return value
  }
}

extension ChronologyNotes.Key {
  /// What a citation points to: its document and locator (an empty locator is none).
  init(_ citation: Citation) {
    self.init(document: citation.document, locator: citation.locator.flatMap { $0.isEmpty ? nil : $0 })
  }
}
