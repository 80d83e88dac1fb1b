/// The work of one ``ChronologyExporter/export(_:)`` call: walks the graph once, in
/// chronological order, and writes wrapped lines into one byte buffer.
///
///     var renderer = ChronologyRenderer(graph: graph, options: ChronologyOptions())
///     let bytes = renderer.render()
///
/// Each line is gathered in `line` from literal pieces (``literal(_:)``) and user
/// text (``user(_:)``, which goes through ``ChronologySanitizer``), then wrapped.
///
/// With more than ``parallelEntries`` entries, the entries and the notes are written
/// in blocks on two threads (``writeInParallel()``), with the same bytes.
struct ChronologyRenderer {
  let graph: TimelineGraph
  private let markdown: Bool
  private let ascii: Bool
  private let width: Int
  private let wrapper: TextWrapper
  private(set) var sanitizer: ChronologySanitizer
  /// The entry field each relation type's number fills.
  let fields: ChronologyFields
  private var notes = ChronologyNotes()
  var output: [UInt8] = []
  /// Where finished blocks go when streaming (``render(to:)``); nil: all stays in `output`.
  var sink: ((UnsafeRawBufferPointer) -> Void)?
  /// Whether bytes were already handed to the sink (or, in a renderer writing one block
  /// of many, written before the block).
  var flushed = false
  /// The bytes gathered before they are handed to the sink.
  var chunkBytes = Self.defaultChunkBytes
  /// About a megabyte: big enough that writing costs nothing, small against the output.
  static let defaultChunkBytes = 1 << 20
  private var line: [UInt8] = []
  var lastBlock = Block.none
  /// Whether an entity has an entry of its own (and so carries its own figures).
  private var hasEntry: [Bool]
  /// The names of the entities but the events, made ahead for a large graph
  /// (``writeInParallel()``); nil: names are read from the entities as they are written.
  var names: ChronologyNames?
  /// What the notes write for each document (``documentNoteTexts()``), made ahead for a
  /// large graph; nil: the notes read the documents as they are written.
  var documentNotes: ChronologyTexts?
  /// The bytes written for recent dates; whether they are copied (false: every date is
  /// described, as the tests compare).
  private var dateTexts = ChronologyDateTexts()
  var cachesDates = true

  /// Which end of an edge a field names.
  private enum End {
    case from, to
  }

  enum Block {
    case none, heading, paragraph, entry
  }

  /// The fewest entries (dated and undated) for which the entries are written in blocks
  /// on two threads (``writeInParallel()``), and the fewest notes for which the notes
  /// are; the bytes are the same.
  var parallelEntries = 20_000
  /// The entries (or notes) of each block written on one thread.
  var blockEntries = 4_096
  /// Whether note numbers are read from `numbers` (known before the entries are
  /// written, in the parallel path) rather than assigned by `notes`.
  var replaying = false
  /// When replaying, the note number of every citation `cite` looks up, in the order
  /// it looks them up.
  var numbers: [Int32] = []
  /// When replaying, the position in `numbers` of the next citation.
  var nextCall = 0
  /// The fewest entries a year needs before it is divided into months.
  static let monthHeadingThreshold = 6

  init(graph: TimelineGraph, options: ChronologyOptions) {
    self.graph = graph
    self.markdown = options.format == .markdown
    self.ascii = options.ascii
    self.width = options.width
    self.wrapper = TextWrapper(width: options.width, keepsBlockMarkersInline: options.format == .markdown)
    self.sanitizer = ChronologySanitizer(ascii: options.ascii, markdown: options.format == .markdown)
    self.fields = ChronologyFields(typeNames: graph.index.edges.typeNames)
    var hasEntry = [Bool](repeating: false, count: graph.count)
    for index in graph.chronological { hasEntry[Int(index.rawValue)] = true }
    for index in graph.undated { hasEntry[Int(index.rawValue)] = true }
    self.hasEntry = hasEntry
  }

  mutating func render() -> [UInt8] {
    // Generous: pages of the buffer never written are never touched, whereas growing
    // it copies the whole output into a buffer twice as large (about 440 bytes an
    // entry in generated timelines, and a note per citation).
    let entries = graph.chronological.count + graph.undated.count
    output.reserveCapacity(4096 + entries * 768 + graph.relations.count * 64 + graph.claims.count * 160)
    writeTitle()
    writeHeader()
    writeBody()
    return output
  }

