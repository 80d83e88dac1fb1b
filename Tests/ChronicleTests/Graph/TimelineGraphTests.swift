import Testing
@testable import Chronicle

/// A generated graph: `count` events a day apart from 1 January 1990, each with a
/// participant, a report by a document, and a chain of `precedes`.
func generatedGraph(events count: Int) throws -> TimelineGraph {
  var builder = TimelineBuilder()
  for person in 0..<10 {
    builder.add(Entity(id: "person-\(person)", kind: .person, label: "Person \(person)"))
  }
  var report = Entity(id: "report", kind: .document, label: "Report")
  report.date = try EDTFDate("2030")
  builder.add(report)
  for event in 0..<count {
    let start = try #require(CalendarDay(year: 1990, month: 1, day: 1))
    let day = try #require(CalendarDay(dayNumber: start.dayNumber + event))
    var entity = Entity(id: "event-\(event)", kind: .event, label: event.isMultiple(of: 7) ? "Meeting \(event)" : "Event \(event)")
    entity.date = try EDTFDate(day.description)
    entity.sources = [Citation(document: "report", locator: "p. \(event)")]
    builder.add(entity)
    builder.add(Relation(from: "person-\(event % 10)", type: "participant", to: "event-\(event)", role: "witness"))
    builder.add(Relation(from: "report", type: "reports", to: "event-\(event)"))
    if event > 0 { builder.add(Relation(from: "event-\(event - 1)", type: "precedes", to: "event-\(event)")) }
  }
  return try builder.build()
}

struct TimelineGraphTests {
  @Test func lookupAndAdjacency() throws {
    let graph = try generatedGraph(events: 100)
    #expect(graph.count == 111)
    let event = try #require(graph.index(of: "event-43"))
    #expect(graph[event].label == "Event 43")
    #expect(graph.outgoing(from: event).map(\.type) == ["precedes"])
    #expect(graph.incoming(to: event).map(\.type) == ["participant", "precedes", "reports"])
    #expect(graph.incoming(to: event, type: "participant").map { graph[$0.from].id } == ["person-3"])
    let person = try #require(graph.index(of: "person-3"))
    #expect(graph.outgoing(from: person).count == 10)
  }

  @Test func chronologicalOrderFollowsDates() throws {
    let graph = try generatedGraph(events: 50)
    let ids = graph.chronological.map { graph[$0].id }
    #expect(ids.first == "event-0")
    #expect(ids.last == "report")
    #expect(Array(ids.prefix(3)) == ["event-0", "event-1", "event-2"])
  }

  @Test func timeWindow() throws {
    let graph = try generatedGraph(events: 400)
    let in1990February = graph.entities(between: try EDTFDate("1990-02"), and: try EDTFDate("1990-02"))
    #expect(in1990February.count == 28)
    #expect(graph[in1990February[0]].id == "event-31")
    let from1991 = graph.entities(between: try EDTFDate("1991"), and: nil)
    #expect(from1991.count == 400 - 365 + 1)  // the 2030 report too
  }

  @Test func focusAndDepth() throws {
    let graph = try generatedGraph(events: 100)
    let near = graph.neighbourhood(of: "event-50", depth: 1)
    #expect(Set(near.map { graph[$0].id }) == ["event-50", "event-49", "event-51", "person-0", "report"])
    let two = graph.neighbourhood(of: "event-50", depth: 2)
    // The report reaches every event; people are reached only through their events.
    #expect(two.count == 104)
    #expect(graph.neighbourhood(of: "event-50", depth: 3).count == 111)
    #expect(graph.neighbourhood(of: "missing", depth: 3).isEmpty)
  }

  @Test func textMatchIgnoresCaseAndDiacritics() throws {
    var builder = TimelineBuilder()
    var place = Entity(id: "khojaly", kind: .place, label: "Khojaly")
    place.aliases = ["Xocalı"]
    builder.add(place)
    builder.add(Entity(id: "agdam", kind: .place, label: "Aghdam"))
    let graph = builder.validate().graph
    #expect(graph.entities(matching: "xocali").map { graph[$0].id } == ["khojaly"])
    #expect(graph.entities(matching: "KHOJ").map { graph[$0].id } == ["khojaly"])
    #expect(graph.entities(matching: "").isEmpty)
  }

  @Test func filterKeepsSourcesAndAttribution() throws {
    let graph = try generatedGraph(events: 100)
    let filtered = graph.filtered(by: GraphFilter(kinds: [.event], match: "meeting"))
    let ids = Set(filtered.entities.map(\.id))
    #expect(ids.contains("event-14"))
    #expect(!ids.contains("event-15"))
    #expect(ids.contains("report"))  // cited by every kept event
    #expect(filtered.relations.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
    let revalidated = TimelineValidator(graph: filtered).diagnostics().filter { $0.severity == .error }
    #expect(revalidated.isEmpty)
  }

  @Test func disagreementsKeepEveryClaim() throws {
    var builder = TimelineBuilder()
    builder.add(Entity(id: "d", kind: .document, label: "D"))
    var event = Entity(id: "e", kind: .event, label: "E")
    event.date = try EDTFDate("1992-02-25/1992-02-26")
    builder.add(event)
    let source = [Citation(document: "d")]
    builder.add(Claim(subject: "e", property: "civilians killed", value: .number(ClaimNumber(613)), sources: source))
    builder.add(Claim(subject: "e", property: "civilians killed", value: .number(ClaimNumber(1324)), claimant: "d", sources: source))
    builder.add(Claim(subject: "e", property: "wounded", value: .number(ClaimNumber(1000)), sources: source))
    builder.add(Claim(subject: "e", property: "wounded", value: .number(ClaimNumber(1000)), sources: [Citation(document: "d", locator: "p. 2")]))
    let graph = try builder.build()
    #expect(graph.disagreements.count == 1)
    #expect(graph.disagreements.first?.property == "civilians killed")
    #expect(graph.disagreements.first?.claims.map(\.value.description) == ["613", "1324"])
    #expect(graph.claims(about: try #require(graph.index(of: "e"))).count == 4)
  }

  @Test func largeChainHasNoStackOverflowInCycleCheck() throws {
    let graph = try generatedGraph(events: 20_000)
    #expect(graph.chronological.count == 20_001)
  }
}
