/// Turns the value tree of one timeline file into entities, relations, claims and
/// relation types, reporting every problem with its line, column and path.
///
/// The schema is documented in the README and in `Schema/chronicle.schema.json`.
struct TimelineDecoder {
  /// The format versions this decoder reads.
  static let supportedVersions: Set<Int> = [1]

  /// The top-level keys, in the order they are read.
  static let topLevelKeys = ["chronicle", "title", "description", "relationTypes", "entities", "relations", "claims"]

  let file: String?
  /// Whether each field's position is recorded in the provenance; off when the
  /// elements are read from ``source``, where the positions can be found again.
  var recording = true
  /// The file's bytes, when elements are read one at a time from them.
  var source: SourceDocument?
  /// Every position recorded, when reading one element again for its positions
  /// (kept even when the element is refused, as its provenance was while decoding it).
  private var collected: [String: TextPosition]?
  private(set) var diagnostics: [Diagnostic] = []
  /// The dates read so far, by their text.
  var dates = EDTFDateCache()
  /// The file of the citations without a quote, shared between them.
  let citationTail: [Citation.Tail]

  init(file: String?) {
    self.file = file
    citationTail = Citation.sharedTail(file: file)
  }

  // MARK: Top level

  mutating func decode(_ root: InputNode, into builder: inout TimelineBuilder) {
    guard var top = object(root, path: DocumentPath(""), what: "the timeline (an object with 'entities', 'relations' and 'claims')") else {
      return
    }
    if let version = top.take("chronicle") { decodeVersion(version.value) }
    if let title = top.take("title") { decodeTitle(title.value, into: &builder) }
    if let description = top.take("description") { decodeDescription(description.value) }
    for section in [SourceElement.Section.relationTypes, .entities, .relations, .claims] {
      guard let list = top.take(section.name) else { continue }
      for (index, node) in array(list.value, path: section.name).enumerated() {
        decodeElement(node, of: section, index: index, offset: nil, into: &builder)
      }
    }
    finish(top, expected: Self.topLevelKeys)
  }

  /// The positions the decoder records for the fields of one element (read again
  /// from its file for a diagnostic), by field.
  mutating func recordedFields(of node: InputNode, section: SourceElement.Section, index: Int) -> [String: TextPosition] {
    let path = DocumentPath(section, index)
    collected = [:]
    defer { collected = nil }
    switch section {
    case .entities: _ = decodeEntity(node, path: path)
    case .relations: _ = decodeRelation(node, path: path)
    case .claims: _ = decodeClaim(node, path: path)
    case .relationTypes: break
    }
    return collected ?? [:]
  }

  mutating func decodeVersion(_ version: InputNode) {
    let text = scalarText(version.value)
    if text.flatMap(Int.init).map(Self.supportedVersions.contains) != true {
      report(.error, .unsupportedVersion,
             "unsupported format version '\(text ?? "?")'; this Chronicle reads version 1",
             version.position, path: "chronicle")
    }
  }

  mutating func decodeTitle(_ title: InputNode, into builder: inout TimelineBuilder) {
    if let text = text(title, path: "title") {
      builder.addTitle(text)
    }
  }

  mutating func decodeDescription(_ description: InputNode) {
    _ = text(description, path: "description")
  }

  /// An element of the lists of entities, relations or claims, decoded.
  enum Record {
    case entity(Entity)
    case relation(Relation)
    case claim(Claim)

    /// The element's provenance.
    var provenance: Provenance {
      switch self {
      case .entity(let entity): entity.provenance
      case .relation(let relation): relation.provenance
      case .claim(let claim): claim.provenance
      }
    }
  }

