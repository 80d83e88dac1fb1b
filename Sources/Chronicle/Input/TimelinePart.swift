/// A stretch of one top-level list of a large JSON file, read on a thread of its own
/// while another thread reads the file from its start, and added in its place when
/// that read reaches it.
///
/// Where a part starts is a guess: the first `{` at the start of a line (after spaces
/// or tabs) at or after a chosen offset. A raw line break cannot occur inside a JSON
/// string, so the guess is outside any string, but it may be inside an element, or in
/// a list other than the one the part guesses from its first element's keys. The read
/// from the start confirms the guess: a part is added only when an element of the
/// list the part guessed starts exactly at its first byte. A part that was read with
/// any error, diagnostic or element out of the compact form is never added; the read
/// from the start then reads that stretch itself. So the graph, the diagnostics and
/// every position are those of a read from the start alone.
struct TimelinePart {
  /// The offset of the part's first element, and of the start of its line.
  let start: Int
  let lineStart: Int
  /// The list its elements were read as.
  private(set) var section: SourceElement.Section?
  /// The elements, in order, in blocks that are freed as they are added; one kind per
  /// part, each kept at its own size (a claim takes twice the room of a relation).
  private var entities: [PageBlock<Entity>] = []
  private var relations: [PageBlock<Relation>] = []
  private var claims: [PageBlock<Claim>] = []
  /// The number of elements.
  private(set) var count = 0
  /// For each element in order, the hash the builder files it under: an entity's id
  /// hash, a relation's merge hash (0 for a claim). Computed here, on the thread that
  /// reads the part, not on the one that adds it.
  private var hashes: [UInt64] = []
  /// Where the read stopped, its lines counted from the part's first line: at the first
  /// element at or after the limit, or after the list's `]`. Nil when the part cannot be
  /// added.
  private(set) var end: JSONByteParser.State?
  /// Whether the read stopped after the list's `]`.
  private(set) var endsList = false
  /// The pages of the part's bytes given back, if any.
  private(set) var release: PageRelease?

  /// Elements per block: about 2 MB.
  private static let blockSize = 16_384

  /// The files worth splitting: smaller ones are read by one thread.
  static let minimumByteCount = 8 << 20

  /// Where to look for the starts of the parts of a file of `byteCount` bytes read by
  /// `threads` threads.
  ///
  /// The thread reading from the start reads a short first stretch itself (10 % with
  /// two threads, less with more), then adds the parts, and reads parts itself
  /// whenever the next is not read yet (``TimelinePartReader``). It reads no more at
  /// the start because an element read there and added at once costs more than one
  /// read in a part and added later: at 1M events, estimated from one run's samples per
  /// thread, 8.7 s a file against 5.7 s to read and 2.0 s to add (a part's elements are
  /// hashed ahead and their table slots read ahead, so they do not wait for cache
  /// misses one by one). The rest is cut into parts of about 8 MB (at least four per
  /// other thread, at most 128), small enough that the stretches no part holds, from
  /// the end of a list to the next part, stay short, and that the threads end close
  /// together.
  static func guesses(byteCount: Int, threads: Int) -> [Int] {
    guard threads > 1, byteCount >= minimumByteCount else { return [] }
    let workers = Double(threads - 1)
    let firstOffset = Int(Double(byteCount) * 0.1 / workers)
    let count = min(128, max(4 * (threads - 1), (byteCount - firstOffset) / (8 << 20)))
    return (0..<count).map { firstOffset + (byteCount - firstOffset) / count * $0 }
  }

