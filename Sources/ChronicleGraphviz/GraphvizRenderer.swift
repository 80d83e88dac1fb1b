import Foundation
import Subprocess

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// Runs Graphviz on DOT text and returns the drawing (SVG, PNG or PDF).
///
///     let renderer = GraphvizRenderer(format: .svg)
///     let output = try await renderer.render(dot)
///     try output.bytes.write…
///
/// Graphviz runs as a subprocess reading the DOT from a temporary file (removed from
/// its folder before Graphviz starts) as its standard input, in a minimal environment with `SERVER_NAME` set (Graphviz's restricted mode: it then
/// refuses to read image files outside `GV_FILE_PATH`, which points at an empty
/// place). The process is killed when the timeout passes. A non-zero exit is an
/// error carrying Graphviz's own message.
public struct GraphvizRenderer: Sendable {
  /// Graphviz's layout programs.
  public enum Engine: String, CaseIterable, Sendable {
    /// Layered drawing of directed graphs: the best for small timelines.
    case dot
    /// Spring model; with `-n2` it draws nodes at the positions given.
    case neato
    /// Force-directed placement.
    case fdp
    /// Scalable force-directed placement, for large graphs.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout.
    case twopi
  }

  /// The file formats Chronicle asks Graphviz for.
  public enum Format: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics.
    case svg
    /// Portable Network Graphics.
    case png
    /// Portable Document Format.
    case pdf

    /// The format a file name's extension names (`.svg`, `.png`, `.pdf`), if any.
    public init?(path: String) {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      guard let dot = name.lastIndex(of: ".") else { return nil }
      self.init(rawValue: name[name.index(after: dot)...].lowercased())
    }
  }

  /// The layout program.
  public var engine: Engine
  /// The output format.
  public var format: Format
  /// How long Graphviz may run before it is killed.
  public var timeout: Duration
  /// More arguments for Graphviz, such as `-n2` for `neato` with pinned positions.
  public var arguments: [String]
  /// Where to look for the Graphviz programs; nil means the `PATH` of this process.
  public var searchPath: String?

  /// Creates a renderer.
  public init(engine: Engine = .dot, format: Format = .svg, timeout: Duration = .seconds(60),
              arguments: [String] = [], searchPath: String? = nil) {
    self.engine = engine
    self.format = format
    self.timeout = timeout
    self.arguments = arguments
    self.searchPath = searchPath
  }

  /// The full path of the engine's program, or nil when it is not installed.
  public func executablePath() -> String? {
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(engine.rawValue)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// What Graphviz produced: the drawing and anything it printed as warnings.
  public struct Output: Sendable {
    /// The drawing's bytes.
    public var bytes: [UInt8]
    /// Graphviz's standard error (warnings), possibly empty.
    public var warnings: String
  }

  /// The largest drawing accepted from Graphviz (1 GiB).
  public static let outputLimit = 1 << 30

  /// Renders DOT text, or throws a ``RenderError`` (Graphviz missing, timed out, failed).
  /// It sets SIGPIPE to be ignored in the process, so that Graphviz stopping early
  /// makes the write to it fail instead of killing the process.
  public func render(_ dot: [UInt8]) async throws(RenderError) -> Output {
    guard let executable = executablePath() else {
      throw RenderError(
        code: .graphvizMissing,
        message: "Graphviz's '\(engine.rawValue)' was not found on PATH; install Graphviz "
          + "(Debian or Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
      )
    }
    var environment: [Environment.Key: String] = [
      "PATH": "/usr/local/bin:/usr/bin:/bin",
      "LANG": "C.UTF-8",
      // Graphviz's restricted mode: no file is read for images unless under GV_FILE_PATH.
      "SERVER_NAME": "chronicle",
      "GV_FILE_PATH": "/nonexistent/chronicle-no-files/",
    ]
    if let home = ProcessInfo.processInfo.environment["HOME"] { environment["HOME"] = home }
    // Graphviz reads its input from a file already written, not from a pipe: when it
    // stops early (an error in the input, a timeout) nothing is left half-written.
    // (swift-subprocess 1.0 traps, "FileDescriptor was not closed", when a child
    // closes a standard-input pipe it is still writing: swiftlang/swift-subprocess#367.)
    let input = try Self.unlinkedFile(holding: dot)
    defer { try? input.close() }
    // Nothing is written to a pipe any more, but a stray SIGPIPE must never kill us.
    signal(SIGPIPE, SIG_IGN)
    let settings = environment
    let arguments = ["-T\(format.rawValue)"] + self.arguments
    let timeout = self.timeout
    let engineName = engine.rawValue
    let outcome: Result<ExecutionRecord, RenderError> = await withTaskGroup(of: Result<ExecutionRecord, RenderError>?.self) { group in
      group.addTask {
        do {
          let result = try await run(
            .path(FilePath(executable)),
            arguments: Arguments(arguments),
            environment: .custom(settings),
            input: .fileDescriptor(input, closeAfterSpawningProcess: false),
            output: .bytes(limit: Self.outputLimit),
            error: .string(limit: 1 << 20)
          )
          return .success(ExecutionRecord(status: result.terminationStatus, output: result.standardOutput, error: result.standardError))
        } catch {
          return .failure(RenderError(code: .failed, message: "Graphviz could not be run: \(error)"))
        }
      }
      group.addTask {
        try? await Task.sleep(for: timeout)
        if Task.isCancelled { return nil }
        return .failure(RenderError(code: .timedOut, message: "Graphviz's '\(engineName)' did not finish within \(timeout.formattedSeconds); it was stopped (try a filter, --layout pinned for a timeline, or --engine sfdp for a network)"))
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first ?? .failure(RenderError(code: .failed, message: "Graphviz did not report a result"))
    }
    let record = try outcome.get()
    guard case .exited(0) = record.status else {
      let detail = record.error.trimmingCharacters(in: .whitespacesAndNewlines)
      throw RenderError(
        code: .failed,
        message: "Graphviz's '\(engine.rawValue)' failed (\(record.status))" + (detail.isEmpty ? "" : ": " + Self.shorten(detail)),
        standardError: record.error
      )
    }
    return Output(bytes: record.output, warnings: record.error)
  }

  /// A temporary file holding `bytes`, open for reading from its start and already
  /// removed from its folder, so that nothing is left behind whatever happens next.
  static func unlinkedFile(holding bytes: [UInt8]) throws(RenderError) -> FileDescriptor {
    let template = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-dot-XXXXXX").path
    var path = Array(template.utf8CString)
    let descriptor = path.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw RenderError(code: .failed, message: "cannot write Graphviz's input to a temporary file: "
        + String(cString: strerror(errno)))
    }
    unlink(path.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    let file = FileDescriptor(rawValue: descriptor)
    do {
      var written = 0
      while written < bytes.count {
        written += try bytes.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[written...])) }
      }
      _ = try file.seek(offset: 0, from: .start)
    } catch {
      try? file.close()
      throw RenderError(code: .failed, message: "cannot write Graphviz's input to a temporary file: \(error)")
    }
    return file
  }

  private struct ExecutionRecord: Sendable {
    var status: TerminationStatus
    var output: [UInt8]
    var error: String
  }

  static func shorten(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(5)
    let joined = lines.joined(separator: "; ")
    return joined.count > 400 ? String(joined.prefix(400)) + "…" : joined
  }
}

extension Duration {
  fileprivate var formattedSeconds: String {
    let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
    return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
  }
}
