/// Counts and summaries of a graph: entities by kind, relations by type, the date
/// span, claims, disagreements, undated events.
///
///     let statistics = TimelineStatistics(graph: graph)
///     print(statistics.text())
public struct TimelineStatistics: Hashable, Sendable {
  /// Entities by kind, in the kinds' order; kinds with none are left out.
  public var entities: [(kind: EntityKind, count: Int)] {
    EntityKind.allCases.compactMap { kind in entityCounts[kind].map { (kind, $0) } }
  }
  /// Edges by relation type (field-implied edges included), most frequent first, then by name.
  public var relations: [(type: String, count: Int)] {
    relationCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
  }
  /// The earliest day any dated event or document may fall on.
  public var earliest: CalendarDay?
  /// The latest day any dated event or document may fall on (open ends are left out).
  public var latest: CalendarDay?
  /// The number of claims.
  public var claims: Int
  /// The number of properties on which claims disagree.
  public var disagreements: Int
  /// The number of events without a date.
  public var undatedEvents: Int
  /// The number of warnings validation gave.
  public var warnings: Int

  private var entityCounts: [EntityKind: Int]
  private var relationCounts: [String: Int]

  /// Computes the statistics of a graph.
  public init(graph: TimelineGraph, warnings: Int = 0) {
    var entityCounts: [EntityKind: Int] = [:]
    for entity in graph.entities { entityCounts[entity.kind, default: 0] += 1 }
    var relationCounts: [String: Int] = [:]
    for edge in graph.edges { relationCounts[edge.type, default: 0] += 1 }
    self.entityCounts = entityCounts
    self.relationCounts = relationCounts
    self.earliest = graph.chronological.lazy.compactMap { graph[$0].date?.earliest }.min()
    self.latest = graph.chronological.lazy.compactMap { graph[$0].date?.latest }.max()
    self.claims = graph.claims.count
    self.disagreements = graph.disagreements.count
    self.undatedEvents = graph.undated.count
    self.warnings = warnings
  }

  /// Equal when every figure is.
  public static func == (lhs: TimelineStatistics, rhs: TimelineStatistics) -> Bool {
    lhs.entityCounts == rhs.entityCounts && lhs.relationCounts == rhs.relationCounts && lhs.earliest == rhs.earliest
      && lhs.latest == rhs.latest && lhs.claims == rhs.claims && lhs.disagreements == rhs.disagreements
      && lhs.undatedEvents == rhs.undatedEvents && lhs.warnings == rhs.warnings
  }

  /// Hashes the figures.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(entityCounts)
    hasher.combine(relationCounts)
    hasher.combine(claims)
  }

  /// A plain-text report, one figure per line.
  public func text() -> String {
    var rows: [(String, String)] = []
    rows.append(("entities", String(entityCounts.values.reduce(0, +))))
    for (kind, count) in entities { rows.append(("  " + kind.rawValue, String(count))) }
    rows.append(("relations", String(relationCounts.values.reduce(0, +))))
    for (type, count) in relations { rows.append(("  " + type, String(count))) }
    rows.append(("claims", String(claims)))
    rows.append(("disagreements", String(disagreements)))
    rows.append(("undated events", String(undatedEvents)))
    rows.append(("warnings", String(warnings)))
    rows.append(("earliest day", earliest?.description ?? "none"))
    rows.append(("latest day", latest?.description ?? "none"))
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { $0.0.padding(width + 2) + $0.1 }.joined(separator: "\n") + "\n"
  }

  /// One JSON object: `entities`, `relations`, `claims`, `disagreements`, `undated`, `warnings`, `earliest`, `latest`.
  public func json() -> [UInt8] {
    var writer = JSONWriter(pretty: true)
    writer.beginObject()
    writer.key("entities")
    writer.beginObject()
    for (kind, count) in entities { writer.key(kind.rawValue); writer.number(count) }
    writer.endObject()
    writer.key("relations")
    writer.beginObject()
    for (type, count) in relations { writer.key(type); writer.number(count) }
    writer.endObject()
    writer.key("claims"); writer.number(claims)
    writer.key("disagreements"); writer.number(disagreements)
    writer.key("undated"); writer.number(undatedEvents)
    writer.key("warnings"); writer.number(warnings)
    writer.key("earliest"); if let earliest { writer.string(earliest.description) } else { writer.null() }
    writer.key("latest"); if let latest { writer.string(latest.description) } else { writer.null() }
    writer.endObject()
    writer.finish()
    return writer.bytes
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
