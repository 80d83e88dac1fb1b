/// Writes a graph as canonical JSON in the timeline file format, so that reading the
/// export gives an equal graph and exporting that again gives the same bytes.
///
///     let json = JSONExporter(pretty: true).export(graph)
///     try json.write(to: URL(fileURLWithPath: "timeline.json"))
///
/// Canonical form: keys in the schema's order (`id`, `kind`, `title`/`name`, then the
/// kind's fields, then `aliases`, `description`, `notes`, `sources`); entities,
/// relations, claims and list items in the graph's order; empty lists and absent
/// values left out; dates in EDTF canonical form; numbers as ``ClaimNumber`` prints
/// them; strings as UTF-8 with only the escapes JSON requires. Only relation types
/// the timeline declared are written (Chronicle's vocabulary is implied).
public struct JSONExporter: Sendable {
  /// Whether to indent (two spaces, one member per line) or write one line.
  public var pretty: Bool

  /// Above this many entities, relations or claims, they are written on two threads
  /// (``writeElements(_:to:flush:_:)``); the bytes are the same.
  var parallelItems = 20_000
  /// The elements of each block written on one thread.
  var blockItems = 8_192

  /// Creates an exporter.
  public init(pretty: Bool = true) { self.pretty = pretty }

  /// The graph as UTF-8 JSON bytes, ending with a newline.
  public func export(_ graph: TimelineGraph) -> [UInt8] {
    // Generous (pretty output is about 650 bytes an entity, 170 a relation in
    // generated timelines): unwritten pages are never touched, whereas growing the
    // buffer copies the whole output into one twice as large.
    let capacity = 4096 + graph.count * 512 + graph.relations.count * 256 + graph.claims.count * 512
    var writer = JSONWriter(pretty: pretty, capacity: capacity)
    write(graph, to: &writer) { _ in }
    return writer.bytes
  }

