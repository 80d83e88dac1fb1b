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
    let locator = citation.locator.flatMap { $0.isEmpty ? nil : $0 }
    let key = Key(document: citation.document, locator: locator)
    if let known = numbers[key] { return known }
    keys.append(key)
    numbers[key] = keys.count
    return keys.count
  }
}
