/// A problem found while parsing, at a UTF-8 offset; ``EDTFDate`` turns it into an
/// ``EDTFError`` with a character offset.
struct EDTFParseFailure: Error {
  var code: EDTFError.Code
  var message: String
  var byteOffset: Int
}

/// Parses EDTF text (levels 0, 1 and 2) into an ``EDTFExpression``, checking the
/// calendar, and fails at the first problem with a message in words.
///
/// Works on UTF-8 bytes: EDTF is ASCII, so any other byte is an unexpected character.
/// Every number is read with overflow-checked arithmetic.
struct EDTFParser {
  private enum Context {
    case single, intervalEnd, setMember
  }

  private let text: String
  private let bytes: [UInt8]
  private var position = 0
  /// Where the part being parsed ends: the input's end, or an interval's `/`.
  private var limit: Int

  private init(text: String) {
    self.text = text
    self.bytes = Array(text.utf8)
    self.limit = bytes.count
  }

  static func parse(_ text: String) throws(EDTFParseFailure) -> EDTFExpression {
    var parser = EDTFParser(text: text)
    return try parser.parseExpression()
  }

  // MARK: - Expressions

  private mutating func parseExpression() throws(EDTFParseFailure) -> EDTFExpression {
    guard let first = bytes.first else {
      throw failure(.syntax, "empty input; expected an EDTF date such as 1985-04-12", at: 0)
    }
    if first == .leftBracket || first == .leftBrace { return try parseSet() }
    if let slash = bytes.firstIndex(of: .slash) { return try parseInterval(slash: slash) }
    let date = try parseDate(.single)
    try expectEnd()
    return .date(date)
  }

  private mutating func parseInterval(slash: Int) throws(EDTFParseFailure) -> EDTFExpression {
    if let second = bytes[(slash + 1)...].firstIndex(of: .slash) {
      throw failure(.syntax, "unexpected second '/'; an interval has exactly one", at: second)
    }
    let start = try parseIntervalEnd(from: 0, to: slash)
    let end = try parseIntervalEnd(from: slash + 1, to: bytes.count)
    guard start.date != nil || end.date != nil else {
      throw failure(
        .syntax, "an interval needs a date at its start or its end, not only '..' or nothing",
        at: 0)
    }
    if let first = start.date, let last = end.date, let firstBounds = first.bounds,
      let lastBounds = last.bounds, firstBounds.earliest > lastBounds.latest
    {
      throw failure(
        .reversed, "the interval is reversed: its start \(first.text) is after its end \(last.text)",
        at: slash)
    }
    return .interval(start, end)
  }

  private mutating func parseIntervalEnd(from start: Int, to end: Int) throws(EDTFParseFailure)
    -> EDTFIntervalEnd
  {
    if start == end { return .unknown }
    if end - start == 2 && bytes[start] == .dot && bytes[start + 1] == .dot { return .open }
    if bytes[start] == .dot {
      throw failure(.syntax, "an open end of an interval is written '..' with nothing else", at: start)
    }
    position = start
    limit = end
    let date = try parseDate(.intervalEnd)
    try expectEnd()
    limit = bytes.count
    return .date(date)
  }

  private mutating func parseSet() throws(EDTFParseFailure) -> EDTFExpression {
    let isOneOf = bytes[0] == .leftBracket
    let close: UInt8 = isOneOf ? .rightBracket : .rightBrace
    let wrongClose: UInt8 = isOneOf ? .rightBrace : .rightBracket
    let closeText = isOneOf ? "']'" : "'}'"
    position = 1
    if position < bytes.count && bytes[position] == close {
      throw failure(.syntax, "a set needs at least one member", at: position)
    }
    var members: [EDTFSetMember] = []
    while true {
      let memberStart = position
      if startsWithDots() {
        if !members.isEmpty {
          throw failure(
            .syntax, "'..' before a member (on or before) is only allowed on the first member",
            at: memberStart)
        }
        position += 2
        let date = try parseDate(.setMember)
        if startsWithDots() {
          throw failure(.syntax, "a set member cannot be open on both sides", at: position)
        }
        members.append(.onOrBefore(date))
      } else {
        let date = try parseDate(.setMember)
        if startsWithDots() {
          let dots = position
          position += 2
          if position >= bytes.count || bytes[position] == close || bytes[position] == .comma {
            if position < bytes.count && bytes[position] == .comma {
              throw failure(
                .syntax, "'..' after a member (on or after) is only allowed on the last member",
                at: dots)
            }
            members.append(.onOrAfter(date))
          } else {
            let last = try parseDate(.setMember)
            try checkRange(date, last, at: dots)
            members.append(.range(date, last))
          }
        } else {
          members.append(.date(date))
        }
      }
      guard position < bytes.count else {
        throw failure(
          .syntax, "unexpected end of input; expected ',' or \(closeText) to close the set",
          at: position)
      }
      switch bytes[position] {
      case .comma:
        position += 1
      case close:
        position += 1
        if position < bytes.count {
          throw failure(.syntax, "unexpected \(found(at: position)) after the set", at: position)
        }
        return .set(isOneOf ? .oneOf : .allOf, members)
      case wrongClose:
        throw failure(
          .syntax, "unexpected \(found(at: position)); this set closes with \(closeText)",
          at: position)
      default:
        throw unexpected(expected: "',' or \(closeText)")
      }
    }
  }