  /// Renders in pieces of about `chunkBytes` (each ending before a block), handed to `sink` as they are done:
  /// the same bytes as ``render()``, never all held at once. A large chronology, written
  /// on two threads, hands over a block of entries or notes at least (a few MB).
  mutating func render(chunkBytes: Int = defaultChunkBytes, to sink: (UnsafeRawBufferPointer) -> Void) {
    withoutActuallyEscaping(sink) { sink in
      self.sink = sink
      self.chunkBytes = chunkBytes
      output.reserveCapacity(chunkBytes + chunkBytes / 2)
      writeTitle()
      writeHeader()
      writeBody()
      output.withUnsafeBytes(sink)
      output.removeAll()
      self.sink = nil
    }
  }

  /// The entries, figures and notes: on one thread, or for many entries in blocks on
  /// two (``writeInParallel()``).
  private mutating func writeBody() {
    guard graph.chronological.count + graph.undated.count <= parallelEntries else { return writeInParallel() }
    // About a note per entity in generated timelines; pages never written are never touched.
    notes.reserveCapacity(graph.count)
    let graph = self.graph
    Self.walk(graph) { step in
      switch step {
      case .heading(let text, let level): heading(text, level: level)
      case .entry(let entry): writeEntry(entry)
      }
    }
    writeFigures(figureSubjects())
    let keys = notes.keys
    writeNotes(count: keys.count) { keys[$0] }
  }

  // MARK: Sections

  private mutating func writeTitle() {
    let title = graph.title.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? "Chronology"
    user(title)
    if markdown {
      // A heading is one line, whatever the width.
      TextWrapper(width: 0).wrap(line, prefix: Array("# ".utf8), indent: [], into: &output)
      line.removeAll(keepingCapacity: true)
    } else {
      var title: [UInt8] = []
      wrapper.wrap(line, prefix: [], indent: [], into: &title)
      line.removeAll(keepingCapacity: true)
      var widest = 0
      for text in title.split(separator: UInt8(ascii: "\n")) {
        widest = max(widest, Array(text).withUnsafeBufferPointer { TextWrapper.columns(of: $0) })
      }
      output.append(contentsOf: title)
      output.append(contentsOf: rule("=", columns: widest))
    }
    lastBlock = .heading
  }

  private mutating func writeHeader() {
    let dated = graph.chronological
    let events = dated.reduce(0) { $0 + (graph.entities[Int($1.rawValue)].kind == .event ? 1 : 0) }
    let documents = dated.count - events
    var counts = Self.count(dated.count, "dated entry", "dated entries")
    if !dated.isEmpty {
      var kinds: [String] = []
      if events > 0 { kinds.append(Self.count(events, "event", "events")) }
      if documents > 0 { kinds.append(Self.count(documents, "document", "documents")) }
      counts += " (" + kinds.joined(separator: ", ") + ")"
    }
    counts += " and " + Self.count(graph.undated.count, "undated event", "undated events") + "."
    literal(counts.prefix(1).uppercased() + counts.dropFirst())
    literal(" Every figure is attributed: " + quoted("claimed by") + " and " + quoted("according to")
      + " name who makes a claim, " + quoted("as reported by") + " and " + quoted("as reported in")
      + " who relays it; a figure with neither is that of the cited document. Where sources give different"
      + " figures, all are listed under " + quoted("Figures differ") + ". " + quoted("c.") + " marks an approximate date.")
    literal(markdown ? " Footnotes give the sources." : " Numbers in brackets refer to the notes at the end.")
    beginBlock(.paragraph)
    wrapper.wrap(line, prefix: [], indent: [], into: &output)
    line.removeAll(keepingCapacity: true)
  }

  /// One step of the chronology: a heading (level 2 for years and `Undated`, 3 for
  /// months), or an entry.
  enum Step {
    case heading(String, level: Int)
    case entry(EntityIndex)
  }

  /// The chronology's headings and entries in order: the dated entries under their
  /// years (and, in a full year, months), then the undated ones.
  static func walk(_ graph: TimelineGraph, _ body: (Step) -> Void) {
    let order = graph.chronological
    var start = 0
    while start < order.count {
      let year = graph.entities[Int(order[start].rawValue)].date?.earliest?.year
      var end = start + 1
      while end < order.count, graph.entities[Int(order[end].rawValue)].date?.earliest?.year == year { end += 1 }
      walkYear(year, order[start..<end], graph, body)
      start = end
    }
    guard !graph.undated.isEmpty else { return }
    body(.heading("Undated", level: 2))
    for entry in graph.undated { body(.entry(entry)) }
  }

