import Foundation
import Testing

/// The filters shared by `export`, `render` and `stats`, through the built CLI.
struct FilterOptionTests {
  private func entities(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try runChronicle(["export", "--format", "json"] + arguments + khojalyFiles)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    return object?["entities"] as? [[String: Any]] ?? []
  }

  private func ids(_ arguments: [String]) throws -> [String] {
    try entities(arguments).compactMap { $0["id"] as? String }
  }

  @Test func focusKeepsTheNeighbourhoodAndTheDocumentsItCites() throws {
    let near = try ids(["--focus", "khojaly", "--depth", "1"])
    #expect(near.contains("khojaly") && near.contains("khojaly-assault"))
    #expect(near.contains("letter-2021"))  // cited: kept so nothing loses its source
    let wider = try ids(["--focus", "khojaly", "--depth", "2"])
    #expect(Set(near).isSubset(of: Set(wider)) && wider.count > near.count)
    #expect(try ids(["--focus", "khojaly", "--depth", "0"]).contains("khojaly"))
  }

  @Test func kindsTimeWindowAndMatchNarrowTheGraph() throws {
    let all = try ids([])
    let people = try ids(["--kinds", "person"])
    #expect(!people.isEmpty && people.count < all.count)
    // Events in the window; documents only as the sources of what is kept.
    let in1992 = try entities(["--from", "1992-02", "--to", "1992-02", "--kinds", "event"])
    let events = in1992.filter { $0["kind"] as? String == "event" }
    // The events whose dates overlap February 1992: an open interval from October 1991,
    // the winter of 1991–1992, the assault of 25–26 February, the burials reported to
    // 29 February. The cited documents and the claimants stay, as sources.
    #expect(Set(events.compactMap { $0["id"] as? String }) == [
      "khojaly-encirclement", "khojaly-shelling", "khojaly-assault", "burials-reported-by-the-independent",
    ])
    #expect(!in1992.contains { $0["kind"] as? String == "place" })
    // Case and accents are ignored: "COMMUNIQUE" finds "communiqué".
    let matched = try entities(["--match", "COMMUNIQUE"])
    #expect(matched.contains { ($0["title"] as? String ?? "").contains("communiqué") })
  }

  /// An unknown focus is a usage error (64), not an empty drawing; an empty match too.
  @Test(arguments: [
    (["--focus", "nobody"], "--focus 'nobody': no entity has that id"),
    (["--match", "  "], "--match needs some text to look for"),
    (["--kinds", "persn"], "--kinds: unknown kind 'persn'"),
    (["--from", "1992-02-30"], "--from '1992-02-30'"),
    (["--depth=-1", "--focus", "khojaly"], "--depth must be 0 or more"),
  ])
  func badFiltersAreUsageErrors(arguments: [String], message: String) throws {
    for command in [["export", "--format", "json"], ["stats"]] {
      let result = try runChronicle(command + arguments + khojalyFiles)
      #expect(result.status == 64, "\(command) \(arguments)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }

  /// A focus spelt in the other Unicode normalisation is refused with a hint.
  @Test func focusInTheOtherNormalisationSaysSo() throws {
    let timeline = #"{"entities": [{"id": "caf\u00e9", "kind": "person", "name": "A"}]}"#
    try withFolder(["t.json": Array(timeline.utf8)]) { folder in
      let result = try runChronicle(["export", "--focus", "cafe\u{301}", "t.json"], currentDirectory: folder)
      #expect(result.status == 64)
      #expect(result.stderr.contains("differs from it only in Unicode normalisation"))
    }
  }
}
