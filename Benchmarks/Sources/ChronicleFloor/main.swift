// The least a reader of a generated timeline must do, timed: a yardstick for
// Chronicle's own reading (`compare.py` runs it beside `chronicle validate`).
//
//     ChronicleFloor timeline.json           # parse every element, resolve the relations' ends
//     ChronicleFloor timeline.json --store   # and copy every string value into one store per part
//
// On all cores, it maps the file, parses every element of `entities`, `relations` and
// `claims` (strings with their escapes, numbers, nested objects and arrays), keeps each
// entity's id and each relation's two ends as byte ranges with a hash, builds the id
// table and resolves every end through it. It checks nothing else, builds no value,
// reads no date and keeps no provenance: whatever Chronicle does beyond this is what its
// model and its checks cost.
//
// It relies on the generator's layout (the three lists in that order, one element per
// line), which a real reader cannot assume: that is what makes it a floor.
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The mapped file, shared read-only by the threads.
struct Bytes: @unchecked Sendable {
  let base: UnsafePointer<UInt8>
  let count: Int
  /// The byte at `index`, or 0 past the end (so that a cut file ends every loop).
  subscript(_ index: Int) -> UInt8 { index < count ? base[index] : 0 }
}

/// A string value found in an element: its bytes in the file, and their hash.
struct Span {
  var start: Int
  var count: Int
  var hash: UInt64
}

/// What one part of a list holds.
struct Part {
  var ids: [Span] = []
  var ends: [Span] = []
  var strings = 0
  var store: [UInt8] = []
}

/// Per-part results, each written by the one thread that parsed the part.
final class Slots<Value>: @unchecked Sendable {
  let values: UnsafeMutablePointer<Value>
  let count: Int
  init(count: Int, value: Value) {
    self.count = count
    values = .allocate(capacity: count)
    values.initialize(repeating: value, count: count)
  }
  deinit {
    values.deinitialize(count: count)
    values.deallocate()
  }
}

func seconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func hash(_ bytes: Bytes, _ start: Int, _ count: Int) -> UInt64 {
  var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
  var index = 0
  while index + 8 <= count {
    let word = UnsafeRawPointer(bytes.base + start + index).loadUnaligned(as: UInt64.self)
    hash = (hash ^ word) &* 0x9FB2_1C65_1E98_DF25
    hash ^= hash >> 29
    index += 8
  }
  var tail: UInt64 = 0
  while index < count {
    tail = tail << 8 | UInt64(bytes[start + index])
    index += 1
  }
  hash = (hash ^ tail) &* 0x9FB2_1C65_1E98_DF25
  return hash ^ (hash >> 32)
}

/// A JSON parser that only steps over values, keeping what `Part` asks for.
struct Scanner {
  let bytes: Bytes
  let copies: Bool
  var part = Part()

