import Testing
@testable import Chronicle

struct StringInternerTests {
  private func text(_ interner: inout StringInterner, _ value: String) -> String {
    let bytes = Array(value.utf8)
    return bytes.withUnsafeBufferPointer { interner.text($0) }
  }

  @Test(arguments: ["", "short", "exactly 15 bytes", "Letter dated 6 January 1954 from the Permanent", "Nakşaşen Region — 叶 🇺🇳 and more"])
  func givesTheTextOfTheBytes(value: String) {
    var interner = StringInterner()
    #expect(text(&interner, value) == value)
    #expect(text(&interner, value) == value)
  }

  @Test func keepsOnlyTextsThatNeedAnAllocation() {
    var interner = StringInterner()
    _ = text(&interner, "p. 12")
    _ = text(&interner, String(repeating: "x", count: StringInterner.minimumLength - 1))
    #expect(interner.count == 0)
    _ = text(&interner, String(repeating: "x", count: StringInterner.minimumLength))
    _ = text(&interner, String(repeating: "x", count: StringInterner.minimumLength))
    #expect(interner.count == 1)
    _ = text(&interner, String(repeating: "y", count: StringInterner.maximumLength + 1))
    #expect(interner.count == 1)
  }

  @Test func keepsManyDistinctTexts() {
    var interner = StringInterner()
    let values = (0..<5000).map { "annex, paragraph \($0)" }
    for value in values { #expect(text(&interner, value) == value) }
    #expect(interner.count == values.count)
    for value in values.reversed() { #expect(text(&interner, value) == value) }
    #expect(interner.count == values.count)
  }

  @Test func distinguishesTextsOfOneLengthAndPrefix() {
    var interner = StringInterner()
    let first = text(&interner, "houses destroyed: 12345678")
    let second = text(&interner, "houses destroyed: 12345679")
    #expect(first != second)
    #expect(interner.count == 2)
  }

  @Test func sharesTheTextsOfAJSONFile() throws {
    let json = #"[{"t": "Letter dated 6 January 1954"}, {"t": "Letter dated 6 January 1954"}, {"t": "Letter dated 6 January 1955"}]"#
    let root = try JSONReader.read(json)
    guard case .array(let items) = root.value else {
      Issue.record("expected an array")
      return
    }
    let texts = items.compactMap { item -> String? in
      guard case .object(let members) = item.value, case .string(let text) = members[0].value.value else { return nil }
      return text
    }
    #expect(texts == ["Letter dated 6 January 1954", "Letter dated 6 January 1954", "Letter dated 6 January 1955"])
  }
}