  mutating func decodeElement(
    _ node: InputNode, of section: SourceElement.Section, index: Int, offset: Int?, into builder: inout TimelineBuilder
  ) {
    if section == .relationTypes {
      decodeRelationType(node, path: DocumentPath(section, index), into: &builder)
      return
    }
    switch decodeRecord(node, of: section, index: index, offset: offset) {
    case .entity(let entity): builder.add(entity)
    case .relation(let relation): builder.add(relation)
    case .claim(let claim): builder.add(claim)
    case nil: break
    }
  }

  /// Decodes an element of the entities, relations or claims (not relation types),
  /// nil when it is refused (a diagnostic says why).
  mutating func decodeRecord(_ node: InputNode, of section: SourceElement.Section, index: Int, offset: Int?) -> Record? {
    let path = DocumentPath(section, index)
    var element: SourceElement?
    if let offset, let source {
      element = SourceElement(document: source, offset: offset, section: section, index: index, position: node.position)
    }
    // An element whose place does not fit the compact form has its fields recorded.
    let wasRecording = recording
    if element == nil { recording = true }
    defer { recording = wasRecording }
    switch section {
    case .relationTypes: return nil
    case .entities: return decodeEntity(node, path: path, element: element).map(Record.entity)
    case .relations: return decodeRelation(node, path: path, element: element).map(Record.relation)
    case .claims: return decodeClaim(node, path: path, element: element).map(Record.claim)
    }
  }

  /// The provenance of an element: its fields recorded one by one, or found again in
  /// the file's bytes when `element` is given.
  private func provenance(of node: InputNode, path: DocumentPath, element: SourceElement?) -> Provenance {
    if let element { return Provenance(element: element) }
    return Provenance(file: file, path: path.text, position: node.position)
  }

  /// Records where a field was written, unless positions are found again on demand.
  @inline(__always)
  private mutating func record(_ provenance: inout Provenance, _ field: @autoclosure () -> String, _ position: TextPosition) {
    guard recording else { return }
    let field = field()
    provenance.record(field, at: position)
    if collected != nil { collected?[field] = position }
  }

  // MARK: Entities

  private static let entityKeys: [EntityKind: [String]] = {
    let common = ["id", "kind", "aliases", "description", "notes", "sources"]
    var keys: [EntityKind: [String]] = [:]
    for kind in EntityKind.allCases {
      keys[kind] = common + [kind.labelKey] + (TimelineValidator.kindFields[kind] ?? [])
    }
    return keys
  }()

  private static let citationKeys = ["document", "locator", "quote"]
  private static let stepKeys = ["label", "date"]
  private static let identifierKeys = ["scheme", "value"]
  private static let positionKeys = ["title", "organisation", "date", "sources"]
  private static let relationKeys = ["from", "type", "to", "role", "date", "locator", "note", "sources"]
  private static let claimKeys = [
    "id", "subject", "property", "value", "unit", "qualifier", "claimant", "reportedBy", "date", "note", "sources",
  ]

