import Testing
@testable import Chronicle

/// ``DocumentIdentifier/isURL(_:)`` agrees with the rule it implements, checked on
/// Unicode text.
struct URLCheckTests {
  /// The rule, on characters.
  private func reference(_ text: String) -> Bool {
    let lower = text.lowercased()
    for prefix in ["https://", "http://"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      return !host.isEmpty && !text.contains(where: { $0.isWhitespace })
    }
    return false
  }

  @Test(arguments: [
    "https://example.org", "http://example.org/a?b#c", "HTTPS://EXAMPLE.ORG", "HtTp://x", "https://", "http://",
    "https:///path", "https://?q", "https://#f", "ftp://example.org", "https://exa mple.org", "https://example.org\t",
    "https://example.org\r\n", "https//example.org", "", "h", "https://例え.jp", "https://example.org/\u{00A0}",
    "İhttps://x", "https://x\u{2003}", " https://x",
  ])
  func agreesWithTheRule(text: String) {
    #expect(DocumentIdentifier.isURL(text) == reference(text), "\(text)")
  }

  @Test func agreesWithTheRuleOnRandomText() {
    let alphabet = Array("hHtTpPsS:/?#x. \t\r\n")
    var random = GeneratorRandom(seed: 12345)
    func next() -> Int { Int(truncatingIfNeeded: random.next() >> 33) }
    for _ in 0..<20_000 {
      let prefix = ["", "http://", "https://", "HTTPS://", "Http://"][next() % 5]
      let length = next() % 12
      let text = prefix + String((0..<length).map { _ in alphabet[next() % alphabet.count] })
      #expect(DocumentIdentifier.isURL(text) == reference(text), "\(text)")
    }
  }
}
