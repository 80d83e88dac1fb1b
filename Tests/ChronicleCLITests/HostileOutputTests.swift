import Foundation
import Testing

/// Output paths that are not files to replace.
@Suite struct HostileOutputTests {
  /// `-o` naming a FIFO (as `/dev/stdout` or `/dev/null` name devices) writes into it:
  /// renaming a temporary file over it would replace the pipe with a regular file, and
  /// as root `-o /dev/null` would do the same to the device.
  @Test func outputToAPipeWritesIntoThePipe() throws {
    let input = Array(#"{"entities": [{"id": "a", "kind": "person", "name": "X\u0000"}]}"#.utf8)
    try withFolder(["t.json": input]) { folder in
      let fifo = folder.appendingPathComponent("pipe")
      #expect(mkfifo(fifo.path, 0o600) == 0)
      // This process holds the pipe open for reading (without blocking), so the
      // writer's open succeeds; the output is small enough for the pipe's buffer.
      let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
      #expect(reader >= 0)
      defer { close(reader) }

      let result = try runChronicle(["export", "--format", "json", "--compact", "-o", "pipe", "t.json"], currentDirectory: folder)
      #expect(result.status == 0, "\(result.stderr)")
      var received: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        received += buffer[..<count]
      }

      var status = stat()
      #expect(lstat(fifo.path, &status) == 0)
      #expect(status.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced by a file")
      let text = String(decoding: received, as: UTF8.self)
      #expect(text.hasPrefix(#"{"chronicle":1,"entities":[{"id":"a","kind":"person","name":"X\u0000"}]"#), "\(text)")
      #expect(try folderListing(folder) == ["pipe", "t.json"])  // no temporary file
    }
  }
}
