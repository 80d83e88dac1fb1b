/// The part of ``EDTFDate``'s chronological order that is computed once, at parse
/// time, so that sorting compares four integers before it looks at any text.
struct EDTFSortKey: Hashable, Sendable, Comparable {
  /// Day number of the earliest day; `Int.min` when there is none.
  var earliest: Int
  /// Minus the day number of the latest day, so later comes first; `Int.min` when
  /// there is no latest day (open or unknown end: it encloses everything after).
  var negatedLatest: Int
  /// ``EDTFPrecision/rank``, or 7 for no precision.
  var precisionRank: UInt8
  /// Seconds since midnight UTC for a date and time (local times as if UTC), else 0.
  var timeKey: Int32

  static func < (lhs: EDTFSortKey, rhs: EDTFSortKey) -> Bool {
    (lhs.earliest, lhs.negatedLatest, lhs.precisionRank, lhs.timeKey)
      < (rhs.earliest, rhs.negatedLatest, rhs.precisionRank, rhs.timeKey)
  }
}
