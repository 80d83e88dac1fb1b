/// The ids, names and titles of generated entities, recomputed from an index
/// whenever they are needed (an event's title names its town; a letter's title, its state).
struct GeneratedNames: Sendable {
  /// An entity of the generated world.
  enum Reference {
    case event(Int), document(Int), person(Int), organisation(Int), place(Int)
  }

  let world: GeneratedWorld
  let words: GeneratorVocabulary

  /// Appends an id: `event-1`, `doc-1`, `person-1`, `org-1`, `place-1` (counted from 1).
  @inline(__always)
  func appendID(_ reference: Reference, into text: inout [UInt8]) {
    switch reference {
    case .event(let index):
      text.append("event-")
      text.append(decimal: index + 1)
    case .document(let index):
      text.append("doc-")
      text.append(decimal: index + 1)
    case .person(let index):
      text.append("person-")
      text.append(decimal: index + 1)
    case .organisation(let index):
      text.append("org-")
      text.append(decimal: index + 1)
    case .place(let index):
      text.append("place-")
      text.append(decimal: index + 1)
    }
  }

  /// A place's name: two or three syllables, with `Region` or `District` after the
  /// names of the larger places.
  func appendPlaceName(_ index: Int, into text: inout [UInt8]) {
    var random = GeneratorRandom(seed: world.seed, stream: .placeName, index: index)
    appendPlaceStem(&random, into: &text)
    if index < world.regionCount {
      if random.chance(500) { text.append(" Region") }
    } else if index < world.districtEnd {
      text.append(" District")
    }
  }

  private func appendPlaceStem(_ random: inout GeneratorRandom, into text: inout [UInt8]) {
    text.append(contentsOf: random.pick(words.syllablesFirst))
    text.append(contentsOf: random.pick(words.syllablesMiddle))
    text.append(contentsOf: random.pick(words.syllablesLast))
  }

  /// The same name as another transliteration writes it (`Khojaly` → `Xocalı`),
  /// when that differs; returns whether anything was appended.
  func appendPlaceAlias(_ index: Int, into text: inout [UInt8]) -> Bool {
    var random = GeneratorRandom(seed: world.seed, stream: .placeName, index: index)
    var stem: [UInt8] = []
    appendPlaceStem(&random, into: &stem)
    let start = text.count
    var changed = false
    var position = 0
    while position < stem.count {
      let byte = stem[position]
      let next = position + 1 < stem.count ? stem[position + 1] : 0
      switch (byte, next) {
      case (UInt8(ascii: "K"), UInt8(ascii: "h")):
        text.append(UInt8(ascii: "X")); position += 2; changed = true
      case (UInt8(ascii: "k"), UInt8(ascii: "h")):
        text.append(UInt8(ascii: "x")); position += 2; changed = true
      case (UInt8(ascii: "S"), UInt8(ascii: "h")):
        text.append(contentsOf: [0xC5, 0x9E]); position += 2; changed = true  // Ş
      case (UInt8(ascii: "s"), UInt8(ascii: "h")):
        text.append(contentsOf: [0xC5, 0x9F]); position += 2; changed = true  // ş
      case (UInt8(ascii: "c"), UInt8(ascii: "h")):
        text.append(contentsOf: [0xC3, 0xA7]); position += 2; changed = true  // ç
      case (UInt8(ascii: "j"), _):
        text.append(UInt8(ascii: "c")); position += 1; changed = true
      case (UInt8(ascii: "l"), UInt8(ascii: "y")) where position + 2 == stem.count:
        text.append(contentsOf: [UInt8(ascii: "l"), 0xC4, 0xB1]); position += 2; changed = true  // lı
      default:
        text.append(byte); position += 1
      }
    }
    if !changed { text.removeSubrange(start...) }
    return changed
  }

  /// A person's name: given name and surname, sometimes with an initial.
  func appendPersonName(_ index: Int, into text: inout [UInt8]) {
    var random = GeneratorRandom(seed: world.seed, stream: .personName, index: index)
    text.append(contentsOf: random.pick(words.givenNames))
    text.append(0x20)
    if random.chance(150) {
      text.append(UInt8(ascii: "A") + UInt8(truncatingIfNeeded: random.below(26)))
      text.append(". ")
    }
    text.append(contentsOf: random.pick(words.surnames))
    if random.chance(8) {
      text.append(" / ")
      text.append(contentsOf: random.pick(words.hostile))
    }
  }

  /// The name as a catalogue writes it: `ALIYEV, Yashar` (ASCII letters upper-cased).
  func appendPersonAlias(_ index: Int, into text: inout [UInt8]) {
    var random = GeneratorRandom(seed: world.seed, stream: .personName, index: index)
    let given = random.pick(words.givenNames)
    if random.chance(150) { _ = random.below(26) }
    for byte in random.pick(words.surnames) {
      text.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
    }
    text.append(", ")
    text.append(contentsOf: given)
  }

  /// A surname alone, for case names (`Case of Aliyev and Others v. …`).
  func appendSurname(_ random: inout GeneratorRandom, into text: inout [UInt8]) {
    text.append(contentsOf: random.pick(words.surnames))
  }

  /// An organisation's name, by its type: `Republic of Ganzekert`, `The Ladali Herald`, `366th Brigade`.
  func appendOrganisationName(_ index: Int, into text: inout [UInt8]) {
    var random = GeneratorRandom(seed: world.seed, stream: .organisationName, index: index)
    let region = world.region(&random)
    switch world.organisationType(index) {
    case .state:
      text.append("Republic of ")
      appendPlaceName(region, into: &text)
    case .newspaper:
      text.append("The ")
      appendPlaceName(world.town(&random), into: &text)
      text.append(0x20)
      text.append(contentsOf: random.pick(words.newspaperWords))
    case .court:
      text.append(contentsOf: random.pick(words.courtWords))
      appendPlaceName(region, into: &text)
    case .unOrgan:
      text.append(contentsOf: random.pick(words.unOrgans))
    case .publisher:
      if random.chance(500) {
        appendPlaceName(region, into: &text)
        text.append(" University Press")
      } else {
        appendSurname(&random, into: &text)
        text.append(" & Sons")
      }
    case .ngo:
      appendPlaceName(region, into: &text)
      text.append(contentsOf: random.pick(words.ngoWords))
    case .ministry:
      text.append("Ministry of ")
      text.append(contentsOf: random.pick(words.ministries))
      text.append(" of ")
      appendPlaceName(region, into: &text)
    case .armedForce:
      let number = random.within(1...400)
      text.append(decimal: number)
      text.append(Self.ordinalSuffix(number))
      text.append(0x20)
      text.append(contentsOf: random.pick(words.units))
    case .intergovernmental:
      text.append(contentsOf: random.pick(words.intergovernmental))
    }
    if random.chance(5) {
      text.append(" — ")
      text.append(contentsOf: random.pick(words.hostile))
    }
  }

  /// `st`, `nd`, `rd` or `th`, as English writes 1st, 22nd, 113th.
  static func ordinalSuffix(_ number: Int) -> StaticString {
    if (11...13).contains(number % 100) { return "th" }
    switch number % 10 {
    case 1: return "st"
    case 2: return "nd"
    case 3: return "rd"
    default: return "th"
    }
  }
}
