/// A date in the Extended Date/Time Format (EDTF; Library of Congress 2019, ISO 8601-2):
/// a year, season, month, day or date and time, an interval, or a set, each possibly
/// uncertain, approximate or partly unspecified.
///
///     let date = try EDTFDate("1992-02-25/1992-02-26")
///     date.description               // "1992-02-25/1992-02-26", the canonical form
///     date.earliest?.description     // "1992-02-25"
///     date.latest?.description       // "1992-02-26"
///     date.precision                 // .day
///     date.humanDescription()        // "25–26 February 1992"
///     try EDTFDate("1992-02-30")     // throws: day 30 is out of range for February 1992 …
///
/// ## What is supported
///
/// Levels 0 and 1 completely; level 2 except qualifiers inside sets (an error with
/// code ``EDTFError/Code/unsupported``). Years run from -999999999999999 to
/// 999999999999999 (15 digits, ``CalendarDay/maximumYearMagnitude``); larger years,
/// also through exponents (`Y1E999`), are errors, never overflows. The calendar is the
/// proleptic Gregorian one with a year 0 (1 BCE). Seasons 21–24 are bounded like
/// northern meteorological seasons; a winter runs from December into the next year
/// (see ``humanDescription(ascii:)``). A set keeps its members in the order written.
///
/// ## Canonical form
///
/// ``description`` prints one spelling per value, and parsing it gives the same value:
/// - a year has four digits (`0079`, `-0043`) and takes `Y` only beyond four
///   (`Y170000002`); exponents are multiplied out (`Y-17E7` → `Y-170000000`), and
///   `S` equal to the year's number of digits is dropped (`1950S4` → `1950`);
/// - qualifiers: per kind, the longest run of qualified components from the year on
///   gets one character right of its last component; other qualified components get one
///   on their left; `?` and `~` at one place merge into `%`. So `2004?-06?` and
///   `?2004-?06` → `2004-06?`; `?2004-06-~11` → `2004?-06-~11`;
/// - a time zone offset of zero is `Z`; whole hours are `+05`, others `+05:30`.
///
/// ## Chronological order
///
/// `<` is a total order, consistent with `==`, for sorting events of mixed precision.
/// It compares, in turn:
/// 1. the earliest day (``earliest``; none, as for `../1985`, comes first);
/// 2. the latest day, later first (``latest``; none, as for `1985/..`, comes first), so
///    a period comes before the periods it contains: `1992`, `1992-01`, `1992-01-01`;
/// 3. precision, coarse first (year, season, month, day, then times; none last);
/// 4. for dates and times of one day, the time of day in UTC (local times as if UTC);
/// 5. the canonical text, so that different values never tie.
/// Qualifiers do not move a date. The keys are computed once, at parse time.
public struct EDTFDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  /// The two kinds of EDTF sets.
  public enum SetKind: String, Hashable, Sendable, CaseIterable {
    /// `[a,b]`: exactly one of the members.
    case oneOf
    /// `{a,b}`: all of the members.
    case allOf
  }

  /// One end of an interval.
  public enum IntervalEnd: Hashable, Sendable {
    /// The end is this date.
    case date(EDTFDate)
    /// `..`: there is no end on this side, or it is not specified.
    case open
    /// Empty: the end exists but is unknown.
    case unknown
  }

  /// Everything, shared: a value is one reference (8 bytes, and 8 as an optional), so
  /// that the many dates of a large timeline cost little, and equal dates read from one
  /// file share one storage (see ``TimelineDecoder``).
  @usableFromInline let storage: Storage

  /// The parsed value, its canonical text, its bounds and its sort key, computed once.
  @usableFromInline
  final class Storage: Sendable {
    /// What sorting needs first (see ``EDTFSortKey``).
    @usableFromInline let sortKey: EDTFSortKey
    let expression: EDTFExpression
    let description: String
    let earliest: CalendarDay?
    let latest: CalendarDay?

    init(
      sortKey: EDTFSortKey, expression: EDTFExpression, description: String, earliest: CalendarDay?,
      latest: CalendarDay?
    ) {
      self.sortKey = sortKey
      self.expression = expression
      self.description = description
      self.earliest = earliest
      self.latest = latest
    }
  }

  /// What sorting compares first: four integers and the text's first bytes.
  @inlinable
  var sortKey: EDTFSortKey { storage.sortKey }

  var expression: EDTFExpression { storage.expression }

  /// The canonical form: `1985-04-12`, `2004?-06-~11`, `Y-170000000`, `1985/..`.
  public var description: String { storage.description }

  /// The first day the value can denote, or `nil` when it has no earliest day
  /// (an interval or set open or unknown at its start).
  ///
  /// Qualifiers do not change the bounds (see ``widenedEarliest``); unspecified and
  /// significant digits do: `201X` begins 2010-01-01, `1950S2` 1900-01-01. A date and
  /// time is bounded by its own calendar day, whatever its offset.
  public var earliest: CalendarDay? { storage.earliest }

  /// The last day the value can denote, or `nil` when it has no latest day.
  ///
  ///     try EDTFDate("1991-24").latest?.description  // "1992-02-29": winter 1991–92
  public var latest: CalendarDay? { storage.latest }

  /// Parses an EDTF expression.
  ///
  ///     try EDTFDate("2004?-06-~11").description  // "2004?-06-~11"
  ///     try EDTFDate("?2004-?06")                 // canonical "2004-06?"
  ///
  /// - Throws: ``EDTFError`` saying what is wrong, and where, for anything the
  ///   specification rejects: `2001-02-29`, `2004-13-01`, `Y2006`, `-0000`,
  ///   `2005/2004`, `1985-04-12T24:00:00`, `[1667, 1668]`.
  public init(_ text: String) throws(EDTFError) {
    do {
      self.init(expression: try EDTFParser.parse(text))
    } catch {
      throw EDTFError(
        error.code, error.message, offset: Self.characterOffset(of: error.byteOffset, in: text),
        input: text)
    }
  }

  init(expression: EDTFExpression) {
    let description = expression.text
    let bounds = expression.bounds
    var timeKey: Int32 = 0
    if case .date(let date) = expression, let time = date.time {
      timeKey = Int32(time.secondsOfDay - Int(time.offsetMinutes ?? 0) * 60)
    }
    let sortKey = EDTFSortKey(
      earliest: bounds.earliest?.dayNumber ?? .min,
      negatedLatest: bounds.latest.map { -$0.dayNumber } ?? .min,
      precisionRank: expression.precision?.rank ?? 7,
      timeKey: timeKey,
      text: description)
    self.storage = Storage(
      sortKey: sortKey, expression: expression, description: description, earliest: bounds.earliest,
      latest: bounds.latest)
  }

  private static func characterOffset(of byteOffset: Int, in text: String) -> Int {
    var characters = 0
    var bytes = 0
    for character in text {
      bytes += character.utf8.count
      if bytes > byteOffset { break }
      characters += 1
    }
    return characters
  }

  // MARK: - Properties

  /// How finely the value is given, or `nil` for sets, significant-digit years, and
  /// intervals whose ends differ in precision or are open or unknown.
  ///
  ///     try EDTFDate("1985-04/1985-06").precision  // .month
  ///     try EDTFDate("1985/..").precision          // nil
  public var precision: EDTFPrecision? { expression.precision }

  /// The qualifiers, in the shared vocabulary (see ``EDTFQualifier``).
  ///
  ///     try EDTFDate("2004-06-11%").qualifiers.map(\.description)  // ["uncertain", "approximate"]
  public var qualifiers: [EDTFQualifier] { expression.qualifiers }

  /// Whether any part is uncertain or approximate.
  public var isQualified: Bool {
    switch expression {
    case .date(let date): date.hasQualifiers
    case .interval(let start, let end): start.date?.hasQualifiers == true || end.date?.hasQualifiers == true
    case .set: false
    }
  }

  /// Whether the value is an interval (`1964/2008`, `1985/..`).
  public var isInterval: Bool {
    if case .interval = expression { return true }
    return false
  }

  /// Whether the value is a set (`[1667,1668]`, `{1960,1961-12}`).
  public var isSet: Bool {
    if case .set = expression { return true }
    return false
  }

  /// The kind of set, or `nil` when the value is not a set.
  public var setKind: SetKind? {
    if case .set(let kind, _) = expression { return kind }
    return nil
  }

  /// The ends of an interval, or `nil` when the value is not one.
  ///
  ///     try EDTFDate("1985-04/..").interval?.end  // .open
  public var interval: (start: IntervalEnd, end: IntervalEnd)? {
    guard case .interval(let start, let end) = expression else { return nil }
    return (Self.intervalEnd(start), Self.intervalEnd(end))
  }

  private static func intervalEnd(_ end: EDTFIntervalEnd) -> IntervalEnd {
    switch end {
    case .date(let date): .date(EDTFDate(expression: .date(date)))
    case .open: .open
    case .unknown: .unknown
    }
  }

  /// The year, when the value is one date whose year is given exactly.
  ///
  ///     try EDTFDate("1992-02~").year  // 1992
  ///     try EDTFDate("199X").year      // nil
  public var year: Int? {
    guard case .date(let date) = expression, date.year.isExact else { return nil }
    return date.year.value
  }

  /// The lowest EDTF conformance level (0, 1 or 2) whose syntax writes the value
  /// in canonical form.
  ///
  ///     try EDTFDate("1985-04-12").level    // 0
  ///     try EDTFDate("2001-21").level       // 1
  ///     try EDTFDate("?2004-?06").level     // 1: its canonical form is 2004-06?
  ///     try EDTFDate("2004?-06-11").level   // 2
  public var level: Int { expression.level }

  /// The earliest day, moved back to allow for the qualifiers: a qualified
  /// component may be off by one of its units (a year; a month, or the length of a
  /// season or other grouping; a day), and the largest such margin applies. Equal to
  /// ``earliest`` when nothing is qualified.
  ///
  ///     try EDTFDate("1984~").widenedEarliest?.description        // "1983-01-01"
  ///     try EDTFDate("2004-06-~11").widenedEarliest?.description  // "2004-06-10"
  public var widenedEarliest: CalendarDay? { expression.widenedBounds.earliest }

  /// The latest day, moved forward to allow for the qualifiers (see ``widenedEarliest``).
  ///
  ///     try EDTFDate("1984~").widenedLatest?.description  // "1985-12-31"
  public var widenedLatest: CalendarDay? { expression.widenedBounds.latest }

  // MARK: - Equality, order, coding

  /// Values are equal when their canonical forms are.
  @inlinable
  public static func == (lhs: EDTFDate, rhs: EDTFDate) -> Bool {
    lhs.storage === rhs.storage || (lhs.sortKey.isEqual(to: rhs.sortKey) && hasSameText(lhs, rhs))
  }

  @usableFromInline
  static func hasSameText(_ lhs: EDTFDate, _ rhs: EDTFDate) -> Bool {
    lhs.description == rhs.description
  }

  /// Canonical text is ASCII, where `String`'s fast `<` is byte order.
  @usableFromInline
  static func textPrecedes(_ lhs: EDTFDate, _ rhs: EDTFDate) -> Bool {
    lhs.storage !== rhs.storage && lhs.description < rhs.description
  }

  /// Hashes the canonical form.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(description)
  }

  /// The chronological order described on ``EDTFDate``.
  ///
  /// Inlinable, so that sorting compares the shared keys without calls; a value is
  /// never before itself, and only values with equal keys compare their texts.
  @inlinable
  public static func < (lhs: EDTFDate, rhs: EDTFDate) -> Bool {
    if lhs.storage === rhs.storage { return false }
    if let precedes = lhs.sortKey.precedes(rhs.sortKey) { return precedes }
    return textPrecedes(lhs, rhs)
  }

  /// Decodes a value from its EDTF text.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      try self.init(text)
    } catch {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "invalid EDTF date: \(error.description)")
    }
  }

  /// Encodes the value as its canonical text.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
