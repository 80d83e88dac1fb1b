/// What an entity is: an event, a person, an organisation, a place or a document.
///
///     let kind = EntityKind(rawValue: "organisation")  // .organisation
///     kind?.isActor                                     // true
public enum EntityKind: String, Hashable, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
  /// Something that happened, usually with a date.
  case event
  /// A human being.
  case person
  /// Any formal or informal group: a state, an armed force, a regiment, a court,
  /// a newspaper, a non-governmental organisation, a UN organ.
  case organisation
  /// A town, region, country or any other location.
  case place
  /// A letter, judgment, resolution, declaration, report, article, book, web page…
  case document

  /// Whether the kind can act: a person or an organisation.
  public var isActor: Bool { self == .person || self == .organisation }

  /// Whether entities of this kind are named by a `title` (events, documents)
  /// rather than a `name` (people, organisations, places).
  public var hasTitle: Bool { self == .event || self == .document }

  /// The key that holds this kind's label in a timeline file: `title` or `name`.
  public var labelKey: String { hasTitle ? "title" : "name" }

  /// The kind's name with its indefinite article, for messages: `an event`, `a person`.
  public var withArticle: String { (self == .event || self == .organisation ? "an " : "a ") + rawValue }

  /// The kind's name as written in files.
  public var description: String { rawValue }

  /// Orders kinds as they are declared: event, person, organisation, place, document.
  public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
    lhs.order < rhs.order
  }

  /// The kind's place among the kinds as declared, 0 to 4: an index into tables kept per kind.
  var order: Int {
    switch self {
    case .event: 0
    case .person: 1
    case .organisation: 2
    case .place: 3
    case .document: 4
    }
  }

  /// The actor kinds: person and organisation.
  public static let actors: Set<EntityKind> = [.person, .organisation]
}
