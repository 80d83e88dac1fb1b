/// What a relation's ids resolve to in its graph: the entities at its ends and its type
/// name's number, in 12 bytes, so validation and filtering look no id or name up again.
struct RelationEnds: Sendable, Equatable {
  /// The raw indices of the ends; -1 when no entity has the id.
  private let fromRaw: Int32
  private let toRaw: Int32
  /// The type's name as a position in ``GraphIndex/relationTypeNames``.
  let type: Int32

  init(from: EntityIndex?, to: EntityIndex?, type: Int) {
    self.fromRaw = from?.rawValue ?? -1
    self.toRaw = to?.rawValue ?? -1
    self.type = Int32(truncatingIfNeeded: type)
  }

  /// The entity at the start, or nil when no entity has the `from` id.
  var from: EntityIndex? { fromRaw < 0 ? nil : EntityIndex(rawValue: fromRaw) }
  /// The entity at the end, or nil when no entity has the `to` id.
  var to: EntityIndex? { toRaw < 0 ? nil : EntityIndex(rawValue: toRaw) }
}
