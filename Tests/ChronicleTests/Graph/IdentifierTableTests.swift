@testable import Chronicle
import PropertyBased
import Testing

/// People with these ids, in order.
private func people(_ ids: [String]) -> [Entity] {
  ids.map { Entity(id: $0, kind: .person, label: $0) }
}

/// A table built as the builder builds it, one insertion after another, with what
/// each insertion returned.
private func insertingEach(_ entities: [Entity]) -> (table: IdentifierTable, returned: [EntityIndex?]) {
  var table = IdentifierTable()
  var returned: [EntityIndex?] = []
  entities.withUnsafeBufferPointer { buffer in
    for position in buffer.indices {
      // Only the entities before this one are "in the array", as in the builder.
      let before = UnsafeBufferPointer(rebasing: buffer[..<position])
      returned.append(table.insert(buffer[position].id, at: position, in: before))
    }
  }
  return (table, returned)
}

private func lookUp(_ id: String, in table: IdentifierTable, _ entities: [Entity]) -> EntityIndex? {
  entities.withUnsafeBufferPointer { table.position(of: id, in: $0) }
}

@Suite struct IdentifierTableTests {
  @Test func emptyTableFindsNothing() {
    let table = IdentifierTable()
    #expect(table.count == 0)
    #expect(lookUp("a", in: table, []) == nil)
    #expect(lookUp("", in: table, []) == nil)
    #expect(table.find(0) { _ in true } == nil)
  }

  @Test func findsEachIdAndReturnsTheFirstForARepeat() {
    let entities = people(["a", "b", "", "a", "c", ""])
    let (table, returned) = insertingEach(entities)
    #expect(returned == [nil, nil, nil, EntityIndex(0), nil, EntityIndex(2)])
    #expect(table.count == 4)
    #expect(lookUp("a", in: table, entities) == EntityIndex(0))
    #expect(lookUp("c", in: table, entities) == EntityIndex(4))
    #expect(lookUp("", in: table, entities) == EntityIndex(2))
    #expect(lookUp("d", in: table, entities) == nil)
  }

  /// `café` with a precomposed `é` and with `e` + U+0301 are two ids, though `==` holds
  /// them equal.
  @Test func canonicallyEquivalentSpellingsAreTwoIds() {
    let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
    #expect(nfc == nfd)
    let entities = people([nfc, nfd])
    let (table, returned) = insertingEach(entities)
    #expect(returned == [nil, nil])
    #expect(lookUp(nfc, in: table, entities) == EntityIndex(0))
    #expect(lookUp(nfd, in: table, entities) == EntityIndex(1))
    #expect(lookUp("cafe", in: table, entities) == nil)
  }

  /// Long ids (not stored inline in a `String`) that differ only near their ends.
  @Test func longIdsDifferingLate() {
    let stem = String(repeating: "x", count: 1000)
    let ids = [stem + "a", stem + "b", "a" + stem, stem, stem + "ab", String(repeating: "é", count: 300)]
    let entities = people(ids)
    let (table, returned) = insertingEach(entities)
    #expect(returned.allSatisfy { $0 == nil })
    for (position, id) in ids.enumerated() {
      #expect(table.find(IdentifierTable.hash(id)) { entities[$0].id == id } == position)
      #expect(lookUp(id, in: table, entities) == EntityIndex(position))
    }
    #expect(lookUp(stem + "c", in: table, entities) == nil)
  }