  private func checkRange(_ first: EDTFSingleDate, _ last: EDTFSingleDate, at dots: Int)
    throws(EDTFParseFailure)
  {
    guard let precision = first.precision, precision == last.precision else {
      let firstPrecision = first.precision?.rawValue ?? "significant digits"
      let lastPrecision = last.precision?.rawValue ?? "significant digits"
      throw failure(
        .syntax,
        "the ends of a range 'a..b' must have the same precision, not \(firstPrecision) and \(lastPrecision)",
        at: dots)
    }
    if let firstBounds = first.bounds, let lastBounds = last.bounds,
      firstBounds.earliest > lastBounds.latest
    {
      throw failure(
        .reversed, "the range \(first.text)..\(last.text) is reversed: \(first.text) is after \(last.text)",
        at: dots)
    }
  }

  private func startsWithDots() -> Bool {
    position + 1 < limit && bytes[position] == .dot && bytes[position + 1] == .dot
  }

  // MARK: - Dates

  private mutating func parseDate(_ context: Context) throws(EDTFParseFailure) -> EDTFSingleDate {
    let dateStart = position
    var firstQualifier: Int?
    let yearLeft = try parseQualifier(&firstQualifier)
    let year = try parseYear()
    let yearRight = try parseQualifier(&firstQualifier)
    var date = EDTFSingleDate(year: year, depth: 1)
    var monthLeft: EDTFQualifierSet = []
    var monthRight: EDTFQualifierSet = []
    var dayLeft: EDTFQualifierSet = []
    var dayRight: EDTFQualifierSet = []
    var monthStart = dateStart
    var dayStart = dateStart
    if peek(.hyphen) {
      if year.isPrefixed {
        throw failure(
          .syntax, "a year with the 'Y' prefix stands alone; it cannot have a month or day",
          at: position)
      }
      if year.significantDigits != 0 {
        throw failure(
          .syntax, "a year with significant digits stands alone; it cannot have a month or day",
          at: position)
      }
      position += 1
      monthLeft = try parseQualifier(&firstQualifier)
      monthStart = position
      (date.month, date.monthMask) = try parseTwoDigits("month")
      monthRight = try parseQualifier(&firstQualifier)
      date.depth = 2
      if peek(.hyphen) {
        if let grouping = date.grouping {
          throw failure(
            .invalidDate,
            "\(date.monthText) is a sub-year grouping (\(grouping.name)), which has no days; days follow a month 01-12",
            at: position)
        }
        position += 1
        dayLeft = try parseQualifier(&firstQualifier)
        dayStart = position
        (date.day, date.dayMask) = try parseTwoDigits("day")
        dayRight = try parseQualifier(&firstQualifier)
        date.depth = 3
      }
    }
    // A character right of a component qualifies it and every component to its left.
    date.yearQualifiers = yearLeft.union(yearRight).union(monthRight).union(dayRight)
    date.monthQualifiers = monthLeft.union(monthRight).union(dayRight)
    date.dayQualifiers = dayLeft.union(dayRight)
    try checkCalendar(date, monthStart: monthStart, dayStart: dayStart)
    if peek(.letterT) {
      date.time = try parseTime(of: date, context, firstQualifier: firstQualifier)
    }
    if context == .setMember, let firstQualifier {
      throw failure(
        .unsupported, "qualifiers inside sets are not supported; a set lists plain dates",
        at: firstQualifier)
    }
    return date
  }

