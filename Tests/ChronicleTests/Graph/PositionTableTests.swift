import Testing

@testable import Chronicle

/// The position table finds each position by its hash and element, whether it grew
/// by doubling or was sized ahead, before or after positions were added.
@Suite struct PositionTableTests {
  /// Hashes with many collisions of their low bits and of whole values.
  private func hash(_ value: Int) -> UInt64 {
    UInt64(value % 97) << 40 | UInt64(value % 13)
  }

  @Test(arguments: [nil, 0, 10, 5_000, 40_000])
  func findsEveryPosition(reservingAfter reserved: Int?) {
    var table = PositionTable()
    let values = (0..<20_000).map { $0 * 7 % 20_000 }
    for (position, value) in values.enumerated() {
      if position == 100, let reserved { table.reserveCapacity(reserved) }
      table.append(hash(value))
    }
    #expect(table.count == values.count)
    for (position, value) in values.enumerated() where position % 37 == 0 {
      #expect(table.find(hash(value)) { values[$0] == value } == position)
    }
    #expect(table.find(hash(20_001)) { values[$0] == 20_001 } == nil)
  }
}
