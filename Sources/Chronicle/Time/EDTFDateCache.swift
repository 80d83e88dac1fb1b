/// Dates already parsed, by the text they were written as, so that a file that writes
/// one date many times parses it once and its values share one storage.
///
/// Only successful parses are kept: a text that fails is parsed again, to throw its
/// error where it is written. The table stops growing at ``capacity`` texts.
struct EDTFDateCache {
  /// The most texts kept.
  static let capacity = 1 << 20

  private var dates: [String: EDTFDate] = [:]

  /// The number of texts kept.
  var count: Int { dates.count }

  /// The date written as `text`, parsed once.
  mutating func date(_ text: String) throws(EDTFError) -> EDTFDate {
    if let date = dates[text] { return date }
    let date = try EDTFDate(text)
    if dates.count < Self.capacity { dates[text] = date }
    return date
  }
}
