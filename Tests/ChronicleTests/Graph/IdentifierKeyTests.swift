import Foundation
import Testing

@testable import Chronicle

/// Ids compare by their code points, whatever the strings' representations.
@Suite struct IdentifierKeyTests {
  /// A string with the same text in storage of its own (not shared with `text`).
  private func copy(_ text: String) -> String {
    var bytes = Array(text.utf8)
    bytes.append(0x21)
    return String(decoding: bytes.dropLast(), as: UTF8.self)
  }

  @Test(arguments: [
    ("", "", true),
    ("e1", "e1", true),
    ("event-1000000", "event-1000000", true),
    ("fifteen-bytes-x", "fifteen-bytes-x", true),
    ("sixteen-bytes-xy", "sixteen-bytes-xy", true),
    ("a much longer identifier, well past any inline form", "a much longer identifier, well past any inline form", true),
    ("e1", "e2", false),
    ("e1", "e10", false),
    ("sixteen-bytes-xy", "sixteen-bytes-xz", false),
    ("caf\u{E9}", "cafe\u{301}", false),
    ("叶-1", "叶-1", true),
    ("🇺🇳 long enough to be stored out of line", "🇺🇳 long enough to be stored out of line", true),
  ])
  func comparesCodePoints(left: String, right: String, same: Bool) {
    #expect(IdentifierKey.sameCodePoints(left, right) == same)
    #expect(IdentifierKey.sameCodePoints(copy(left), right) == same)
    #expect(IdentifierKey.sameCodePoints(left, copy(right)) == same)
    #expect(IdentifierKey.sameCodePoints(String(left[...]), String(right[...])) == same)
    #expect(IdentifierKey.sameCodePoints(NSString(string: left) as String, right) == same)
    #expect((IdentifierKey(left) == IdentifierKey(right)) == same)
  }
}
