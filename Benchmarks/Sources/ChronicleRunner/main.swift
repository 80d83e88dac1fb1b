import Chronicle
import Foundation

// chronicle-runner validate FILE
//   What `chronicle validate` does (read, validate), through the library; prints the counts.
// chronicle-runner export-json FILE OUT
//   What `chronicle export --format json` does (read, validate, export), through the
//   library. Exit status 1 when the file has errors.
// chronicle-runner export FORMAT FILE OUT
//   The same for `dot`, `json` or `text`, with the exporters' default options.
//   These modes exist for `valgrind --tool=callgrind`, which counts instructions the
//   same on any host: valgrind 3.19 stops inside the `chronicle` command itself (at
//   libdispatch's signal thread, which the command's interruption handler starts).
// chronicle-runner queries FILE [RUNS]
//   Reads and validates FILE once, then times each query RUNS times (default 20) on the
//   same graph and prints the median and fastest times in milliseconds, with the size
//   of each answer: the figures for "queries on the 1M-event graph" (issue 7).

func fail(_ message: String, status: Int32) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(status)
}

func load(_ path: String) -> TimelineGraph {
  let result = TimelineReader.validate(contentsOf: [path])
  guard !result.hasErrors else { fail("\(path): \(result.errors.count) errors", status: 1) }
  return result.graph
}

func exportJSON(_ path: String, to outputPath: String) -> Never {
  let bytes = JSONExporter(pretty: true).export(load(path))
  guard let output = fopen(outputPath, "wb") else { fail("cannot write \(outputPath)", status: 2) }
  let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, output) }
  fclose(output)
  exit(written == bytes.count ? 0 : 2)
}

/// Reads and validates `path`, then streams the export in `format` into `outputPath`.
func export(_ format: String, _ path: String, to outputPath: String) -> Never {
  guard ["dot", "json", "text"].contains(format) else { fail("FORMAT is dot, json or text", status: 64) }
  // Kept to the exit, as the command keeps it: freeing a large graph is not the export's work.
  let graph = load(path)
  guard let output = fopen(outputPath, "wb") else { fail("cannot write \(outputPath)", status: 2) }
  var failed = false
  let sink: (UnsafeRawBufferPointer) -> Void = { bytes in
    if !bytes.isEmpty, fwrite(bytes.baseAddress, 1, bytes.count, output) != bytes.count { failed = true }
  }
  switch format {
  case "dot": DOTExporter(options: DOTOptions()).export(graph, to: sink)
  case "json": JSONExporter(pretty: true).export(graph, to: sink)
  default: ChronologyExporter(options: ChronologyOptions()).export(graph, to: sink)
  }
  withExtendedLifetime(graph) { exit(fclose(output) == 0 && !failed ? 0 : 2) }
}

/// Runs `body` `runs` times; prints the median and fastest in ms and the answer's size.
func time(_ name: String, runs: Int, _ body: () -> Int) {
  var samples: [Double] = []
  var size = 0
  for _ in 0..<runs {
    let start = ContinuousClock.now
    size = body()
    let elapsed = ContinuousClock.now - start
    samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
  }
  samples.sort()
  let median = samples[samples.count / 2]
  let line = "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) "
    + String(format: "median %9.3f ms   fastest %9.3f ms   answer %d", median, samples[0], size)
  print(line)
}

func queries(_ path: String, runs: Int) throws {
  let loadStart = ContinuousClock.now
  let graph = load(path)
  print("loaded and validated \(path) in \(ContinuousClock.now - loadStart): \(graph.count) entities, "
    + "\(graph.relations.count) relations, \(graph.claims.count) claims")
  let events = graph.chronological
  guard !events.isEmpty else { fail("\(path) has no dated event", status: 1) }
  let focus = graph[events[events.count / 2]].id
  let from = try EDTFDate("1990")
  let to = try EDTFDate("1995")
  time("time window 1990-1995", runs: runs) { graph.entities(between: from, and: to).count }
  time("filtered(by:) time window 1990-1995", runs: runs) {
    graph.filtered(by: GraphFilter(from: from, to: to)).count
  }
  time("neighbourhood of '\(focus)', depth 2", runs: runs) { graph.neighbourhood(of: focus, depth: 2).count }
  time("filtered(by:) focus + depth 2", runs: runs) { graph.filtered(by: GraphFilter(focus: focus, depth: 2)).count }
  time("text match 'assault'", runs: runs) { graph.entities(matching: "assault").count }
  time("1,000 lookups by id", runs: runs) {
    var found = 0
    for position in stride(from: 0, to: events.count, by: max(1, events.count / 1_000)).prefix(1_000) {
      if graph.entity(id: graph[events[position]].id) != nil { found += 1 }
    }
    return found
  }
  time("neighbours of 1,000 events", runs: runs) {
    var total = 0
    for position in stride(from: 0, to: events.count, by: max(1, events.count / 1_000)).prefix(1_000) {
      total += graph.outgoing(from: events[position]).count + graph.incoming(to: events[position]).count
    }
    return total
  }
}

let arguments = CommandLine.arguments
switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
case (3, "validate"):
  let graph = load(arguments[2])
  print("\(graph.count) entities, \(graph.relations.count) relations, \(graph.claims.count) claims")
  withExtendedLifetime(graph) { exit(0) }
case (4, "export-json"):
  exportJSON(arguments[2], to: arguments[3])
case (5, "export"):
  export(arguments[2], arguments[3], to: arguments[4])
case (3, "queries"), (4, "queries"):
  let runs = arguments.count == 4 ? Int(arguments[3]) ?? 0 : 20
  guard runs > 0 else { fail("RUNS must be a positive number", status: 64) }
  try queries(arguments[2], runs: runs)
default:
  fail(
    """
    usage: chronicle-runner validate FILE
           chronicle-runner export-json FILE OUT
           chronicle-runner export dot|json|text FILE OUT
           chronicle-runner queries FILE [RUNS]
    """, status: 64)
}
