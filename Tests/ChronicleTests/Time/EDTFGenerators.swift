import Chronicle
import PropertyBased

/// Random EDTF text for property tests: valid expressions in many spellings (both
/// qualifier styles, exponents, offsets written long), and noise from EDTF's alphabet.
enum EDTFGenerators {
  typealias RNG = any SeededRandomNumberGenerator

  /// A valid EDTF expression: a date (maybe with a time), an interval or a set.
  static let expressionText = Generator<String, Shrink.None<String>> { rng in
    for _ in 0..<100 {
      for text in expressionCandidates(&rng) where (try? EDTFDate(text)) != nil {
        return text
      }
    }
    return "1985-04-12"
  }

  /// A small pool of related values, so that ties and near-ties are frequent.
  static let pooledText = Generator<String, Shrink.None<String>> { rng in
    pool.randomElement(using: &rng) ?? "1985"
  }

  /// Half pooled values, half random expressions.
  static let orderingText = Generator<String, Shrink.None<String>> { rng in
    Bool.random(using: &rng)
      ? pooledText.run(using: &rng) : expressionText.run(using: &rng)
  }

  /// Up to 24 characters from EDTF's alphabet, digits most often.
  static let noise = Generator<String, Shrink.None<String>> { rng in
    let alphabet = Array("0123456789-X?~%/.,[]{}YESTZ:+ xy叶")
    let length = Int.random(in: 0...24, using: &rng)
    var text = ""
    for _ in 0..<length {
      text.append(
        Int.random(in: 0..<3, using: &rng) == 0
          ? Character(String(Int.random(in: 0...9, using: &rng)))
          : alphabet[Int.random(in: 0..<alphabet.count, using: &rng)])
    }
    return text
  }

  static let pool = [
    "1992", "1992~", "1992?", "1992-01", "1992-01-01", "1992-01-01T10:00:00Z",
    "1992-01-01T10:00:00", "1992-01-01T05:00:00-05", "1992-XX", "1992-XX-XX", "1992-21",
    "1991-24", "1992-33", "199X", "19XX", "1992/1993", "1992/..", "../1992", "1992/",
    "/1992", "1992-01-01/1992-12-31", "[1992,1993]", "{1992,1993}", "1950S2", "1900/1999",
    "-0001", "0000", "Y-170000000", "Y170000002", "1992-01-01%", "?1992-01-01",
  ]

  // MARK: - Building text

