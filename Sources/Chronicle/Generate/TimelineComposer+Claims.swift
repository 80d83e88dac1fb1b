extension TimelineComposer {
  /// About one claim for every three events (a figure, a range or a characterisation,
  /// often qualified, sometimes attributed to a claimant and the document that reported
  /// it), with one event in twenty getting two or three claims that disagree; and
  /// population figures for some places. Every claim cites a document.
  mutating func writeClaims() {
    for index in 0..<world.events { writeEventClaims(index) }
    for index in 0..<world.places { writePlaceClaims(index) }
  }

  private mutating func writeEventClaims(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .eventClaims, index: index)
    let day = world.eventDay(index)
    let roll = random.below(1000)
    if roll < 260 {
      let property = random.pick(words.eventProperties)
      let document = world.laterDocument(notBefore: day, random: &random)
      let value = property.scale == 0 ? 0 : random.within(1...property.scale)
      writeEventClaim(index, property: property, value: value, document: document, disputed: false, random: &random)
    } else if roll < 310 {
      // Sources disagree: the same property, different figures, each from its own document.
      let property = random.pick(words.figureProperties)
      let first = random.within(1...property.scale)
      var documents = (-1, -1)
      for slot in 0..<(random.chance(300) ? 3 : 2) {
        var document = world.laterDocument(notBefore: day, random: &random)
        if document == documents.0 || document == documents.1 {
          document = world.laterDocument(notBefore: day, random: &random)
        }
        if slot == 0 { documents.0 = document } else if slot == 1 { documents.1 = document }
        let value = first * (slot + 1) + slot * random.within(1...50)
        writeEventClaim(index, property: property, value: value, document: document, disputed: slot > 0, random: &random)
      }
    }
  }

  /// One claim about event `index`. Figures that vary are all different (`value`
  /// differs by `slot`), so no claim repeats another and none is merged away.
  private mutating func writeEventClaim(
    _ index: Int, property: (name: [UInt8], unit: [UInt8], scale: Int), value: Int, document: Int, disputed: Bool,
    random: inout GeneratorRandom
  ) {
    out.beginObject(flow: false)
    claimCount += 1
    if random.chance(100) {
      claimIDs += 1
      text.removeAll(keepingCapacity: true)
      text.append("claim-")
      text.append(decimal: claimIDs)
      writeText("id")
    }
    writeID("subject", .event(index))
    out.member("property", property.name)
    out.key("value")
    if property.scale == 0 {
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: random.pick(words.textValues))
      out.string(text)
    } else if random.chance(200) {
      out.beginObject(flow: true)
      out.key("low")
      out.number(value)
      out.key("high")
      out.number(value + 1 + value / 2)
      out.endObject()
    } else {
      out.number(value)
    }
    if !property.unit.isEmpty { out.member("unit", property.unit) }
    if property.scale > 0, random.chance(350) {
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: random.pick(words.qualifiers))
      writeText("qualifier")
    }
    if disputed || random.chance(100) {
      // "Time reported that the Azerbaijanis claim 1,324": a claimant, and who reported it.
      writeID("claimant", Self.reference(actor: actor(&random, personShare: 300)))
      if random.chance(600) { writeID("reportedBy", .document(world.laterDocument(notBefore: world.eventDay(index), random: &random))) }
    }
    if random.chance(300) {
      text.removeAll(keepingCapacity: true)
      GeneratedDates.appendDay(GeneratedDates.civilDay(world.documentDay(document)), into: &text)
      writeText("date")
    }
    if random.chance(40) {
      text.removeAll(keepingCapacity: true)
      text.append(contentsOf: random.pick(words.notes))
      maybeAppendHostile(&random, perMille: 200)
      writeText("note")
    }
    out.key("sources")
    out.beginArray()
    writeCitation(document: document, random: &random)
    out.endArray()
    out.endObject()
  }

  private mutating func writePlaceClaims(_ index: Int) {
    var random = GeneratorRandom(seed: world.seed, stream: .placeClaims, index: index)
    guard random.chance(150) else { return }
    out.beginObject(flow: false)
    claimCount += 1
    writeID("subject", .place(index))
    text.removeAll(keepingCapacity: true)
    text.append("population")
    writeText("property")
    out.key("value")
    out.number(random.within(200...900_000))
    text.removeAll(keepingCapacity: true)
    text.append("people")
    writeText("unit")
    if random.chance(300) {
      text.removeAll(keepingCapacity: true)
      text.append("about")
      writeText("qualifier")
    }
    text.removeAll(keepingCapacity: true)
    GeneratedDates.appendYear(GeneratedDates.civilDay(GeneratedWorld.firstDay + random.below(GeneratedWorld.span)).year, into: &text)
    writeText("date")
    writeSources(1, .any, random: &random)
    out.endObject()
  }
}