  private mutating func parseQualifier(_ first: inout Int?) throws(EDTFParseFailure)
    -> EDTFQualifierSet
  {
    guard position < limit, let set = EDTFQualifierSet(character: bytes[position]) else { return [] }
    if first == nil { first = position }
    position += 1
    if position < limit, EDTFQualifierSet(character: bytes[position]) != nil {
      throw failure(
        .syntax,
        "unexpected \(found(at: position)) after a qualifier; write one qualifier per place, '%' for uncertain and approximate",
        at: position)
    }
    return set
  }

  private mutating func parseYear() throws(EDTFParseFailure) -> EDTFYear {
    let yearStart = position
    if peek(.letterY) { return try parsePrefixedYear() }
    if peek(.lowercaseY) {
      throw failure(.syntax, "unexpected 'y'; the year prefix is an uppercase 'Y'", at: position)
    }
    let isNegative = peek(.hyphen)
    if isNegative { position += 1 }
    var magnitude = 0
    var mask: UInt8 = 0
    for index in 0..<4 {
      guard position < limit else {
        throw unexpected(expected: "four digits for the year")
      }
      let byte = bytes[position]
      if byte.isDigit {
        magnitude = magnitude * 10 + byte.digitValue
      } else if byte == .letterX {
        magnitude *= 10
        mask |= 1 << (3 - index)
      } else if byte == .lowercaseX {
        throw failure(.syntax, "unexpected 'x'; an unspecified digit is an uppercase 'X'", at: position)
      } else {
        throw unexpected(expected: index == 0 ? "a year" : "four digits for the year")
      }
      position += 1
    }
    if position < limit && bytes[position].isDigit {
      var end = position
      while end < limit && bytes[end].isDigit { end += 1 }
      let digits = String(decoding: bytes[yearStart..<end], as: UTF8.self)
      let hint = mask == 0 ? "; write Y\(digits)" : ""
      throw failure(
        .syntax, "a year has four digits; longer years take the 'Y' prefix\(hint)", at: position)
    }
    if isNegative && magnitude == 0 && mask == 0 {
      throw failure(.syntax, "year -0000 is not allowed; write 0000", at: yearStart)
    }
    var year = EDTFYear(
      value: isNegative ? -magnitude : magnitude, isNegative: isNegative, unspecifiedMask: mask,
      significantDigits: 0)
    if peek(.letterS) {
      if mask != 0 {
        throw failure(
          .syntax, "significant digits 'S' cannot be combined with unspecified digits 'X'",
          at: position)
      }
      year.significantDigits = try parseSignificantDigits(of: year)
    } else if peek(.letterE) {
      throw failure(
        .syntax, "an exponential year takes the 'Y' prefix, as in Y-17E7", at: position)
    }
    return year
  }

  private mutating func parsePrefixedYear() throws(EDTFParseFailure) -> EDTFYear {
    let yearStart = position
    position += 1
    let isNegative = peek(.hyphen)
    if isNegative { position += 1 }
    guard position < limit, bytes[position].isDigit else {
      throw unexpected(expected: "the digits of the year after 'Y'")
    }
    if bytes[position] == .zero {
      throw failure(.syntax, "a year with the 'Y' prefix has no leading zeros", at: position)
    }
    var magnitude = try parseNumber { parser throws(EDTFParseFailure) -> Int in
      throw parser.yearTooLarge(from: yearStart)
    }
    if peek(.letterX) {
      throw failure(
        .syntax, "unspecified digits 'X' are only allowed in four-digit years", at: position)
    }
    if peek(.letterE) {
      position += 1
      guard position < limit, bytes[position].isDigit else {
        throw unexpected(expected: "the digits of the exponent after 'E'")
      }
      let exponentStart = position
      let exponent = try parseNumber { parser throws(EDTFParseFailure) -> Int in
        throw parser.yearTooLarge(from: yearStart)
      }
      if exponent == 0 {
        throw failure(
          .syntax, "the exponent after 'E' must be a positive integer", at: exponentStart)
      }
      for _ in 0..<exponent {
        let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
        if overflow || product > CalendarDay.maximumYearMagnitude {
          throw yearTooLarge(from: yearStart)
        }
        magnitude = product
      }
    }
    if magnitude > CalendarDay.maximumYearMagnitude { throw yearTooLarge(from: yearStart) }
    if magnitude <= 9999 {
      let plain = (isNegative ? "-" : "") + CalendarDay.paddedYearDigits(UInt(magnitude))
      throw failure(
        .syntax, "the 'Y' prefix is only for years of more than four digits; write \(plain)",
        at: yearStart)
    }
    var year = EDTFYear(
      value: isNegative ? -magnitude : magnitude, isNegative: isNegative, unspecifiedMask: 0,
      significantDigits: 0)
    if peek(.letterS) { year.significantDigits = try parseSignificantDigits(of: year) }
    return year
  }

