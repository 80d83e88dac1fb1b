import ArgumentParser
import Chronicle
import Foundation

/// `chronicle generate`: writes a realistic synthetic timeline of any size.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a synthetic timeline (valid, deterministic) for benchmarks, tests and trying Chronicle at scale.",
    discussion: """
      The timeline has the number of events asked for, and documents, people, \
      organisations and places in proportion (events are 70% of the entities), \
      about 3.5 relations and 0.4 claims per event, dates in every EDTF form, \
      and a little hostile but valid text. The same seed gives the same bytes on \
      every platform. The output passes 'chronicle validate --strict'.

      Examples:
        chronicle generate --events 1000 > timeline.json
        chronicle generate --events 100000 --seed 7 --format yaml -o timeline.yaml
        chronicle generate --events 1000000 --compact -o big.json
      """
  )

  @Option(help: "The number of events (0 or more).")
  var events: Int

  @Option(help: "The seed: the same seed and size give the same bytes.")
  var seed: UInt64 = 1

  @Option(help: "The file format: json or yaml.")
  var format: TimelineGenerator.Format = .json

  @Flag(help: "Write JSON on one line instead of indented.")
  var compact = false

  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file, atomically, instead of standard output.", valueName: "file"))
  var output: String?

  func validate() throws {
    guard events >= 0 else { throw ValidationError("--events must be 0 or more; got \(events)") }
    if compact && format == .yaml { throw ValidationError("--compact applies to JSON only; YAML is always in block style") }
  }

  func run() throws {
    let bytes = TimelineGenerator(events: events, seed: seed).bytes(format, pretty: !compact)
    guard let output, output != "-" else {
      try writeToStandardOutput(bytes)
      return
    }
    try Output.write(bytes, to: output)
  }

  /// Writes without copying into `Data` first: a million-event file is over a gigabyte.
  private func writeToStandardOutput(_ bytes: [UInt8]) throws {
    let failed: Int32? = bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
    if let failed {
      Terminal.error("chronicle: error: cannot write to standard output: \(String(cString: strerror(failed)))")
      throw ExitCode(2)
    }
  }
}

extension TimelineGenerator.Format: ExpressibleByArgument {}