  private mutating func decodeEntity(_ node: InputNode, path: DocumentPath, element: SourceElement? = nil) -> Entity? {
    guard var fields = object(node, path: path, what: "an entity") else { return nil }
    var provenance = provenance(of: node, path: path, element: element)
    let id = requiredText(&fields, "id", in: &provenance, what: "an entity")
    let kindText = requiredText(&fields, "kind", in: &provenance, what: "an entity")
    guard let id, let kindText else {
      return nil
    }
    guard let kind = EntityKind(rawValue: kindText) else {
      report(.error, .unknownKind,
             "unknown kind '\(kindText)'\(Suggestion.hint(for: kindText, in: EntityKind.allCases.map(\.rawValue))); expected event, person, organisation, place or document",
             provenance.position(of: "kind"), path: provenance.path(of: "kind"))
      return nil
    }
    let wrongLabel = kind.hasTitle ? "name" : "title"
    if let misplaced = fields.peek(wrongLabel), fields.peek(kind.labelKey) == nil {
      report(.error, .missingField,
             "\(kind.withArticle) has a '\(kind.labelKey)', not a '\(wrongLabel)'",
             misplaced.keyPosition, path: join(path.text, wrongLabel))
      fields.markUsed(wrongLabel)
      return nil
    }
    guard let label = requiredText(&fields, kind.labelKey, in: &provenance, what: kind.withArticle) else {
      return nil
    }
    var details = EntityDetails()
    details.aliases = textList(&fields, "aliases", in: &provenance)
    details.summary = optionalText(&fields, "description", in: &provenance)
    details.notes = textList(&fields, "notes", in: &provenance)
    let sources = citations(&fields, "sources", in: &provenance)
    let entityDate = self.date(&fields, "date", in: &provenance)
    let place = optionalText(&fields, "place", in: &provenance)
    details.partOf = optionalText(&fields, "partOf", in: &provenance)
    details.type = optionalText(&fields, "type", in: &provenance)
    details.publisher = optionalText(&fields, "publisher", in: &provenance)
    details.pages = optionalText(&fields, "pages", in: &provenance)
    details.parent = optionalText(&fields, "parent", in: &provenance)
    details.steps = objects(&fields, "steps", in: &provenance, expected: Self.stepKeys, required: ["label"]) {
      decoder, object, prefix, provenance in
      let label = decoder.requiredText(&object, "label", in: &provenance, prefix: prefix, what: "a step")
      let date = decoder.date(&object, "date", in: &provenance, prefix: prefix)
      if object.peek("date") == nil, !object.wasUsed("date") {
        decoder.report(.error, .missingField, "a step needs a 'date'", object.position, path: object.path.text)
      }
      guard let label, let date else { return nil }
      return DocumentStep(label: label, date: date)
    }
    details.identifiers = objects(&fields, "identifiers", in: &provenance, expected: Self.identifierKeys, required: Self.identifierKeys) {
      decoder, object, prefix, provenance in
      let scheme = decoder.requiredText(&object, "scheme", in: &provenance, prefix: prefix, what: "an identifier")
      let value = decoder.requiredText(&object, "value", in: &provenance, prefix: prefix, what: "an identifier")
      guard let scheme, let value else { return nil }
      return DocumentIdentifier(scheme: DocumentIdentifier.Scheme(rawValue: scheme), value: value)
    }
    details.positions = objects(&fields, "positions", in: &provenance, expected: Self.positionKeys, required: ["title"]) {
      decoder, object, prefix, provenance in
      let title = decoder.requiredText(&object, "title", in: &provenance, prefix: prefix, what: "a position")
      let organisation = decoder.optionalText(&object, "organisation", in: &provenance, prefix: prefix)
      let date = decoder.date(&object, "date", in: &provenance, prefix: prefix)
      let sources = decoder.citations(&object, "sources", in: &provenance, prefix: prefix)
      guard let title else { return nil }
      return Position(title: title, organisation: organisation, date: date, sources: sources)
    }
    if let member = fields.take("coordinates") {
      record(&provenance, "coordinates", member.value.position)
      let childPath = path.appending("coordinates")
      if var object = object(member.value, path: childPath, what: "coordinates (an object with 'latitude' and 'longitude')") {
        let latitude = number(&object, "latitude", path: childPath)
        let longitude = number(&object, "longitude", path: childPath)
        finish(object, expected: ["latitude", "longitude"])
        if let latitude, let longitude { details.coordinates = Coordinates(latitude: latitude.value, longitude: longitude.value) }
      }
    }
    if fields.hasUnused { finish(fields, expected: Self.entityKeys[kind] ?? [], kind: kind) }
    return Entity(
      id: id, kind: kind, label: label, date: entityDate, sources: sources, place: place, details: details,
      provenance: provenance)
  }

  // MARK: Relations and claims