  /// Skips the rest of an oversized year and reports it.
  private mutating func yearTooLarge(from yearStart: Int) -> EDTFParseFailure {
    while position < limit
      && (bytes[position].isDigit || bytes[position] == .letterE || bytes[position] == .hyphen)
    {
      position += 1
    }
    let token = String(decoding: bytes[yearStart..<position], as: UTF8.self)
    return failure(
      .yearOutOfRange,
      "year \(token) is outside the supported range; years have at most 15 digits",
      at: yearStart)
  }

  private mutating func parseSignificantDigits(of year: EDTFYear) throws(EDTFParseFailure) -> UInt8 {
    position += 1
    let countStart = position
    guard position < limit, bytes[position].isDigit else {
      throw unexpected(expected: "the number of significant digits after 'S'")
    }
    let count = try parseNumber { parser throws(EDTFParseFailure) -> Int in
      parser.skipDigits()
      return Int.max
    }
    let digits = year.digitCount
    guard count >= 1 && count <= digits else {
      throw failure(
        .syntax,
        "year \(year.digitsText) has \(digits) digits, so its significant digits are 1 to \(digits), not \(String(decoding: bytes[countStart..<position], as: UTF8.self))",
        at: countStart)
    }
    return count == digits ? 0 : UInt8(count)
  }

  private mutating func skipDigits() {
    while position < limit && bytes[position].isDigit { position += 1 }
  }

  /// Reads a run of digits; on overflow, returns what `overflow` returns or throws.
  private mutating func parseNumber(
    overflow: (inout EDTFParser) throws(EDTFParseFailure) -> Int
  ) throws(EDTFParseFailure) -> Int {
    var value = 0
    while position < limit && bytes[position].isDigit {
      let (product, productOverflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, sumOverflow) = product.addingReportingOverflow(bytes[position].digitValue)
      if productOverflow || sumOverflow {
        return try overflow(&self)
      }
      value = sum
      position += 1
    }
    return value
  }

  private mutating func parseTwoDigits(_ component: String) throws(EDTFParseFailure) -> (
    UInt8, UInt8
  ) {
    var value: UInt8 = 0
    var mask: UInt8 = 0
    for index in 0..<2 {
      guard position < limit else { throw unexpected(expected: "two digits for the \(component)") }
      let byte = bytes[position]
      if byte.isDigit {
        value = value * 10 + UInt8(byte.digitValue)
      } else if byte == .letterX {
        value *= 10
        mask |= 1 << (1 - index)
      } else if byte == .lowercaseX {
        throw failure(.syntax, "unexpected 'x'; an unspecified digit is an uppercase 'X'", at: position)
      } else {
        throw unexpected(expected: "two digits for the \(component)")
      }
      position += 1
    }
    if position < limit && bytes[position].isDigit {
      throw failure(
        .syntax, "unexpected third digit \(found(at: position)); a \(component) has two digits",
        at: position)
    }
    return (value, mask)
  }

  /// Checks that the month, day and year exist together in the calendar.
  private func checkCalendar(
    _ date: EDTFSingleDate, monthStart: Int, dayStart: Int
  ) throws(EDTFParseFailure) {
    guard date.depth >= 2 else { return }
    let month = Int(date.month)
    if date.monthMask == 0 {
      guard (1...12).contains(month) || (21...41).contains(month) else {
        throw failure(
          .invalidDate,
          "month \(date.monthText) is out of range; expected 01-12, or 21-41 for a season, quarter, quadrimester or semester",
          at: monthStart)
      }
    } else if !(1...12).contains(where: date.monthMatches) {
      throw failure(
        .invalidDate, "no month 01-12 matches \(date.monthText); 'X' in a month stands for a month, not a season",
        at: monthStart)
    }
    guard date.depth == 3 else { return }
    let day = Int(date.day)
    if date.dayMask == 0 {
      if date.monthMask == 0 && date.year.isExact {
        let days = CalendarDay.numberOfDays(inMonth: month, year: date.year.value)
        if day < 1 || day > days {
          let monthName = EDTFDate.monthNames[month - 1]
          let leap =
            month == 2 && day == 29 ? " (\(date.year.text) is not a leap year)" : ""
          throw failure(
            .invalidDate,
            "day \(date.dayText) is out of range for \(monthName) \(date.year.text)\(leap); expected 01-\(days)",
            at: dayStart)
        }
      } else if day < 1 || day > 31 {
        throw failure(
          .invalidDate, "day \(date.dayText) is out of range; expected 01-31", at: dayStart)
      }
    } else if !(1...31).contains(where: date.dayMatches) {
      throw failure(.invalidDate, "no day 01-31 matches \(date.dayText)", at: dayStart)
    }
    if date.hasUnspecifiedDigits && date.bounds == nil {
      throw failure(.invalidDate, "no calendar date matches \(date.text)", at: dayStart)
    }
  }

