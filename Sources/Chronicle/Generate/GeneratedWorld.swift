/// What a generated timeline is made of, decided as pure functions of the seed and
/// an entity's index: how many entities of each kind, each one's base day, type,
/// parent and place.
///
/// Nothing is stored per entity (except organisations grouped by type), so the
/// entities, relations and claims can be written in three passes that agree with
/// one another, in memory that does not grow with the number of events.
struct GeneratedWorld: Sendable {
  enum DocumentType: Int, CaseIterable {
    case letter, article, report, judgment, resolution, book, chapter, webPage, communique, declaration, noteVerbale

    var name: StaticString {
      switch self {
      case .letter: "letter"
      case .article: "article"
      case .report: "report"
      case .judgment: "judgment"
      case .resolution: "resolution"
      case .book: "book"
      case .chapter: "chapter"
      case .webPage: "web page"
      case .communique: "communiqué"
      case .declaration: "declaration"
      case .noteVerbale: "note verbale"
      }
    }

    static let weights = [200, 250, 130, 50, 60, 50, 50, 80, 40, 30, 20]
  }

  enum OrganisationType: Int, CaseIterable {
    case state, newspaper, court, unOrgan, publisher, ngo, ministry, armedForce, intergovernmental

    var name: StaticString {
      switch self {
      case .state: "state"
      case .newspaper: "newspaper"
      case .court: "court"
      case .unOrgan: "un-organ"
      case .publisher: "publisher"
      case .ngo: "ngo"
      case .ministry: "ministry"
      case .armedForce: "armed-force"
      case .intergovernmental: "intergovernmental"
      }
    }

    static let weights = [120, 200, 60, 30, 60, 150, 120, 220, 40]
  }

  let seed: UInt64
  let events: Int
  let documents: Int
  let people: Int
  let organisations: Int
  let places: Int
  /// Places below this index are regions (roots); up to ``districtEnd`` districts; then towns.
  let regionCount: Int
  let districtEnd: Int
  /// The organisations of each type, by ``OrganisationType/rawValue``.
  let organisationsByType: [[Int32]]

  /// The first day of the generated period (1900-01-01) and its length in days (to 2024-12-31).
  static let firstDay = GeneratedDates.dayNumber(year: 1900, month: 1, day: 1)
  static let span = GeneratedDates.dayNumber(year: 2024, month: 12, day: 31) - firstDay
  /// How many days after the events of the same position in their list documents are dated.
  static let documentLag = 30

  init(events: Int, seed: UInt64) {
    let events = max(0, events)
    self.seed = seed
    self.events = events
    if events == 0 {
      (documents, people, organisations, places) = (0, 0, 0, 0)
    } else {
      documents = max(2, events * 3 / 14)
      people = max(2, events / 10)
      organisations = max(2, events * 2 / 35)
      places = max(2, events * 2 / 35)
    }
    regionCount = max(1, places / 40)
    districtEnd = min(places, max(2 * regionCount, places / 6))
    var byType = [[Int32]](repeating: [], count: OrganisationType.allCases.count)
    for index in 0..<organisations {
      byType[Self.organisationType(index, seed: seed).rawValue].append(Int32(index))
    }
    organisationsByType = byType
  }

  // MARK: Days

  /// The base day of event `index`: events are spread evenly over the period, in order.
  @inline(__always)
  func eventDay(_ index: Int) -> Int {
    Self.firstDay + index * Self.span / max(1, events)
  }

  /// The base day of document `index`, also in order, a little after the events: the
  /// last document follows the last event, so every event has a document dated after it.
  @inline(__always)
  func documentDay(_ index: Int) -> Int {
    Self.firstDay + Self.documentLag + (index + 1) * Self.span / max(1, documents)
  }

  /// The first document whose base day is `day` or later; ``documents`` when none is.
  func firstDocument(notBefore day: Int) -> Int {
    let offset = day - Self.firstDay - Self.documentLag
    guard offset > 0 else { return 0 }
    var index = max(0, min(documents, offset * documents / max(1, Self.span) - 1))
    while index > 0 && documentDay(index - 1) >= day { index -= 1 }
    while index < documents && documentDay(index) < day { index += 1 }
    return index
  }