  private mutating func decodeRelation(_ node: InputNode, path: DocumentPath, element: SourceElement? = nil) -> Relation? {
    guard var fields = object(node, path: path, what: "a relation") else { return nil }
    var provenance = provenance(of: node, path: path, element: element)
    let from = requiredText(&fields, "from", in: &provenance, what: "a relation")
    let type = requiredText(&fields, "type", in: &provenance, what: "a relation")
    let to = requiredText(&fields, "to", in: &provenance, what: "a relation")
    let role = optionalText(&fields, "role", in: &provenance)
    let date = self.date(&fields, "date", in: &provenance)
    let locator = optionalText(&fields, "locator", in: &provenance)
    let note = optionalText(&fields, "note", in: &provenance)
    let sources = citations(&fields, "sources", in: &provenance)
    if fields.hasUnused { finish(fields, expected: Self.relationKeys) }
    guard let from, let type, let to else { return nil }
    var relation = Relation(
      from: from, type: type, to: to, role: role, date: date, locator: locator, note: note, sources: sources)
    relation.provenance = provenance
    return relation
  }

  private mutating func decodeClaim(_ node: InputNode, path: DocumentPath, element: SourceElement? = nil) -> Claim? {
    guard var fields = object(node, path: path, what: "a claim") else { return nil }
    var provenance = provenance(of: node, path: path, element: element)
    let subject = requiredText(&fields, "subject", in: &provenance, what: "a claim")
    let property = requiredText(&fields, "property", in: &provenance, what: "a claim")
    let value = claimValue(&fields, in: &provenance, path: path)
    var claim = Claim(subject: subject ?? "", property: property ?? "", value: value ?? .text(""))
    claim.id = optionalText(&fields, "id", in: &provenance)
    claim.unit = optionalText(&fields, "unit", in: &provenance)
    claim.qualifier = optionalText(&fields, "qualifier", in: &provenance)
    claim.claimant = optionalText(&fields, "claimant", in: &provenance)
    claim.reportedBy = optionalText(&fields, "reportedBy", in: &provenance)
    claim.date = date(&fields, "date", in: &provenance)
    claim.note = optionalText(&fields, "note", in: &provenance)
    claim.sources = citations(&fields, "sources", in: &provenance)
    claim.provenance = provenance
    finish(fields, expected: Self.claimKeys)
    guard subject != nil, property != nil, value != nil else { return nil }
    return claim
  }

  private mutating func claimValue(_ fields: inout ObjectFields, in provenance: inout Provenance, path elementPath: DocumentPath) -> ClaimValue? {
    guard let member = fields.take("value") else {
      report(.error, .missingField, "a claim needs a 'value' (a number, {\"low\": …, \"high\": …}, or text)",
             fields.position, path: provenance.path)
      return nil
    }
    record(&provenance, "value", member.value.position)
    let path = elementPath.appending("value")
    switch member.value.value {
    case .number(let text):
      return numberValue(text, at: member.value.position, path: path.text).map(ClaimValue.number)
    case .plain(let text):
      if let number = ClaimNumber(parsing: text) { return .number(number) }
      return .text(text)
    case .string(let text):
      return .text(text)
    case .object:
      guard var object = object(member.value, path: path, what: "a range") else { return nil }
      let low = number(&object, "low", path: path)
      let high = number(&object, "high", path: path)
      finish(object, expected: ["low", "high"])
      guard let low, let high else { return nil }
      return .range(low: low, high: high)
    default:
      report(.error, .malformedClaim,
             "a claim's value must be a number, a range {\"low\": …, \"high\": …} or text; found \(Self.describe(member.value.value))",
             member.value.position, path: path.text)
      return nil
    }
  }

  // MARK: Relation types