  /// The same bytes as ``export(_:)``, handed to `sink` in pieces of about
  /// `chunkBytes` as they are written, so that the whole document is never held:
  ///
  ///     JSONExporter().export(graph) { chunk in _ = write(STDOUT_FILENO, chunk.baseAddress, chunk.count) }
  public func export(
    _ graph: TimelineGraph, chunkBytes: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
  ) {
    var writer = JSONWriter(pretty: pretty, capacity: chunkBytes + chunkBytes / 2)
    // Blocks written on another thread come in whole: cut into pieces of `chunkBytes`.
    let size = max(1, chunkBytes)
    func hand(_ bytes: UnsafeRawBufferPointer) {
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + size)
        sink(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        start = end
      }
    }
    write(graph, to: &writer) { writer in
      if writer.bytes.count >= chunkBytes { writer.flush(to: hand) }
    }
    writer.flush(to: hand)
  }

  /// Writes the document; calls `flush` after each entity, relation and claim.
  private func write(_ graph: TimelineGraph, to writer: inout JSONWriter, flush: (inout JSONWriter) -> Void) {
    writer.beginObject()
    writer.key("chronicle"); writer.number(1)
    writer.member("title", graph.title)
    if !graph.declaredRelationTypes.isEmpty {
      writer.key("relationTypes")
      writer.beginArray()
      for type in graph.declaredRelationTypes { write(type, to: &writer) }
      writer.endArray()
    }
    writer.key("entities")
    writer.beginArray()
    writeElements(graph.entities, to: &writer, flush: flush) { write($0, to: &$1) }
    writer.endArray()
    writer.key("relations")
    writer.beginArray()
    writeElements(graph.relations, to: &writer, flush: flush) { write($0, to: &$1) }
    writer.endArray()
    writer.key("claims")
    writer.beginArray()
    writeElements(graph.claims, to: &writer, flush: flush) { write($0, to: &$1) }
    writer.endArray()
    writer.endObject()
    writer.finish()
  }

  /// Writes the elements of an array, calling `flush` after each (or each block). Many
  /// elements are written in blocks, two at a time on two threads, each into a writer
  /// of its own, and added in order: the same bytes as one loop.
  private func writeElements<Element>(
    _ elements: [Element], to writer: inout JSONWriter, flush: (inout JSONWriter) -> Void,
    _ write: (Element, inout JSONWriter) -> Void
  ) {
    guard elements.count > parallelItems else {
      for element in elements {
        write(element, &writer)
        flush(&writer)
      }
      return
    }
    let block = max(1, blockItems)
    // One writer per thread, its buffer kept from block to block.
    let parts = UnsafeMutableBufferPointer<JSONWriter>.allocate(capacity: 2)
    parts.initialize(repeating: writer.detached(continuing: true))
    defer {
      _ = parts.deinitialize()
      parts.deallocate()
    }
    var start = 0
    while start < elements.count {
      let middle = min(elements.count, start + block), end = min(elements.count, start + 2 * block)
      _ = TwoThreads.run { piece in
        parts[piece].restart(continuing: piece == 1 || start > 0)
        for element in elements[piece == 0 ? start..<middle : middle..<end] { write(element, &parts[piece]) }
      }
      for piece in 0..<2 {
        writer.append(parts[piece])
        flush(&writer)
      }
      start = end
    }
  }

  private func write(_ entity: Entity, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("id", entity.id)
    writer.member("kind", entity.kind.rawValue)
    writer.member(entity.kind.labelKey, entity.label)
    writer.member("type", entity.type)
    writer.member("date", entity.date?.description)
    if !entity.steps.isEmpty {
      writer.key("steps")
      writer.beginArray()
      for step in entity.steps {
        writer.beginObject()
        writer.member("label", step.label)
        writer.member("date", step.date.description)
        writer.endObject()
      }
      writer.endArray()
    }
    if !entity.identifiers.isEmpty {
      writer.key("identifiers")
      writer.beginArray()
      for identifier in entity.identifiers {
        writer.beginObject()
        writer.member("scheme", identifier.scheme.rawValue)
        writer.member("value", identifier.value)
        writer.endObject()
      }
      writer.endArray()
    }
    writer.member("publisher", entity.publisher)
    writer.member("pages", entity.pages)
    writer.member("place", entity.place)
    writer.member("partOf", entity.partOf)
    writer.member("parent", entity.parent)
    if let coordinates = entity.coordinates {
      writer.key("coordinates")
      writer.beginObject()
      writer.key("latitude"); writer.number(ClaimNumber(coordinates.latitude).description)
      writer.key("longitude"); writer.number(ClaimNumber(coordinates.longitude).description)
      writer.endObject()
    }
    if !entity.positions.isEmpty {
      writer.key("positions")
      writer.beginArray()
      for position in entity.positions {
        writer.beginObject()
        writer.member("title", position.title)
        writer.member("organisation", position.organisation)
        writer.member("date", position.date?.description)
        write(position.sources, to: &writer)
        writer.endObject()
      }
      writer.endArray()
    }
    writer.member("aliases", entity.aliases)
    writer.member("description", entity.summary)
    writer.member("notes", entity.notes)
    write(entity.sources, to: &writer)
    writer.endObject()
  }

  private func write(_ relation: Relation, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("from", relation.from)
    writer.member("type", relation.type)
    writer.member("to", relation.to)
    writer.member("role", relation.role)
    writer.member("date", relation.date?.description)
    writer.member("locator", relation.locator)
    writer.member("note", relation.note)
    write(relation.sources, to: &writer)
    writer.endObject()
  }

  private func write(_ claim: Claim, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("id", claim.id)
    writer.member("subject", claim.subject)
    writer.member("property", claim.property)
    writer.key("value")
    switch claim.value {
    case .number(let number):
      writer.number(number.description)
    case .range(let low, let high):
      writer.beginObject()
      writer.key("low"); writer.number(low.description)
      writer.key("high"); writer.number(high.description)
      writer.endObject()
    case .text(let text):
      writer.string(text)
    }
    writer.member("unit", claim.unit)
    writer.member("qualifier", claim.qualifier)
    writer.member("claimant", claim.claimant)
    writer.member("reportedBy", claim.reportedBy)
    writer.member("date", claim.date?.description)
    writer.member("note", claim.note)
    write(claim.sources, to: &writer)
    writer.endObject()
  }

  private func write(_ type: RelationType, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("id", type.id)
    // Declared types have one signature (the file format writes one from/to pair).
    let signature = type.signatures.first
    writer.key("from")
    kinds(signature?.from ?? [], to: &writer)
    writer.key("to")
    kinds(signature?.to ?? [], to: &writer)
    if !type.summary.isEmpty { writer.member("description", type.summary) }
    writer.endObject()
  }

  private func kinds(_ kinds: Set<EntityKind>, to writer: inout JSONWriter) {
    if kinds.count == EntityKind.allCases.count {
      writer.string("any")
      return
    }
    writer.beginArray()
    for kind in kinds.sorted() { writer.string(kind.rawValue) }
    writer.endArray()
  }

  private func write(_ sources: [Citation], to writer: inout JSONWriter) {
    guard !sources.isEmpty else { return }
    writer.key("sources")
    writer.beginArray()
    for source in sources {
      writer.beginObject()
      writer.member("document", source.document)
      writer.member("locator", source.locator)
      writer.member("quote", source.quote)
      writer.endObject()
    }
    writer.endArray()
  }
}
