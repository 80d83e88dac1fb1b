import Testing
@testable import Chronicle

struct EDTFDateCacheTests {
  @Test(arguments: ["1992-02-26", "1908-11-11/1908-11-13", "2004?-06-~11", "[1667,1668]", "1985/..", "Y-17E7"])
  func givesTheParsedValue(text: String) throws {
    var cache = EDTFDateCache()
    let first = try cache.date(text)
    let again = try cache.date(text)
    let parsed = try EDTFDate(text)
    #expect(first == parsed)
    #expect(again == parsed)
    #expect(first.description == parsed.description)
    #expect(!(first < again) && !(again < first))
    #expect(cache.count == 1)
  }

  @Test func sharesOneStoragePerText() throws {
    var cache = EDTFDateCache()
    let first = try cache.date("1992-02-26")
    let second = try cache.date("1992-02-26")
    #expect(first.storage === second.storage)
    // Another spelling of the same value is parsed on its own, and still equal.
    let other = try cache.date("?1992-02-26")
    let qualified = try cache.date("1992?-02-26")
    #expect(other.storage !== qualified.storage)
    #expect(other == qualified)
    #expect(cache.count == 3)
  }

  @Test func throwsEveryTimeForAnInvalidText() {
    var cache = EDTFDateCache()
    for _ in 0..<2 {
      #expect(throws: EDTFError.self) { try cache.date("1992-02-30") }
    }
    #expect(cache.count == 0)
  }

  @Test func keepsOrderAndEqualityOfSharedValues() throws {
    var cache = EDTFDateCache()
    let texts = ["1992", "1992-01", "1992-01-01", "1991/1993", "1992"]
    let dates = try texts.map { try cache.date($0) }
    let fresh = try texts.map { try EDTFDate($0) }
    #expect(dates.sorted().map(\.description) == fresh.sorted().map(\.description))
    #expect(Set(dates) == Set(fresh))
  }

  @Test func aDateIsOneReference() {
    #expect(MemoryLayout<EDTFDate?>.size == MemoryLayout<Int>.size)
  }

  /// A date looked up by its bytes is the one looked up by its text: the same storage,
  /// whichever way it was first parsed, also after the table has grown many times.
  @Test func bytesAndTextFindTheSameDate() throws {
    var cache = EDTFDateCache()
    let texts = (0..<5_000).map { number in
      let month = 1 + number / 1000 % 12
      return "\(1000 + number % 1000)-\(month < 10 ? "0" : "")\(month)"
    }
    var first: [String: EDTFDate] = [:]
    for (index, text) in texts.enumerated() {
      let date = index % 2 == 0
        ? try cache.date(text)
        : try Array(text.utf8).withUnsafeBufferPointer { bytes throws(EDTFError) in try cache.date(bytes: bytes) }
      #expect(date == (try EDTFDate(text)))
      first[text] = first[text] ?? date
    }
    #expect(cache.count == Set(texts).count)
    for text in Set(texts) {
      let byBytes = try Array(text.utf8).withUnsafeBufferPointer { bytes throws(EDTFError) in try cache.date(bytes: bytes) }
      let byText = try cache.date(text)
      #expect(byBytes.storage === first[text]?.storage)
      #expect(byText.storage === first[text]?.storage)
    }
    // A prefix, or the same bytes plus one, is another text.
    let short = try Array("1992-0".utf8).withUnsafeBufferPointer { bytes throws(EDTFError) in try? cache.date(bytes: bytes) }
    #expect(short == nil)
    #expect(throws: EDTFError.self) {
      try Array("1992-02-30".utf8).withUnsafeBufferPointer { bytes throws(EDTFError) in try cache.date(bytes: bytes) }
    }
  }
}