  private mutating func parseTime(
    of date: EDTFSingleDate, _ context: Context, firstQualifier: Int?
  ) throws(EDTFParseFailure) -> EDTFTimeOfDay {
    let timeStart = position
    switch context {
    case .intervalEnd:
      throw failure(
        .syntax, "the ends of an interval cannot have a time of day; EDTF intervals are of dates",
        at: timeStart)
    case .setMember:
      throw failure(.syntax, "set members cannot have a time of day", at: timeStart)
    case .single:
      break
    }
    guard date.depth == 3, date.grouping == nil else {
      throw failure(
        .syntax, "a time of day needs a complete date (year, month and day) before 'T'",
        at: timeStart)
    }
    if let firstQualifier {
      throw failure(.syntax, "a date with a time of day cannot be qualified", at: firstQualifier)
    }
    if date.hasUnspecifiedDigits {
      throw failure(
        .syntax, "a date with a time of day cannot have unspecified digits 'X'", at: timeStart)
    }
    position += 1
    let hourStart = position
    let hour = try parseClockField("hour")
    try expectColon(between: "hour and minute")
    let minuteStart = position
    let minute = try parseClockField("minute")
    try expectColon(between: "minute and second")
    let secondStart = position
    let second = try parseClockField("second")
    if hour > 23 {
      throw failure(.invalidTime, "hour \(hour.twoDigits) is out of range; expected 00-23", at: hourStart)
    }
    if minute > 59 {
      throw failure(
        .invalidTime, "minute \(minute.twoDigits) is out of range; expected 00-59", at: minuteStart)
    }
    if second > 59 {
      throw failure(
        .invalidTime, "second \(second.twoDigits) is out of range; expected 00-59", at: secondStart)
    }
    if peek(.dot) || peek(.comma) {
      throw failure(.unsupported, "fractions of a second are not part of EDTF", at: position)
    }
    let offset = try parseOffset()
    if position < limit, EDTFQualifierSet(character: bytes[position]) != nil {
      throw failure(.syntax, "a date with a time of day cannot be qualified", at: position)
    }
    return EDTFTimeOfDay(
      hour: UInt8(hour), minute: UInt8(minute), second: UInt8(second), offsetMinutes: offset)
  }

  private mutating func parseOffset() throws(EDTFParseFailure) -> Int16? {
    if peek(.letterZ) {
      position += 1
      return 0
    }
    if peek(.lowercaseZ) {
      throw failure(.invalidOffset, "unexpected 'z'; UTC is an uppercase 'Z'", at: position)
    }
    guard peek(.plus) || peek(.hyphen) else { return nil }
    let offsetStart = position
    let isNegative = peek(.hyphen)
    position += 1
    let hours = try parseClockField("hours of the offset")
    var minutes = 0
    if peek(.colon) {
      position += 1
      let minutesStart = position
      minutes = try parseClockField("minutes of the offset")
      if minutes > 59 {
        throw failure(
          .invalidOffset, "offset minutes \(minutes.twoDigits) are out of range; expected 00-59",
          at: minutesStart)
      }
    } else if position < limit && bytes[position].isDigit {
      throw failure(
        .invalidOffset, "an offset is written ±hh:mm, with a colon between hours and minutes",
        at: position)
    }
    let written = String(decoding: bytes[offsetStart..<position], as: UTF8.self)
    let total = hours * 60 + minutes
    if total > 14 * 60 {
      throw failure(
        .invalidOffset, "offset \(written) is out of range; expected -14:00 to +14:00",
        at: offsetStart)
    }
    if isNegative && total == 0 {
      throw failure(
        .invalidOffset, "a zero offset is written Z or +00, not \(written)", at: offsetStart)
    }
    return Int16(isNegative ? -total : total)
  }

