/// Finds the closest known word to a misspelt one, for "did you mean …?" hints.
enum Suggestion {
  /// The candidate within a small edit distance of `word`, or nil.
  static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty, target.count <= 64 else { return nil }
    var best: (String, Int)?
    for candidate in candidates {
      let scalars = Array(candidate.lowercased().unicodeScalars)
      guard abs(scalars.count - target.count) <= 2 else { continue }
      let distance = editDistance(target, scalars)
      let limit = max(1, min(3, target.count / 3))
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// ` (did you mean 'x'?)`, or the empty string.
  static func hint(for word: String, in candidates: some Sequence<String>) -> String {
    closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  private static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
    var previous = Array(0...rhs.count)
    var current = previous
    for (i, left) in lhs.enumerated() {
      current[0] = i + 1
      for (j, right) in rhs.enumerated() {
        current[j + 1] = left == right ? previous[j] : 1 + min(previous[j], previous[j + 1], current[j])
      }
      swap(&previous, &current)
    }
    return previous[rhs.count]
  }
}