  func space(_ index: Int) -> Int {
    var index = index
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { break }
      index += 1
    }
    return index
  }

  /// Steps over the string whose quote is at `index`; returns the index after its closing
  /// quote. A value's bytes (not a key's) go to the store when `copies`.
  mutating func string(_ index: Int, isKey: Bool = false) -> Int {
    var end = index + 1
    while end < bytes.count {
      let byte = bytes[end]
      if byte == 0x22 { break }
      end += byte == 0x5C ? 2 : 1
    }
    end = min(end, bytes.count)  // a cut file's last string ends with the file
    if isKey { return end + 1 }
    part.strings += 1
    if copies {
      part.store.append(contentsOf: UnsafeBufferPointer(start: bytes.base + index + 1, count: end - index - 1))
    }
    return end + 1
  }

  mutating func value(_ index: Int) -> Int {
    switch bytes[index] {
    case 0x22: return string(index)
    case 0x7B, 0x5B:
      let close: UInt8 = bytes[index] == 0x7B ? 0x7D : 0x5D
      let isObject = close == 0x7D
      var next = space(index + 1)
      if bytes[next] == close { return next + 1 }
      while next < bytes.count {
        if isObject {
          // Two statements: `space(string(next))` would copy `self` (and its part) for `space`.
          next = string(next, isKey: true)
          next = space(next) + 1  // the key and its colon
          next = space(next)
        }
        next = value(next)
        guard let after = afterComma(next) else { return space(next) + 1 }
        next = after
      }
      return next
    default:
      var next = index
      while next < bytes.count {
        let byte = bytes[next]
        if byte == 0x2C || byte == 0x7D || byte == 0x5D || byte == 0x20 || byte == 0x0A { break }
        next += 1
      }
      return next
    }
  }

  /// An element of a list (`list` 0: entities, 1: relations, 2: claims) at `index`.
  mutating func element(_ index: Int, list: Int) -> Int {
    var next = space(index + 1)
    if bytes[next] == 0x7D { return next + 1 }
    while next < bytes.count {
      let keyStart = next + 1
      next = string(next, isKey: true)
      let keyCount = next - 1 - keyStart
      next = space(space(next) + 1)
      if bytes[next] == 0x22 {
        let valueStart = next + 1
        next = string(next)
        let count = next - 1 - valueStart
        let first = bytes[keyStart]
        if list == 0, keyCount == 2, first == UInt8(ascii: "i"), bytes[keyStart + 1] == UInt8(ascii: "d") {
          part.ids.append(Span(start: valueStart, count: count, hash: hash(bytes, valueStart, count)))
        } else if list == 1, (keyCount == 4 && first == UInt8(ascii: "f")) || (keyCount == 2 && first == UInt8(ascii: "t")) {
          part.ends.append(Span(start: valueStart, count: count, hash: hash(bytes, valueStart, count)))
        }
      } else {
        next = value(next)
      }
      guard let after = afterComma(next) else { return space(next) + 1 }
      next = after
    }
    return next
  }

  /// Where the next member or item starts when a comma follows `index` (spaces
  /// around it skipped); nil when the object or array ends there.
  func afterComma(_ index: Int) -> Int? {
    let comma = space(index)
    return bytes[comma] == 0x2C ? space(comma + 1) : nil
  }
}

/// The offset after `needle` where a line starts with it, searched line by line from `start`.
func offset(of needle: String, in bytes: Bytes, from start: Int) -> Int? {
  let pattern = Array(needle.utf8)
  var index = start
  while index + pattern.count <= bytes.count {
    if memcmp(bytes.base + index, pattern, pattern.count) == 0 { return index + pattern.count }
    guard let newline = memchr(bytes.base + index, 0x0A, bytes.count - index) else { return nil }
    index = UnsafeRawPointer(newline) - UnsafeRawPointer(bytes.base) + 1
  }
  return nil
}

