@testable import Chronicle

/// The generator's own seeded random numbers for tests, so a failing case can be
/// replayed.
extension GeneratorRandom: RandomNumberGenerator {}
