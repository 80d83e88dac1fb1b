import Chronicle

/// The fuzz targets' bodies, one function per target, so that each executable is
/// only its `LLVMFuzzerTestOneInput` and the checks live in one place.
public enum FuzzBodies {
  // MARK: EDTF

  /// Parses `bytes` (as lossy UTF-8) as EDTF and checks what a parsed value promises:
  /// its canonical form parses back to an equal value with the same text, its bounds
  /// are ordered, the display and report functions run, and the report's JSON line
  /// reads back as JSON.
  public static func edtf(_ bytes: [UInt8]) {
    // Up to three dates separated by NUL: their order must be a total order consistent with `==`.
    if bytes.contains(0) {
      let dates = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).compactMap {
        try? EDTFDate(String(decoding: $0, as: UTF8.self))
      }
      checkOrder(dates)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let report = EDTFReport(input: text)
    for block in [report.text(), report.text(ascii: true)] {
      FuzzCheck.require(
        !block.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F },
        "EDTFReport.text holds a control character: \(block.debugDescription)")
    }
    let json = report.jsonLine()
    do {
      _ = try JSONReader.read(json)
    } catch {
      FuzzCheck.fail("EDTFReport.jsonLine is not JSON (\(error)): \(json)")
    }
    do {
      _ = try JSONReader.read(report.jsonLine(ascii: true))
    } catch {
      FuzzCheck.fail("EDTFReport.jsonLine(ascii: true) is not JSON (\(error))")
    }