  private static func expressionCandidates(_ rng: inout RNG) -> [String] {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0..<5:
      return [date(&rng, inside: false)]
    case 5..<8:
      let start = intervalEnd(&rng)
      let end = intervalEnd(&rng)
      return [start + "/" + end, end + "/" + start]
    default:
      return [set(&rng)]
    }
  }

  private static func intervalEnd(_ rng: inout RNG) -> String {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0: return ".."
    case 1: return ""
    default: return date(&rng, inside: true)
    }
  }

  private static func set(_ rng: inout RNG) -> String {
    let count = Int.random(in: 1...4, using: &rng)
    var members: [String] = []
    for index in 0..<count {
      var member: String
      if Bool.random(using: &rng) {
        member = plainDate(&rng)
      } else {
        let first = Int.random(in: 1000...2000, using: &rng)
        let last = first + Int.random(in: 0...20, using: &rng)
        member = Bool.random(using: &rng)
          ? "\(first)..\(last)" : "\(first)-01..\(last)-\(twoDigits(Int.random(in: 1...12, using: &rng)))"
      }
      if index == 0 && Int.random(in: 0..<5, using: &rng) == 0 { member = ".." + member }
      if index == count - 1 && Int.random(in: 0..<5, using: &rng) == 0 { member += ".." }
      members.append(member)
    }
    let body = members.joined(separator: ",")
    return Bool.random(using: &rng) ? "[" + body + "]" : "{" + body + "}"
  }

  /// A date without qualifiers, unspecified digits or time, for sets.
  private static func plainDate(_ rng: inout RNG) -> String {
    let year = Int.random(in: -500...2100, using: &rng)
    let month = Int.random(in: 1...12, using: &rng)
    let day = Int.random(in: 1...CalendarDay.numberOfDays(inMonth: month, year: year), using: &rng)
    switch Int.random(in: 0..<3, using: &rng) {
    case 0: return fourDigits(year)
    case 1: return fourDigits(year) + "-" + twoDigits(month)
    default: return fourDigits(year) + "-" + twoDigits(month) + "-" + twoDigits(day)
    }
  }

  private static func date(_ rng: inout RNG, inside: Bool) -> String {
    switch Int.random(in: 0..<12, using: &rng) {
    case 0: return prefixedYear(&rng)
    case 1: return fourDigits(Int.random(in: -9999...9999, using: &rng)) + "S\(Int.random(in: 1...4, using: &rng))"
    default: return calendarDate(&rng, allowTime: !inside)
    }
  }

  private static func prefixedYear(_ rng: inout RNG) -> String {
    let digits = Int.random(in: 5...15, using: &rng)
    var magnitude = Int.random(in: 1...9, using: &rng)
    for _ in 1..<digits { magnitude = magnitude * 10 + Int.random(in: 0...9, using: &rng) }
    let sign = Bool.random(using: &rng) ? "-" : ""
    var text: String
    if Bool.random(using: &rng) {
      // Exponent form: drop some trailing digits and multiply them back.
      let exponent = Int.random(in: 1...(digits - 1), using: &rng)
      var mantissa = magnitude
      for _ in 0..<exponent { mantissa /= 10 }
      text = "Y" + sign + String(mantissa) + "E" + String(exponent)
    } else {
      text = "Y" + sign + String(magnitude)
    }
    if Bool.random(using: &rng) { text += "S\(Int.random(in: 1...digits, using: &rng))" }
    if Int.random(in: 0..<4, using: &rng) == 0 { text += qualifier(&rng) }
    return text
  }

  private static func calendarDate(_ rng: inout RNG, allowTime: Bool) -> String {
    let year = Int.random(in: -2000...2100, using: &rng)
    let depth = Int.random(in: 1...3, using: &rng)
    let isGrouping = depth == 2 && Int.random(in: 0..<4, using: &rng) == 0
    let month = isGrouping ? Int.random(in: 21...41, using: &rng) : Int.random(in: 1...12, using: &rng)
    let day = isGrouping ? 1 : Int.random(in: 1...CalendarDay.numberOfDays(inMonth: month, year: year), using: &rng)

    var yearText = fourDigits(year)
    var monthText = twoDigits(month)
    var dayText = twoDigits(day)
    var masked = false
    // X for digits of the real date keeps it among the matches, so the text stays valid.
    if Int.random(in: 0..<5, using: &rng) == 0 {
      yearText = mask(yearText, &rng)
      masked = true
    }
    if !isGrouping && Int.random(in: 0..<5, using: &rng) == 0 {
      monthText = mask(monthText, &rng)
      masked = true
    }
    if Int.random(in: 0..<5, using: &rng) == 0 {
      dayText = mask(dayText, &rng)
      masked = true
    }

    var components = [yearText, monthText, dayText].prefix(depth).map { $0 }
    var qualified = false
    for index in components.indices {
      if Int.random(in: 0..<8, using: &rng) == 0 {
        components[index] = qualifier(&rng) + components[index]
        qualified = true
      }
      if Int.random(in: 0..<8, using: &rng) == 0 {
        components[index] += qualifier(&rng)
        qualified = true
      }
    }
    var text = components.joined(separator: "-")
    if allowTime && depth == 3 && !masked && !qualified && Bool.random(using: &rng) {
      text += time(&rng)
    }
    return text
  }

  private static func time(_ rng: inout RNG) -> String {
    var text = "T" + twoDigits(Int.random(in: 0...23, using: &rng)) + ":"
      + twoDigits(Int.random(in: 0...59, using: &rng)) + ":"
      + twoDigits(Int.random(in: 0...59, using: &rng))
    switch Int.random(in: 0..<6, using: &rng) {
    case 0: break
    case 1: text += "Z"
    case 2: text += "+00:00"
    default:
      let hours = Int.random(in: 0...13, using: &rng)
      let minutes = [0, 30, 45][Int.random(in: 0..<3, using: &rng)]
      let sign = hours == 0 && minutes == 0 ? "+" : (Bool.random(using: &rng) ? "+" : "-")
      text += sign + twoDigits(hours)
      if minutes != 0 || Bool.random(using: &rng) { text += ":" + twoDigits(minutes) }
    }
    return text
  }

  private static func qualifier(_ rng: inout RNG) -> String {
    ["?", "~", "%"][Int.random(in: 0..<3, using: &rng)]
  }

  /// Replaces random digits (not the sign) with X, at least one.
  private static func mask(_ text: String, _ rng: inout RNG) -> String {
    var characters = Array(text)
    let digitIndices = characters.indices.filter { characters[$0].isNumber }
    guard let forced = digitIndices.randomElement(using: &rng) else { return text }
    for index in digitIndices where index == forced || Bool.random(using: &rng) {
      characters[index] = "X"
    }
    return String(characters)
  }

  static func fourDigits(_ year: Int) -> String {
    let digits = String(year.magnitude)
    return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
