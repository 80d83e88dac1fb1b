extension TimelineComposer {
  /// Places, organisations, people, documents, then events: context before what happened.
  mutating func writeEntities() {
    for index in 0..<world.places { writePlace(index) }
    for index in 0..<world.organisations { writeOrganisation(index) }
    for index in 0..<world.people { writePerson(index) }
    for index in 0..<world.documents { writeDocument(index) }
    for index in 0..<world.events { writeEvent(index) }
  }

  private mutating func beginEntity(_ reference: GeneratedNames.Reference, kind: StaticString) {
    out.beginObject(flow: false)
    writeID("id", reference)
    text.removeAll(keepingCapacity: true)
    text.append(kind)
    writeText("kind")
  }

  /// Writes `notes` (rarely) and `description` (sometimes) in the exporter's order:
  /// aliases are written by the caller before.
  private mutating func writeDescriptionAndNotes(_ random: inout GeneratorRandom, describe: Bool) {
    if describe {
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: random.pick(words.eventDescriptions))
      writeText("description")
    }
    if random.chance(40) {
      out.key("notes")
      out.beginArray()
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: random.chance(250) ? random.pick(words.hostile) : random.pick(words.notes))
      out.string(text)
      out.endArray()
    }
  }

  // MARK: Places

  private mutating func writePlace(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .place, index: index)
    beginEntity(.place(index), kind: "place")
    text.removeAll(keepingCapacity: true)
    names.appendPlaceName(index, into: &text)
    maybeAppendHostile(&random, perMille: 8)
    writeText("name")
    if let parent = world.placeParent(index) { writeID("parent", .place(parent)) }
    if random.chance(700) {
      out.key("coordinates")
      out.beginObject(flow: true)
      out.key("latitude")
      writeDecimal(Double(random.within(380_000...430_000)) / 10_000)
      out.key("longitude")
      writeDecimal(Double(random.within(440_000...510_000)) / 10_000)
      out.endObject()
    }
    text.removeAll(keepingCapacity: true)
    if names.appendPlaceAlias(index, into: &text) {
      out.key("aliases")
      out.beginArray()
      out.string(text)
      out.endArray()
    }
    writeDescriptionAndNotes(&random, describe: false)
    writeSources(random.chance(500) ? 1 : 0, .any, random: &random)
    out.endObject()
  }

  /// Writes a number as ``ClaimNumber`` prints it, as the exporter does.
  private mutating func writeDecimal(_ value: Double) {
    out.number(text: Array(ClaimNumber(value).description.utf8))
  }

  // MARK: Organisations

  private mutating func writeOrganisation(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .organisation, index: index)
    beginEntity(.organisation(index), kind: "organisation")
    text.removeAll(keepingCapacity: true)
    names.appendOrganisationName(index, into: &text)
    writeText("name")
    text.removeAll(keepingCapacity: true)
    text.append(world.organisationType(index).name)
    writeText("type")
    if let parent = world.organisationParent(index) { writeID("parent", .organisation(parent)) }
    writeDescriptionAndNotes(&random, describe: false)
    writeSources(random.chance(600) ? 1 : 0, .any, random: &random)
    out.endObject()
  }

  // MARK: People

  private mutating func writePerson(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .person, index: index)
    beginEntity(.person(index), kind: "person")
    text.removeAll(keepingCapacity: true)
    names.appendPersonName(index, into: &text)
    writeText("name")
    if random.chance(300) {
      out.key("positions")
      out.beginArray()
      out.beginObject(flow: false)
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: random.pick(words.positionTitles))
      writeText("title")
      if random.chance(850) { writeID("organisation", .organisation(random.below(world.organisations))) }
      if random.chance(700) {
        text.removeAll(keepingCapacity: true)
        GeneratedDates.appendPeriod(
          day: GeneratedWorld.firstDay + random.below(GeneratedWorld.span), random: &random, into: &text)
        writeText("date")
      }
      writeSources(random.chance(600) ? 1 : 0, .any, random: &random)
      out.endObject()
      out.endArray()
    }
    if random.chance(60) {
      out.key("aliases")
      out.beginArray()
      text.removeAll(keepingCapacity: true)
      names.appendPersonAlias(index, into: &text)
      out.string(text)
      out.endArray()
    }
    writeDescriptionAndNotes(&random, describe: false)
    writeSources(random.chance(700) ? 1 : 0, .any, random: &random)
    out.endObject()
  }

  // MARK: Documents

  private mutating func writeDocument(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .document, index: index)
    let type = world.documentType(index)
    let day = world.documentDay(index)
    beginEntity(.document(index), kind: "document")
    text.removeAll(keepingCapacity: true)
    appendDocumentTitle(type, day: day, random: &random)
    maybeAppendHostile(&random, perMille: 8)
    writeText("title")
    text.removeAll(keepingCapacity: true)
    text.append(type.name)
    writeText("type")
    text.removeAll(keepingCapacity: true)
    if type == .letter || type == .noteVerbale || type == .resolution || type == .judgment {
      // Official documents carry the exact day their title gives.
      GeneratedDates.appendDay(GeneratedDates.civilDay(day), into: &text)
    } else {
      GeneratedDates.appendDocumentDate(day: day, random: &random, into: &text)
    }
    writeText("date")
    if type == .letter || (type == .report && random.chance(200)) {
      out.key("steps")
      out.beginArray()
      out.beginObject(flow: true)
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: random.pick(words.stepLabels))
      writeText("label")
      text.removeAll(keepingCapacity: true)
      GeneratedDates.appendDay(GeneratedDates.civilDay(day + random.within(1...15)), into: &text)
      writeText("date")
      out.endObject()
      out.endArray()
    }
    writeIdentifiers(type, index: index, day: day, random: &random)
    switch type {
    case .book, .article, .chapter:
      if random.chance(600) {
        text.removeAll(keepingCapacity: true)
        names.appendOrganisationName(world.organisation(ofType: .publisher, &random), into: &text)
        writeText("publisher")
      }
      if type != .book || random.chance(300) {
        text.removeAll(keepingCapacity: true)
        let first = random.within(1...400)
        text.append(type == .book ? "xii + " : "pp. ")
        text.append(decimal: first)
        if type != .book {
          text.append("–")
          text.append(decimal: first + random.within(1...30))
        } else {
          text.append(" pp.")
        }
        writeText("pages")
      }
    default:
      break
    }
    writeDescriptionAndNotes(&random, describe: false)
    writeSources(random.chance(100) ? 1 : 0, .own(index), random: &random)
    out.endObject()
  }

  private mutating func appendDocumentTitle(
    _ type: GeneratedWorld.DocumentType, day: Int, random: inout GeneratorRandom
  ) {
    let civil = GeneratedDates.civilDay(day)
    switch type {
    case .letter:
      text.append("Letter dated ")
      GeneratedDates.appendHumanDay(civil, into: &text)
      text.append(" from the Permanent Representative of ")
      names.appendOrganisationName(world.organisation(ofType: .state, &random), into: &text)
      text.append(" to the United Nations addressed to the Secretary-General")
    case .article:
      let headline = random.pick(words.headlines)
      text.append(contentsOf: headline.prefix)
      names.appendPlaceName(world.town(&random), into: &text)
      text.append(contentsOf: headline.suffix)
    case .report:
      text.append("Report on the situation in ")
      names.appendPlaceName(world.region(&random), into: &text)
      text.append(", ")
      text.append(decimal: civil.year)
    case .judgment:
      text.append("Case of ")
      names.appendSurname(&random, into: &text)
      text.append(random.chance(500) ? " and Others v. " : " v. ")
      names.appendOrganisationName(world.organisation(ofType: .state, &random), into: &text)
    case .resolution:
      text.append("Resolution ")
      text.append(decimal: random.within(700...2800))
      text.append(" (")
      text.append(decimal: civil.year)
      text.append(")")
    case .book:
      names.appendPlaceName(world.region(&random), into: &text)
      text.append(contentsOf: random.pick(words.bookTitles))
    case .chapter:
      text.append("Chapter ")
      text.append(decimal: random.within(1...14))
      text.append(": ")
      text.append(contentsOf: random.pick(words.chapterTitles))
    case .webPage:
      text.append("Statement on ")
      names.appendPlaceName(world.town(&random), into: &text)
      text.append(" (")
      GeneratedDates.appendHumanDay(civil, into: &text)
      text.append(")")
    case .communique:
      text.append("Joint communiqué on ")
      names.appendPlaceName(world.region(&random), into: &text)
    case .declaration:
      text.append("Declaration on ")
      names.appendPlaceName(world.region(&random), into: &text)
    case .noteVerbale:
      text.append("Note verbale dated ")
      GeneratedDates.appendHumanDay(civil, into: &text)
    }
  }

  /// Identifiers that pass Chronicle's checks: UN symbols (joint ones too), court
  /// application numbers, ISBNs with their check digit, URLs, DOIs, other numbers.
  private mutating func writeIdentifiers(
    _ type: GeneratedWorld.DocumentType, index: Int, day: Int, random: inout GeneratorRandom
  ) {
    let year = GeneratedDates.civilDay(day).year
    // The General Assembly's session n opens in September of year 1945 + n.
    let session = max(1, year - 1945)
    let scheme: StaticString
    text.removeAll(keepingCapacity: true)
    switch type {
    case .letter, .noteVerbale:
      scheme = "un-symbol"
      text.append("A/")
      text.append(decimal: session)
      text.append(UInt8(ascii: "/"))
      text.append(decimal: random.within(1...999))
      if random.chance(600) {
        text.append("-S/")
        text.append(decimal: year)
        text.append(UInt8(ascii: "/"))
        text.append(decimal: random.within(1...1300))
      }
    case .resolution:
      scheme = "un-symbol"
      if random.chance(500) {
        text.append("S/RES/")
        text.append(decimal: random.within(700...2800))
      } else {
        text.append("A/RES/")
        text.append(decimal: session)
        text.append(UInt8(ascii: "/"))
        text.append(decimal: random.within(1...300))
      }
    case .report:
      if random.chance(500) {
        scheme = "un-symbol"
        text.append("E/CN.4/")
        text.append(decimal: year)
        text.append(UInt8(ascii: "/"))
        text.append(decimal: random.within(1...200))
        if random.chance(200) { text.append("/Add.1") }
      } else {
        scheme = "doi"
        text.append("10.")
        text.append(decimal: random.within(1000...99999))
        text.append(UInt8(ascii: "/"))
        text.append("report.")
        text.append(decimal: year)
        text.append(UInt8(ascii: "."))
        text.append(decimal: index + 1)
      }
    case .judgment:
      scheme = "application"
      text.append(decimal: random.within(1...99999))
      text.append(UInt8(ascii: "/"))
      text.append(decimal: UInt(year % 100), width: 2)
    case .book, .chapter:
      scheme = "isbn"
      appendISBN(&random, ten: random.chance(200))
    case .article, .webPage:
      scheme = "url"
      text.append(random.chance(900) ? "https://" : "http://")
      text.append(type == .article ? "news.example.org/" : "www.example.net/statements/")
      text.append(decimal: year)
      text.append(UInt8(ascii: "/"))
      text.append(decimal: index + 1)
      if random.chance(100) { text.append("?lang=en&print=1#para-3") }
    case .communique, .declaration:
      scheme = "number"
      text.append("CM/Del/Concl(")
      text.append(decimal: UInt(year % 100), width: 2)
      text.append(")")
      text.append(decimal: random.within(1...999))
      if random.chance(300) { text.append("bis") }
    }
    if type == .article && random.chance(500) { return }
    out.key("identifiers")
    out.beginArray()
    out.beginObject(flow: true)
    part.removeAll(keepingCapacity: true)
    part.append(scheme)
    out.member("scheme", part)
    out.member("value", text)
    out.endObject()
    out.endArray()
  }

  /// An ISBN-13 (`978-1-23456-789-7`) or ISBN-10 (`0-19-853453-X`) with a correct check digit.
  private mutating func appendISBN(_ random: inout GeneratorRandom, ten: Bool) {
    var digits: [Int] = ten ? [] : [9, 7, random.chance(800) ? 8 : 9]
    for _ in 0..<9 { digits.append(random.below(10)) }
    if ten {
      var sum = 0
      for (offset, digit) in digits.enumerated() { sum += digit * (10 - offset) }
      let check = (11 - sum % 11) % 11
      appendGrouped(digits, groups: [1, 3, 5])
      text.append(UInt8(ascii: "-"))
      text.append(check == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(check))
    } else {
      var sum = 0
      for (offset, digit) in digits.enumerated() { sum += digit * (offset.isMultiple(of: 2) ? 1 : 3) }
      let check = (10 - sum % 10) % 10
      appendGrouped(digits, groups: [3, 1, 5, 3])
      text.append(UInt8(ascii: "-"))
      text.append(UInt8(ascii: "0") + UInt8(check))
    }
  }

  private mutating func appendGrouped(_ digits: [Int], groups: [Int]) {
    var position = 0
    for (number, size) in groups.enumerated() {
      if number > 0 { text.append(UInt8(ascii: "-")) }
      for digit in digits[position..<min(digits.count, position + size)] {
        text.append(UInt8(ascii: "0") + UInt8(digit))
      }
      position += size
    }
  }

  // MARK: Events

  private mutating func writeEvent(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .event, index: index)
    let day = world.eventDay(index)
    let place = world.eventPlace(index)
    beginEntity(.event(index), kind: "event")
    text.removeAll(keepingCapacity: true)
    let template = random.pick(words.eventTitles)
    text.append(contentsOf: template.prefix)
    names.appendPlaceName(place ?? world.town(&random), into: &text)
    text.append(contentsOf: template.suffix)
    maybeAppendHostile(&random, perMille: 8)
    writeText("title")
    text.removeAll(keepingCapacity: true)
    GeneratedDates.appendEventDate(day: day, random: &random, into: &text)
    writeText("date")
    if let place { writeID("place", .place(place)) }
    if case .field(let parent) = world.eventParent(index) { writeID("partOf", .event(parent)) }
    writeDescriptionAndNotes(&random, describe: random.chance(60))
    let sources = random.below(1000)
    writeSources(sources < 400 ? 0 : (sources < 950 ? 1 : 2), .notBefore(day: day), random: &random)
    out.endObject()
  }
}