func main() {
  let arguments = CommandLine.arguments
  guard arguments.count >= 2 else {
    FileHandle.standardError.write("usage: ChronicleFloor FILE.json [--store]\n".data(using: .utf8)!)
    exit(2)
  }
  let copies = arguments.dropFirst(2).contains("--store")
  let began = seconds()
  let descriptor = open(arguments[1], O_RDONLY)
  var status = stat()
  guard descriptor >= 0, fstat(descriptor, &status) == 0, status.st_size > 0,
    let mapping = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED
  else {
    FileHandle.standardError.write("cannot map \(arguments[1])\n".data(using: .utf8)!)
    exit(1)
  }
  let bytes = Bytes(base: UnsafePointer(mapping.assumingMemoryBound(to: UInt8.self)), count: Int(status.st_size))
  guard let entities = offset(of: "  \"entities\": [", in: bytes, from: 0),
    let relations = offset(of: "  \"relations\": [", in: bytes, from: entities),
    let claims = offset(of: "  \"claims\": [", in: bytes, from: relations)
  else {
    FileHandle.standardError.write("\(arguments[1]) is not laid out as `chronicle generate` writes\n".data(using: .utf8)!)
    exit(1)
  }

  /// `count` parts of `start..<end`, each ending at a line's end.
  func parts(_ start: Int, _ end: Int, _ count: Int, list: Int) -> [(start: Int, end: Int, list: Int)] {
    var result: [(Int, Int, Int)] = []
    var from = start
    for number in 1...count {
      var to = number == count ? end : start + (end - start) * number / count
      while to < end && bytes[to] != 0x0A { to += 1 }
      result.append((from, to, list))
      from = to
    }
    return result
  }
  let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
  let work = parts(entities, relations, 8 * threads, list: 0) + parts(relations, claims, 16 * threads, list: 1)
    + parts(claims, bytes.count, 4 * threads, list: 2)
  let found = Slots(count: work.count, value: Part())
  let parsed = seconds()
  DispatchQueue.concurrentPerform(iterations: threads) { thread in
    for number in stride(from: thread, to: work.count, by: threads) {
      var scanner = Scanner(bytes: bytes, copies: copies)
      var index = work[number].start
      while index < work[number].end {
        if bytes[index] == 0x7B { index = scanner.element(index, list: work[number].list) } else { index += 1 }
      }
      found.values[number] = scanner.part
    }
  }

  // The id table: open addressing, entity numbers in file order.
  let tabled = seconds()
  var firstID = [Int](repeating: 0, count: work.count)
  var entityCount = 0
  for number in 0..<work.count {
    firstID[number] = entityCount
    entityCount += found.values[number].ids.count
  }
  let capacity = 1 << (Int.bitWidth - max(1, 2 * entityCount - 1).leadingZeroBitCount)
  let table = Slots(count: capacity, value: Int32(-1))
  let idSpans = Slots(count: max(1, entityCount), value: Span(start: 0, count: 0, hash: 0))
  /// The slot of the entity whose id is `span`'s bytes, or of the empty slot it would take.
  @Sendable func slot(of span: Span) -> Int {
    var slot = Int(truncatingIfNeeded: span.hash) & (capacity - 1)
    while table.values[slot] >= 0 {
      let other = idSpans.values[Int(table.values[slot])]
      if other.count == span.count, memcmp(bytes.base + other.start, bytes.base + span.start, span.count) == 0 { break }
      slot = (slot + 1) & (capacity - 1)
    }
    return slot
  }
  var duplicates = 0
  for number in 0..<work.count {
    for (position, span) in found.values[number].ids.enumerated() {
      let entity = firstID[number] + position
      idSpans.values[entity] = span
      let slot = slot(of: span)
      if table.values[slot] >= 0 { duplicates += 1 }
      table.values[slot] = Int32(entity)
    }
  }

  // Every relation's ends, looked up on all cores.
  let resolving = seconds()
  let missing = Slots(count: work.count, value: 0)
  DispatchQueue.concurrentPerform(iterations: threads) { thread in
    for number in stride(from: thread, to: work.count, by: threads) {
      var unresolved = 0
      for span in found.values[number].ends where table.values[slot(of: span)] < 0 {
        unresolved += 1
      }
      missing.values[number] = unresolved
    }
  }
  let ended = seconds()

  var ends = 0, strings = 0, stored = 0, unresolved = 0
  for number in 0..<work.count {
    ends += found.values[number].ends.count
    strings += found.values[number].strings
    stored += found.values[number].store.count
    unresolved += missing.values[number]
  }
  print("\(bytes.count) bytes on \(threads) threads: \(entityCount) entities, \(ends) relation ends, \(strings) strings"
    + (copies ? " (\(stored) bytes stored)" : "") + "; \(duplicates) duplicate ids, \(unresolved) ends not found")
  print(String(format: "map and find the lists %.3f s, parse %.3f s, id table %.3f s, resolve %.3f s; total %.3f s",
    parsed - began, tabled - parsed, resolving - tabled, ended - resolving, ended - began))
}

main()