  private static func walkYear(
    _ year: Int?, _ entries: ArraySlice<EntityIndex>, _ graph: TimelineGraph, _ body: (Step) -> Void
  ) {
    body(.heading(year.map(Self.yearName) ?? "Open or unknown start", level: 2))
    let months = entries.map { month(of: $0, in: graph) }
    let distinctMonths = Set(months.compactMap { $0 })
    guard year != nil, entries.count >= Self.monthHeadingThreshold, distinctMonths.count >= 2 else {
      for entry in entries { body(.entry(entry)) }
      return
    }
    for (entry, month) in zip(entries, months) where month == nil { body(.entry(entry)) }
    var current: Int?
    for (entry, month) in zip(entries, months) {
      guard let month, let year else { continue }
      if month != current {
        body(.heading(EDTFDate.monthNames[month - 1] + " " + Self.yearName(year), level: 3))
        current = month
      }
      body(.entry(entry))
    }
  }

  /// The month an entry is filed under: that of its date, or of its interval's start,
  /// when that lies within one month; nil for dates given to a year, season or quarter.
  private static func month(of entry: EntityIndex, in graph: TimelineGraph) -> Int? {
    guard let date = graph.entities[Int(entry.rawValue)].date else { return nil }
    // An interval's start read in place: `interval` would make an `EDTFDate` of it,
    // with its text, for each of a million entries.
    let bounds: (earliest: CalendarDay?, latest: CalendarDay?)
    if case .interval(.date(let start), _) = date.expression {
      let startBounds = start.bounds
      bounds = (startBounds?.earliest, startBounds?.latest)
    } else {
      bounds = (date.earliest, date.latest)
    }
    guard let earliest = bounds.earliest, let latest = bounds.latest,
      earliest.year == latest.year, earliest.month == latest.month
    else { return nil }
    return earliest.month
  }

  /// The subjects of the `Figures` section (those without an entry of their own) in
  /// order of their first claim, and their claims.
  struct FigureSubjects {
    var order: [String] = []
    /// The claims of each subject, in order; ids compared code point by code point.
    var bySubject: [IdentifierKey: [Claim]] = [:]
  }

  func figureSubjects() -> FigureSubjects {
    var subjects = FigureSubjects()
    // The subjects were looked up when the graph was built.
    let resolved = graph.index.claimSubjects
    for position in graph.claims.indices {
      if let subject = resolved[position], hasEntry[Int(subject.rawValue)] { continue }
      let claim = graph.claims[position]
      let key = IdentifierKey(claim.subject)
      if subjects.bySubject[key] == nil { subjects.order.append(claim.subject) }
      subjects.bySubject[key, default: []].append(claim)
    }
    return subjects
  }

  mutating func writeFigures(_ subjects: FigureSubjects) {
    let (order, bySubject) = (subjects.order, subjects.bySubject)
    guard !order.isEmpty else { return }
    heading("Figures", level: 2)
    for subject in order {
      beginBlock(.entry)
      if let index = graph.index(of: subject) {
        let kind = graph.entities[Int(index.rawValue)].kind.rawValue
        literal(kind.prefix(1).uppercased() + kind.dropFirst() + ": ")
        name(index)
      } else {
        user(quoted(subject))
        literal(" (not in the timeline)")
      }
      emit(level: 0)
      writeClaims(bySubject[IdentifierKey(subject)] ?? [], level: 1)
    }
  }

  /// The notes section: note `n` is `key(n - 1)`; for many notes, in blocks on two
  /// threads.
  mutating func writeNotes(count: Int, _ key: (Int) -> ChronologyNotes.Key) {
    guard count > 0 else { return }
    if markdown {
      beginBlock(.paragraph)
    } else {
      heading("Notes", level: 2)
      beginBlock(.paragraph)
    }
    guard count > parallelEntries else { return writeNotes(key, 0..<count) }
    writeInBlocks(count: count) { part, range in part.writeNotes(key, range) }
  }

  /// The notes `range.lowerBound + 1` to `range.upperBound` of the notes section.
  private mutating func writeNotes(_ key: (Int) -> ChronologyNotes.Key, _ range: Range<Int>) {
    // The label and indent are rebuilt in place: `[12] ` then `     ` (four spaces in Markdown).
    var label: [UInt8] = []
    var indent: [UInt8] = markdown ? Array("    ".utf8) : []
    for offset in range {
      let key = key(offset)
      // GitHub reads a footnote definition as one block: keep them apart.
      if markdown && offset > 0 { output.append(UInt8(ascii: "\n")) }
      label.removeAll(keepingCapacity: true)
      label.append(contentsOf: markdown ? "[^".utf8 : "[".utf8)
      Self.appendDecimal(offset + 1, to: &label)
      label.append(contentsOf: markdown ? "]: ".utf8 : "] ".utf8)
      if !markdown, indent.count != label.count {
        indent = [UInt8](repeating: UInt8(ascii: " "), count: label.count)
      }
      noteText(key)
      wrapper.wrap(line, prefix: label, indent: indent, into: &output)
      line.removeAll(keepingCapacity: true)
    }
  }