  private mutating func decodeRelationType(_ node: InputNode, path: DocumentPath, into builder: inout TimelineBuilder) {
    guard var fields = object(node, path: path, what: "a relation type") else { return }
    // Relation types are few: their fields are always recorded.
    let wasRecording = recording
    recording = true
    defer { recording = wasRecording }
    var provenance = Provenance(file: file, path: path.text, position: node.position)
    let id = requiredText(&fields, "id", in: &provenance, what: "a relation type")
    let from = kinds(&fields, "from", path: path.text)
    let to = kinds(&fields, "to", path: path.text)
    let summary = optionalText(&fields, "description", in: &provenance) ?? ""
    finish(fields, expected: ["id", "from", "to", "description"])
    guard let id, let from, let to else { return }
    builder.declare(
      RelationType(id: id, signatures: [RelationType.Signature(from: from, to: to)], summary: summary),
      provenance: provenance
    )
  }

  private mutating func kinds(_ fields: inout ObjectFields, _ key: String, path: String) -> Set<EntityKind>? {
    guard let member = fields.take(key) else {
      report(.error, .missingField, "a relation type needs '\(key)' (a list of kinds, or \"any\")", fields.position, path: path)
      return nil
    }
    let childPath = join(path, key)
    if let text = scalarText(member.value.value), text == "any" { return Set(EntityKind.allCases) }
    var result = Set<EntityKind>()
    let nodes: [InputNode]
    if case .array(let items) = member.value.value { nodes = items } else { nodes = [member.value] }
    for (index, item) in nodes.enumerated() {
      let itemPath = nodes.count == 1 && !isArray(member.value) ? childPath : "\(childPath)[\(index)]"
      guard let text = text(item, path: itemPath) else { return nil }
      guard let kind = EntityKind(rawValue: text) else {
        report(.error, .unknownKind,
               "unknown kind '\(text)'\(Suggestion.hint(for: text, in: EntityKind.allCases.map(\.rawValue))); expected event, person, organisation, place, document or \"any\"",
               item.position, path: itemPath)
        return nil
      }
      result.insert(kind)
    }
    if result.isEmpty {
      report(.error, .invalidRelationType, "'\(key)' must name at least one kind", member.value.position, path: childPath)
      return nil
    }
    return result
  }

  // MARK: Field readers

  private mutating func requiredText(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance,
                                     prefix: ItemField? = nil, what: String) -> String? {
    guard let member = fields.take(key) else {
      report(.error, .missingField, "\(what) needs '\(key)'", fields.position,
             path: join(provenance.path, prefix?.text))
      return nil
    }
    guard let text = memberText(member, key, in: &provenance, prefix: prefix) else { return nil }
    if text.isEmpty {
      let field = join(prefix?.text, key)
      report(.error, .emptyValue, "'\(key)' must not be empty", provenance.position(of: field), path: provenance.path(of: field))
      return nil
    }
    return text
  }

  private mutating func optionalText(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance,
                                     prefix: ItemField? = nil) -> String? {
    guard let member = fields.take(key) else { return nil }
    return memberText(member, key, in: &provenance, prefix: prefix)
  }

  /// The text of a member just taken, its position recorded.
  private mutating func memberText(_ member: InputMember, _ key: String, in provenance: inout Provenance,
                                   prefix: ItemField?) -> String? {
    record(&provenance, join(prefix?.text, key), member.value.position)
    return text(member.value, path: provenance.path(of: join(prefix?.text, key)) ?? join(prefix?.text, key))
  }

  private mutating func textList(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance) -> [String] {
    guard let member = fields.take(key) else { return [] }
    record(&provenance, key, member.value.position)
    let items = array(member.value, path: provenance.path(of: key) ?? key)
    var result: [String] = []
    result.reserveCapacity(items.count)
    for (index, node) in items.enumerated() {
      // An empty item (`- ` or `~` in YAML, `null` in JSON, or "") holds nothing; say so.
      let empty: String? = switch node.value {
      case .null: "(null)"
      case .string(let text) where text.isEmpty, .plain(let text) where text.isEmpty: "(empty text)"
      default: nil
      }
      if let empty {
        report(.warning, .emptyItem, "an empty item \(empty) in '\(key)' is ignored; expected text", node.position,
               path: "\(provenance.path(of: key) ?? key)[\(index)]")
        continue
      }
      if let text = text(node, path: "\(provenance.path(of: key) ?? key)[\(index)]") { result.append(text) }
    }
    return result
  }

