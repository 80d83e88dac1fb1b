import Chronicle
import PropertyBased
import Testing

/// The chronological order of ``EDTFDate`` (its keys live in `EDTFSortKey`).
@Suite struct EDTFSortKeyTests {
  @Test func sortsMixedPrecisionChronologically() throws {
    let texts = [
      "1993", "1992-12", "1992-01-01T10:00:00Z", "1992-01-01", "1992", "../1991",
      "1992-01", "1992~", "1992/..", "1991-24", "199X", "1992-01-01T05:00:00-06",
      "1992-01-01T09:00:00Z", "[1992,1993]", "1992-01-01/1992-12-31", "/1991",
    ]
    let sorted = try texts.map { try EDTFDate($0) }.sorted().map(\.description)
    #expect(
      sorted == [
        "../1991", "/1991", "199X", "1991-24", "1992/..", "[1992,1993]", "1992", "1992~",
        "1992-01-01/1992-12-31", "1992-01", "1992-01-01", "1992-01-01T09:00:00Z",
        "1992-01-01T10:00:00Z", "1992-01-01T05:00:00-06", "1992-12", "1993",
      ])
  }

  @Test func equalValuesDoNotPrecedeEachOther() throws {
    let first = try EDTFDate("?2004-?06")
    let second = try EDTFDate("2004-06?")
    #expect(first == second && !(first < second) && !(second < first))
  }

  @Test func qualifiersDoNotMoveADate() throws {
    let dates = try ["1992?", "1992", "1992%", "1992~"].map { try EDTFDate($0) }.sorted()
    #expect(dates.map(\.description) == ["1992", "1992%", "1992?", "1992~"])
    #expect(Set(dates.map(\.earliest)).count == 1)
  }

  @Test func sortingIsDeterministic() async {
    let texts = Gen.element(of: EDTFGenerators.pool).array(of: 2...30)
    await propertyCheck(count: 200, input: texts) { texts in
      let dates = try texts.compactMap { $0 }.map { try EDTFDate($0) }
      #expect(dates.sorted() == dates.reversed().sorted())
      #expect(dates.shuffled().sorted() == dates.sorted())
    }
  }

  @Test func orderIsTotalAndConsistentWithEquality() async {
    let dates = EDTFGenerators.orderingText
    await propertyCheck(count: 2000, input: dates, dates) { first, second in
      let a = try EDTFDate(first)
      let b = try EDTFDate(second)
      let relations = [a < b, b < a, a == b].filter { $0 }
      #expect(relations.count == 1)
      #expect((a == b) == (a.description == b.description))
      if a == b { #expect(a.hashValue == b.hashValue) }
      #expect(!(a < a))
    }
  }

  @Test func orderIsTransitive() async {
    let dates = EDTFGenerators.orderingText
    await propertyCheck(count: 2000, input: dates, dates, dates) { first, second, third in
      let sorted = try [first, second, third].map { try EDTFDate($0) }.sorted()
      #expect(sorted[0] < sorted[2] || sorted[0] == sorted[2])
      if sorted[0] < sorted[1] && sorted[1] < sorted[2] { #expect(sorted[0] < sorted[2]) }
      if sorted[0] <= sorted[1] && sorted[1] <= sorted[2] { #expect(sorted[0] <= sorted[2]) }
    }
  }

  @Test func earlierStartsComeFirst() async {
    let dates = EDTFGenerators.orderingText
    await propertyCheck(count: 1000, input: dates, dates) { first, second in
      let a = try EDTFDate(first)
      let b = try EDTFDate(second)
      if a < b, let earliestA = a.earliest, let earliestB = b.earliest {
        #expect(earliestA <= earliestB)
      }
      if a < b, a.earliest != nil { #expect(b.earliest != nil) }
    }
  }
}
