/// The fields of a ``Relation`` that most relations leave empty, kept out of line so
/// that the many relations of a large timeline take less memory.
///
/// A relation holds its details in an array of none or one: none while every field is
/// empty (no allocation); the array gives copy-on-write, with mutation in place when
/// the relation holds the only reference.
struct RelationDetails: Hashable, Sendable {
  var date: EDTFDate?
  var note: String?
  var sources: [Citation] = []

  /// Whether every field is empty.
  var isEmpty: Bool { date == nil && note == nil && sources.isEmpty }

  /// The details as stored in a relation: none when empty.
  var stored: [RelationDetails] { isEmpty ? [] : [self] }
}
