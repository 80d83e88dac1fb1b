#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TimelineDecoder {
  /// Decodes the element of a top-level list at the parser's offset straight from its
  /// bytes into an entity, relation or claim, without the tree ``JSONByteParser/parseElement()``
  /// builds, the parser left after it.
  ///
  /// Only an element that the general path (``decodeRecord(_:of:index:offset:)``) reads
  /// with no diagnostic and with its provenance in the compact form is read here: every
  /// key known and written once in plain ASCII, every value of the expected type, no
  /// `null`, no empty required text or list item, valid dates and numbers. For any other
  /// element this returns nil and puts the parser back where it was, and the general
  /// path reads the element again and reports what it finds. The two paths give equal
  /// records (tested on generated and mutated files).
  mutating func decodeDirect(
    _ parser: inout JSONByteParser, section: SourceElement.Section, index: Int, document: SourceDocument
  ) -> Record? {
    let start = parser.state
    let offset = parser.offset
    guard
      let element = SourceElement(
        document: document, offset: offset, section: section, index: index, position: parser.currentPosition)
    else { return nil }
    do throws(DirectBail) {
      switch section {
      case .entities: return .entity(try directEntity(&parser, provenance: Provenance(element: element)))
      case .relations: return .relation(try directRelation(&parser, provenance: Provenance(element: element)))
      case .claims: return .claim(try directClaim(&parser, provenance: Provenance(element: element)))
      case .relationTypes: return nil
      }
    } catch {
      parser.state = start
      return nil
    }
  }

  // MARK: Elements

  private mutating func directEntity(_ parser: inout JSONByteParser, provenance: Provenance) throws(DirectBail) -> Entity {
    var seen = DirectKeys()
    var id: String?
    var kindText: String?
    var name: String?
    var title: String?
    var date: EDTFDate?
    var sources: [Citation] = []
    var place: String?
    var details = EntityDetails()
    try Self.directObject(&parser) { key, parser throws(DirectBail) in
      switch Self.entityKey(key) {
      case .id?: try seen.insert(0); id = try Self.directText(&parser, required: true)
      case .kind?: try seen.insert(1); kindText = try Self.directText(&parser, required: true)
      case .name?: try seen.insert(2); name = try Self.directText(&parser)
      case .title?: try seen.insert(3); title = try Self.directText(&parser)
      case .date?: try seen.insert(4); date = try directDate(&parser)
      case .sources?: try seen.insert(5); sources = try directCitations(&parser)
      case .place?: try seen.insert(6); place = try Self.directText(&parser)
      case .aliases?: try seen.insert(7); details.aliases = try Self.directTexts(&parser)
      case .description?: try seen.insert(8); details.summary = try Self.directText(&parser)
      case .notes?: try seen.insert(9); details.notes = try Self.directTexts(&parser)
      case .partOf?: try seen.insert(10); details.partOf = try Self.directText(&parser)
      case .type?: try seen.insert(11); details.type = try Self.directText(&parser)
      case .publisher?: try seen.insert(12); details.publisher = try Self.directText(&parser)
      case .pages?: try seen.insert(13); details.pages = try Self.directText(&parser)
      case .parent?: try seen.insert(14); details.parent = try Self.directText(&parser)
      case .steps?: try seen.insert(15); details.steps = try directSteps(&parser)
      case .identifiers?: try seen.insert(16); details.identifiers = try Self.directIdentifiers(&parser)
      case .positions?: try seen.insert(17); details.positions = try directPositions(&parser)
      case .coordinates?: try seen.insert(18); details.coordinates = try Self.directCoordinates(&parser)
      case nil: throw DirectBail()
      }
    }
    guard let id, let kindText, let kind = EntityKind(rawValue: kindText) else { throw DirectBail() }
    // The other kind's label key is an error or an unknown key on the general path.
    let label = kind.hasTitle ? title : name
    let other = kind.hasTitle ? name : title
    guard let label, !label.isEmpty, other == nil else { throw DirectBail() }
    return Entity(
      id: id, kind: kind, label: label, date: date, sources: sources, place: place, details: details,
      provenance: provenance)
  }

  private mutating func directRelation(_ parser: inout JSONByteParser, provenance: Provenance) throws(DirectBail) -> Relation {
    var seen = DirectKeys()
    var from: String?
    var type: String?
    var to: String?
    var role: String?
    var date: EDTFDate?
    var locator: String?
    var note: String?
    var sources: [Citation] = []
    try Self.directObject(&parser) { key, parser throws(DirectBail) in
      switch Self.relationKey(key) {
      case .from?: try seen.insert(0); from = try Self.directText(&parser, required: true)
      case .type?: try seen.insert(1); type = try Self.directText(&parser, required: true)
      case .to?: try seen.insert(2); to = try Self.directText(&parser, required: true)
      case .role?: try seen.insert(3); role = try Self.directText(&parser)
      case .date?: try seen.insert(4); date = try directDate(&parser)
      case .locator?: try seen.insert(5); locator = try Self.directText(&parser)
      case .note?: try seen.insert(6); note = try Self.directText(&parser)
      case .sources?: try seen.insert(7); sources = try directCitations(&parser)
      case nil: throw DirectBail()
      }
    }
    guard let from, let type, let to else { throw DirectBail() }
    return Relation(
      from: from, type: type, to: to, role: role, date: date, locator: locator, note: note, sources: sources,
      provenance: provenance)
  }

  private mutating func directClaim(_ parser: inout JSONByteParser, provenance: Provenance) throws(DirectBail) -> Claim {
    var seen = DirectKeys()
    var subject: String?
    var property: String?
    var value: ClaimValue?
    var id: String?
    var unit: String?
    var qualifier: String?
    var claimant: String?
    var reportedBy: String?
    var date: EDTFDate?
    var note: String?
    var sources: [Citation] = []
    try Self.directObject(&parser) { key, parser throws(DirectBail) in
      switch Self.claimKey(key) {
      case .subject?: try seen.insert(0); subject = try Self.directText(&parser, required: true)
      case .property?: try seen.insert(1); property = try Self.directText(&parser, required: true)
      case .value?: try seen.insert(2); value = try Self.directClaimValue(&parser)
      case .id?: try seen.insert(3); id = try Self.directText(&parser)
      case .unit?: try seen.insert(4); unit = try Self.directText(&parser)
      case .qualifier?: try seen.insert(5); qualifier = try Self.directText(&parser)
      case .claimant?: try seen.insert(6); claimant = try Self.directText(&parser)
      case .reportedBy?: try seen.insert(7); reportedBy = try Self.directText(&parser)
      case .date?: try seen.insert(8); date = try directDate(&parser)
      case .note?: try seen.insert(9); note = try Self.directText(&parser)
      case .sources?: try seen.insert(10); sources = try directCitations(&parser)
      case nil: throw DirectBail()
      }
    }
    guard let subject, let property, let value else { throw DirectBail() }
    var claim = Claim(subject: subject, property: property, value: value)
    claim.id = id
    claim.unit = unit
    claim.qualifier = qualifier
    claim.claimant = claimant
    claim.reportedBy = reportedBy
    claim.date = date
    claim.note = note
    claim.sources = sources
    claim.provenance = provenance
    return claim
  }

  // MARK: Nested objects

  private mutating func directCitations(_ parser: inout JSONByteParser) throws(DirectBail) -> [Citation] {
    var citations: [Citation] = []
    try Self.directArray(&parser) { parser throws(DirectBail) in
      var seen = DirectKeys()
      var document: String?
      var locator: String?
      var quote: String?
      try Self.directObject(&parser) { key, parser throws(DirectBail) in
        if Self.equals(key, "document") {
          try seen.insert(0); document = try Self.directText(&parser, required: true)
        } else if Self.equals(key, "locator") {
          try seen.insert(1); locator = try Self.directText(&parser)
        } else if Self.equals(key, "quote") {
          try seen.insert(2); quote = try Self.directText(&parser)
        } else {
          throw DirectBail()
        }
      }
      guard let document else { throw DirectBail() }
      if quote == nil {
        citations.append(Citation(document: document, locator: locator, sharing: citationTail))
      } else {
        citations.append(Citation(document: document, locator: locator, quote: quote, file: file))
      }
    }
    return citations
  }

  private mutating func directSteps(_ parser: inout JSONByteParser) throws(DirectBail) -> [DocumentStep] {
    var steps: [DocumentStep] = []
    try Self.directArray(&parser) { parser throws(DirectBail) in
      var seen = DirectKeys()
      var label: String?
      var date: EDTFDate?
      try Self.directObject(&parser) { key, parser throws(DirectBail) in
        if Self.equals(key, "label") {
          try seen.insert(0); label = try Self.directText(&parser, required: true)
        } else if Self.equals(key, "date") {
          try seen.insert(1); date = try directDate(&parser)
        } else {
          throw DirectBail()
        }
      }
      guard let label, let date else { throw DirectBail() }
      steps.append(DocumentStep(label: label, date: date))
    }
    return steps
  }

  private static func directIdentifiers(_ parser: inout JSONByteParser) throws(DirectBail) -> [DocumentIdentifier] {
    var identifiers: [DocumentIdentifier] = []
    try directArray(&parser) { parser throws(DirectBail) in
      var seen = DirectKeys()
      var scheme: String?
      var value: String?
      try directObject(&parser) { key, parser throws(DirectBail) in
        if equals(key, "scheme") {
          try seen.insert(0); scheme = try directText(&parser, required: true)
        } else if equals(key, "value") {
          try seen.insert(1); value = try directText(&parser, required: true)
        } else {
          throw DirectBail()
        }
      }
      guard let scheme, let value else { throw DirectBail() }
      identifiers.append(DocumentIdentifier(scheme: DocumentIdentifier.Scheme(rawValue: scheme), value: value))
    }
    return identifiers
  }

  private mutating func directPositions(_ parser: inout JSONByteParser) throws(DirectBail) -> [Position] {
    var positions: [Position] = []
    try Self.directArray(&parser) { parser throws(DirectBail) in
      var seen = DirectKeys()
      var title: String?
      var organisation: String?
      var date: EDTFDate?
      var sources: [Citation] = []
      try Self.directObject(&parser) { key, parser throws(DirectBail) in
        if Self.equals(key, "title") {
          try seen.insert(0); title = try Self.directText(&parser, required: true)
        } else if Self.equals(key, "organisation") {
          try seen.insert(1); organisation = try Self.directText(&parser)
        } else if Self.equals(key, "date") {
          try seen.insert(2); date = try directDate(&parser)
        } else if Self.equals(key, "sources") {
          try seen.insert(3); sources = try directCitations(&parser)
        } else {
          throw DirectBail()
        }
      }
      guard let title else { throw DirectBail() }
      positions.append(Position(title: title, organisation: organisation, date: date, sources: sources))
    }
    return positions
  }

  private static func directCoordinates(_ parser: inout JSONByteParser) throws(DirectBail) -> Coordinates {
    var seen = DirectKeys()
    var latitude: ClaimNumber?
    var longitude: ClaimNumber?
    try directObject(&parser) { key, parser throws(DirectBail) in
      if equals(key, "latitude") {
        try seen.insert(0); latitude = try directNumber(&parser)
      } else if equals(key, "longitude") {
        try seen.insert(1); longitude = try directNumber(&parser)
      } else {
        throw DirectBail()
      }
    }
    guard let latitude, let longitude else { throw DirectBail() }
    return Coordinates(latitude: latitude.value, longitude: longitude.value)
  }

  /// A claim's value: a number, a range `{"low": …, "high": …}` or text.
  private static func directClaimValue(_ parser: inout JSONByteParser) throws(DirectBail) -> ClaimValue {
    switch parser.currentByte {
    case UInt8(ascii: "\"")?:
      return .text(try directText(&parser))
    case UInt8(ascii: "{")?:
      var seen = DirectKeys()
      var low: ClaimNumber?
      var high: ClaimNumber?
      try directObject(&parser) { key, parser throws(DirectBail) in
        if equals(key, "low") {
          try seen.insert(0); low = try directNumber(&parser)
        } else if equals(key, "high") {
          try seen.insert(1); high = try directNumber(&parser)
        } else {
          throw DirectBail()
        }
      }
      guard let low, let high else { throw DirectBail() }
      return .range(low: low, high: high)
    default:
      return .number(try directNumber(&parser))
    }
  }

  // MARK: Values

  /// A date, looked up by its bytes when they are plain ASCII (no `String` made for a
  /// date parsed before).
  private mutating func directDate(_ parser: inout JSONByteParser) throws(DirectBail) -> EDTFDate {
    let start = parser.state
    do {
      if let bytes = parser.plainASCIIString() { return try dates.date(bytes: bytes) }
      parser.state = start
      return try dates.date(try Self.directText(&parser))
    } catch {
      throw DirectBail()
    }
  }

  /// A JSON string; not empty when `required`.
  @inline(__always)
  private static func directText(_ parser: inout JSONByteParser, required: Bool = false) throws(DirectBail) -> String {
    guard parser.currentByte == UInt8(ascii: "\"") else { throw DirectBail() }
    let text: String
    do {
      text = try parser.readString()
    } catch {
      throw DirectBail()
    }
    if required && text.isEmpty { throw DirectBail() }
    return text
  }

  /// A list of texts, none empty.
  private static func directTexts(_ parser: inout JSONByteParser) throws(DirectBail) -> [String] {
    var texts: [String] = []
    try directArray(&parser) { parser throws(DirectBail) in
      texts.append(try directText(&parser, required: true))
    }
    return texts
  }

  /// A JSON number that Chronicle reads.
  private static func directNumber(_ parser: inout JSONByteParser) throws(DirectBail) -> ClaimNumber {
    guard let byte = parser.currentByte, byte == UInt8(ascii: "-") || byte &- UInt8(ascii: "0") < 10 else {
      throw DirectBail()
    }
    let text: String
    do {
      text = try parser.readNumber()
    } catch {
      throw DirectBail()
    }
    guard let number = ClaimNumber(parsing: text) else { throw DirectBail() }
    return number
  }

  // MARK: Containers

  /// Reads the object at the offset: `member` gets each key (plain ASCII) with the
  /// offset at its value, and reads the value.
  @inline(__always)
  private static func directObject(
    _ parser: inout JSONByteParser,
    _ member: (UnsafeBufferPointer<UInt8>, inout JSONByteParser) throws(DirectBail) -> Void
  ) throws(DirectBail) {
    guard parser.currentByte == UInt8(ascii: "{") else { throw DirectBail() }
    parser.skipByte()
    parser.skipBlanks()
    if parser.currentByte == UInt8(ascii: "}") {
      parser.skipByte()
      return
    }
    while true {
      guard let key = parser.plainASCIIString() else { throw DirectBail() }
      parser.skipBlanks()
      guard parser.currentByte == UInt8(ascii: ":") else { throw DirectBail() }
      parser.skipByte()
      parser.skipBlanks()
      try member(key, &parser)
      parser.skipBlanks()
      switch parser.currentByte {
      case UInt8(ascii: ",")?:
        parser.skipByte()
        parser.skipBlanks()
      case UInt8(ascii: "}")?:
        parser.skipByte()
        return
      default:
        throw DirectBail()
      }
    }
  }

  /// Reads the array at the offset: `item` reads each element.
  @inline(__always)
  private static func directArray(
    _ parser: inout JSONByteParser, _ item: (inout JSONByteParser) throws(DirectBail) -> Void
  ) throws(DirectBail) {
    guard parser.currentByte == UInt8(ascii: "[") else { throw DirectBail() }
    parser.skipByte()
    parser.skipBlanks()
    if parser.currentByte == UInt8(ascii: "]") {
      parser.skipByte()
      return
    }
    while true {
      try item(&parser)
      parser.skipBlanks()
      switch parser.currentByte {
      case UInt8(ascii: ",")?:
        parser.skipByte()
        parser.skipBlanks()
      case UInt8(ascii: "]")?:
        parser.skipByte()
        return
      default:
        throw DirectBail()
      }
    }
  }

  // MARK: Keys

  @inline(__always)
  private static func equals(_ key: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    key.count == literal.utf8CodeUnitCount
      && (key.isEmpty || memcmp(key.baseAddress!, literal.utf8Start, key.count) == 0)
  }

  private enum EntityKey {
    case id, kind, name, title, date, sources, place, aliases, description, notes, partOf, type, publisher, pages
    case parent, steps, identifiers, positions, coordinates
  }

  private static func entityKey(_ key: UnsafeBufferPointer<UInt8>) -> EntityKey? {
    guard let first = key.first else { return nil }
    switch first {
    case UInt8(ascii: "i"): return equals(key, "id") ? .id : equals(key, "identifiers") ? .identifiers : nil
    case UInt8(ascii: "k"): return equals(key, "kind") ? .kind : nil
    case UInt8(ascii: "n"): return equals(key, "name") ? .name : equals(key, "notes") ? .notes : nil
    case UInt8(ascii: "t"): return equals(key, "title") ? .title : equals(key, "type") ? .type : nil
    case UInt8(ascii: "d"): return equals(key, "date") ? .date : equals(key, "description") ? .description : nil
    case UInt8(ascii: "s"): return equals(key, "sources") ? .sources : equals(key, "steps") ? .steps : nil
    case UInt8(ascii: "a"): return equals(key, "aliases") ? .aliases : nil
    case UInt8(ascii: "c"): return equals(key, "coordinates") ? .coordinates : nil
    case UInt8(ascii: "p"):
      if equals(key, "place") { return .place }
      if equals(key, "partOf") { return .partOf }
      if equals(key, "publisher") { return .publisher }
      if equals(key, "pages") { return .pages }
      if equals(key, "parent") { return .parent }
      return equals(key, "positions") ? .positions : nil
    default: return nil
    }
  }

  private enum RelationKey { case from, type, to, role, date, locator, note, sources }

  private static func relationKey(_ key: UnsafeBufferPointer<UInt8>) -> RelationKey? {
    guard let first = key.first else { return nil }
    switch first {
    case UInt8(ascii: "f"): return equals(key, "from") ? .from : nil
    case UInt8(ascii: "t"): return equals(key, "to") ? .to : equals(key, "type") ? .type : nil
    case UInt8(ascii: "r"): return equals(key, "role") ? .role : nil
    case UInt8(ascii: "d"): return equals(key, "date") ? .date : nil
    case UInt8(ascii: "l"): return equals(key, "locator") ? .locator : nil
    case UInt8(ascii: "n"): return equals(key, "note") ? .note : nil
    case UInt8(ascii: "s"): return equals(key, "sources") ? .sources : nil
    default: return nil
    }
  }

  private enum ClaimKey { case subject, property, value, id, unit, qualifier, claimant, reportedBy, date, note, sources }

  private static func claimKey(_ key: UnsafeBufferPointer<UInt8>) -> ClaimKey? {
    guard let first = key.first else { return nil }
    switch first {
    case UInt8(ascii: "s"): return equals(key, "subject") ? .subject : equals(key, "sources") ? .sources : nil
    case UInt8(ascii: "p"): return equals(key, "property") ? .property : nil
    case UInt8(ascii: "v"): return equals(key, "value") ? .value : nil
    case UInt8(ascii: "i"): return equals(key, "id") ? .id : nil
    case UInt8(ascii: "u"): return equals(key, "unit") ? .unit : nil
    case UInt8(ascii: "q"): return equals(key, "qualifier") ? .qualifier : nil
    case UInt8(ascii: "c"): return equals(key, "claimant") ? .claimant : nil
    case UInt8(ascii: "r"): return equals(key, "reportedBy") ? .reportedBy : nil
    case UInt8(ascii: "d"): return equals(key, "date") ? .date : nil
    case UInt8(ascii: "n"): return equals(key, "note") ? .note : nil
    default: return nil
    }
  }
}

/// Why ``TimelineDecoder/decodeDirect(_:section:index:document:)`` gives an element to
/// the general path: it would report something, or its form is not one the direct path
/// reads.
struct DirectBail: Error {}

/// The keys of one object read so far, one bit each: a key written twice is an error on
/// the general path.
private struct DirectKeys {
  private var bits: UInt32 = 0

  @inline(__always)
  mutating func insert(_ bit: Int) throws(DirectBail) {
    let mask: UInt32 = 1 << bit
    guard bits & mask == 0 else { throw DirectBail() }
    bits |= mask
  }
}