  private mutating func noteText(_ key: ChronologyNotes.Key) {
    if let index = graph.index(of: key.document) {
      if documentNotes?.append(Int(index.rawValue), to: &line) != true { noteText(document: Int(index.rawValue)) }
    } else {
      literal("document ")
      user(quoted(key.document))
      literal(" (not in the timeline)")
    }
    if let locator = key.locator {
      literal(", ")
      user(locator)
    }
  }

  /// What ``noteText(document:)`` writes for every document of the graph, made ahead
  /// on two threads for the notes of a large graph (most documents are cited by
  /// several notes; each note would read the document far from the last in memory).
  func documentNoteTexts() -> ChronologyTexts? {
    var writer = self
    writer.sink = nil
    writer.output = []
    writer.line = []
    writer.documentNotes = nil
    // About 120 bytes a document; pages of the room never written are never touched.
    let documents = graph.entities.withUnsafeBufferPointer { entities in
      entities.indices.reduce(0) { $0 + (entities[$1].kind == .document ? 1 : 0) }
    }
    let bytesEach = graph.count == 0 ? 0 : (documents * 120 + graph.count - 1) / graph.count
    return ChronologyTexts(count: graph.count, bytesEach: bytesEach, state: writer) { writer, position, bytes in
      guard writer.graph.entities[position].kind == .document else { return false }
      swap(&writer.line, &bytes)
      writer.noteText(document: position)
      swap(&writer.line, &bytes)
      return true
    }
  }

  /// A note's document: title, type, identifiers and date; reads the entity in place
  /// (a copy of an ``Entity`` retains every one of its fields).
  private mutating func noteText(document position: Int) {
    let kind = graph.entities[position].kind
    label(position, kind: kind)
    var parts = 0
    func separate(_ renderer: inout ChronologyRenderer) {
      renderer.literal(parts == 0 ? " (" : "; ")
      parts += 1
    }
    if kind != .document {
      separate(&self)
      literal(kind.rawValue)
    } else if let type = graph.entities[position].type, !type.isEmpty {
      separate(&self)
      user(type)
    }
    for identifier in graph.entities[position].identifiers {
      separate(&self)
      self.identifier(identifier)
    }
    if parts > 0 { literal(")") }
    literal(", ")
    if let date = graph.entities[position].date { self.date(date) } else { literal("undated") }
  }

  // MARK: Entries

  mutating func writeEntry(_ index: EntityIndex) {
    let position = Int(index.rawValue)
    beginBlock(.entry)
    if let date = graph.entities[position].date {
      if markdown {
        literal("**")
        self.date(date)
        literal("**: ")
        headline(position)
        emit(level: 0)
      } else {
        self.date(date)
        emit(level: 0)
        headline(position)
        emit(level: 1)
      }
    } else {
      headline(position)
      emit(level: 0)
    }
    if graph.entities[position].kind == .document {
      documentFields(index)
    } else {
      eventFields(index)
    }
    let claims = graph.claims(about: index)
    if !claims.isEmpty {
      literal("Figures:")
      emit(level: 1)
      writeClaims(claims, level: 2)
    }
  }

  private mutating func headline(_ position: Int) {
    let kind = graph.entities[position].kind
    label(position, kind: kind)
    let isDocument = kind == .document
    if isDocument {
      literal(" (")
      if let type = graph.entities[position].type, !type.isEmpty { user(type) } else { literal("document") }
      literal(")")
    }
    let sources = graph.entities[position].sources
    if sources.isEmpty {
      if !isDocument { literal(" (no source recorded)") }
    } else {
      cite(sources)
    }
  }

  private mutating func eventFields(_ index: EntityIndex) {
    let position = Int(index.rawValue)
    let outgoing = graph.index.outgoing
    edgeField("Place", .locatedIn, of: position, in: outgoing, end: .to)
    edgeField("Part of", .partOf, of: position, in: outgoing, end: .to)
    edgeField("Participants", .participant, of: position, in: graph.index.incoming, end: .from)
  }

