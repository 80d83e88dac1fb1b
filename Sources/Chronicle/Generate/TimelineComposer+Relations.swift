extension TimelineComposer {
  /// About 3.5 relations per event: participants, reports, mentions, `precedes`,
  /// `part-of` and `located-in` around each event; authors, signatories, addressees,
  /// citations and containment around each document; memberships of people and
  /// organisations.
  ///
  /// Each pass writes edges that start or end at the entity it visits, with distinct
  /// ends, so no two relations are the same edge and none is merged away on reading.
  mutating func writeRelations() {
    for index in 0..<world.events { writeEventRelations(index) }
    for index in 0..<world.documents { writeDocumentRelations(index) }
    for index in 0..<world.people { writePersonRelations(index) }
    for index in 0..<world.organisations { writeOrganisationRelations(index) }
  }

  /// Ends a relation with its sources: one relation in four or five has one (a quarter
  /// of `perMille`), as in files where most sources are given on the entities.
  private mutating func endRelation(_ random: inout GeneratorRandom, sources choice: SourceChoice, perMille: Int = 700) {
    writeSources(random.chance(perMille / 4) ? 1 : 0, choice, random: &random)
    out.endObject()
  }

  private mutating func writeRole(_ random: inout GeneratorRandom) {
    text.removeAll(keepingCapacity: true)
    text.append(contentsOf: random.pick(words.participantRoles))
    writeText("role")
  }

  // MARK: Around events

  private mutating func writeEventRelations(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .eventRelations, index: index)
    let day = world.eventDay(index)
    let event = GeneratedNames.Reference.event(index)

    let participantRoll = random.below(100)
    let participantCount = participantRoll < 10 ? 0 : (participantRoll < 65 ? 1 : (participantRoll < 90 ? 2 : 3))
    var actors: (Int, Int, Int) = (.min, .min, .min)
    for slot in 0..<participantCount {
      let actor = actor(&random, personShare: 600)
      if actor == actors.0 || actor == actors.1 || actor == actors.2 { continue }
      switch slot {
      case 0: actors.0 = actor
      case 1: actors.1 = actor
      default: actors.2 = actor
      }
      beginRelation(Self.reference(actor: actor), "participant", event)
      if random.chance(850) { writeRole(&random) }
      endRelation(&random, sources: .notBefore(day: day), perMille: 750)
    }

    let reportRoll = random.below(100)
    let reportCount = reportRoll < 30 ? 0 : (reportRoll < 80 ? 1 : 2)
    var reporters = (-1, -1)
    for slot in 0..<reportCount {
      let document = world.laterDocument(notBefore: day, random: &random)
      if document == reporters.0 { continue }
      if slot == 0 { reporters.0 = document } else { reporters.1 = document }
      beginRelation(.document(document), "reports", event)
      if random.chance(300) {
        appendLocator(&random)
        writeText("locator")
      }
      endRelation(&random, sources: .own(document), perMille: 800)
    }

    if random.chance(120) {
      let document = world.laterDocument(notBefore: day, random: &random)
      if document != reporters.0 && document != reporters.1 {
        beginRelation(.document(document), "mentions", event)
        endRelation(&random, sources: .own(document), perMille: 500)
      }
    }

    if index + 1 < world.events, random.chance(250) {
      let later = index + 1 + random.below(min(20, world.events - index - 1))
      beginRelation(event, "precedes", .event(later))
      if random.chance(50) {
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: random.pick(words.notes))
        maybeAppendHostile(&random, perMille: 100)
        writeText("note")
      }
      endRelation(&random, sources: .notBefore(day: world.eventDay(later)))
    }

    if case .relation(let parent) = world.eventParent(index) {
      beginRelation(event, "part-of", .event(parent))
      endRelation(&random, sources: .notBefore(day: day))
    }

    if world.eventPlace(index) == nil {
      beginRelation(event, "located-in", .place(world.town(&random)))
      endRelation(&random, sources: .notBefore(day: day))
    }
  }

  // MARK: Around documents

  private mutating func writeDocumentRelations(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .documentRelations, index: index)
    let document = GeneratedNames.Reference.document(index)
    let type = world.documentType(index)

    switch type {
    case .letter:
      writeAuthorship("signed", document: index, random: &random)
      writeAuthorship("issued", organisation: .state, document: index, random: &random)
      writeAddressee(index, type: .unOrgan, random: &random)
      if random.chance(30) {
        beginRelation(.person(random.below(world.people)), "countersigned", document)
        endRelation(&random, sources: .own(index))
      }
    case .noteVerbale:
      writeAuthorship("issued", organisation: .ministry, document: index, random: &random)
      writeAddressee(index, type: .state, random: &random)
    case .article:
      writeAuthorship("authored", document: index, random: &random)
      writeAuthorship("published", organisation: .newspaper, document: index, random: &random)
    case .report:
      writeAuthorship("issued", organisation: random.chance(500) ? .ngo : .intergovernmental, document: index, random: &random)
      if random.chance(400) { writeAuthorship("authored", document: index, random: &random) }
    case .judgment:
      writeAuthorship("issued", organisation: .court, document: index, random: &random)
    case .resolution:
      writeAuthorship("issued", organisation: .unOrgan, document: index, random: &random)
    case .book:
      let first = random.below(world.people)
      beginRelation(.person(first), "authored", document)
      endRelation(&random, sources: .own(index), perMille: 300)
      if random.chance(300) {
        let second = (first + 1 + random.below(max(1, world.people - 1))) % world.people
        if second != first {
          beginRelation(.person(second), random.chance(500) ? "authored" : "edited", document)
          endRelation(&random, sources: .own(index), perMille: 300)
        }
      }
      writeAuthorship("published", organisation: .publisher, document: index, random: &random)
    case .chapter:
      writeAuthorship("authored", document: index, random: &random)
      if index > 0 {
        beginRelation(document, "contained-in", .document(earlierBook(before: index, random: &random)))
        endRelation(&random, sources: .own(index), perMille: 300)
      }
    case .webPage:
      writeAuthorship("published", organisation: random.chance(500) ? .ngo : .ministry, document: index, random: &random)
    case .communique:
      let first = world.organisation(ofType: .state, &random)
      beginRelation(.organisation(first), "issued", document)
      endRelation(&random, sources: .own(index), perMille: 300)
      let second = world.organisation(ofType: .state, &random)
      if second != first {
        beginRelation(.organisation(second), "issued", document)
        endRelation(&random, sources: .own(index), perMille: 300)
      }
    case .declaration:
      writeAuthorship("issued", organisation: .intergovernmental, document: index, random: &random)
      writeAuthorship("signed", document: index, random: &random)
    }
    if type != .letter && type != .noteVerbale && random.chance(50) {
      writeAddressee(index, type: .unOrgan, random: &random)
    }

    // Citations of earlier documents only: a document cannot cite one dated after it.
    let citeRoll = random.below(100)
    let citeCount = min(index, citeRoll < 35 ? 0 : (citeRoll < 70 ? 1 : (citeRoll < 90 ? 2 : 3)))
    var cited = (-1, -1, -1)
    for slot in 0..<citeCount {
      let target = random.chance(800) ? index - 1 - random.below(min(index, 200)) : random.below(index)
      if target == cited.0 || target == cited.1 || target == cited.2 { continue }
      switch slot {
      case 0: cited.0 = target
      case 1: cited.1 = target
      default: cited.2 = target
      }
      beginRelation(document, "cites", .document(target))
      text.removeAll(keepingCapacity: true)
      text.append("footnote ")
      text.append(decimal: random.within(1...120))
      writeText("locator")
      endRelation(&random, sources: .own(index), perMille: 600)
    }

    if random.chance(250) {
      let target: GeneratedNames.Reference
      switch random.below(3) {
      case 0: target = .person(random.below(world.people))
      case 1: target = .organisation(random.below(world.organisations))
      default: target = .place(random.below(world.places))
      }
      beginRelation(document, "mentions", target)
      endRelation(&random, sources: .own(index), perMille: 600)
    }
  }

  /// `type` from a person to the document.
  private mutating func writeAuthorship(_ type: StaticString, document: Int, random: inout GeneratorRandom) {
    beginRelation(.person(random.below(world.people)), type, .document(document))
    endRelation(&random, sources: .own(document), perMille: 400)
  }

  /// `type` from an organisation of a kind to the document.
  private mutating func writeAuthorship(
    _ type: StaticString, organisation: GeneratedWorld.OrganisationType, document: Int, random: inout GeneratorRandom
  ) {
    beginRelation(.organisation(world.organisation(ofType: organisation, &random)), type, .document(document))
    endRelation(&random, sources: .own(document), perMille: 400)
  }

  private mutating func writeAddressee(_ document: Int, type: GeneratedWorld.OrganisationType, random: inout GeneratorRandom) {
    beginRelation(.document(document), "addressed-to", .organisation(world.organisation(ofType: type, &random)))
    endRelation(&random, sources: .own(document), perMille: 400)
  }

  /// The nearest earlier book, or any earlier document when there is none close by.
  private func earlierBook(before index: Int, random: inout GeneratorRandom) -> Int {
    var candidate = index - 1
    while candidate >= 0 && index - candidate <= 100 {
      if world.documentType(candidate) == .book { return candidate }
      candidate -= 1
    }
    return random.below(index)
  }

  // MARK: Memberships

  private mutating func writePersonRelations(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .personRelations, index: index)
    let organisation = random.below(world.organisations)
    // A fifth of people both belong to and represent their organisation; the rest one or the other.
    let roll = random.below(100)
    if roll < 60 {
      beginRelation(.person(index), "member-of", .organisation(organisation))
      writePeriod(&random)
      endRelation(&random, sources: .any, perMille: 500)
    }
    if roll < 20 || roll >= 60 {
      beginRelation(.person(index), "represents", .organisation(organisation))
      writePeriod(&random)
      endRelation(&random, sources: .any, perMille: 500)
    }
  }

  private mutating func writeOrganisationRelations(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .organisationRelations, index: index)
    var target = world.organisation(ofType: .intergovernmental, &random)
    if target == index { target = (index + 1) % world.organisations }
    beginRelation(.organisation(index), "member-of", .organisation(target))
    writePeriod(&random)
    endRelation(&random, sources: .any, perMille: 400)
  }

  private mutating func writePeriod(_ random: inout GeneratorRandom) {
    guard random.chance(800) else { return }
    text.removeAll(keepingCapacity: true)
    GeneratedDates.appendPeriod(day: GeneratedWorld.firstDay + random.below(GeneratedWorld.span), random: &random, into: &text)
    writeText("date")
  }
}
