extension Diagnostic.Code {
  // Errors in the shape of a timeline file.
  /// A required field is missing.
  public static let missingField = Self("missing-field")
  /// A value has the wrong type (a number where text is expected, a list where an object is).
  public static let wrongType = Self("wrong-type")
  /// A text field is empty where text is required.
  public static let emptyValue = Self("empty-value")
  /// The file declares a format version this Chronicle does not read.
  public static let unsupportedVersion = Self("unsupported-version")
  /// A key Chronicle does not know (a warning: the value is ignored).
  public static let unknownKey = Self("unknown-key")
  /// A field that the entity's kind may not have.
  public static let fieldNotAllowed = Self("field-not-allowed")

  // Errors in meaning.
  /// An entity kind other than event, person, organisation, place, document.
  public static let unknownKind = Self("unknown-kind")
  /// A relation type that is neither built in nor declared.
  public static let unknownRelationType = Self("unknown-relation-type")
  /// A relation type declaration that is invalid or clashes with another.
  public static let invalidRelationType = Self("invalid-relation-type")
  /// Two entities with one id in the same file.
  public static let duplicateID = Self("duplicate-id")
  /// Two files give different values to one field of the same entity.
  public static let conflictingValue = Self("conflicting-value")
  /// A reference to an id no entity has.
  public static let danglingReference = Self("dangling-reference")
  /// A reference to an entity of a kind that cannot stand there.
  public static let wrongKind = Self("wrong-kind")
  /// A relation whose ends are not of kinds its type allows.
  public static let relationSignature = Self("relation-signature")
  /// An invalid EDTF date or a reversed interval.
  public static let invalidDate = Self("invalid-date")
  /// A claim whose value, range or references are malformed.
  public static let malformedClaim = Self("malformed-claim")
  /// An identifier that does not fit its scheme (a UN symbol, ISBN, URL…).
  public static let invalidIdentifier = Self("invalid-identifier")
  /// Coordinates out of range.
  public static let invalidCoordinates = Self("invalid-coordinates")

  // Warnings.
  /// A document cites a later document, or reports an event that begins after it.
  public static let anachronism = Self("anachronism")
  /// A cycle in `part-of` or `precedes`.
  public static let cycle = Self("cycle")
  /// An entity that no relation, field, citation or claim refers to, and that refers to nothing.
  public static let unrelatedEntity = Self("unrelated-entity")
  /// A claim with no source.
  public static let unsourcedClaim = Self("unsourced-claim")
  /// Two ids that differ only in Unicode normalisation (NFC and NFD spellings): two
  /// entities that look like one.
  public static let lookAlikeIDs = Self("look-alike-ids")
  /// An empty item (null or empty text) in a list of texts, which is ignored.
  public static let emptyItem = Self("empty-item")
  /// An event without a date.
  public static let undatedEvent = Self("undated-event")
}
