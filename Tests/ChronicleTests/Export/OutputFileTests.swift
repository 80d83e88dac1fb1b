import Foundation
import Testing
@testable import Chronicle

/// `OutputFile`: atomic replacement of files, direct writes into devices and pipes.
struct OutputFileTests {
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func replacesAFileAndLeavesNoTemporaryFile() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.txt").path
    try OutputFile.write(Array("old".utf8), to: path)
    try OutputFile.write(Array("new".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"])
  }

  @Test func writesThroughALinkToADeviceWithoutReplacingIt() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let link = directory.appendingPathComponent("sink").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
    #expect(OutputFile.isStream(link))
    #expect(OutputFile.isStream("/dev/stdout"))
    #expect(!OutputFile.isStream(directory.appendingPathComponent("new.txt").path))
    try OutputFile.write(Array("data".utf8), to: link)
    let type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
    #expect(type == .typeSymbolicLink, "the link was replaced by a regular file")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["sink"])
  }

  @Test func aMissingFolderIsAnError() {
    #expect(throws: OutputFileError.self) {
      try OutputFile.write([], to: "/nonexistent-chronicle-folder/x.txt")
    }
  }

  /// Pieces handed to the sink land in one file, which appears only when complete.
  @Test func streamsPiecesIntoOneFileRenamedWhenComplete() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.dot").path
    try OutputFile.write(Array("old".utf8), to: path)
    try OutputFile.write(to: path) { sink in
      for piece in ["digraph ", "{", "\n", "}\n"] {
        Array(piece.utf8).withUnsafeBytes(sink)
        // Until the last piece is written, the old file is still there, whole.
        #expect((try? String(contentsOfFile: path, encoding: .utf8)) == "old")
      }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "digraph {\n}\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.dot"])
  }

  /// A piece that cannot be written is an error once the producer is done; the rest
  /// are not attempted.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func aFailedWriteIsAnError() {
    var pieces = 0
    #expect(throws: OutputFileError.self) {
      try OutputFile.write(to: "/dev/full") { sink in
        for _ in 0..<3 {
          pieces += 1
          Array("data".utf8).withUnsafeBytes(sink)
        }
      }
    }
    #expect(pieces == 3)
  }

  /// Pieces of every size, some larger than the writing thread's buffers and many far
  /// smaller, come out whole and in order (``BackgroundWriter``).
  @Test func manyPiecesOfEverySizeComeOutInOrder() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.bin").path
    var random = GeneratorRandom(seed: 0xB16)
    var expected: [UInt8] = []
    try OutputFile.write(to: path) { sink in
      for round in 0..<400 {
        let size = round % 50 == 0 ? Int.random(in: 1...(3 * BackgroundWriter.bufferSize), using: &random)
          : Int.random(in: 0...5_000, using: &random)
        let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ round) }
        expected += piece
        piece.withUnsafeBytes(sink)
      }
    }
    let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(written.count == expected.count)
    #expect(written == expected)
  }

  /// A large output to a regular file goes past the page cache once past the first
  /// 8 MB, where the file system takes direct writes, and through the cache where it
  /// does not (tmpfs, often): the same bytes either way, whether its size ends on a
  /// page or not, and a small output never goes direct.
  @Test(arguments: [
    BackgroundWriter.directThreshold + 3 * BackgroundWriter.bufferSize,
    BackgroundWriter.directThreshold + 3 * BackgroundWriter.bufferSize + 1_234,
    BackgroundWriter.directThreshold / 2,
  ])
  func largeOutputsGoDirectWhereTheFileSystemAllows(size: Int) throws {
    var folders = [try folder()]
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory), isDirectory.boolValue {
      folders.append(URL(fileURLWithPath: "/dev/shm").appendingPathComponent("chronicle-direct-\(UUID().uuidString)"))
      try FileManager.default.createDirectory(at: folders[1], withIntermediateDirectories: true)
    }
    let expected = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 12) }
    for directory in folders {
      defer { try? FileManager.default.removeItem(at: directory) }
      let path = directory.appendingPathComponent("out.bin").path
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      try #require(descriptor >= 0)
      let probe = BackgroundWriter.setDirect(true, on: descriptor) && BackgroundWriter.setDirect(false, on: descriptor)
      let writer = BackgroundWriter(descriptor: descriptor, direct: true)
      expected.withUnsafeBytes { bytes in
        var offset = 0
        var piece = 1
        while offset < bytes.count {
          let count = min(piece, bytes.count - offset)
          writer.append(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
          offset += count
          piece = piece * 3 % 1_000_003
        }
      }
      #expect(writer.finish() == nil)
      close(descriptor)
      #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected)
      if size < BackgroundWriter.directThreshold || !probe {
        #expect(writer.writtenDirect == 0)
      } else {
        // Every full buffer past the threshold (fewer than the trial, so none is judged
        // too slow); a tail off the page goes through the cache.
        #expect(writer.writtenDirect == (size - BackgroundWriter.directThreshold) / BackgroundWriter.bufferSize * BackgroundWriter.bufferSize)
      }
    }
  }

  /// A failure in the middle of a large output (more than the writing thread's buffers
  /// hold) stops the writing and is reported; the producer is never left waiting.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func aFailedWriteOfALargeOutputIsAnError() {
    let piece = [UInt8](repeating: 0x41, count: 1 << 20)
    #expect(throws: OutputFileError.self) {
      try OutputFile.write(to: "/dev/full") { sink in
        for _ in 0..<(4 * BackgroundWriter.bufferCount * BackgroundWriter.bufferSize >> 20) {
          piece.withUnsafeBytes(sink)
        }
      }
    }
  }
}