  /// The fields naming who issued, authored, edited, signed or published a document.
  static let byActors: [(label: String, field: ChronologyFields.Field)] = [
    ("Issued by", .issued), ("Authored by", .authored), ("Edited by", .edited), ("Signed by", .signed),
    ("Published by", .published),
  ]

  /// Reads the document in place: a copy of an ``Entity`` retains every one of its fields.
  private mutating func documentFields(_ index: EntityIndex) {
    let position = Int(index.rawValue)
    let identifiers = graph.entities[position].identifiers
    if !identifiers.isEmpty {
      literal("Identifiers: ")
      for (offset, identifier) in identifiers.enumerated() {
        if offset > 0 { literal("; ") }
        self.identifier(identifier)
      }
      emit(level: 1)
    }
    let incoming = graph.index.incoming
    for (label, field) in Self.byActors {
      edgeField(label, field, of: position, in: incoming, end: .from)
    }
    if let publisher = graph.entities[position].publisher, !publisher.isEmpty {
      literal("Publisher: ")
      user(publisher)
      emit(level: 1)
    }
    let outgoing = graph.index.outgoing
    edgeField("Addressed to", .addressedTo, of: position, in: outgoing, end: .to)
    edgeField("Contained in", .containedIn, of: position, in: outgoing, end: .to)
    edgeField("Cites", .cites, of: position, in: outgoing, end: .to)
    let steps = graph.entities[position].steps
    if !steps.isEmpty {
      literal("Other dates: ")
      for (offset, step) in steps.enumerated() {
        if offset > 0 { literal("; ") }
        user(step.label)
        literal(" ")
        date(step.date)
      }
      emit(level: 1)
    }
  }

  /// `Label: Name (role; date; at locator) [1]; Other [2]`, one field line: the edges
  /// of the entity at `entity` in `table` (its outgoing or incoming edges) whose type
  /// fills `field`, in their order. Reads the edges in place, by type number.
  private mutating func edgeField(
    _ label: String, _ field: ChronologyFields.Field, of entity: Int, in table: OffsetTable, end: End
  ) {
    let (stored, fields) = (graph.index.edges.stored, self.fields)
    var count = 0
    var implied = false
    fields.forEachEdge(field, of: entity, in: table, edges: stored) { edge in
      count += 1
      if edge.relation < 0 { implied = true }
    }
    guard count > 0 else { return }
    func target(_ edge: StoredEdge) -> Int32 { end == .to ? edge.to : edge.from }
    literal(label)
    literal(": ")
    var written = 0
    fields.forEachEdge(field, of: entity, in: table, edges: stored) { edge in
      // A field (`place`) and a relation to the same entity are one fact: keep the sourced one.
      if implied, edge.relation < 0 {
        var sourced = false
        fields.forEachEdge(field, of: entity, in: table, edges: stored) { other in
          if other.relation >= 0 && target(other) == target(edge) { sourced = true }
        }
        if sourced { return }
      }
      if written > 0 { literal("; ") }
      written += 1
      name(EntityIndex(rawValue: target(edge)))
      if edge.relation >= 0 { relationDetails(Int(edge.relation)) }
    }
    emit(level: 1)
  }

  /// ` (role; date; at locator) [1]`: what an edge field says of a relation after
  /// naming the entity at its other end. Reads the relation in place: a copy would
  /// retain every one of its fields.
  private mutating func relationDetails(_ position: Int) {
    var details = 0
    func separate(_ renderer: inout ChronologyRenderer) {
      renderer.literal(details == 0 ? " (" : "; ")
      details += 1
    }
    if let role = graph.relations[position].role, !role.isEmpty {
      separate(&self)
      user(role)
    }
    if let date = graph.relations[position].date {
      separate(&self)
      self.date(date)
    }
    if let locator = graph.relations[position].locator, !locator.isEmpty {
      separate(&self)
      literal("at ")
      user(locator)
    }
    if details > 0 { literal(")") }
    cite(graph.relations[position].sources)
  }

  // MARK: Figures

  /// One attributed figure: claims that agree in figure and attribution share it.
  struct Statement {
    var claim: Claim
    var sources: [Citation]
  }

  private struct StatementKey: Hashable {
    var value: ClaimValue
    var qualifier: String?
    var unit: String?
    var claimant: String?
    var reportedBy: String?
    var date: EDTFDate?

    init(_ claim: Claim) {
      (value, qualifier, unit) = (claim.value, claim.qualifier, claim.unit)
      (claimant, reportedBy, date) = (claim.claimant, claim.reportedBy, claim.date)
    }
  }

