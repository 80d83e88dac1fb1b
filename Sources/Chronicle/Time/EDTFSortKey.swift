/// The part of ``EDTFDate``'s chronological order that is computed once, at parse
/// time, so that sorting compares four integers before it looks at any text.
@usableFromInline
struct EDTFSortKey: Hashable, Sendable, Comparable {
  /// Day number of the earliest day; `Int.min` when there is none.
  @usableFromInline var earliest: Int
  /// Minus the day number of the latest day, so later comes first; `Int.min` when
  /// there is no latest day (open or unknown end: it encloses everything after).
  @usableFromInline var negatedLatest: Int
  /// ``EDTFPrecision/rank``, or 7 for no precision.
  @usableFromInline var precisionRank: UInt8
  /// Seconds since midnight UTC for a date and time (local times as if UTC), else 0.
  @usableFromInline var timeKey: Int32
  /// The first eight bytes of the canonical text, big-endian and padded with zeros,
  /// which order like the text itself (it has no NUL), so most ties end here.
  @usableFromInline var textPrefix: UInt64

  init(
    earliest: Int, negatedLatest: Int, precisionRank: UInt8, timeKey: Int32, text: String
  ) {
    self.earliest = earliest
    self.negatedLatest = negatedLatest
    self.precisionRank = precisionRank
    self.timeKey = timeKey
    var prefix: UInt64 = 0
    var count = 0
    for byte in text.utf8.prefix(8) {
      prefix = prefix << 8 | UInt64(byte)
      count += 1
    }
    self.textPrefix = count == 0 ? 0 : prefix << (8 * UInt64(8 - count))
  }

  /// Whether this key orders before `other`, or `nil` when the keys are equal.
  @inlinable
  func precedes(_ other: EDTFSortKey) -> Bool? {
    if earliest != other.earliest { return earliest < other.earliest }
    if negatedLatest != other.negatedLatest { return negatedLatest < other.negatedLatest }
    if precisionRank != other.precisionRank { return precisionRank < other.precisionRank }
    if timeKey != other.timeKey { return timeKey < other.timeKey }
    if textPrefix != other.textPrefix { return textPrefix < other.textPrefix }
    return nil
  }

  @inlinable
  func isEqual(to other: EDTFSortKey) -> Bool {
    earliest == other.earliest && negatedLatest == other.negatedLatest
      && precisionRank == other.precisionRank && timeKey == other.timeKey
      && textPrefix == other.textPrefix
  }

  @inlinable
  static func < (lhs: EDTFSortKey, rhs: EDTFSortKey) -> Bool {
    lhs.precedes(rhs) ?? false
  }
}
