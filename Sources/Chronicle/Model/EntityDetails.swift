/// The fields of an ``Entity`` that most entities leave empty (most entities are events
/// with an id, a title, a date, a place and sources), kept out of line so that an entity
/// takes about a third of the memory it would with every field inline.
///
/// An entity holds its details in an array of none or one: none while every field is
/// empty, so an event costs no allocation; the array gives copy-on-write, with
/// mutation in place when the entity holds the only reference.
struct EntityDetails: Hashable, Sendable {
  var aliases: [String] = []
  var summary: String?
  var notes: [String] = []
  var partOf: String?
  var type: String?
  var steps: [DocumentStep] = []
  var identifiers: [DocumentIdentifier] = []
  var publisher: String?
  var pages: String?
  var positions: [Position] = []
  var parent: String?
  var coordinates: Coordinates?

  /// Whether every field is empty, as in a new entity.
  var isEmpty: Bool {
    aliases.isEmpty && summary == nil && notes.isEmpty && partOf == nil && type == nil && steps.isEmpty
      && identifiers.isEmpty && publisher == nil && pages == nil && positions.isEmpty && parent == nil
      && coordinates == nil
  }

  /// The details as stored in an entity: none when empty.
  var stored: [EntityDetails] { isEmpty ? [] : [self] }
}
