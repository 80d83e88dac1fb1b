/// Writes realistic synthetic timelines of any size, the same bytes for the same
/// seed on every platform: for benchmarks, tests, and trying Chronicle at scale.
///
///     let generator = TimelineGenerator(events: 100_000, seed: 7)
///     let json = generator.bytes(.json)          // about 620 bytes per event; 100k events in a quarter of a second
///     try OutputFile.write(json, to: "timeline.json")
///     let graph = try TimelineGenerator(events: 2_000, seed: 1).graph()
///
/// The file is written straight into a byte buffer, never through a graph: a million
/// events take seconds. Its content is valid: `chronicle validate --strict` finds
/// no error and no warning (every event is dated, no document cites a later document
/// or reports a later event, `part-of` and `precedes` have no cycle, every entity is
/// related to something, every claim cites a document).
///
/// ## Content
///
/// For `events` events (``Counts``): documents `3/14` of that (at least 2), people
/// `1/10` (at least 2), organisations and places `2/35` each (at least 2), so events
/// are 70% of the entities.
/// - Events are spread over 1900–2024 with dates in every EDTF form Chronicle reads:
///   days, months, years, intervals (closed, open `..`, unknown), seasons 21–24,
///   quarters 33–36, qualifiers `?` `~` `%` on the whole date or one component,
///   unspecified digits (`199X`, `1992-XX`), times with offsets, significant
///   digits (`1992S3`) and, rarely, sets (`[1991,1992]`, `{1992-02,1992-03}`).
/// - Documents (letters, articles, reports, judgments, resolutions, books and their
///   chapters, web pages, communiqués, declarations, notes verbales) with identifiers
///   that pass Chronicle's checks: UN symbols (joint `A/…-S/…` ones too), application
///   numbers, ISBN-10 and ISBN-13 with correct check digits, URLs, DOIs, numbers.
/// - Places in regions, districts and towns (with coordinates and transliterated
///   aliases), organisations of nine types (some inside others), people (some with positions).
/// - About 3.5 relations per event over the whole vocabulary (participants with
///   roles, reports, mentions, `precedes`, `part-of`, `located-in`, authored, signed,
///   issued, published, edited, addressed-to, cites with a locator, contained-in,
///   member-of and represents with dates, and a declared `countersigned`), besides
///   the `located-in` edges of events' `place` fields.
/// - About 0.4 claims per event: figures, ranges and text, with qualifiers, claimants
///   and `reportedBy`; one event in twenty has claims that disagree.
/// - Citations with locators (and a few quotes) on most documents, people, places and
///   organisations, on six events in ten, and on about one relation in five.
/// - About one title, name or note in a hundred holds hostile but valid text:
///   quotes, backslashes (one trailing), `\N`, markup, `&amp;`, DOT syntax and
///   keywords, emoji, right-to-left text, combining marks, a tab, a line break.
///
/// Pretty JSON (the default) has one line per top-level member and per entity,
/// relation and claim, compact within the line; compact JSON is what
/// ``JSONExporter(pretty: false)`` writes, so exporting the graph read from it with
/// `pretty: false` gives the same bytes. Sizes: about 620 bytes per event for pretty
/// JSON, 590 compact, 620 in YAML (the exporter's fully indented JSON of the same
/// timeline is about twice as large); ``TimelineReader`` reads files of up to 2 GiB,
/// about 3.4 million events.
public struct TimelineGenerator: Hashable, Sendable {
  /// The file formats the generator writes.
  public enum Format: String, Hashable, Sendable, CaseIterable {
    /// JSON with the exporter's keys, order and escapes: one line per element, or compact.
    case json
    /// YAML in block style, text quoted only where it must be.
    case yaml
  }

  /// How many entities of each kind a generated timeline has.
  public struct Counts: Hashable, Sendable {
    /// Events: the number asked for.
    public var events: Int
    /// Documents: `events × 3 / 14`, at least 2.
    public var documents: Int
    /// People: `events / 10`, at least 2.
    public var people: Int
    /// Organisations: `events × 2 / 35`, at least 2.
    public var organisations: Int
    /// Places: `events × 2 / 35`, at least 2.
    public var places: Int

    /// All entities.
    public var entities: Int { events + documents + people + organisations + places }
  }

  /// What one generation wrote besides the entities.
  public struct Summary: Hashable, Sendable {
    /// The entities by kind.
    public var counts: Counts
    /// The relations written (field-implied edges such as `place` not included).
    public var relations: Int
    /// The claims written.
    public var claims: Int
    /// The size of the file in bytes.
    public var bytes: Int
  }

  /// The number of events asked for.
  public let events: Int
  /// The seed: the same seed and size give the same bytes.
  public let seed: UInt64

  /// Creates a generator of a timeline with `events` events (0 or more).
  public init(events: Int, seed: UInt64 = 1) {
    self.events = max(0, events)
    self.seed = seed
  }

  /// The number of entities of each kind.
  public var counts: Counts {
    let world = GeneratedWorld(events: events, seed: seed)
    return Counts(
      events: world.events, documents: world.documents, people: world.people,
      organisations: world.organisations, places: world.places)
  }

  /// The timeline file's bytes.
  ///
  ///     let yaml = TimelineGenerator(events: 10, seed: 3).bytes(.yaml)
  ///
  /// - Parameters:
  ///   - format: JSON or YAML.
  ///   - pretty: for JSON, whether to write a line per top-level member and per entity,
  ///     relation and claim, or the whole file on one line; YAML is always in block style.
  public func bytes(_ format: Format = .json, pretty: Bool = true) -> [UInt8] {
    write(format, pretty: pretty).bytes
  }

  /// The timeline file's bytes with a summary of what they hold.
  public func write(_ format: Format = .json, pretty: Bool = true) -> (bytes: [UInt8], summary: Summary) {
    let world = GeneratedWorld(events: events, seed: seed)
    // Reserve what the file will need (a little more), so the buffer never moves; at most 2 GiB up front.
    let capacity = min(1 << 31, 4096 + 680 * events)
    switch format {
    case .json:
      var composer = TimelineComposer(out: JSONTimelineEmitter(pretty: pretty, capacity: capacity), world: world)
      composer.compose()
      return (composer.out.bytes, summary(of: composer))
    case .yaml:
      var composer = TimelineComposer(out: YAMLTimelineEmitter(capacity: capacity), world: world)
      composer.compose()
      return (composer.out.bytes, summary(of: composer))
    }
  }

  /// The generated timeline read into a graph (through ``TimelineReader``, as a file would be).
  ///
  /// - Throws: ``TimelineError`` if the timeline had errors, which would be a bug in the generator.
  public func graph() throws(TimelineError) -> TimelineGraph {
    var builder = TimelineBuilder()
    TimelineReader.read(bytes(.json), file: "generated-\(events)-\(seed).json", format: .json, into: &builder)
    return try builder.build()
  }

  private func summary<Emitter>(of composer: TimelineComposer<Emitter>) -> Summary {
    Summary(counts: counts, relations: composer.relationCount, claims: composer.claimCount, bytes: composer.out.bytes.count)
  }
}
