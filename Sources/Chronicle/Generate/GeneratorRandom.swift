/// The generator's own pseudo-random numbers: SplitMix64 (Steele, Lea and Flood,
/// "Fast splittable pseudorandom number generators", 2014).
///
/// Swift's `SystemRandomNumberGenerator` is not seedable and the standard library's
/// `random(in:using:)` may change its algorithm between releases; this one is a few
/// lines of fixed integer arithmetic, so a seed gives the same numbers on every
/// platform and compiler. Ranges use Lemire's multiply-high reduction.
///
///     var random = GeneratorRandom(seed: 42, stream: .event, index: 7)
///     let roll = random.below(100)  // the same on every run
struct GeneratorRandom {
  /// Independent sequences derived from one seed: what is being decided.
  enum Stream: UInt64 {
    case event = 1, eventPlace, eventParent, eventRelations, eventClaims
    case document = 11, documentType, documentRelations
    case personName = 21, person, personRelations
    case organisationName = 31, organisation, organisationType, organisationParent, organisationRelations,
      organisationClaims
    case placeName = 41, place, placeParent, placeClaims
  }

  private var state: UInt64

  /// A sequence from a seed.
  init(seed: UInt64) { state = seed }

  /// The sequence for one decision about one entity: the same whichever pass asks,
  /// so entities, relations and claims can be written in separate passes without
  /// storing anything per entity.
  init(seed: UInt64, stream: Stream, index: Int) {
    state = Self.hash(seed, stream, index)
  }

  /// One 64-bit value for (seed, stream, index), as the first value of that sequence.
  static func hash(_ seed: UInt64, _ stream: Stream, _ index: Int) -> UInt64 {
    mix(mix(seed &+ stream.rawValue &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(truncatingIfNeeded: index))
  }

  /// SplitMix64's output function: a bijection that spreads every input bit.
  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 bits.
  @inline(__always)
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`; 0 when `bound` is not positive.
  @inline(__always)
  mutating func below(_ bound: Int) -> Int {
    guard bound > 0 else { return 0 }
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A number in `range`.
  @inline(__always)
  mutating func within(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with a probability of `perMille` in a thousand.
  @inline(__always)
  mutating func chance(_ perMille: Int) -> Bool { below(1000) < perMille }

  /// One element of a non-empty array.
  @inline(__always)
  mutating func pick<Element>(_ elements: [Element]) -> Element { elements[below(elements.count)] }

  /// The index of an entry, drawn in proportion to the weights.
  mutating func weighted(_ weights: [Int], total: Int) -> Int {
    var roll = below(total)
    for (index, weight) in weights.enumerated() {
      if roll < weight { return index }
      roll -= weight
    }
    return weights.count - 1
  }
}
