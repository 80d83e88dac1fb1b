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
}
