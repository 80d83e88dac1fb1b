import Benchmark
import Chronicle

/// Timelines generated once per process, shared by the benchmarks that read them.
enum Inputs {
  static let json10k = TimelineGenerator(events: 10_000, seed: 1).bytes(.json)
  static let json100k = TimelineGenerator(events: 100_000, seed: 1).bytes(.json)
  static let yaml10k = TimelineGenerator(events: 10_000, seed: 1).bytes(.yaml)

  /// The 100k timeline read into a builder, ready to be built.
  static let builder100k: TimelineBuilder = {
    var builder = TimelineBuilder()
    TimelineReader.read(json100k, file: "generated-100k.json", format: .json, into: &builder)
    return builder
  }()

  static let graph100k = builder100k.validate().graph
}

/// Reads and validates `bytes` as the CLI's `validate` does, minus the file system.
func readAndValidate(_ bytes: [UInt8], format: InputFormat) -> ValidationResult {
  var builder = TimelineBuilder()
  TimelineReader.read(bytes, file: "generated", format: format, into: &builder)
  return builder.validate()
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    maxDuration: .seconds(20),
    maxIterations: 10
  )

  Benchmark("Generate JSON, 100k events") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(TimelineGenerator(events: 100_000, seed: 1).bytes(.json))
    }
  }

  Benchmark("JSON read + validate, 10k events", configuration: .init(maxIterations: 20)) { benchmark in
    let bytes = Inputs.json10k
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(readAndValidate(bytes, format: .json))
    }
  }

  Benchmark("JSON read + validate, 100k events") { benchmark in
    let bytes = Inputs.json100k
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(readAndValidate(bytes, format: .json))
    }
  }

  Benchmark("JSON parse only (InputNode tree), 100k events") { benchmark in
    let bytes = Inputs.json100k
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try JSONReader.read(bytes))
    }
  }

  Benchmark("YAML read + validate, 10k events") { benchmark in
    let bytes = Inputs.yaml10k
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(readAndValidate(bytes, format: .yaml))
    }
  }

  Benchmark("Graph build + validate (from a filled builder), 100k events") { benchmark in
    let builder = Inputs.builder100k
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(builder.validate())
    }
  }

  Benchmark("JSON export, 100k events") { benchmark in
    let graph = Inputs.graph100k
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(JSONExporter(pretty: true).export(graph))
    }
  }

  Benchmark("Query: time window 1990-1995, 100k events", configuration: .init(maxIterations: 50)) { benchmark in
    let graph = Inputs.graph100k
    let from = try EDTFDate("1990")
    let to = try EDTFDate("1995")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(graph.entities(between: from, and: to))
    }
  }

  Benchmark("Query: filtered by time window, 100k events") { benchmark in
    let graph = Inputs.graph100k
    let filter = GraphFilter(from: try EDTFDate("1990"), to: try EDTFDate("1995"))
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(graph.filtered(by: filter))
    }
  }

  Benchmark("Query: focus + depth 2, 100k events", configuration: .init(maxIterations: 50)) { benchmark in
    let graph = Inputs.graph100k
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(graph.neighbourhood(of: "event-50000", depth: 2))
    }
  }

  Benchmark("Query: filtered by focus + depth 2, 100k events") { benchmark in
    let graph = Inputs.graph100k
    let filter = GraphFilter(focus: "event-50000", depth: 2)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(graph.filtered(by: filter))
    }
  }

  Benchmark("Query: text match 'assault', 100k events") { benchmark in
    let graph = Inputs.graph100k
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(graph.entities(matching: "assault"))
    }
  }
}