  /// The places where parts can start, at or after each guess (and before the next):
  /// a `{` preceded on its line by spaces or tabs only. Guesses with none in the
  /// following MiB are dropped.
  static func starts(in bytes: UnsafeBufferPointer<UInt8>, near guesses: [Int]) -> [(start: Int, lineStart: Int)] {
    var starts: [(start: Int, lineStart: Int)] = []
    for (number, guess) in guesses.enumerated() {
      let limit = min(guesses.indices.contains(number + 1) ? guesses[number + 1] : bytes.count, guess + (1 << 20))
      var offset = max(guess, starts.last.map { $0.start + 1 } ?? 0)
      while offset < limit {
        guard bytes[offset] == 0x0A else {
          offset += 1
          continue
        }
        let lineStart = offset + 1
        offset = lineStart
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "{") {
          starts.append((offset, lineStart))
          break
        }
      }
    }
    return starts
  }

  /// What a thread that reads several parts carries from one to the next: the dates
  /// parsed and the texts read (shared between their uses, as on one thread).
  struct Caches {
    var dates = EDTFDateCache()
    var texts = StringInterner()
    /// Where the part's blocks take their pages from (each block its own when nil).
    var pages: PagePool?
  }

  /// Reads the elements from `start` to the first that starts at or after `limit`, or
  /// to the end of their list.
  /// Gives back the pages read (see ``PageRelease``) when `releasing`.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, lineStart: Int, limit: Int, document: SourceDocument,
    releasing: Bool = false
  ) -> TimelinePart {
    var caches = Caches()
    return read(bytes, start: start, lineStart: lineStart, limit: limit, document: document, releasing: releasing,
                caches: &caches)
  }

  /// ``read(_:start:lineStart:limit:document:releasing:)`` with the dates and texts of
  /// the parts this thread read before, which it leaves in `caches` for the next.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, lineStart: Int, limit: Int, document: SourceDocument,
    releasing: Bool = false, caches: inout Caches
  ) -> TimelinePart {
    var part = TimelinePart(start: start, lineStart: lineStart)
    if releasing { part.release = PageRelease(bytes, from: start) }
    var parser = JSONByteParser(bytes, partAt: start, lineStart: lineStart)
    var decoder = TimelineDecoder(file: document.file)
    decoder.source = document
    decoder.recording = false
    parser.exchangeTexts(&caches.texts)
    swap(&decoder.dates, &caches.dates)
    defer {
      parser.exchangeTexts(&caches.texts)
      swap(&decoder.dates, &caches.dates)
    }
    do throws(InputError) {
      while true {
        let offset = parser.offset
        part.release?.release(before: offset)
        if offset >= limit { break }
        let record: TimelineDecoder.Record
        if let section = part.section,
          let direct = decoder.decodeDirect(&parser, section: section, index: part.count, document: document)
        {
          record = direct
        } else {
          let node = try parser.parseElement()
          guard let section = part.section ?? Self.section(of: node) else { return part }
          part.section = section
          guard let decoded = decoder.decodeRecord(node, of: section, index: part.count, offset: offset),
            decoder.diagnostics.isEmpty, decoded.provenance.isElement
          else { return part }
          record = decoded
        }
        let stored: Bool
        switch consume record {
        case .entity(let entity):
          part.hashes.append(IdentifierTable.hash(entity.id))
          stored = append(consume entity, to: &part.entities, pool: caches.pages)
        case .relation(let relation):
          part.hashes.append(relation.mergeHash)
          stored = append(consume relation, to: &part.relations, pool: caches.pages)
        case .claim(let claim):
          part.hashes.append(0)
          stored = append(consume claim, to: &part.claims, pool: caches.pages)
        }
        guard stored else { return part }
        part.count += 1
        guard try parser.continuesArray() else {
          part.endsList = true
          break
        }
      }
    } catch {
      return part
    }
    part.end = parser.state
    return part
  }

  /// Appends to the last block, or to a new one; false when there is no memory for one.
  private static func append<Element>(
    _ element: consuming Element, to blocks: inout [PageBlock<Element>], pool: PagePool?
  ) -> Bool {
    if blocks.last?.isFull ?? true {
      guard let block = pool.map({ PageBlock<Element>(in: $0) }) ?? PageBlock<Element>(capacity: blockSize) else {
        return false
      }
      blocks.append(block)
    }
    blocks[blocks.count - 1].append(consume element)
    return true
  }

  /// The list an element belongs to, guessed from its keys.
  private static func section(of node: InputNode) -> SourceElement.Section? {
    guard case .object(let members) = node.value else { return nil }
    if members.contains(where: { $0.key == "kind" }) { return .entities }
    if members.contains(where: { $0.key == "subject" }) { return .claims }
    if members.contains(where: { $0.key == "from" }) { return .relations }
    return nil
  }

  /// Whether the part can be placed `lines` lines and `indices` elements on: every
  /// element's place still fits the compact form.
  func fits(lines: Int, indices: Int) -> Bool {
    guard let end else { return false }
    return indices + count <= SourceElement.maximumIndex && end.movingLines(by: lines).fitsCompactForm
  }

  /// Adds the elements to the builder, placed `lines` lines and `indices` elements on,
  /// freeing each block once added. Call only when ``fits(lines:indices:)``.
  mutating func add(to builder: inout TimelineBuilder, lines: Int, indices: Int) {
    // The slot each element goes to is read this many elements ahead.
    let ahead = 24
    var next = 0
    hashes.withUnsafeBufferPointer { hashes in
      for hash in hashes.prefix(ahead) where section == .entities { builder.prefetch(entityHash: hash) }
      for hash in hashes.prefix(ahead) where section == .relations { builder.prefetch(relationHash: hash) }
      Self.drain(&entities) { (entity: consuming Entity) in
        _ = entity.provenance.moveElement(lines: lines, indices: indices)
        if next + ahead < hashes.count { builder.prefetch(entityHash: hashes[next + ahead]) }
        builder.add(entity, idHash: hashes[next])
        next += 1
      }
      Self.drain(&relations) { (relation: consuming Relation) in
        _ = relation.provenance.moveElement(lines: lines, indices: indices)
        if next + ahead < hashes.count { builder.prefetch(relationHash: hashes[next + ahead]) }
        builder.add(relation, mergeHash: hashes[next])
        next += 1
      }
    }
    hashes = []
    Self.drain(&claims) { (claim: consuming Claim) in
      _ = claim.provenance.moveElement(lines: lines, indices: indices)
      builder.add(claim)
    }
  }

  /// Moves every element out of the blocks, in order, into `add`, freeing each block
  /// once emptied.
  private static func drain<Element>(_ blocks: inout [PageBlock<Element>], into add: (consuming Element) -> Void) {
    blocks.reverse()
    while let block = blocks.popLast() {
      block.takeAll(add)
    }
  }
}
