/// How finely an EDTF date is given; the raw values are the shared vocabulary of
/// `chronicle date --json` and of other tools.
///
///     try EDTFDate("1985-04-12").precision           // .day
///     try EDTFDate("201X").precision                 // .year: the spec calls it year precision
///     try EDTFDate("2020-36").precision              // .season (any sub-year grouping 21–41)
///     try EDTFDate("1964/2008-06").precision         // nil: the ends differ
///
/// Cases run from coarse to fine. EDTF writes a time of day complete to the second,
/// so parsed values never have ``hour`` or ``minute``; the two complete the vocabulary.
public enum EDTFPrecision: String, Hashable, Sendable, CaseIterable, Codable {
  /// A year, also one with unspecified digits (`1985`, `201X`, `Y170000002`).
  case year
  /// A season or other sub-year grouping, codes 21–41 (`2001-21`, `2020-36`).
  case season
  /// A month (`1985-04`, `2004-XX`).
  case month
  /// A day (`1985-04-12`, `1985-XX-XX`).
  case day
  /// An hour of a day.
  case hour
  /// A minute of a day.
  case minute
  /// A second of a day (`1985-04-12T23:20:30Z`).
  case second

  /// Coarse first: year 0 … second 6.
  var rank: UInt8 {
    switch self {
    case .year: 0
    case .season: 1
    case .month: 2
    case .day: 3
    case .hour: 4
    case .minute: 5
    case .second: 6
    }
  }
}