    let date: EDTFDate
    do {
      date = try EDTFDate(text)
    } catch {
      _ = error.description
      return
    }
    let canonical = date.description
    let again: EDTFDate
    do {
      again = try EDTFDate(canonical)
    } catch {
      FuzzCheck.fail("the canonical form \(canonical) of \(text.debugDescription) does not parse: \(error)")
    }
    FuzzCheck.require(again == date, "\(text.debugDescription) → \(canonical) → a different value \(again.description)")
    FuzzCheck.require(again.description == canonical, "canonical form is not stable: \(canonical) → \(again.description)")
    FuzzCheck.require(!(date < again) && !(again < date), "equal dates compare unequal: \(canonical)")
    FuzzCheck.require(again.hashValue == date.hashValue, "equal dates hash differently: \(canonical)")
    if let earliest = date.earliest, let latest = date.latest {
      FuzzCheck.require(earliest <= latest, "\(canonical): earliest \(earliest) is after latest \(latest)")
    }
    if let widened = date.widenedEarliest, let earliest = date.earliest {
      FuzzCheck.require(widened <= earliest, "\(canonical): widened earliest \(widened) is after earliest \(earliest)")
    }
    if let widened = date.widenedLatest, let latest = date.latest {
      FuzzCheck.require(widened >= latest, "\(canonical): widened latest \(widened) is before latest \(latest)")
    }
    _ = date.humanDescription()
    let asciiHuman = date.humanDescription(ascii: true)
    FuzzCheck.require(asciiHuman.utf8.allSatisfy { $0 < 0x80 }, "humanDescription(ascii: true) is not ASCII: \(asciiHuman)")
    _ = date.precision
    _ = date.qualifiers
    _ = date.year
    _ = date.level
    _ = date.interval
    _ = date.setKind
  }

  /// `<` is a strict total order consistent with `==` (and with hashing): exactly one
  /// of `a < b`, `b < a`, `a == b` holds, and `<` is transitive.
  static func checkOrder(_ dates: [EDTFDate]) {
    for a in dates {
      FuzzCheck.require(!(a < a), "\(a) < itself")
      for b in dates {
        let relations = [a < b, b < a, a == b].filter { $0 }.count
        FuzzCheck.require(relations == 1, "\(a) and \(b): <, > and == hold \(relations) times")
        if a == b { FuzzCheck.require(a.hashValue == b.hashValue, "\(a) == \(b) but the hashes differ") }
        for c in dates where a < b && b < c {
          FuzzCheck.require(a < c, "\(a) < \(b) < \(c) but not \(a) < \(c)")
        }
      }
    }
  }

  // MARK: Readers

  /// Reads `bytes` with ``JSONReader`` and checks the result: positions are at least
  /// 1:1, an error's byte offset lies within the input, and reading the same text as
  /// a String gives the same answer. A tree is then decoded into a timeline.
  public static func json(_ bytes: [UInt8]) {
    let result: Result<InputNode, InputError>
    do { result = .success(try JSONReader.read(bytes)) } catch { result = .failure(error) }
    checkReader(result, bytes: bytes, name: "JSON")
    if String(validating: bytes, as: UTF8.self) != nil {
      let text = String(decoding: bytes, as: UTF8.self)
      let second: Result<InputNode, InputError>
      do { second = .success(try JSONReader.read(text)) } catch { second = .failure(error) }
      FuzzCheck.require(second == result, "JSONReader.read(String) and read([UInt8]) differ: \(result) vs \(second)")
    }
    if case .success = result { decode(bytes, format: .json) }
  }

  /// Reads `bytes` with ``YAMLReader`` and checks the result as for JSON.
  public static func yaml(_ bytes: [UInt8]) {
    let result: Result<InputNode, InputError>
    do { result = .success(try YAMLReader.read(bytes)) } catch { result = .failure(error) }
    checkReader(result, bytes: bytes, name: "YAML")
    if case .success = result { decode(bytes, format: .yaml) }
  }

  private static func checkReader(_ result: Result<InputNode, InputError>, bytes: [UInt8], name: String) {
    switch result {
    case .success(let node):
      checkPositions(node, name: name)
    case .failure(let error):
      if let position = error.position {
        FuzzCheck.require(position.line >= 1 && position.column >= 1, "\(name) error at \(position): \(error.message)")
      }
      if let offset = error.byteOffset {
        FuzzCheck.require(offset >= 0 && offset <= bytes.count, "\(name) error at byte \(offset) of \(bytes.count)")
      }
      FuzzCheck.require(!error.message.isEmpty, "\(name) error without a message")
      FuzzCheck.require(error.message.unicodeScalars.count <= 1_000, "\(name) error message of \(error.message.unicodeScalars.count) characters")
      FuzzCheck.require(!error.message.contains("\n"), "\(name) error message on several lines: \(error.message)")
    }
  }

  private static func checkPositions(_ root: InputNode, name: String) {
    var stack = [root]
    while let node = stack.popLast() {
      FuzzCheck.require(node.position.line >= 1 && node.position.column >= 1, "\(name) node at \(node.position)")
      switch node.value {
      case .object(let members):
        var keys = Set<String>()
        for member in members {
          FuzzCheck.require(keys.insert(member.key).inserted, "\(name) object with duplicate key \(member.key.debugDescription)")
          FuzzCheck.require(member.keyPosition.line >= 1 && member.keyPosition.column >= 1, "\(name) key at \(member.keyPosition)")
          stack.append(member.value)
        }
      case .array(let items):
        stack.append(contentsOf: items)
      default:
        break
      }
    }
  }

  private static func decode(_ bytes: [UInt8], format: InputFormat) {
    var builder = TimelineBuilder()
    TimelineReader.read(bytes, file: "fuzz", format: format, into: &builder)
    let result = builder.validate()
    for diagnostic in result.diagnostics { _ = diagnostic.description }
  }

  // MARK: Pipeline

  /// Reads `bytes` (the format sniffed from the content), validates, and exports as
  /// JSON, DOT (both views) and a text and Markdown chronology, checking each output:
  /// - JSON, for a timeline without errors: reading it back gives an equal graph
  ///   without errors, and exporting that gives the same bytes (pretty and compact);
  /// - DOT: ``DOTChecker`` accepts it, and it draws each entity once and each edge once;
  /// - text: no control character but LF; with `ascii`, only ASCII.
  public static func pipeline(_ bytes: [UInt8]) {
    var builder = TimelineBuilder()
    TimelineReader.read(bytes, file: "fuzz", into: &builder)
    let result = builder.validate()
    let graph = result.graph
    for diagnostic in result.diagnostics { _ = diagnostic.description }

    // JSON
    for pretty in [true, false] {
      let exporter = JSONExporter(pretty: pretty)
      let json = exporter.export(graph)
      guard !result.hasErrors else { continue }
      var reread = TimelineBuilder()
      TimelineReader.read(json, file: "fuzz.json", format: .json, into: &reread)
      let second = reread.validate()
      FuzzCheck.require(
        !second.hasErrors,
        "the JSON export does not read back: \(second.errors.map(\.description)) in \(FuzzCheck.excerpt(json))")
      FuzzCheck.require(second.graph == graph, "the JSON export reads back as a different graph: \(FuzzCheck.excerpt(json))")
      let again = exporter.export(second.graph)
      FuzzCheck.require(again == json, "re-exporting the JSON export gives different bytes:\n\(FuzzCheck.excerpt(json))\n---\n\(FuzzCheck.excerpt(again))")
    }

    // DOT
    for options in [DOTOptions(), DOTOptions(view: .network, clustering: .kind), DOTOptions(clustering: .year),
                    DOTOptions(view: .network, clustering: .organisation, edgeLabels: false, legend: false)] {
      let dot = DOTExporter(options: options).export(graph)
      let summary: DOTChecker.Summary
      switch DOTChecker.check(dot) {
      case .success(let found): summary = found
      case .failure(let problem): FuzzCheck.fail("DOT (\(options.view), \(options.clustering)): \(problem)\n\(FuzzCheck.excerpt(dot, limit: 2000))")
      }
      FuzzCheck.require(
        summary.entityNodes.sorted() == Array(0..<graph.count),
        "DOT (\(options.view)) draws entity nodes \(summary.entityNodes.sorted()) for \(graph.count) entities")
      FuzzCheck.require(
        summary.entityEdges.count == graph.edges.count,
        "DOT (\(options.view)) draws \(summary.entityEdges.count) edges for \(graph.edges.count)")
      FuzzCheck.require(
        summary.entityEdges.allSatisfy { $0.from < graph.count && $0.to < graph.count }, "DOT edge to a node that does not exist")
      FuzzCheck.require(DOTExporter(options: options).export(graph) == dot, "DOT export is not deterministic")
    }

    // Chronology
    for format in ChronologyOptions.Format.allCases {
      for ascii in [false, true] {
        let text = ChronologyExporter(options: ChronologyOptions(format: format, width: ascii ? 40 : 80, ascii: ascii)).export(graph)
        for scalar in text.unicodeScalars {
          let value = scalar.value
          let isControl = (value < 0x20 && value != 0x0A) || (value >= 0x7F && value < 0xA0)
          FuzzCheck.require(!isControl, "\(format) chronology holds control U+\(String(value, radix: 16)): \(text.debugDescription.prefix(500))")
          if ascii { FuzzCheck.require(value < 0x80, "\(format) ASCII chronology holds U+\(String(value, radix: 16))") }
        }
      }
    }
    _ = graph.disagreements
  }
}
