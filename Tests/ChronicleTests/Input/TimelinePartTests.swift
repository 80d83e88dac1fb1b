import Foundation
import Testing
@testable import Chronicle

/// A large JSON file is read by several threads: parts of its lists are read on their
/// own and added when the read from the start reaches them (``TimelinePart``). Where a
/// part starts is a guess; whatever the guesses, the graph, the diagnostics and every
/// position must be those of a read by one thread.
struct TimelinePartTests {
  /// What a read gives, with every element's place spelt out (provenance takes no part
  /// in equality, so it is compared on its own).
  private struct Outcome: Equatable {
    var streamed: TimelineReader.StreamingOutcome
    var graph: TimelineGraph
    var diagnostics: [String]
    var places: [String]
    /// The parts added (not compared: one thread adds none).
    var partsAdded = 0

    static func == (lhs: Outcome, rhs: Outcome) -> Bool {
      (lhs.streamed, lhs.graph, lhs.diagnostics, lhs.places) == (rhs.streamed, rhs.graph, rhs.diagnostics, rhs.places)
    }
  }

  private func read(_ bytes: [UInt8], guesses: [Int], workers: Int? = nil) -> Outcome {
    var builder = TimelineBuilder()
    var added = 0
    let streamed = TimelineReader.readStreaming(
      bytes, file: "t.json", partGuesses: guesses, partWorkers: workers, partAdded: { added += 1 }, into: &builder)
    let result = builder.validate()
    let provenances = result.graph.entities.map(\.provenance) + result.graph.relations.map(\.provenance)
      + result.graph.claims.map(\.provenance)
    let places = provenances.map { provenance in
      let fields = provenance.fields.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }
      return "\(provenance.path ?? "-") \(provenance.position.map { "\($0)" } ?? "-") \(fields.joined(separator: ","))"
    }
    return Outcome(
      streamed: streamed, graph: result.graph, diagnostics: result.diagnostics.map(\.description), places: places,
      partsAdded: added)
  }

  /// Offsets spread over the file, `count` of them.
  private func spread(_ count: Int, over bytes: [UInt8]) -> [Int] {
    (1...count).map { bytes.count * $0 / (count + 1) }
  }

  /// Reads with each set of guesses, by the cores' threads, by the reading thread alone
  /// (no worker: it reads every part itself) and by three workers.
  private func expectSameAsOneThread(_ bytes: [UInt8], guessSets: [[Int]]) {
    let alone = read(bytes, guesses: [])
    for guesses in guessSets {
      for workers in [nil, 0, 3] {
        let together = read(bytes, guesses: guesses, workers: workers)
        #expect(together == alone, "guesses \(guesses), workers \(workers.map(String.init) ?? "default")")
      }
    }
  }

  @Test func partsAnywhereGiveTheSameGraphAndPlaces() {
    let bytes = TimelineGenerator(events: 150, seed: 3).bytes(.json)
    let single = spread(60, over: bytes).map { [$0] }
    let several = [spread(2, over: bytes), spread(3, over: bytes), spread(7, over: bytes)]
    expectSameAsOneThread(bytes, guessSets: single + several)
    // The parts are used: the elements read by another thread are in the graph, the
    // same as without them.
    let starts = bytes.withUnsafeBufferPointer { TimelinePart.starts(in: $0, near: spread(3, over: bytes)) }
    #expect(starts.count == 3)
    for workers in [nil, 0, 2] {
      #expect(read(bytes, guesses: spread(3, over: bytes), workers: workers).partsAdded >= 2)
    }
  }

  /// Elements written over several lines: a guess can fall on a nested object that
  /// starts a line, which is not an element of a list; the read from the start never
  /// reaches that offset as an element and reads the stretch itself.
  @Test func nestedObjectsThatStartALineAreNotTakenForElements() {
    let compact = String(decoding: TimelineGenerator(events: 60, seed: 8).bytes(.json), as: UTF8.self)
    let spreadOut = compact
      .replacingOccurrences(of: #"[{"document""#, with: "[\n        {\"document\"")
      .replacingOccurrences(of: #"},{"document""#, with: "},\n\t{\"document\"")
      .replacingOccurrences(of: #","kind""#, with: ",\n      \"kind\"")
    let bytes = Array(spreadOut.utf8)
    expectSameAsOneThread(bytes, guessSets: spread(80, over: bytes).map { [$0] } + [spread(5, over: bytes)])
  }

  /// Errors inside a part (a wrong type, an unknown key, a syntax error) are found by
  /// the read from the start, with the same messages and places.
  @Test func problemsInsideAPartAreReportedAsByOneThread() {
    let text = String(decoding: TimelineGenerator(events: 80, seed: 4).bytes(.json), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let relation = lines.lastIndex { $0.contains(#""type":"participatedIn""#) } ?? lines.count / 2
    let entity = lines.firstIndex { $0.contains(#""kind":"event""#) } ?? 10
    let variants: [(Int, String, String)] = [
      (relation, #""from":"#, #""colour":"red","from":"#),
      (relation, #""from":"#, #""from":12,"x":"#),
      (entity, #""kind":"#, #""date":"1992-13-45","kind":"#),
    ]
    for (line, target, replacement) in variants {
      var broken = lines
      broken[line] = broken[line].replacingOccurrences(of: target, with: replacement)
      let bytes = Array(broken.joined(separator: "\n").utf8)
      expectSameAsOneThread(bytes, guessSets: spread(12, over: bytes).map { [$0] } + [spread(4, over: bytes)])
    }
    var cut = lines
    cut[relation] = String(cut[relation].dropLast(6))
    let bytes = Array(cut.joined(separator: "\n").utf8)
    let alone = read(bytes, guesses: [])
    #expect(alone.diagnostics.count == 1)
    expectSameAsOneThread(bytes, guessSets: spread(12, over: bytes).map { [$0] })
  }

  /// Broken and odd files (random bytes replaced, deleted, or lines starting with `{`
  /// added where no element starts), read with parts at random guesses, give what one
  /// thread gives: a differential test of the part reader.
  @Test func mutatedFilesWithRandomPartsGiveWhatOneThreadGives() {
    var random = GeneratorRandom(seed: 0x5EED)
    let sources = (1...3).map { TimelineGenerator(events: 12 + $0 * 6, seed: UInt64($0)).bytes(.json) }
    let replacements = Array(#"{}[],:"\n 0"#.utf8) + [0x0A, 0x0A, 0xC3]
    for round in 0..<300 {
      var bytes = sources[round % sources.count]
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[at] = replacements.randomElement(using: &random)!
        case 1: bytes.remove(at: at)
        default: bytes.insert(contentsOf: Array("\n  {\"id\":\"x\",\"kind\":\"place\",\"name\":\"X\"},".utf8), at: at)
        }
      }
      let guesses = (0..<Int.random(in: 1...3, using: &random)).map { _ in Int.random(in: 0..<bytes.count, using: &random) }.sorted()
      let alone = read(bytes, guesses: [])
      let together = read(bytes, guesses: guesses, workers: round % 3 == 0 ? 0 : nil)
      #expect(together == alone, "round \(round), guesses \(guesses)")
    }
  }

  /// A file on one line has no place where a part can start.
  @Test func aFileOnOneLineIsReadByOneThread() {
    let bytes = TimelineGenerator(events: 40, seed: 2).bytes(.json, pretty: false)
    #expect(bytes.withUnsafeBufferPointer { TimelinePart.starts(in: $0, near: spread(4, over: bytes)) }.isEmpty)
    expectSameAsOneThread(bytes, guessSets: [spread(4, over: bytes)])
  }

  /// Small files are read by one thread; large ones by one per core, the first
  /// reading a short first stretch (10 % with two threads, less with more), the rest
  /// in parts of about 8 MB.
  @Test func guessesDependOnSizeAndThreads() {
    #expect(TimelinePart.guesses(byteCount: 1_000, threads: 4).isEmpty)
    #expect(TimelinePart.guesses(byteCount: 100 << 20, threads: 1).isEmpty)
    let two = TimelinePart.guesses(byteCount: 100 << 20, threads: 2)
    #expect(two.count == 11 && two == two.sorted() && two[0] == Int(Double(100 << 20) * 0.1))
    let four = TimelinePart.guesses(byteCount: 1 << 30, threads: 4)
    #expect(four.count == 123 && four == four.sorted() && four[0] == Int(Double(1 << 30) * 0.1 / 3))
    let small = TimelinePart.guesses(byteCount: 10 << 20, threads: 3)
    #expect(small.count == 8)
  }

  /// Calls `body` with the bytes of 200 generated events, six parts' starts spread over
  /// them, and their document.
  private func withSixParts(
    seed: UInt64,
    _ body: (UnsafeBufferPointer<UInt8>, [(start: Int, lineStart: Int)], SourceDocument) throws -> Void
  ) throws {
    let bytes = TimelineGenerator(events: 200, seed: seed).bytes(.json)
    try bytes.withUnsafeBufferPointer { buffer in
      let starts = TimelinePart.starts(in: buffer, near: spread(6, over: bytes))
      try #require(starts.count == 6)
      try body(buffer, starts, SourceDocument(bytes: bytes, file: "t.json"))
    }
  }

  /// The parts are handed over in order whoever reads them: with no worker the taking
  /// thread reads each part it asks for; a part nobody reads is not read when taken
  /// without helping, and a part taken twice is handed over once.
  @Test func partsAreHandedOverInOrderWhoeverReadsThem() throws {
    try withSixParts(seed: 6) { buffer, starts, document in
      for workers in [0, 1, 4] {
        let reader = TimelinePartReader(buffer, starts: starts, workers: workers, document: document, releasing: false)
        for number in 0..<4 {
          let part = reader.take(number)
          #expect(part?.start == starts[number].start, "workers \(workers), part \(number)")
          #expect(part?.count ?? 0 > 0)
        }
        #expect(reader.take(3)?.start == nil)
        // Not read by this thread: by a worker (then handed over), or by nobody.
        let fourth = reader.take(4, helping: false)?.start
        #expect(workers == 0 ? fourth == nil : fourth == nil || fourth == starts[4].start)
        #expect(reader.take(5)?.start == starts[5].start)
        reader.finish()
      }
    }
  }

  /// While a worker reads the part asked for, the taking thread reads the parts after
  /// it that nobody reads, and hands them over in their turn (also when taken without
  /// helping); once cancelled, a part nobody reads is not read.
  @Test func theTakingThreadReadsAheadWhileAPartIsBeingRead() throws {
    try withSixParts(seed: 7) { buffer, starts, document in
      let reader = TimelinePartReader(buffer, starts: starts, workers: 0, document: document, releasing: false)
      #expect(reader.take(0)?.start == starts[0].start)
      // Part 1 is being read by a "worker": the taking thread reads 2 to 5 meanwhile.
      #expect(reader.claimAsWorker(1))
      final class Box: @unchecked Sendable { var start: Int? }
      let box = Box()
      let done = DispatchSemaphore(value: 0)
      Thread { box.start = reader.take(1)?.start; done.signal() }.start()
      while !reader.isClaimed(5) { usleep(1_000) }
      let first = TimelinePart.read(
        buffer, start: starts[1].start, lineStart: starts[1].lineStart, limit: starts[2].start, document: document)
      reader.store(first, at: 1)
      done.wait()
      #expect(box.start == starts[1].start)
      for number in 2...5 {
        let part = reader.take(number, helping: number.isMultiple(of: 2))
        #expect(part?.start == starts[number].start, "part \(number)")
        #expect(part?.count ?? 0 > 0)
      }
      reader.finish()

      let cancelled = TimelinePartReader(buffer, starts: starts, workers: 0, document: document, releasing: false)
      cancelled.cancel()
      #expect(cancelled.take(0)?.start == nil)
      #expect(!cancelled.claimAsWorker(0))
      cancelled.finish()
    }
  }

  /// Elements in a block are moved out in order; those never taken are freed with it.
  @Test func pageBlocksHoldTakeAndFreeElements() throws {
    let counter = Counter()
    do {
      let block = try #require(PageBlock<Tracked>(capacity: 3))
      for value in 0..<3 { block.append(Tracked(value, counter)) }
      #expect(block.isFull)
      var values: [Int] = []
      block.takeAll { values.append($0.value) }
      #expect(values == [0, 1, 2])
      #expect(counter.freed == 3)
      let other = try #require(PageBlock<Tracked>(capacity: 5))
      other.append(Tracked(9, counter))
      other.append(Tracked(10, counter))
    }
    #expect(counter.freed == 5)
  }

  /// Blocks from a pool give their regions back to it as they go, up to its limit, and
  /// the next blocks take them; the elements left in a block are freed all the same.
  @Test func pooledBlocksGiveTheirPagesBack() throws {
    let counter = Counter()
    let pool = PagePool(limit: 2)
    do {
      var blocks: [PageBlock<Tracked>] = []
      for _ in 0..<3 { blocks.append(try #require(PageBlock<Tracked>(in: pool))) }
      #expect(blocks[0].capacity == PagePool.regionByteCount / MemoryLayout<Tracked>.stride)
      while !blocks[0].isFull { blocks[0].append(Tracked(blocks[0].count, counter)) }
      blocks[1].append(Tracked(-1, counter))
      var values: [Int] = []
      blocks[0].takeAll { values.append($0.value) }
      #expect(values == Array(0..<blocks[0].capacity))
      #expect(pool.keptCount == 0)
    }
    #expect(counter.freed == PagePool.regionByteCount / MemoryLayout<Tracked>.stride + 1)
    #expect(pool.keptCount == 2)
    do {
      let reused = try #require(PageBlock<Tracked>(in: pool))
      #expect(pool.keptCount == 1)
      reused.append(Tracked(7, counter))
      var values: [Int] = []
      reused.takeAll { values.append($0.value) }
      #expect(values == [7])
    }
    #expect(pool.keptCount == 2)
  }
}

/// Counts the ``Tracked`` values freed.
private final class Counter: @unchecked Sendable { var freed = 0 }

/// A value that counts itself out when freed.
private final class Tracked {
  let value: Int
  let counter: Counter
  init(_ value: Int, _ counter: Counter) {
    self.value = value
    self.counter = counter
  }
  deinit { counter.freed += 1 }
}

/// A large file read from disk gives back the pages of its bytes as it reads them;
/// when the read cannot go on (a syntax error, keys out of order), the file is read
/// again whole, and the outcome is that of a read from memory.
struct PageReleaseTests {
  private func readBoth(_ bytes: [UInt8]) throws -> (fromFile: [String], fromMemory: [String], graphsEqual: Bool) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-pages-\(UUID().uuidString).json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var fromFile = TimelineBuilder()
    TimelineReader.read(contentsOf: [path], into: &fromFile)
    var fromMemory = TimelineBuilder()
    TimelineReader.read(bytes, file: path, into: &fromMemory)
    let file = fromFile.validate(), memory = fromMemory.validate()
    return (file.diagnostics.map(\.description), memory.diagnostics.map(\.description), file.graph == memory.graph)
  }

  @Test func aLargeFileReadFromDiskGivesTheSameGraph() throws {
    var text = String(decoding: TimelineGenerator(events: 16_000, seed: 6).bytes(.json), as: UTF8.self)
    #expect(text.utf8.count > TimelinePart.minimumByteCount)
    // A warning and an error late in the file, where pages were given back already.
    text = text.replacingOccurrences(of: #"{"from":"person-1","#, with: #"{"colour":"red","from":"person-1","#)
    let read = try readBoth(Array(text.utf8))
    #expect(read.graphsEqual)
    #expect(read.fromFile == read.fromMemory)
    #expect(read.fromFile.contains { $0.contains("unknown key 'colour'") })
  }

  @Test func aSyntaxErrorLateInALargeFileIsFoundAsFromMemory() throws {
    var bytes = TimelineGenerator(events: 16_000, seed: 6).bytes(.json)
    let late = bytes.count * 9 / 10
    let quote = try #require(bytes[late...].firstIndex(of: UInt8(ascii: "\"")))
    bytes[quote] = UInt8(ascii: "\n")
    let read = try readBoth(bytes)
    #expect(read.fromFile == read.fromMemory)
    #expect(read.fromFile.count == 1)
  }

  /// Keys out of the order the stream reads them: the file is read again, as a tree.
  @Test func aLargeFileWithKeysOutOfOrderIsReadAsATree() throws {
    var text = String(decoding: TimelineGenerator(events: 16_000, seed: 6).bytes(.json), as: UTF8.self)
    let title = try #require(text.range(of: #""title": "Generated timeline: 16000 events, seed 6","#))
    text.removeSubrange(title)
    let end = try #require(text.range(of: "}", options: .backwards))
    text.replaceSubrange(end, with: #", "title": "late"}"#)
    let read = try readBoth(Array(text.utf8))
    #expect(read.graphsEqual)
    #expect(read.fromFile == read.fromMemory)
  }

  /// An unknown key's list of element-like lines, after the claims: a worker reads a part
  /// inside it and gives its pages back; the first thread reads the value whole, finds
  /// zeros, reads the parts' bytes again and the value once more, with no read of the
  /// whole file again.
  @Test func anUnknownListReadAsAPartIsReadAgainInPlace() throws {
    let generated = String(decoding: TimelineGenerator(events: 16_000, seed: 6).bytes(.json), as: UTF8.self)
    let entities = try #require(generated.range(of: #""entities": ["#))
    let relations = try #require(generated.range(of: #"  "relations": ["#))
    let list = generated[entities.upperBound..<relations.lowerBound].dropLast(3)
    let end = try #require(generated.range(of: "}", options: .backwards))
    // Twice the entities, so that the part gives pages back (every 4 MB).
    let text = generated.replacingCharacters(in: end, with: ",\n  \"extra\": [" + list + "," + list + "\n  ]\n}\n")
    let bytes = Array(text.utf8)
    let extraKey = try #require(text.range(of: #""extra": ["#))
    let extra = text.utf8.distance(from: text.startIndex, to: extraKey.lowerBound)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-extra-\(UUID().uuidString).json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var fromMemory = TimelineBuilder()
    TimelineReader.read(Array(text.utf8), file: path, into: &fromMemory)
    // The bytes given to a releasing read are the read's own: they read as zeros after.
    var fromFile = TimelineBuilder()
    let outcome = TimelineReader.readStreaming(
      bytes, file: path, rereading: path, releasing: true, partGuesses: [extra + 1_000], into: &fromFile)
    #expect(outcome == .read)
    let file = fromFile.validate(), memory = fromMemory.validate()
    #expect(file.graph == memory.graph)
    #expect(file.diagnostics.map(\.description) == memory.diagnostics.map(\.description))
    #expect(file.diagnostics.contains { $0.message.contains("unknown key 'extra'") })
  }

  /// Pages given back read as zeros, and are read again from the file.
  @Test func pagesGivenBackAreRestoredFromTheFile() throws {
    let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 % 251 + 1) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-pages-\(UUID().uuidString).bin").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let document = try #require(SourceDocument(rereading: path, byteCount: bytes.count, file: path))
    var copy = bytes
    copy.withUnsafeMutableBufferPointer { buffer in
      var release = PageRelease(UnsafeBufferPointer(buffer), from: 1_000)
      release.releaseNow(before: 900_000)
      #expect(release.releasedUpTo > 1_000 && release.releasedUpTo <= 900_000)
      #expect(buffer[1_000..<release.releasedUpTo].contains(0))
      #expect(!buffer[..<1_000].contains(0))
      // Only what the reading thread has not passed is read again.
      #expect(release.restore(from: document, after: 500_000))
      #expect(buffer[1_000..<500_000].contains(0))
      #expect(Array(buffer[500_000...]) == Array(bytes[500_000...]))
      #expect(release.restore(from: document, after: 0))
    }
    #expect(copy == bytes)
  }
}

/// A large regular file is read by two threads, each reading half; what they read is
/// the file, from where its offset stood.
struct ReadInHalvesTests {
  @Test func halvesGiveTheWholeFileFromItsOffset() throws {
    let bytes = (0..<300_001).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-halves-\(UUID().uuidString).bin").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    for start in [0, 1, 77_777] {
      let descriptor = open(path, O_RDONLY)
      try #require(descriptor >= 0)
      defer { close(descriptor) }
      lseek(descriptor, off_t(start), SEEK_SET)
      guard case .bytes(let read) = InputFormat.readToEnd(descriptor, halvesFrom: 1) else {
        Issue.record("not read from \(start)")
        continue
      }
      #expect(read == Array(bytes[start...]))
      // The offset is left at the end, as a read to the end leaves it.
      #expect(lseek(descriptor, 0, SEEK_CUR) == off_t(bytes.count))
    }
  }
}
