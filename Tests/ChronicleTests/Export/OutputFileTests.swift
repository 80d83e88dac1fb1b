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
}