  /// Every position under one hash: each is found by its comparison alone, before and
  /// after the table grows.
  @Test func collidingHashesAreTellApartByComparison() {
    var table = IdentifierTable()
    let keys = (0..<500).map { "key-\($0)" }
    for (position, key) in keys.enumerated() {
      #expect(table.insert(42, at: position) { keys[$0] == key } == nil)
    }
    #expect(table.insert(42, at: 999) { keys[$0] == "key-7" } == 7)
    #expect(table.count == 500)
    for (position, key) in keys.enumerated() {
      #expect(table.find(42) { keys[$0] == key } == position)
    }
    #expect(table.find(42) { _ in false } == nil)
    // Other high 32 bits (the tag kept in a slot): no comparison can match.
    #expect(table.find(42 | 1 << 40) { _ in true } == nil)
    // The same high 32 bits and other low bits: the tag agrees, the comparison decides.
    #expect(table.find(43) { keys[$0] == "key-3" } == 3)
    #expect(table.find(43) { _ in false } == nil)
  }

  @Test func growsFromEmptyAndFromAReservation() {
    let entities = people((0..<20_000).map { "entity-\($0)" })
    let grown = insertingEach(entities).table
    var reserved = IdentifierTable()
    reserved.reserveCapacity(entities.count)
    entities.withUnsafeBufferPointer { buffer in
      for position in buffer.indices { _ = reserved.insert(buffer[position].id, at: position, in: buffer) }
    }
    let built = entities.withUnsafeBufferPointer(IdentifierTable.init(indexing:))
    for table in [grown, reserved, built] {
      #expect(table.count == entities.count)
      for position in stride(from: 0, to: entities.count, by: 97) {
        #expect(lookUp(entities[position].id, in: table, entities) == EntityIndex(position))
      }
      #expect(lookUp("entity-20000", in: table, entities) == nil)
    }
  }

  /// The batched lookup gives what one lookup after another gives, nil ids included.
  @Test func batchedLookupsMatchSingleOnes() {
    let entities = people((0..<300).map { "e\($0)" } + ["", "caf\u{E9}"])
    let table = entities.withUnsafeBufferPointer(IdentifierTable.init(indexing:))
    let queries: [String?] = (0..<700).map { $0 % 7 == 0 ? nil : "e\($0 % 350)" } + ["", "cafe\u{301}", "caf\u{E9}"]
    var batched: [EntityIndex?] = []
    var order: [Int] = []
    entities.withUnsafeBufferPointer { buffer in
      table.positions(count: queries.count, of: { queries[$0] }, in: buffer) { item, found in
        order.append(item)
        batched.append(found)
      }
    }
    #expect(order == Array(queries.indices))
    #expect(batched == queries.map { query in query.flatMap { lookUp($0, in: table, entities) } })
    #expect(batched.suffix(3) == [EntityIndex(300), nil, EntityIndex(301)])
    var none = 0
    entities.withUnsafeBufferPointer { buffer in
      IdentifierTable().positions(count: 40, of: { "e\($0)" }, in: buffer) { _, found in if found == nil { none += 1 } }
    }
    #expect(none == 40)
  }

  /// Against a dictionary keyed by ``IdentifierKey``: ids made of a few pieces, look-alike
  /// spellings and the empty id among them, give the same first positions.
  @Test func agreesWithADictionaryOfIdentifierKeys() async {
    let pieces = ["a", "b", "\u{E9}", "e\u{301}", "-", "0123456789abcdef", ""]
    let id = Gen.element(of: pieces).array(of: 0...4).map { $0.compactMap { $0 }.joined() }
    await propertyCheck(count: 300, input: id.array(of: 0...60), id.array(of: 1...20)) { ids, queries in
      let entities = people(ids)
      var dictionary: [IdentifierKey: EntityIndex] = [:]
      for (position, id) in ids.enumerated() where dictionary[IdentifierKey(id)] == nil {
        dictionary[IdentifierKey(id)] = EntityIndex(position)
      }
      let (table, returned) = insertingEach(entities)
      #expect(table.count == dictionary.count)
      for (position, id) in ids.enumerated() {
        let first = dictionary[IdentifierKey(id)]
        #expect(returned[position] == (first == EntityIndex(position) ? nil : first))
      }
      for query in queries + ids {
        #expect(lookUp(query, in: table, entities) == dictionary[IdentifierKey(query)])
      }
    }
  }
}
