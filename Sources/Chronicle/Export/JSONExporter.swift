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
  /// (``writeElements(_:to:flush:handOver:_:)``); the bytes are the same.
  var parallelItems = 20_000
  /// Twice the elements of each block written on one thread (blocks of half this go
  /// to whichever thread is free).
  var blockItems = 8_192

  /// Creates an exporter.
  public init(pretty: Bool = true) { self.pretty = pretty }

  /// The graph as UTF-8 JSON bytes, ending with a newline.
  public func export(_ graph: TimelineGraph) -> [UInt8] {
    // Generous (pretty output is about 650 bytes an entity, 170 a relation in
    // generated timelines): unwritten pages are never touched, whereas growing the
    // array copies the whole output into one twice as large.
    let capacity = 4096 + graph.count * 512 + graph.relations.count * 256 + graph.claims.count * 512
    var bytes: [UInt8] = []
    bytes.reserveCapacity(capacity)
    export(graph, chunkBytes: min(capacity, 1 << 20)) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// The same bytes as ``export(_:)``, handed to `sink` in pieces of at most
  /// `chunkBytes` as they are written (smaller ones where a block written on the other
  /// thread follows), so that the whole document is never held:
  ///
  ///     JSONExporter().export(graph) { chunk in _ = write(STDOUT_FILENO, chunk.baseAddress, chunk.count) }
  public func export(
    _ graph: TimelineGraph, chunkBytes: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
  ) {
    var writer = JSONBuffer(pretty: pretty, capacity: chunkBytes + chunkBytes / 2)
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
    func handAll(_ writer: inout JSONBuffer) {
      hand(writer.written)
      writer.removeAllBytes()
    }
    write(graph, to: &writer) { writer in
      if writer.count >= chunkBytes { handAll(&writer) }
    } handOver: { writer, part in
      // What came before, then the block as it is (not copied after it first).
      handAll(&writer)
      hand(part.written)
      writer.adopt(part)
    }
    handAll(&writer)
  }

  /// Writes the document; calls `flush` after each entity, relation and claim, and
  /// hands each block written on another thread to `handOver`, in order.
  private func write(
    _ graph: TimelineGraph, to writer: inout JSONBuffer, flush: (inout JSONBuffer) -> Void,
    handOver: (inout JSONBuffer, borrowing JSONBuffer) -> Void
  ) {
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
    writeElements(graph.entities, to: &writer, flush: flush, handOver: handOver) { write(entityAt: $1, of: $0, to: &$2) }
    writer.endArray()
    writer.key("relations")
    writer.beginArray()
    writeElements(graph.relations, to: &writer, flush: flush, handOver: handOver) { write(relationAt: $1, of: $0, to: &$2) }
    writer.endArray()
    writer.key("claims")
    writer.beginArray()
    writeElements(graph.claims, to: &writer, flush: flush, handOver: handOver) { write(claimAt: $1, of: $0, to: &$2) }
    writer.endArray()
    writer.endObject()
    writer.finish()
  }

  /// Writes the elements of an array, calling `flush` after each. Many elements are
  /// written in blocks on two threads, each into a buffer of its own, and handed to
  /// `handOver` in order (``TwoThreads/inOrder(count:blockSize:window:parts:produce:consume:)``):
  /// the same bytes as one loop.
  ///
  /// `write` writes the element at a position of the array's buffer: elements are read
  /// in place there, where a loop over the array (or a generic call) would copy each,
  /// with a retain and a release of every string and list in it.
  private func writeElements<Element>(
    _ elements: [Element], to writer: inout JSONBuffer, flush: (inout JSONBuffer) -> Void,
    handOver: (inout JSONBuffer, borrowing JSONBuffer) -> Void,
    _ write: (UnsafeBufferPointer<Element>, Int, inout JSONBuffer) -> Void
  ) {
    guard elements.count > parallelItems else {
      elements.withUnsafeBufferPointer { elements in
        for position in elements.indices {
          write(elements, position, &writer)
          flush(&writer)
        }
      }
      return
    }
    // One buffer per part, kept from block to block (fresh ones would each be grown,
    // copied and faulted in again): eight parts of half `blockItems`, about four whole
    // blocks' bytes at once (two before the pipeline).
    let template = writer.detached(continuing: true)
    TwoThreads.inOrder(
      count: elements.count, blockSize: max(1, blockItems / 2), parts: { template.detached(continuing: true) },
      produce: { part, range in
        part.restart(continuing: range.lowerBound > 0)
        elements.withUnsafeBufferPointer { elements in
          for position in range { write(elements, position, &part) }
        }
      },
      consume: { part in handOver(&writer, part) })
  }

  /// Writes the entity at `index` of `entities`, reading its fields in place (a copy of
  /// the entity would retain and release each of its strings and lists).
  private func write(entityAt index: Int, of entities: UnsafeBufferPointer<Entity>, to writer: inout JSONBuffer) {
    writer.beginObject()
    writer.member("id", entities[index].id)
    writer.member("kind", entities[index].kind.rawValue)
    writer.key(text: entities[index].kind.labelKey)
    writer.string(entities[index].label)
    writer.member("type", entities[index].type)
    writer.member("date", entities[index].date?.description)
    if !entities[index].steps.isEmpty {
      writer.key("steps")
      writer.beginArray()
      for step in entities[index].steps {
        writer.beginObject()
        writer.member("label", step.label)
        writer.member("date", step.date.description)
        writer.endObject()
      }
      writer.endArray()
    }
    if !entities[index].identifiers.isEmpty {
      writer.key("identifiers")
      writer.beginArray()
      for identifier in entities[index].identifiers {
        writer.beginObject()
        writer.member("scheme", identifier.scheme.rawValue)
        writer.member("value", identifier.value)
        writer.endObject()
      }
      writer.endArray()
    }
    writer.member("publisher", entities[index].publisher)
    writer.member("pages", entities[index].pages)
    writer.member("place", entities[index].place)
    writer.member("partOf", entities[index].partOf)
    writer.member("parent", entities[index].parent)
    if let coordinates = entities[index].coordinates {
      writer.key("coordinates")
      writer.beginObject()
      writer.key("latitude"); writer.number(ClaimNumber(coordinates.latitude).description)
      writer.key("longitude"); writer.number(ClaimNumber(coordinates.longitude).description)
      writer.endObject()
    }
    if !entities[index].positions.isEmpty {
      writer.key("positions")
      writer.beginArray()
      for position in entities[index].positions {
        writer.beginObject()
        writer.member("title", position.title)
        writer.member("organisation", position.organisation)
        writer.member("date", position.date?.description)
        write(position.sources, to: &writer)
        writer.endObject()
      }
      writer.endArray()
    }
    writer.member("aliases", entities[index].aliases)
    writer.member("description", entities[index].summary)
    writer.member("notes", entities[index].notes)
    write(entities[index].sources, to: &writer)
    writer.endObject()
  }

  /// Writes the relation at `index` of `relations`, reading its fields in place.
  private func write(relationAt index: Int, of relations: UnsafeBufferPointer<Relation>, to writer: inout JSONBuffer) {
    writer.beginObject()
    writer.member("from", relations[index].from)
    writer.member("type", relations[index].type)
    writer.member("to", relations[index].to)
    writer.member("role", relations[index].role)
    writer.member("date", relations[index].date?.description)
    writer.member("locator", relations[index].locator)
    writer.member("note", relations[index].note)
    write(relations[index].sources, to: &writer)
    writer.endObject()
  }

  /// Writes the claim at `index` of `claims`, reading its fields in place.
  private func write(claimAt index: Int, of claims: UnsafeBufferPointer<Claim>, to writer: inout JSONBuffer) {
    writer.beginObject()
    writer.member("id", claims[index].id)
    writer.member("subject", claims[index].subject)
    writer.member("property", claims[index].property)
    writer.key("value")
    switch claims[index].value {
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
    writer.member("unit", claims[index].unit)
    writer.member("qualifier", claims[index].qualifier)
    writer.member("claimant", claims[index].claimant)
    writer.member("reportedBy", claims[index].reportedBy)
    writer.member("date", claims[index].date?.description)
    writer.member("note", claims[index].note)
    write(claims[index].sources, to: &writer)
    writer.endObject()
  }

  private func write(_ type: RelationType, to writer: inout JSONBuffer) {
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

  private func kinds(_ kinds: Set<EntityKind>, to writer: inout JSONBuffer) {
    if kinds.count == EntityKind.allCases.count {
      writer.string("any")
      return
    }
    writer.beginArray()
    for kind in kinds.sorted() { writer.string(kind.rawValue) }
    writer.endArray()
  }

  private func write(_ sources: [Citation], to writer: inout JSONBuffer) {
    guard !sources.isEmpty else { return }
    writer.key("sources")
    writer.beginArray()
    // Read in place: a loop over the array would copy each citation, retaining its
    // strings and its tail, which citations of one file share (both threads
    // retaining one object is slow).
    sources.withUnsafeBufferPointer { sources in
      for index in sources.indices {
        writer.beginObject()
        writer.member("document", sources[index].document)
        writer.member("locator", sources[index].locator)
        writer.member("quote", sources[index].quote)
        writer.endObject()
      }
    }
    writer.endArray()
  }
}