  private mutating func parseClockField(_ field: String) throws(EDTFParseFailure) -> Int {
    var value = 0
    for _ in 0..<2 {
      guard position < limit, bytes[position].isDigit else {
        throw unexpected(expected: "two digits for the \(field)")
      }
      value = value * 10 + bytes[position].digitValue
      position += 1
    }
    return value
  }

  private mutating func expectColon(between fields: String) throws(EDTFParseFailure) {
    guard peek(.colon) else {
      throw unexpected(expected: "':' between \(fields) (EDTF times are hh:mm:ss)")
    }
    position += 1
  }

  private func expectEnd() throws(EDTFParseFailure) {
    guard position < limit else { return }
    if bytes[position] == .space {
      throw failure(.syntax, "unexpected space; EDTF allows no spaces", at: position)
    }
    // U+2013 and U+2014 (en and em dash) start with these bytes in UTF-8.
    let isDash =
      position + 2 < bytes.count && bytes[position] == 0xE2 && bytes[position + 1] == 0x80
      && (bytes[position + 2] == 0x93 || bytes[position + 2] == 0x94)
    let hint = isDash ? "; an interval is written with '/', as in 1985/1986" : ""
    throw failure(
      .syntax, "unexpected \(found(at: position)) after the date\(hint)", at: position)
  }

  // MARK: - Helpers

  private func peek(_ byte: UInt8) -> Bool {
    position < limit && bytes[position] == byte
  }

  private func failure(_ code: EDTFError.Code, _ message: String, at offset: Int)
    -> EDTFParseFailure
  {
    EDTFParseFailure(code: code, message: message, byteOffset: offset)
  }

  private func unexpected(expected: String) -> EDTFParseFailure {
    if position < bytes.count && bytes[position] == .space {
      return failure(.syntax, "unexpected space; EDTF allows no spaces", at: position)
    }
    return failure(.syntax, "unexpected \(found(at: position)); expected \(expected)", at: position)
  }

  /// The character at a UTF-8 offset, described for a message.
  private func found(at offset: Int) -> String {
    guard offset < bytes.count else { return "end of input" }
    let byte = bytes[offset]
    switch byte {
    case .space:
      return "space"
    case 0..<0x20, 0x7F:
      return "control character U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4)
    case 0x21..<0x7F:
      return "'" + String(Character(Unicode.Scalar(byte))) + "'"
    default:
      var start = 0
      for character in text {
        let width = character.utf8.count
        if offset < start + width {
          let scalar = character.unicodeScalars.first.map {
            " (U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) + ")"
          }
          return "'\(character)'" + (scalar ?? "")
        }
        start += width
      }
      return "end of input"
    }
  }
}

extension UInt8 {
  fileprivate static let space = UInt8(ascii: " ")
  fileprivate static let hyphen = UInt8(ascii: "-")
  fileprivate static let plus = UInt8(ascii: "+")
  fileprivate static let slash = UInt8(ascii: "/")
  fileprivate static let dot = UInt8(ascii: ".")
  fileprivate static let comma = UInt8(ascii: ",")
  fileprivate static let colon = UInt8(ascii: ":")
  fileprivate static let zero = UInt8(ascii: "0")
  fileprivate static let leftBracket = UInt8(ascii: "[")
  fileprivate static let rightBracket = UInt8(ascii: "]")
  fileprivate static let leftBrace = UInt8(ascii: "{")
  fileprivate static let rightBrace = UInt8(ascii: "}")
  fileprivate static let letterE = UInt8(ascii: "E")
  fileprivate static let letterS = UInt8(ascii: "S")
  fileprivate static let letterT = UInt8(ascii: "T")
  fileprivate static let letterX = UInt8(ascii: "X")
  fileprivate static let letterY = UInt8(ascii: "Y")
  fileprivate static let letterZ = UInt8(ascii: "Z")
  fileprivate static let lowercaseX = UInt8(ascii: "x")
  fileprivate static let lowercaseY = UInt8(ascii: "y")
  fileprivate static let lowercaseZ = UInt8(ascii: "z")

  fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
  fileprivate var digitValue: Int { Int(self) - 48 }
}

extension Int {
  fileprivate var twoDigits: String { CalendarDay.twoDigits(self) }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
