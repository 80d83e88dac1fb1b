import Foundation
import Testing
@testable import Chronicle

/// A file read from disk is not kept in memory: an element is read again from the file
/// when a diagnostic needs one of its fields' positions. The diagnostics must be the
/// ones the same bytes give when read from memory.
struct SourceDocumentTests {
  private func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-source-\(UUID().uuidString).json").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
  }

  private func fromMemory(_ text: String, file: String) -> [String] {
    var builder = TimelineBuilder()
    TimelineReader.read(Array(text.utf8), file: file, into: &builder)
    return builder.validate().diagnostics.map(\.description)
  }

  /// Field positions found by reading elements again, one of them longer than the
  /// first 16 KB read, equal those found in memory.
  @Test func positionsFromTheFileEqualThoseFromMemory() throws {
    let note = String(repeating: "n", count: 40_000)
    let text = """
      {"entities": [
        {"id": "e", "kind": "event", "title": "E", "date": "1992"},
        {"id": "p", "kind": "person", "name": "P", "sources": [{"document": "e"}]},
        {"id": "p", "kind": "person", "name": "Twice"}
      ],
      "relations": [
        {"from": "p", "type": "participant", "note": "\(note)", "to": "nowhere"},
        {"from": "e", "type": "signed", "to": "p"}
      ]}
      """
    try withFile(text) { path in
      let fromFile = TimelineReader.validate(contentsOf: [path]).diagnostics.map(\.description)
      #expect(fromFile == fromMemory(text, file: path))
      // The `to` after the 40,000-character note: found past the first 16 KB read.
      let column = "  {\"from\": \"p\", \"type\": \"participant\", \"note\": \"\(note)\", \"to\": ".count + 1
      #expect(fromFile.contains { $0.contains(":7:\(column): error: 'to' refers to 'nowhere'") }, "\(fromFile.map { $0.prefix(120) })")
      #expect(fromFile.contains { $0.contains("must name a document") })
    }
  }

  /// A file changed after it was read gives no field positions, only its elements'
  /// own (which were kept), and never a wrong place read from the new bytes.
  @Test func aFileChangedSinceFallsBackToTheElementsPlace() throws {
    let text = #"{"relations": [{"from": "a", "type": "participant", "to": "b"}]}"#
    try withFile(text) { path in
      var builder = TimelineBuilder()
      TimelineReader.read(contentsOf: [path], into: &builder)
      try Data((text + "\n\n").utf8).write(to: URL(fileURLWithPath: path))
      let diagnostics = builder.validate().diagnostics.map(\.description)
      #expect(diagnostics.first == "\(path):1:16: error: 'from' refers to 'a', but no entity has that id [relations[0].from]")
      #expect(fromMemory(text, file: path).first == "\(path):1:25: error: 'from' refers to 'a', but no entity has that id [relations[0].from]")
    }
  }

  /// A file replaced by another of the same size and modification time between the
  /// read and the reading again (a new inode) is not taken for the one read.
  @Test func aFileReplacedByOneOfTheSameSizeAndTimeIsNotTakenForIt() throws {
    let text = #"{"entities": [{"id": "e", "kind": "event", "title": "E", "date": "1992"}]}"#
    try withFile(text) { path in
      guard case .success(let loaded) = TimelineReader.loadFile(path), let identity = loaded.identity else {
        Issue.record("the file was not loaded with its identity")
        return
      }
      #expect(SourceDocument(rereading: path, byteCount: loaded.bytes.count, file: path, identity: identity) != nil)
      // Another file, the same size, renamed over the first and given its time.
      let other = path + ".other"
      try Data(text.replacingOccurrences(of: "1992", with: "1993").utf8).write(to: URL(fileURLWithPath: other))
      var times = [
        timespec(tv_sec: identity.modifiedSeconds, tv_nsec: identity.modifiedNanoseconds),
        timespec(tv_sec: identity.modifiedSeconds, tv_nsec: identity.modifiedNanoseconds),
      ]
      #expect(utimensat(AT_FDCWD, other, &times, 0) == 0)
      #expect(rename(other, path) == 0)
      guard case .success(let replaced) = TimelineReader.loadFile(path), let newIdentity = replaced.identity else {
        Issue.record("the replacement was not loaded")
        return
      }
      #expect(newIdentity.size == identity.size)
      #expect(newIdentity.modifiedSeconds == identity.modifiedSeconds)
      #expect(newIdentity.modifiedNanoseconds == identity.modifiedNanoseconds)
      #expect(newIdentity != identity)
      #expect(SourceDocument(rereading: path, byteCount: loaded.bytes.count, file: path, identity: identity) == nil)
      #expect(SourceDocument(rereading: path, byteCount: loaded.bytes.count, file: path, identity: newIdentity) != nil)
    }
  }

  /// A handle reads what its document reads, through the document (which it keeps
  /// alive), and a handle of a handle reads through the same document.
  @Test func aHandleReadsThroughItsDocument() throws {
    let text = #"{"entities": [{"id": "e", "kind": "event", "title": "E", "date": "1992"}]}"#
    func element(of document: SourceDocument, at offset: Int) -> String? {
      document.withElement(at: offset) { bytes, start in String(decoding: bytes[start..<(start + 8)], as: UTF8.self) }
    }
    try withFile(text) { path in
      var original = SourceDocument(rereading: path, byteCount: text.utf8.count, file: path)
      let handle = try #require(original?.handle())
      let second = handle.handle()
      original = nil
      #expect(handle.isRereading && second.isRereading)
      #expect(handle.file == path && second.file == path)
      #expect(element(of: handle, at: 14) == #"{"id": ""#)
      #expect(element(of: second, at: 14) == #"{"id": ""#)
      var byte: UInt8 = 0
      #expect(second.read(0..<1, into: &byte) && byte == UInt8(ascii: "{"))
    }
    let inMemory = SourceDocument(bytes: Array(text.utf8), file: "memory.json").handle()
    #expect(!inMemory.isRereading)
    #expect(element(of: inMemory, at: 14) == #"{"id": ""#)
  }

  /// Elements read with many handles of their file (one every
  /// ``TimelineDecoder/elementsPerHandle``) find their fields' places in the file as
  /// those read from memory do.
  @Test func positionsAfterManyHandlesEqualThoseFromMemory() throws {
    let count = TimelineDecoder.elementsPerHandle * 2 + 7
    var lines = (0..<count).map { #"  {"id": "e\#($0)", "kind": "event", "title": "E", "date": "1992"}"# }
    lines[count - 1] = #"  {"id": "last", "kind": "event", "title": "E", "date": "1992", "place": "nowhere"}"#
    lines[TimelineDecoder.elementsPerHandle + 1] = #"  {"id": "middle", "kind": "event", "title": "E", "date": "1992-13"}"#
    let text = "{\"entities\": [\n" + lines.joined(separator: ",\n") + "\n]}\n"
    try withFile(text) { path in
      let fromFile = TimelineReader.validate(contentsOf: [path]).diagnostics.map(\.description)
      #expect(fromFile == fromMemory(text, file: path))
      #expect(fromFile.contains { $0.hasPrefix("\(path):\(count + 1):") && $0.contains("'nowhere'") }, "\(fromFile.prefix(3))")
      #expect(fromFile.contains { $0.hasPrefix("\(path):\(TimelineDecoder.elementsPerHandle + 3):") }, "\(fromFile.prefix(3))")
    }
  }
}
