#if os(Linux)
import Foundation
import Testing

@testable import Chronicle

/// Large JSON files are read in place, mapped into memory: the same graph and
/// diagnostics as from an array, and a file shortened while mapped is read again as it
/// now is instead of ending the process.
struct MappedFileTests {
  /// A temporary file holding `bytes`, removed by the caller.
  private func temporaryFile(_ bytes: [UInt8], _ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("chronicle-\(name)-\(UUID().uuidString).json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// What reading `path` as an array gives: the graph and the diagnostics' text.
  private func readAsArray(_ path: String) throws -> (TimelineGraph, [String]) {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    var builder = TimelineBuilder()
    TimelineReader.read(bytes, file: path, rereading: path, into: &builder)
    let result = builder.validate()
    return (result.graph, result.diagnostics.map(\.description))
  }

  /// Files small enough for one thread and large enough for parts on several: the same
  /// graph and diagnostics (with their positions, read again from the file) as from an
  /// array, a late dangling reference included.
  @Test(arguments: [300, 16_000])
  func aMappedFileReadsAsAnArray(events: Int) throws {
    let diagnostics = try readMappedAndAsArray(events: events, seed: 3, replacing: #""to":"event-"#, with: #""to":"nowhere-"#)
    #expect(diagnostics.contains { $0.contains("nowhere-") && $0.contains(".json:") })
  }

  /// Generates `events`, replaces the last `target` with `replacement`, reads the file
  /// mapped and as an array, expects the same graph and diagnostics, and returns them.
  private func readMappedAndAsArray(events: Int, seed: UInt64, replacing target: String, with replacement: String) throws
    -> [String]
  {
    var text = String(decoding: TimelineGenerator(events: events, seed: seed).bytes(.json), as: UTF8.self)
    let last = try #require(text.range(of: target, options: .backwards))
    text.replaceSubrange(last, with: replacement)
    let path = try temporaryFile(Array(text.utf8), "mapped")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var builder = TimelineBuilder()
    #expect(TimelineReader.readMapped(path, minimumSize: 1, into: &builder))
    let mapped = builder.validate()
    let (graph, diagnostics) = try readAsArray(path)
    #expect(mapped.graph == graph)
    #expect(mapped.diagnostics.map(\.description) == diagnostics)
    return diagnostics
  }

  /// A syntax error late in a file, small or read in parts with pages given back: read
  /// and reported from the mapping, as the array read reports it.
  @Test(arguments: [300, 16_000])
  func aSyntaxErrorIsReportedFromTheMapping(events: Int) throws {
    let diagnostics = try readMappedAndAsArray(events: events, seed: 5, replacing: #""type":"#, with: #""type"::"#)
    #expect(diagnostics.count == 1 && diagnostics[0].contains("unexpected character ':'"))
  }

  /// A file named `.json` that holds YAML or bytes that are not text: the mapped read
  /// declines it (the error is reported from a tree), leaving the builder as it was,
  /// and the array read that follows in `read(contentsOf:)` reports it.
  @Test(arguments: ["chronicle: 1\nentities: []\n", "\u{0}\u{1}binary\u{FF}"])
  func aFileThatIsNotJSONReportsAsTheArrayRead(text: String) throws {
    let path = try temporaryFile(Array(text.utf8), "notjson")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var builder = TimelineBuilder()
    #expect(!TimelineReader.readMapped(path, minimumSize: 1, into: &builder))
    #expect(builder.validate().diagnostics.isEmpty)
    TimelineReader.read(Array(text.utf8), file: path, rereading: path, into: &builder)
    let mapped = builder.validate()
    let (graph, diagnostics) = try readAsArray(path)
    #expect(mapped.graph == graph)
    #expect(mapped.diagnostics.map(\.description) == diagnostics)
    #expect(mapped.hasErrors)
  }

  /// A named pipe is never opened here (opening it would wait for a writer, or take
  /// the data of one from the array read that follows).
  @Test func aNamedPipeIsLeftToTheArrayRead() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-fifo-\(UUID().uuidString).json").path
    try #require(mkfifo(path, 0o600) == 0)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(MappedFile(path: path, minimumSize: 1, maximumSize: .max) == nil)
    var builder = TimelineBuilder()
    #expect(!TimelineReader.readMapped(path, minimumSize: 1, into: &builder))
  }

  /// Files that are not mapped: too small, YAML, missing, a directory.
  @Test func otherFilesAreLeftToTheArrayRead() throws {
    let path = try temporaryFile(Array(#"{"chronicle": 1, "entities": []}"#.utf8), "small")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let yaml = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-yaml-\(UUID().uuidString).yaml").path
    try Data("chronicle: 1\nentities: []\n".utf8).write(to: URL(fileURLWithPath: yaml))
    defer { try? FileManager.default.removeItem(atPath: yaml) }
    var builder = TimelineBuilder()
    #expect(!TimelineReader.readMapped(path, minimumSize: 1 << 20, into: &builder))
    #expect(!TimelineReader.readMapped(yaml, minimumSize: 1, into: &builder))
    #expect(!TimelineReader.readMapped(path + "-missing", minimumSize: 1, into: &builder))
    #expect(!TimelineReader.readMapped(FileManager.default.temporaryDirectory.path, minimumSize: 1, into: &builder))
    #expect(builder.validate().graph.entities.isEmpty)
  }

  /// The pages a shortened file no longer holds read as zeros instead of ending the
  /// process with `SIGBUS`.
  @Test func pagesPastANewEndReadAsZeros() throws {
    let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
    let path = try temporaryFile(bytes, "shortened")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let mapped = try #require(MappedFile(path: path, minimumSize: 1, maximumSize: .max))
    #expect(truncate(path, 4096) == 0)
    #expect(mapped.buffer[100] == UInt8(ascii: "x"))
    #expect(mapped.buffer[bytes.count - 1] == 0)
    #expect(mapped.buffer[8192] == 0)
    #expect(TruncationGuard.covers(mapped.buffer.baseAddress! + 8192))
  }

  /// A file shortened after it was mapped, before or while it is read: the read is
  /// refused and the builder left as it was, and the file is then read as it now is,
  /// with the same diagnostics as an array read of it.
  @Test(arguments: [300, 16_000])
  func aFileShortenedWhileMappedIsReadAgainAsItIsNow(events: Int) throws {
    let bytes = TimelineGenerator(events: events, seed: 4).bytes(.json)
    let path = try temporaryFile(bytes, "cut")
    defer { try? FileManager.default.removeItem(atPath: path) }
    // A builder that holds another file's timeline already: left as it was.
    let first = #"{"chronicle": 1, "entities": [{"id": "a", "kind": "person", "name": "A"}]}"#
    var builder = TimelineBuilder()
    TimelineReader.read(first, file: "first.json", into: &builder)
    let before = builder
    let read = TimelineReader.readMapped(path, minimumSize: 1, into: &builder) {
      _ = truncate(path, off_t(bytes.count * 2 / 3))
    }
    #expect(!read)
    #expect(builder.validate().graph == before.validate().graph)
    #expect(builder.validate().graph.entities.map(\.id) == ["a"])
    var again = TimelineBuilder()
    TimelineReader.read(contentsOf: [path], into: &again)
    let result = again.validate()
    let (graph, diagnostics) = try readAsArray(path)
    #expect(result.graph == graph)
    #expect(result.diagnostics.map(\.description) == diagnostics)
    #expect(result.hasErrors)
  }
}
#endif
