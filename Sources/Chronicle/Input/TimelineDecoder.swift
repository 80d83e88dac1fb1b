/// Turns the value tree of one timeline file into entities, relations, claims and
/// relation types, reporting every problem with its line, column and path.
///
/// The schema is documented in the README and in `Schema/chronicle.schema.json`.
struct TimelineDecoder {
  /// The format versions this decoder reads.
  static let supportedVersions: Set<Int> = [1]

  let file: String?
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String?) { self.file = file }

  // MARK: Top level

  mutating func decode(_ root: InputNode, into builder: inout TimelineBuilder) {
    guard var top = object(root, path: "", what: "the timeline (an object with 'entities', 'relations' and 'claims')") else {
      return
    }
    if let version = top.take("chronicle") {
      let text = scalarText(version.value.value)
      if text.flatMap(Int.init).map(Self.supportedVersions.contains) != true {
        report(.error, .unsupportedVersion,
               "unsupported format version '\(text ?? "?")'; this Chronicle reads version 1",
               version.value.position, path: "chronicle")
      }
    }
    if let title = top.take("title"), let text = text(title.value, path: "title") {
      if builder.title == nil { builder.title = text }
    }
    _ = top.take("description").map { text($0.value, path: "description") }
    if let types = top.take("relationTypes") {
      for (index, node) in array(types.value, path: "relationTypes").enumerated() {
        decodeRelationType(node, path: "relationTypes[\(index)]", into: &builder)
      }
    }
    if let entities = top.take("entities") {
      for (index, node) in array(entities.value, path: "entities").enumerated() {
        if let entity = decodeEntity(node, path: "entities[\(index)]") { builder.add(entity) }
      }
    }
    if let relations = top.take("relations") {
      for (index, node) in array(relations.value, path: "relations").enumerated() {
        if let relation = decodeRelation(node, path: "relations[\(index)]") { builder.add(relation) }
      }
    }
    if let claims = top.take("claims") {
      for (index, node) in array(claims.value, path: "claims").enumerated() {
        if let claim = decodeClaim(node, path: "claims[\(index)]") { builder.add(claim) }
      }
    }
    finish(top, expected: ["chronicle", "title", "description", "relationTypes", "entities", "relations", "claims"])
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

  private mutating func decodeEntity(_ node: InputNode, path: String) -> Entity? {
    guard var fields = object(node, path: path, what: "an entity") else { return nil }
    var provenance = Provenance(file: file, path: path, position: node.position)
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
             misplaced.keyPosition, path: join(path, wrongLabel))
      fields.markUsed(wrongLabel)
      return nil
    }
    guard let label = requiredText(&fields, kind.labelKey, in: &provenance, what: kind.withArticle) else {
      return nil
    }
    var entity = Entity(id: id, kind: kind, label: label)
    entity.aliases = textList(&fields, "aliases", in: &provenance)
    entity.summary = optionalText(&fields, "description", in: &provenance)
    entity.notes = textList(&fields, "notes", in: &provenance)
    entity.sources = citations(&fields, "sources", in: &provenance)
    entity.date = date(&fields, "date", in: &provenance)
    entity.place = optionalText(&fields, "place", in: &provenance)
    entity.partOf = optionalText(&fields, "partOf", in: &provenance)
    entity.type = optionalText(&fields, "type", in: &provenance)
    entity.publisher = optionalText(&fields, "publisher", in: &provenance)
    entity.pages = optionalText(&fields, "pages", in: &provenance)
    entity.parent = optionalText(&fields, "parent", in: &provenance)
    entity.steps = objects(&fields, "steps", in: &provenance) { decoder, object, prefix, provenance in
      let label = decoder.requiredText(&object, "label", in: &provenance, prefix: prefix, what: "a step")
      let date = decoder.date(&object, "date", in: &provenance, prefix: prefix)
      if object.peek("date") == nil, !object.wasUsed("date") {
        decoder.report(.error, .missingField, "a step needs a 'date'", object.position, path: join(provenance.path, prefix))
      }
      guard let label, let date else { return nil }
      return DocumentStep(label: label, date: date)
    }
    entity.identifiers = objects(&fields, "identifiers", in: &provenance) { decoder, object, prefix, provenance in
      let scheme = decoder.requiredText(&object, "scheme", in: &provenance, prefix: prefix, what: "an identifier")
      let value = decoder.requiredText(&object, "value", in: &provenance, prefix: prefix, what: "an identifier")
      guard let scheme, let value else { return nil }
      return DocumentIdentifier(scheme: DocumentIdentifier.Scheme(rawValue: scheme), value: value)
    }
    entity.positions = objects(&fields, "positions", in: &provenance) { decoder, object, prefix, provenance in
      let title = decoder.requiredText(&object, "title", in: &provenance, prefix: prefix, what: "a position")
      let organisation = decoder.optionalText(&object, "organisation", in: &provenance, prefix: prefix)
      let date = decoder.date(&object, "date", in: &provenance, prefix: prefix)
      let sources = decoder.citations(&object, "sources", in: &provenance, prefix: prefix)
      guard let title else { return nil }
      return Position(title: title, organisation: organisation, date: date, sources: sources)
    }
    if let member = fields.take("coordinates") {
      provenance.fields["coordinates"] = member.value.position
      let childPath = join(path, "coordinates")
      if var object = object(member.value, path: childPath, what: "coordinates (an object with 'latitude' and 'longitude')") {
        let latitude = number(&object, "latitude", path: childPath)
        let longitude = number(&object, "longitude", path: childPath)
        finish(object, expected: ["latitude", "longitude"])
        if let latitude, let longitude { entity.coordinates = Coordinates(latitude: latitude.value, longitude: longitude.value) }
      }
    }
    entity.provenance = provenance
    finish(fields, expected: Self.entityKeys[kind] ?? [], kind: kind)
    return entity
  }

  // MARK: Relations and claims

  private mutating func decodeRelation(_ node: InputNode, path: String) -> Relation? {
    guard var fields = object(node, path: path, what: "a relation") else { return nil }
    var provenance = Provenance(file: file, path: path, position: node.position)
    let from = requiredText(&fields, "from", in: &provenance, what: "a relation")
    let type = requiredText(&fields, "type", in: &provenance, what: "a relation")
    let to = requiredText(&fields, "to", in: &provenance, what: "a relation")
    var relation = Relation(from: from ?? "", type: type ?? "", to: to ?? "")
    relation.role = optionalText(&fields, "role", in: &provenance)
    relation.date = date(&fields, "date", in: &provenance)
    relation.locator = optionalText(&fields, "locator", in: &provenance)
    relation.note = optionalText(&fields, "note", in: &provenance)
    relation.sources = citations(&fields, "sources", in: &provenance)
    relation.provenance = provenance
    finish(fields, expected: ["from", "type", "to", "role", "date", "locator", "note", "sources"])
    guard from != nil, type != nil, to != nil else { return nil }
    return relation
  }

  private mutating func decodeClaim(_ node: InputNode, path: String) -> Claim? {
    guard var fields = object(node, path: path, what: "a claim") else { return nil }
    var provenance = Provenance(file: file, path: path, position: node.position)
    let subject = requiredText(&fields, "subject", in: &provenance, what: "a claim")
    let property = requiredText(&fields, "property", in: &provenance, what: "a claim")
    let value = claimValue(&fields, in: &provenance)
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
    finish(fields, expected: ["id", "subject", "property", "value", "unit", "qualifier", "claimant", "reportedBy", "date", "note", "sources"])
    guard subject != nil, property != nil, value != nil else { return nil }
    return claim
  }

  private mutating func claimValue(_ fields: inout ObjectFields, in provenance: inout Provenance) -> ClaimValue? {
    guard let member = fields.take("value") else {
      report(.error, .missingField, "a claim needs a 'value' (a number, {\"low\": …, \"high\": …}, or text)",
             fields.position, path: provenance.path)
      return nil
    }
    provenance.fields["value"] = member.value.position
    let path = join(provenance.path, "value")
    switch member.value.value {
    case .number(let text):
      return numberValue(text, at: member.value.position, path: path).map(ClaimValue.number)
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
             member.value.position, path: path)
      return nil
    }
  }

  // MARK: Relation types

  private mutating func decodeRelationType(_ node: InputNode, path: String, into builder: inout TimelineBuilder) {
    guard var fields = object(node, path: path, what: "a relation type") else { return }
    var provenance = Provenance(file: file, path: path, position: node.position)
    let id = requiredText(&fields, "id", in: &provenance, what: "a relation type")
    let from = kinds(&fields, "from", path: path)
    let to = kinds(&fields, "to", path: path)
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
                                     prefix: String? = nil, what: String) -> String? {
    guard fields.peek(key) != nil else {
      report(.error, .missingField, "\(what) needs '\(key)'", fields.position, path: join(provenance.path, prefix))
      return nil
    }
    guard let text = optionalText(&fields, key, in: &provenance, prefix: prefix) else { return nil }
    if text.isEmpty {
      let field = join(prefix, key)
      report(.error, .emptyValue, "'\(key)' must not be empty", provenance.position(of: field), path: provenance.path(of: field))
      return nil
    }
    return text
  }

  private mutating func optionalText(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance,
                                     prefix: String? = nil) -> String? {
    guard let member = fields.take(key) else { return nil }
    let field = join(prefix, key)
    provenance.fields[field] = member.value.position
    return text(member.value, path: provenance.path(of: field) ?? field)
  }

  private mutating func textList(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance) -> [String] {
    guard let member = fields.take(key) else { return [] }
    provenance.fields[key] = member.value.position
    let path = provenance.path(of: key) ?? key
    return array(member.value, path: path).enumerated().compactMap { index, node in
      text(node, path: "\(path)[\(index)]")
    }
  }

  private mutating func date(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance,
                             prefix: String? = nil) -> EDTFDate? {
    guard let member = fields.take(key) else { return nil }
    let field = join(prefix, key)
    provenance.fields[field] = member.value.position
    let path = provenance.path(of: field) ?? field
    guard let text = text(member.value, path: path) else { return nil }
    do {
      return try EDTFDate(text)
    } catch {
      var position = member.value.position
      let quoted: Bool
      if case .string = member.value.value { quoted = true } else { quoted = false }
      if !text.contains("\n") { position.column += error.offset + (quoted ? 1 : 0) }
      report(.error, .invalidDate, "'\(Self.shorten(text))': \(error.message)", position, path: path)
      return nil
    }
  }

  private mutating func citations(_ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance,
                                  prefix: String? = nil) -> [Citation] {
    objects(&fields, key, in: &provenance, prefix: prefix) { decoder, object, itemPrefix, provenance in
      let document = decoder.requiredText(&object, "document", in: &provenance, prefix: itemPrefix, what: "a source")
      let locator = decoder.optionalText(&object, "locator", in: &provenance, prefix: itemPrefix)
      let quote = decoder.optionalText(&object, "quote", in: &provenance, prefix: itemPrefix)
      guard let document else { return nil }
      return Citation(document: document, locator: locator, quote: quote, file: decoder.file)
    }
  }

  /// Reads a list of objects, giving each item's reader the prefix (`sources[2]`)
  /// under which its fields' positions are recorded.
  private mutating func objects<Item>(
    _ fields: inout ObjectFields, _ key: String, in provenance: inout Provenance, prefix: String? = nil,
    _ decodeItem: (inout TimelineDecoder, inout ObjectFields, String, inout Provenance) -> Item?
  ) -> [Item] {
    guard let member = fields.take(key) else { return [] }
    let field = join(prefix, key)
    provenance.fields[field] = member.value.position
    let path = provenance.path(of: field) ?? field
    var items: [Item] = []
    for (index, node) in array(member.value, path: path).enumerated() {
      let itemField = "\(field)[\(index)]"
      provenance.fields[itemField] = node.position
      guard var object = object(node, path: "\(path)[\(index)]", what: "an object") else { continue }
      let item = decodeItem(&self, &object, itemField, &provenance)
      finish(object, expected: object.expectedKeys)
      if let item { items.append(item) }
    }
    return items
  }

  private mutating func number(_ fields: inout ObjectFields, _ key: String, path: String) -> ClaimNumber? {
    guard let member = fields.take(key) else {
      report(.error, .missingField, "expected '\(key)' (a number)", fields.position, path: path)
      return nil
    }
    let childPath = join(path, key)
    switch member.value.value {
    case .number(let text), .plain(let text):
      return numberValue(text, at: member.value.position, path: childPath)
    default:
      report(.error, .wrongType, "expected a number, found \(Self.describe(member.value.value))", member.value.position, path: childPath)
      return nil
    }
  }

  private mutating func numberValue(_ text: String, at position: TextPosition, path: String) -> ClaimNumber? {
    guard let number = ClaimNumber(parsing: text) else {
      report(.error, .wrongType, "'\(Self.shorten(text))' is not a finite number", position, path: path)
      return nil
    }
    return number
  }

  // MARK: Node readers

  private mutating func object(_ node: InputNode, path: String, what: String) -> ObjectFields? {
    guard case .object(let members) = node.value else {
      report(.error, .wrongType, "expected \(what), found \(Self.describe(node.value))", node.position, path: path.isEmpty ? nil : path)
      return nil
    }
    return ObjectFields(members: members, position: node.position, path: path)
  }

  private mutating func array(_ node: InputNode, path: String) -> [InputNode] {
    if case .array(let items) = node.value { return items }
    if case .null = node.value { return [] }
    report(.error, .wrongType, "expected a list, found \(Self.describe(node.value))", node.position, path: path)
    return []
  }

  private mutating func text(_ node: InputNode, path: String) -> String? {
    switch node.value {
    case .string(let text), .plain(let text):
      return text
    case .null:
      return nil
    default:
      report(.error, .wrongType, "expected text, found \(Self.describe(node.value))", node.position, path: path)
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
    for member in fields.unused {
      let owner = kind.map(\.withArticle) ?? (fields.path.isEmpty ? "the timeline" : "this object")
      let hint = Suggestion.hint(for: member.key, in: expected)
      report(.warning, .unknownKey,
             "unknown key '\(Self.shorten(member.key))' in \(owner) is ignored\(hint)",
             member.keyPosition, path: join(fields.path, member.key))
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

/// The members of one object, with a record of which keys were read.
struct ObjectFields {
  let members: [InputMember]
  let position: TextPosition
  let path: String
  private var used: Set<String> = []
  private(set) var expectedKeys: [String] = []

  init(members: [InputMember], position: TextPosition, path: String) {
    self.members = members
    self.position = position
    self.path = path
  }

  /// The member with this key, marking it read.
  mutating func take(_ key: String) -> InputMember? {
    expectedKeys.append(key)
    guard let member = peek(key) else { return nil }
    used.insert(key)
    return member
  }

  /// The member with this key, without marking it.
  func peek(_ key: String) -> InputMember? { members.first { $0.key == key } }

  mutating func markUsed(_ key: String) { used.insert(key) }

  func wasUsed(_ key: String) -> Bool { used.contains(key) }

  /// The members no reader asked for, in the order written.
  var unused: [InputMember] { members.filter { !used.contains($0.key) } }
}