  private struct FigureKey: Equatable {
    var value: ClaimValue
    var qualifier: String?
    var unit: String?

    init(_ claim: Claim) {
      (value, qualifier, unit) = (claim.value, claim.qualifier, claim.unit)
    }
  }

  /// The most claims grouped by comparing each with those before (as most subjects'
  /// few claims are): more are grouped through hash tables, so that no cost grows with
  /// the square of a subject's claims.
  static let scannedClaims = 16

  /// The claims' properties in order of first use, each with its statements.
  static func properties(_ claims: [Claim]) -> [(property: String, statements: [Statement])] {
    // One claim (most subjects with claims have one): one statement, without the tables.
    if claims.count == 1 { return [(claims[0].property, [Statement(claim: claims[0], sources: claims[0].sources)])] }
    return groupedProperties(claims)
  }

  /// ``properties(_:)`` for any number of claims; up to `limit` claims are grouped by
  /// comparing each with those before, more through hash tables (the same groups).
  static func groupedProperties(
    _ claims: [Claim], scanning limit: Int = scannedClaims
  ) -> [(property: String, statements: [Statement])] {
    var groups: [(property: String, claims: [Claim])] = []
    let scanned = claims.count <= limit
    var positions: [String: Int] = [:]
    for claim in claims {
      if let group = scanned ? groups.firstIndex(where: { $0.property == claim.property }) : positions[claim.property] {
        groups[group].claims.append(claim)
      } else {
        if !scanned { positions[claim.property] = groups.count }
        groups.append((claim.property, [claim]))
      }
    }
    return groups.map { ($0.property, statements($0.claims, scanning: limit)) }
  }

  private mutating func writeClaims(_ claims: [Claim], level: Int) {
    for (property, statements) in Self.properties(claims) {
      if statements.count == 1, let only = statements.first {
        user(property)
        literal(": ")
        statement(only)
        emit(level: level, item: true)
        continue
      }
      let first = FigureKey(statements[0].claim)
      if statements.dropFirst().contains(where: { FigureKey($0.claim) != first }) {
        literal(markdown ? "**Figures differ** " : "Figures differ ")
        literal(ascii ? "- " : "— ")
      }
      user(property)
      literal(":")
      emit(level: level, item: true)
      for item in statements {
        statement(item)
        emit(level: level + 1, item: true)
      }
    }
  }

  /// The claims (of one property) as statements, in order of first use: claims that
  /// agree in figure and attribution share one, with the sources of all.
  private static func statements(_ claims: [Claim], scanning limit: Int) -> [Statement] {
    var statements: [Statement] = []
    let scanned = claims.count <= limit
    var keys: [StatementKey] = []
    var positions: [StatementKey: Int] = [:]
    for claim in claims {
      let key = StatementKey(claim)
      if let position = scanned ? keys.firstIndex(of: key) : positions[key] {
        for source in claim.sources where !statements[position].sources.contains(source) {
          statements[position].sources.append(source)
        }
      } else {
        if scanned { keys.append(key) } else { positions[key] = statements.count }
        statements.append(Statement(claim: claim, sources: claim.sources))
      }
    }
    return statements
  }

  private mutating func statement(_ statement: Statement) {
    let claim = statement.claim
    if let qualifier = claim.qualifier, !qualifier.isEmpty {
      user(qualifier)
      literal(" ")
    }
    if case .text(let text) = claim.value { user(text) } else { claim.value.appendDisplayText(ascii: ascii, to: &line) }
    if let unit = claim.unit, !unit.isEmpty {
      literal(" ")
      user(unit)
    }
    if let claimant = claim.claimant { attribution(claimant, actor: ", claimed by ", document: ", according to ") }
    if let reporter = claim.reportedBy { attribution(reporter, actor: ", as reported by ", document: ", as reported in ") }
    if let date = claim.date {
      literal(", dated ")
      self.date(date)
    }
    if statement.sources.isEmpty { literal(" (no source recorded)") } else { cite(statement.sources) }
  }

  private mutating func attribution(_ id: String, actor: String, document: String) {
    guard let index = graph.index(of: id) else {
      literal(actor)
      user(quoted(id))
      return
    }
    if graph.entities[Int(index.rawValue)].kind == .document {
      literal(document)
      user(quoted(graph.entities[Int(index.rawValue)].label))
    } else {
      literal(actor)
      name(index)
    }
  }

  // MARK: Pieces