  private mutating func date(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance,
                             prefix: ItemField? = nil) -> EDTFDate? {
    guard let member = fields.take(key) else { return nil }
    record(&provenance, join(prefix?.text, key), member.value.position)
    guard let text = text(member.value, path: provenance.path(of: join(prefix?.text, key)) ?? join(prefix?.text, key)) else {
      return nil
    }
    do {
      return try dates.date(text)
    } catch {
      let field = join(prefix?.text, key)
      var position = member.value.position
      let quoted: Bool
      if case .string = member.value.value { quoted = true } else { quoted = false }
      if !text.contains("\n") { position.column += error.offset + (quoted ? 1 : 0) }
      report(.error, .invalidDate, "'\(Self.shorten(text))': \(error.message)", position, path: provenance.path(of: field) ?? field)
      return nil
    }
  }

  private mutating func citations(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance,
                                  prefix: ItemField? = nil) -> [Citation] {
    objects(&fields, key, in: &provenance, prefix: prefix, expected: Self.citationKeys, required: ["document"]) {
      decoder, object, itemPrefix, provenance in
      let document = decoder.requiredText(&object, "document", in: &provenance, prefix: itemPrefix, what: "a source")
      let locator = decoder.optionalText(&object, "locator", in: &provenance, prefix: itemPrefix)
      let quote = decoder.optionalText(&object, "quote", in: &provenance, prefix: itemPrefix)
      guard let document else { return nil }
      if quote == nil { return Citation(document: document, locator: locator, sharing: decoder.citationTail) }
      return Citation(document: document, locator: locator, quote: quote, file: decoder.file)
    }
  }

  /// Reads a list of objects, giving each item's reader the prefix (`sources[2]`)
  /// under which its fields' positions are recorded.
  ///
  /// `expected` are the keys the item reader reads, in order, for the "did you mean"
  /// hint of an unknown key; a key of `required` counts only when it is present (the
  /// reader does not read a required key that is missing).
  private mutating func objects<Item>(
    _ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance, prefix: ItemField? = nil,
    expected: [String], required: [String],
    _ decodeItem: (inout TimelineDecoder, inout ObjectFields, ItemField, inout Provenance) -> Item?
  ) -> [Item] {
    guard let member = fields.take(key) else { return [] }
    let outer = prefix?.text
    record(&provenance, join(outer, key), member.value.position)
    let nodes = array(member.value, path: provenance.path(of: join(outer, key)) ?? join(outer, key))
    var items: [Item] = []
    items.reserveCapacity(nodes.count)
    let elementPath = fields.path
    for (index, node) in nodes.enumerated() {
      let itemField = ItemField(outer: outer, key: key, index: index)
      record(&provenance, itemField.text, node.position)
      guard var object = object(node, path: elementPath.appending(itemField), what: "an object") else { continue }
      let item = decodeItem(&self, &object, itemField, &provenance)
      if object.hasUnused {
        let present = expected.filter { !required.contains($0) || object.peek($0) != nil }
        finish(object, expected: present)
      }
      if let item { items.append(item) }
    }
    return items
  }

  private mutating func number(_ fields: inout ObjectFields, _ key: String, path: DocumentPath) -> ClaimNumber? {
    guard let member = fields.take(key) else {
      report(.error, .missingField, "expected '\(key)' (a number)", fields.position, path: path.text)
      return nil
    }
    switch member.value.value {
    case .number(let text), .plain(let text):
      return numberValue(text, at: member.value.position, path: join(path.text, key))
    default:
      report(.error, .wrongType, "expected a number, found \(Self.describe(member.value.value))", member.value.position,
             path: join(path.text, key))
      return nil
    }
  }

