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

  /// Ctrl-C while `export -o` writes its temporary file: the handler removes it and
  /// exits 130; the previous file is as it was.
  @Test func interruptedExportLeavesThePreviousFileAndNoTemporaryFile() throws {
    guard let executable = chronicleExecutable else { throw CLIRunnerError(description: "no chronicle executable") }
    try withFolder(["out.json": Array("old".utf8)]) { folder in
      let generated = try runChronicle(["generate", "--events", "40000", "--seed", "3", "-o", "big.json"],
                                       currentDirectory: folder)
      #expect(generated.status == 0)
      var interrupted = false
      for _ in 0..<3 where !interrupted {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["export", "--format", "json", "-o", "out.json", "big.json"]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the temporary file to appear, then interrupt.
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
          if names.contains(where: { $0.hasPrefix(".out.json.") && $0.hasSuffix(".tmp") }) {
            process.interrupt()
            interrupted = true
            break
          }
          usleep(500)
        }
        process.waitUntilExit()
        if interrupted {
          #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        }
      }
      #expect(interrupted, "the export never showed its temporary file")
      #expect(try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8) == "old")
      #expect(try folderListing(folder) == ["big.json", "out.json"])
    }
  }

  /// Graphviz crashing, or exiting 1 after writing a whole SVG: `render` fails with
  /// status 2, the previous drawing stays, no temporary file is left.
  @Test(arguments: [
    "cat > /dev/null; printf '<svg>partial'; kill -SEGV $$",
    "cat > /dev/null; printf '<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>'; echo 'Error: something' >&2; exit 1",
  ])
  func failingGraphvizLeavesThePreviousDrawing(script: String) throws {
    let timeline = #"{"entities": [{"id": "a", "kind": "person", "name": "A"}]}"#
    try withFolder(["t.json": Array(timeline.utf8), "old.svg": Array("old".utf8)]) { folder in
      let bin = folder.appendingPathComponent("bin")
      try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
      let dot = bin.appendingPathComponent("dot")
      try Data(("#!/bin/sh\n" + script + "\n").utf8).write(to: dot)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dot.path)
      let result = try runChronicle(["render", "-o", "old.svg", "t.json"], currentDirectory: folder,
                                    environment: ["PATH": bin.path + ":/usr/bin:/bin"])
      #expect(result.status == 2, "\(result.stderr)")
      #expect(result.stderr.contains("failed"), "\(result.stderr)")
      #expect(try String(contentsOf: folder.appendingPathComponent("old.svg"), encoding: .utf8) == "old")
      #expect(try folderListing(folder) == ["bin", "old.svg", "t.json"])
    }
  }
}