  /// An entity's name: its label and, for a place, its aliases.
  private mutating func name(_ index: EntityIndex) {
    let position = Int(index.rawValue)
    if names?.append(position, to: &line) != true {
      Self.appendName(of: position, in: graph, sanitizer: &sanitizer, to: &line)
    }
  }

  /// An entity's label, sanitized: its name, unless it is a place (whose name adds its aliases).
  private mutating func label(_ position: Int, kind: EntityKind) {
    guard kind == .place || names?.append(position, to: &line) != true else { return }
    user(graph.entities[position].label)
  }

  /// Appends an entity's name, as `name` writes it: its label, sanitized, and for a
  /// place its aliases (`Khojaly (also Xocalı)`).
  static func appendName(
    of position: Int, in graph: TimelineGraph, sanitizer: inout ChronologySanitizer, to line: inout [UInt8]
  ) {
    sanitizer.append(graph.entities[position].label, to: &line)
    // Only places show their aliases: the others' details are not read (in a large
    // graph each is a cache miss).
    guard graph.entities[position].kind == .place else { return }
    let aliases = graph.entities[position].aliases
    if !aliases.isEmpty {
      line.append(contentsOf: " (also ".utf8)
      for (offset, alias) in aliases.enumerated() {
        if offset > 0 { line.append(contentsOf: ", ".utf8) }
        sanitizer.append(alias, to: &line)
      }
      line.append(UInt8(ascii: ")"))
    }
  }

  /// A date as ``describe(_:)`` writes it, copied when the same date was written
  /// lately (``ChronologyDateTexts``).
  private mutating func date(_ date: EDTFDate) {
    guard cachesDates else { return describe(date) }
    if let bytes = dateTexts.bytes(for: date) {
      line.append(contentsOf: bytes)
      return
    }
    let start = line.count
    describe(date)
    dateTexts.keep(Array(line[start...]), for: date)
  }

  /// A date's description, sanitized, and what of it is uncertain if it does not say.
  private mutating func describe(_ date: EDTFDate) {
    let text = date.humanDescription(ascii: ascii)
    user(text)
    // Which parts are uncertain: all the start, all the end, or others.
    var uncertain = false
    var onlyStart = true
    var onlyEnd = true
    for qualifier in date.qualifiers where qualifier.kind == .uncertain {
      uncertain = true
      if qualifier.part != .start { onlyStart = false }
      if qualifier.part != .end { onlyEnd = false }
    }
    guard uncertain, !Self.saysUncertain(text) else { return }
    if onlyStart {
      literal(" (start date uncertain)")
    } else if onlyEnd {
      literal(" (end date uncertain)")
    } else {
      literal(" (date uncertain)")
    }
  }

  /// Whether a date's description contains `uncertain`: a search of the bytes where
  /// the description is ASCII and en dashes (as ``EDTFDate/humanDescription(ascii:)``
  /// writes them), else Foundation's.
  static func saysUncertain(_ text: String) -> Bool {
    var text = text
    let found = text.withUTF8 { bytes -> Bool? in
      let word = "uncertain".utf8
      var position = 0
      while position < bytes.count {
        if bytes[position] >= 0x80 {
          // Only an en dash (E2 80 93) is known to be searched alike.
          guard position + 2 < bytes.count, bytes[position] == 0xE2, bytes[position + 1] == 0x80,
            bytes[position + 2] == 0x93
          else { return nil }
          position += 3
          continue
        }
        position += 1
      }
      guard bytes.count >= word.count else { return false }
      for start in 0...(bytes.count - word.count) where bytes[start] == UInt8(ascii: "u") {
        if word.elementsEqual(UnsafeBufferPointer(rebasing: bytes[start..<(start + word.count)])) { return true }
      }
      return false
    }
    return found ?? text.contains("uncertain")
  }

  private mutating func identifier(_ identifier: DocumentIdentifier) {
    switch identifier.scheme {
    case .unSymbol: literal("UN symbol ")
    case .application: literal("application no. ")
    case .isbn: literal("ISBN ")
    case .doi: literal("DOI ")
    case .number: literal("no. ")
    case .url: break
    default:
      user(identifier.scheme.rawValue)
      literal(" ")
    }
    user(identifier.value)
  }

  private mutating func cite(_ sources: [Citation]) {
    guard !sources.isEmpty else { return }
    if !markdown { line.append(UInt8(ascii: " ")) }
    if sources.count == 1 {
      citation(number(for: sources[0]))
      return
    }
    var seen: [Int] = []
    for source in sources {
      let number = number(for: source)
      guard !seen.contains(number) else { continue }
      seen.append(number)
      citation(number)
    }
  }

