/// The codes 21–41 that EDTF writes in a month's place: seasons (level 1: 21–24;
/// level 2: by hemisphere 25–32), quarters 33–36, quadrimesters 37–39, semesters 40–41.
///
/// Seasons are meteorological: three whole months. The spec's 21–24 are
/// "independent of location"; bounding them by both hemispheres would make every
/// season span most of a year, so they take the northern hemisphere's months, like
/// 25–28. A winter (24, 28) and a southern summer (30) begin in December of their
/// year and end in February of the next: `1991-24` is 1991-12-01 … 1992-02-29, shown
/// "winter 1991–92". It stays one date, not an interval.
enum EDTFSubYearGrouping: UInt8, CaseIterable, Sendable {
  case spring = 21, summer, autumn, winter
  case northernSpring, northernSummer, northernAutumn, northernWinter
  case southernSpring, southernSummer, southernAutumn, southernWinter
  case quarter1, quarter2, quarter3, quarter4
  case quadrimester1, quadrimester2, quadrimester3
  case semester1, semester2

  /// The month (1–12) the grouping begins in.
  var firstMonth: Int {
    switch self {
    case .spring, .northernSpring, .southernAutumn: 3
    case .summer, .northernSummer, .southernWinter: 6
    case .autumn, .northernAutumn, .southernSpring: 9
    case .winter, .northernWinter, .southernSummer: 12
    case .quarter1, .quadrimester1, .semester1: 1
    case .quarter2: 4
    case .quarter3, .semester2: 7
    case .quarter4: 10
    case .quadrimester2: 5
    case .quadrimester3: 9
    }
  }

  /// How many months the grouping lasts.
  var monthCount: Int {
    switch self {
    case .quadrimester1, .quadrimester2, .quadrimester3: 4
    case .semester1, .semester2: 6
    default: 3
    }
  }

  /// Whether the grouping ends in the next year (winter, southern summer).
  var crossesYear: Bool { firstMonth + monthCount - 1 > 12 }

  /// Whether level 1 has the code (21–24); the others are level 2.
  var isLevel1: Bool { rawValue <= 24 }

  func firstDay(ofYear year: Int) -> CalendarDay {
    CalendarDay(unchecked: year, firstMonth, 1)
  }

  func lastDay(ofYear year: Int) -> CalendarDay {
    let lastMonthIndex = firstMonth + monthCount - 2  // 0-based, may pass 11
    let lastYear = year + lastMonthIndex / 12
    let lastMonth = lastMonthIndex % 12 + 1
    return CalendarDay(
      unchecked: lastYear, lastMonth,
      CalendarDay.numberOfDays(inMonth: lastMonth, year: lastYear))
  }

  /// The grouping named before a year: "spring", "Q4", "first semester".
  var name: String {
    switch self {
    case .spring, .northernSpring, .southernSpring: "spring"
    case .summer, .northernSummer, .southernSummer: "summer"
    case .autumn, .northernAutumn, .southernAutumn: "autumn"
    case .winter, .northernWinter, .southernWinter: "winter"
    case .quarter1: "Q1"
    case .quarter2: "Q2"
    case .quarter3: "Q3"
    case .quarter4: "Q4"
    case .quadrimester1: "first quadrimester"
    case .quadrimester2: "second quadrimester"
    case .quadrimester3: "third quadrimester"
    case .semester1: "first semester"
    case .semester2: "second semester"
    }
  }

  /// Said after the year, for the hemisphere-specific seasons.
  var hemisphereSuffix: String {
    switch rawValue {
    case 25...28: " (northern hemisphere)"
    case 29...32: " (southern hemisphere)"
    default: ""
    }
  }
}
