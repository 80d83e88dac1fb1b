/// The members of one object, with a record of which were read.
///
/// Keys are unique in an object (both readers refuse duplicates), so a member is
/// marked by its index: a bit mask, with a list of flags beyond 64 members.
struct ObjectFields {
  let members: [InputMember]
  let position: TextPosition
  let path: DocumentPath
  private var used: UInt64 = 0
  private var usedBeyond: [Bool] = []

  init(members: [InputMember], position: TextPosition, path: DocumentPath) {
    self.members = members
    self.position = position
    self.path = path
  }

  /// The member with this key, marking it read.
  mutating func take(_ key: String) -> InputMember? {
    guard let index = index(of: key) else { return nil }
    mark(index)
    return members[index]
  }

  /// The member with this key, without marking it.
  func peek(_ key: String) -> InputMember? {
    index(of: key).map { members[$0] }
  }

  mutating func markUsed(_ key: String) {
    if let index = index(of: key) { mark(index) }
  }

  func wasUsed(_ key: String) -> Bool {
    guard let index = index(of: key) else { return false }
    return isUsed(index)
  }

  /// Whether some member was not read.
  var hasUnused: Bool {
    if members.count <= 64 { return used.nonzeroBitCount != members.count }
    return used != .max || usedBeyond.count != members.count - 64 || usedBeyond.contains(false)
  }

  /// The members no reader asked for, in the order written.
  var unused: [InputMember] { members.indices.filter { !isUsed($0) }.map { members[$0] } }

  /// Compares the keys' lengths first: most keys differ in length, and a length is read
  /// inline, where comparing two different strings takes a call.
  @inline(__always)
  private func index(of key: String) -> Int? {
    let length = key.utf8.count
    return members.firstIndex { $0.key.utf8.count == length && $0.key == key }
  }

  private mutating func mark(_ index: Int) {
    if index < 64 {
      used |= 1 << UInt64(index)
    } else {
      if usedBeyond.isEmpty { usedBeyond = [Bool](repeating: false, count: members.count - 64) }
      usedBeyond[index - 64] = true
    }
  }

  private func isUsed(_ index: Int) -> Bool {
    if index < 64 { return used & (1 << UInt64(index)) != 0 }
    return usedBeyond.isEmpty ? false : usedBeyond[index - 64]
  }
}