  /// A document dated on or after `day`: usually one of the next few, sometimes any later one.
  func laterDocument(notBefore day: Int, random: inout GeneratorRandom) -> Int {
    let first = firstDocument(notBefore: day)
    guard first < documents else { return random.below(documents) }
    let remaining = documents - first
    if random.chance(850) { return first + random.below(min(remaining, max(20, documents / 100))) }
    return first + random.below(remaining)
  }

  // MARK: Events

  /// The place of an event, for most events.
  func eventPlace(_ index: Int) -> Int? {
    var random = GeneratorRandom(seed: seed, stream: .eventPlace, index: index)
    guard random.chance(880) else { return nil }
    return town(&random)
  }

  /// A town (or, in small worlds, any place), towns near the start of the list being bigger.
  func town(_ random: inout GeneratorRandom) -> Int {
    guard districtEnd < places else { return random.below(places) }
    let towns = places - districtEnd
    return districtEnd + (random.chance(300) ? random.below(min(towns, 50)) : random.below(towns))
  }

  /// How an event is part of a larger, earlier one: by its `partOf` field or by a `part-of` relation.
  enum Membership {
    case field(Int)
    case relation(Int)
  }

  /// The larger event an event is part of, if any; always an earlier one, so `part-of` has no cycle.
  func eventParent(_ index: Int) -> Membership? {
    guard index > 0 else { return nil }
    var random = GeneratorRandom(seed: seed, stream: .eventParent, index: index)
    let roll = random.below(1000)
    guard roll < 100 else { return nil }
    let parent = index - 1 - random.below(min(index, 40))
    return roll < 60 ? .field(parent) : .relation(parent)
  }

  // MARK: Documents, organisations, places

  func documentType(_ index: Int) -> DocumentType {
    var random = GeneratorRandom(seed: seed, stream: .documentType, index: index)
    let total = DocumentType.weights.reduce(0, +)
    return DocumentType(rawValue: random.weighted(DocumentType.weights, total: total)) ?? .article
  }

  /// The first organisations take one type each, so that even a small world has a
  /// state, a newspaper, a court…; the rest are drawn by weight.
  static func organisationType(_ index: Int, seed: UInt64) -> OrganisationType {
    if index < OrganisationType.allCases.count { return OrganisationType(rawValue: index) ?? .state }
    var random = GeneratorRandom(seed: seed, stream: .organisationType, index: index)
    let total = OrganisationType.weights.reduce(0, +)
    return OrganisationType(rawValue: random.weighted(OrganisationType.weights, total: total)) ?? .ngo
  }

  func organisationType(_ index: Int) -> OrganisationType { Self.organisationType(index, seed: seed) }

  /// An organisation of a type, or any organisation when the world has none of it.
  func organisation(ofType type: OrganisationType, _ random: inout GeneratorRandom) -> Int {
    let candidates = organisationsByType[type.rawValue]
    guard !candidates.isEmpty else { return random.below(organisations) }
    return Int(random.pick(candidates))
  }

  /// The larger organisation an organisation belongs to (a regiment's division, a
  /// ministry's state): an earlier one, for some.
  func organisationParent(_ index: Int) -> Int? {
    guard index > 0 else { return nil }
    var random = GeneratorRandom(seed: seed, stream: .organisationParent, index: index)
    guard random.chance(350) else { return nil }
    return random.below(index)
  }

  /// The enclosing place: none for regions; a region for districts; a district (or
  /// region) for towns. Districts first cover every region, so no region is left alone.
  func placeParent(_ index: Int) -> Int? {
    if index < regionCount { return nil }
    if index < 2 * regionCount { return index - regionCount }
    var random = GeneratorRandom(seed: seed, stream: .placeParent, index: index)
    if index < districtEnd { return random.below(regionCount) }
    return regionCount + random.below(max(1, districtEnd - regionCount))
  }

  /// The region an organisation or document is most concerned with.
  func region(_ random: inout GeneratorRandom) -> Int { random.below(regionCount) }
}