  private mutating func numberValue(_ text: String, at position: TextPosition, path: @autoclosure () -> String) -> ClaimNumber? {
    guard let number = ClaimNumber(parsing: text) else {
      // `1e400` reads as a number too large for a double; `abc` as no number at all.
      let what = Double(text).map { $0.isFinite ? "is not a number Chronicle reads" : "is not a finite number" }
        ?? "is not a number"
      report(.error, .wrongType,
             "'\(Self.shorten(text))' \(what); expected a decimal number such as 613, 2.5 or 1.3e3, "
               + "at most about 1.8e308 in size", position, path: path())
      return nil
    }
    return number
  }

  // MARK: Node readers

  private mutating func object(_ node: InputNode, path: DocumentPath, what: String) -> ObjectFields? {
    guard case .object(let members) = node.value else {
      let text = path.text
      report(.error, .wrongType, "expected \(what), found \(Self.describe(node.value))", node.position, path: text.isEmpty ? nil : text)
      return nil
    }
    return ObjectFields(members: members, position: node.position, path: path)
  }

  mutating func array(_ node: InputNode, path: @autoclosure () -> String) -> [InputNode] {
    if case .array(let items) = node.value { return items }
    if case .null = node.value { return [] }
    report(.error, .wrongType, "expected a list, found \(Self.describe(node.value))", node.position, path: path())
    return []
  }

  private mutating func text(_ node: InputNode, path: @autoclosure () -> String) -> String? {
    switch node.value {
    case .string(let text), .plain(let text):
      return text
    case .null:
      return nil
    default:
      report(.error, .wrongType, "expected text, found \(Self.describe(node.value))", node.position, path: path())
      return nil
    }
  }

  private func scalarText(_ value: InputNode.Value) -> String? {
    switch value {
    case .string(let text), .plain(let text), .number(let text): text
    default: nil
    }
  }

  private func isArray(_ node: InputNode) -> Bool {
    if case .array = node.value { return true }
    return false
  }

  // MARK: Unknown keys

  private mutating func finish(_ fields: ObjectFields, expected: [String], kind: EntityKind? = nil) {
    guard fields.hasUnused else { return }
    finish(fields.unused.map { ($0.key, $0.keyPosition) }, in: fields.path, expected: expected, kind: kind)
  }

  mutating func finish(
    _ unused: [(key: String, position: TextPosition)], in path: DocumentPath, expected: [String], kind: EntityKind? = nil
  ) {
    guard !unused.isEmpty else { return }
    let text = path.text
    for member in unused {
      let owner = kind.map(\.withArticle) ?? (text.isEmpty ? "the timeline" : "this object")
      let hint = Suggestion.hint(for: member.key, in: expected)
      report(.warning, .unknownKey,
             "unknown key '\(Self.shorten(member.key))' in \(owner) is ignored\(hint)",
             member.position, path: join(text, member.key))
    }
  }

  private mutating func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, _ message: String,
                               _ position: TextPosition?, path: String?) {
    diagnostics.append(Diagnostic(severity, code, message, file: file, position: position, path: path))
  }

  static func describe(_ value: InputNode.Value) -> String {
    switch value {
    case .object: "an object"
    case .array: "a list"
    case .string: "text"
    case .plain(let text): "'\(shorten(text))'"
    case .number(let text): "the number \(shorten(text))"
    case .bool(let flag): flag ? "true" : "false"
    case .null: "null"
    }
  }

  /// Quotes at most 60 characters of user text in a message.
  static func shorten(_ text: String) -> String {
    text.count <= 60 ? text : String(text.prefix(57)) + "…"
  }
}

private func join(_ path: String?, _ key: String?) -> String {
  switch (path, key) {
  case (nil, nil): ""
  case (let path?, nil): path
  case (nil, let key?): key
  case (let path?, let key?): path.isEmpty ? key : (key.hasPrefix("[") ? path + key : path + "." + key)
  }
}
