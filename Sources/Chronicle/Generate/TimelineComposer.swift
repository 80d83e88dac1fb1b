/// Writes a whole generated timeline through an emitter, in three passes over the
/// world (entities, relations, claims), with no per-entity state.
///
/// Keys are written in ``JSONExporter``'s order and dates in EDTF canonical form,
/// so the JSON it writes is exactly the export of the graph read from it.
struct TimelineComposer<Emitter: TimelineEmitter> {
  var out: Emitter
  let world: GeneratedWorld
  let names: GeneratedNames
  let words: GeneratorVocabulary
  /// Scratch buffers: the value being built, and an id or name inside it.
  var text: [UInt8] = []
  var part: [UInt8] = []
  /// What was written, for ``TimelineGenerator/Summary``.
  var relationCount = 0
  var claimCount = 0
  var claimIDs = 0

  init(out: Emitter, world: GeneratedWorld) {
    self.out = out
    self.world = world
    self.words = GeneratorVocabulary.shared
    self.names = GeneratedNames(world: world, words: words)
    text.reserveCapacity(512)
    part.reserveCapacity(256)
  }

  /// Writes the file: the version, a title, the declared relation type, entities, relations, claims.
  mutating func compose() {
    out.beginObject(flow: false)
    out.key("chronicle")
    out.number(1)
    text.removeAll(keepingCapacity: true)
    text.append("Generated timeline: ")
    text.append(decimal: world.events)
    text.append(" events, seed ")
    text.append(decimal: UInt(world.seed))
    out.member("title", text)
    writeRelationTypes()
    out.key("entities")
    out.beginArray()
    writeEntities()
    out.endArray()
    out.key("relations")
    out.beginArray()
    writeRelations()
    out.endArray()
    out.key("claims")
    out.beginArray()
    writeClaims()
    out.endArray()
    out.endObject()
    out.finish()
  }

  private mutating func writeRelationTypes() {
    out.key("relationTypes")
    out.beginArray()
    out.beginObject(flow: false)
    out.member("id", Array("countersigned".utf8))
    out.key("from")
    out.beginArray()
    out.string(Array("person".utf8))
    out.endArray()
    out.key("to")
    out.beginArray()
    out.string(Array("document".utf8))
    out.endArray()
    out.member("description", Array("a person countersigned a document".utf8))
    out.endObject()
    out.endArray()
  }

  // MARK: Shared pieces

  /// Writes `key: id`.
  @inline(__always)
  mutating func writeID(_ key: StaticString, _ reference: GeneratedNames.Reference) {
    part.removeAll(keepingCapacity: true)
    names.appendID(reference, into: &part)
    out.member(key, part)
  }

  /// Writes `key: text` from the ``text`` buffer, which the caller filled.
  @inline(__always)
  mutating func writeText(_ key: StaticString) {
    out.member(key, text)
  }

  /// Which documents a `sources` list cites.
  enum SourceChoice {
    /// Documents dated on or after a day (the sources of an event or a claim about it).
    case notBefore(day: Int)
    /// Any document.
    case any
    /// The document itself first (a document's own title page, a report's own paragraph).
    case own(Int)
  }

  /// Writes a `sources` list of `count` different citations.
  mutating func writeSources(_ count: Int, _ choice: SourceChoice, random: inout GeneratorRandom) {
    guard count > 0, world.documents > 0 else { return }
    out.key("sources")
    out.beginArray()
    var previous = -1
    for position in 0..<count {
      var chosen: Int
      switch choice {
      case .notBefore(let day): chosen = world.laterDocument(notBefore: day, random: &random)
      case .any: chosen = random.below(world.documents)
      case .own(let document): chosen = position == 0 ? document : random.below(world.documents)
      }
      if chosen == previous { chosen = (chosen + 1) % world.documents }
      previous = chosen
      writeCitation(document: chosen, random: &random)
    }
    out.endArray()
  }

  /// Writes one citation: `{document, locator, quote}`.
  mutating func writeCitation(document: Int, random: inout GeneratorRandom) {
    out.beginObject(flow: true)
    writeID("document", .document(document))
    if random.chance(920) {
      appendLocator(&random)
      writeText("locator")
    }
    if random.chance(50) {
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: random.chance(100) ? random.pick(words.hostile) : random.pick(words.quotes))
      writeText("quote")
    }
    out.endObject()
  }

  /// Fills ``text`` with a locator: `para. 12`, `footnote 5`, `pp. 75–83`.
  mutating func appendLocator(_ random: inout GeneratorRandom) {
    text.removeAll(keepingCapacity: true)
    let prefix = random.below(words.locatorPrefixes.count)
    text.append(contentsOf: words.locatorPrefixes[prefix])
    let number = random.within(1...240)
    text.append(decimal: number)
    if prefix == words.locatorPrefixes.count - 1 {
      text.append("–")
      text.append(decimal: number + random.within(1...12))
    }
  }

  /// Fills ``text`` with a hostile string about one time in `perMille` thousand, else
  /// leaves it as it is; returns whether it did.
  @discardableResult
  mutating func maybeAppendHostile(_ random: inout GeneratorRandom, perMille: Int) -> Bool {
    guard random.chance(perMille) else { return false }
    text.append(" — ")
    text.append(contentsOf: random.pick(words.hostile))
    return true
  }

  /// A person or an organisation, encoded as one integer (people ≥ 0, organisations < 0).
  mutating func actor(_ random: inout GeneratorRandom, personShare: Int) -> Int {
    random.chance(personShare) ? random.below(world.people) : -1 - random.below(world.organisations)
  }

  static func reference(actor: Int) -> GeneratedNames.Reference {
    actor >= 0 ? .person(actor) : .organisation(-1 - actor)
  }

  /// Starts a relation object with its three required members.
  mutating func beginRelation(
    _ from: GeneratedNames.Reference, _ type: StaticString, _ to: GeneratedNames.Reference
  ) {
    out.beginObject(flow: false)
    writeID("from", from)
    text.removeAll(keepingCapacity: true)
    text.append(type)
    writeText("type")
    writeID("to", to)
    relationCount += 1
  }
}
