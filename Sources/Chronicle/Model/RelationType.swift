/// A kind of edge between entities, with the kinds allowed at each end.
///
///     RelationType.cites.allows(from: .document, to: .document)  // true
///     RelationType.cites.allows(from: .person, to: .document)    // false
///
/// A signature is a list of allowed (from, to) pairs, so `part-of` can join an
/// event to an event and an organisation to an organisation, but not one to the other.
public struct RelationType: Hashable, Sendable, Identifiable, CustomStringConvertible {
  /// One allowed pair of end kinds.
  public struct Signature: Hashable, Sendable, CustomStringConvertible {
    /// Kinds allowed at the start of the edge.
    public var from: Set<EntityKind>
    /// Kinds allowed at the end of the edge.
    public var to: Set<EntityKind>

    /// Creates a signature.
    public init(from: Set<EntityKind>, to: Set<EntityKind>) {
      self.from = from
      self.to = to
    }

    /// `person|organisation → event`.
    public var description: String {
      Self.describe(from) + " → " + Self.describe(to)
    }

    static func describe(_ kinds: Set<EntityKind>) -> String {
      kinds.count == EntityKind.allCases.count ? "any" : kinds.sorted().map(\.rawValue).joined(separator: "|")
    }
  }

  /// The relation's name as written in files, in kebab-case: `addressed-to`.
  public var id: String
  /// The allowed end kinds.
  public var signatures: [Signature]
  /// What the relation means, in a sentence.
  public var summary: String
  /// Whether the relation is part of Chronicle's own vocabulary.
  public var isBuiltIn: Bool

  /// Creates a relation type.
  public init(id: String, signatures: [Signature], summary: String, isBuiltIn: Bool = false) {
    self.id = id
    self.signatures = signatures
    self.summary = summary
    self.isBuiltIn = isBuiltIn
  }

  /// Whether an edge from `from` to `to` fits one of the signatures.
  public func allows(from: EntityKind, to: EntityKind) -> Bool {
    signatures.contains { $0.from.contains(from) && $0.to.contains(to) }
  }

  /// The name.
  public var description: String { id }

  /// The signatures in words: `person|organisation → event`.
  public var signatureDescription: String {
    signatures.map(\.description).joined(separator: " or ")
  }
}

extension RelationType {
  private static func builtIn(_ id: String, _ from: Set<EntityKind>, _ to: Set<EntityKind>, _ summary: String) -> RelationType {
    RelationType(id: id, signatures: [Signature(from: from, to: to)], summary: summary, isBuiltIn: true)
  }

  private static let all = Set(EntityKind.allCases)

  /// An actor took part in an event; `role` says how (perpetrator, victim, witness…).
  public static let participant = builtIn("participant", EntityKind.actors, [.event], "an actor took part in an event (role: perpetrator, victim, witness…)")
  /// An actor wrote a document.
  public static let authored = builtIn("authored", EntityKind.actors, [.document], "an actor wrote a document")
  /// An actor edited a document, such as an edited volume.
  public static let edited = builtIn("edited", EntityKind.actors, [.document], "an actor edited a document")
  /// An actor signed a document.
  public static let signed = builtIn("signed", EntityKind.actors, [.document], "an actor signed a document")
  /// An actor issued a document (a government, a court, a UN organ).
  public static let issued = builtIn("issued", EntityKind.actors, [.document], "an actor issued a document")
  /// An actor published a document (a newspaper, a publishing house).
  public static let published = builtIn("published", EntityKind.actors, [.document], "an actor published a document")
  /// A document is addressed to an actor.
  public static let addressedTo = builtIn("addressed-to", [.document], EntityKind.actors, "a document is addressed to an actor")
  /// A document cites another; `locator` says where (`footnote 11`).
  public static let cites = builtIn("cites", [.document], [.document], "a document cites another document (locator: where)")
  /// A document is contained in another, such as a chapter in a book or an annex to a letter.
  public static let containedIn = builtIn("contained-in", [.document], [.document], "a document is contained in another (chapter in a book, annex to a letter)")
  /// A document reports an event.
  public static let reports = builtIn("reports", [.document], [.event], "a document reports an event")
  /// A document mentions any entity.
  public static let mentions = builtIn("mentions", [.document], all, "a document mentions an entity")
  /// An event or place lies in a place.
  public static let locatedIn = builtIn("located-in", [.event, .place], [.place], "an event or place lies in a place")
  /// An event is part of a larger event, or an organisation of a larger organisation.
  public static let partOf = RelationType(
    id: "part-of",
    signatures: [Signature(from: [.event], to: [.event]), Signature(from: [.organisation], to: [.organisation])],
    summary: "an event is part of a larger event, or an organisation of a larger one",
    isBuiltIn: true
  )
  /// An event comes before another.
  public static let precedes = builtIn("precedes", [.event], [.event], "an event comes before another")
  /// An actor is a member of an organisation, optionally dated (`1990-05/..`).
  public static let memberOf = builtIn("member-of", EntityKind.actors, [.organisation], "an actor is a member of an organisation (dated)")
  /// An actor represents an organisation, optionally dated.
  public static let represents = builtIn("represents", EntityKind.actors, [.organisation], "an actor represents an organisation (dated)")

  /// Chronicle's vocabulary, in a fixed order.
  public static let builtIns: [RelationType] = [
    .participant, .authored, .edited, .signed, .issued, .published, .addressedTo, .cites, .containedIn,
    .reports, .mentions, .locatedIn, .partOf, .precedes, .memberOf, .represents,
  ]
}