  /// The note number of a source: assigned on first use or, when replaying, the next
  /// of `numbers`.
  private mutating func number(for source: Citation) -> Int {
    guard replaying else { return notes.number(for: source) }
    nextCall += 1
    return Int(numbers[nextCall - 1])
  }

  /// `[12]`, or `[^12]` in Markdown.
  private mutating func citation(_ number: Int) {
    line.append(UInt8(ascii: "["))
    if markdown { line.append(UInt8(ascii: "^")) }
    appendDecimal(number)
    line.append(UInt8(ascii: "]"))
  }

  private mutating func appendDecimal(_ number: Int) {
    Self.appendDecimal(number, to: &line)
  }

  /// A number of zero or more, in decimal digits.
  private static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
    var scale = 1
    while number / scale >= 10 { scale *= 10 }
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(number / scale % 10))
      scale /= 10
    } while scale > 0
  }

  /// Text of our own: trusted, ASCII or typographic punctuation only.
  private mutating func literal(_ text: String) {
    line.append(contentsOf: text.utf8)
  }

  /// Text from the timeline: sanitized and, in Markdown, escaped.
  private mutating func user(_ text: String) {
    sanitizer.append(text, to: &line)
  }

  private func quoted(_ text: String) -> String {
    ascii ? "\"" + text + "\"" : "“" + text + "”"
  }

  // MARK: Blocks and lines

  private mutating func beginBlock(_ block: Block) {
    // Markdown entries form one tight list; everything else is set apart by a blank line.
    let tight = markdown && block == .entry && lastBlock == .entry
    if let sink, output.count >= chunkBytes {
      output.withUnsafeBytes(sink)
      output.removeAll(keepingCapacity: true)
      flushed = true
    }
    if (flushed || !output.isEmpty) && !tight { output.append(UInt8(ascii: "\n")) }
    lastBlock = block
  }

  mutating func heading(_ text: String, level: Int) {
    beginBlock(.heading)
    if markdown {
      output.append(contentsOf: (String(repeating: "#", count: level) + " " + text + "\n").utf8)
    } else {
      output.append(contentsOf: (text + "\n").utf8)
      output.append(contentsOf: rule(level == 2 ? "-" : "~", columns: TextWrapper.columns(of: text)))
    }
  }

  private func rule(_ character: Character, columns: Int) -> [UInt8] {
    let length = width > 0 ? min(columns, width) : columns
    return Array((String(repeating: character, count: max(length, 1)) + "\n").utf8)
  }

  /// Wraps the gathered line as a paragraph at a nesting level and starts a new one.
  ///
  /// Text: fields indented two columns a level, continuation lines four columns in
  /// (two under items marked `- `); Markdown: every paragraph is a list item, nested
  /// two columns a level.
  private mutating func emit(level: Int, item: Bool = false) {
    // The prefix and indent are read from one literal: arrays would be retained and
    // released by both threads at every paragraph.
    precondition((0..<Self.deepestLevel).contains(level), "nesting too deep")
    let leads = UnsafeBufferPointer(start: Self.leads.utf8Start, count: Self.leads.utf8CodeUnitCount)
    let spaces = Self.leads.utf8CodeUnitCount - 2
    let marked = item || markdown
    let prefix = marked ? leads[(spaces - 2 * level)...] : leads[..<(2 * level)]
    let indent = leads[..<(marked ? 2 * level + 2 : max(2 * level + 2, 4))]
    line.withUnsafeBufferPointer { text in
      wrapper.wrap(
        text, prefix: UnsafeBufferPointer(rebasing: prefix), indent: UnsafeBufferPointer(rebasing: indent), into: &output)
    }
    line.removeAll(keepingCapacity: true)
  }

  /// Spaces then the marker of an item: a prefix or indent is a piece of it.
  private static let leads: StaticString = "                    - "
  /// The nesting levels whose prefixes `leads` holds.
  private static let deepestLevel = 10

  // MARK: Words

  private static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
    (number == 0 ? "no" : ClaimNumber(Double(number)).grouped) + " " + (number == 1 ? singular : plural)
  }

  /// `1992`, `44 BCE` for -43, `year 170,000,002` beyond four digits.
  static func yearName(_ year: Int) -> String {
    if (1...9999).contains(year) { return String(year) }
    if (-9999...0).contains(year) { return "\(1 - year) BCE" }
    return "year " + ClaimNumber(Double(year)).grouped
  }
}
