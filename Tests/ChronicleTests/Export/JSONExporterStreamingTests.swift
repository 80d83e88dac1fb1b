import Testing

@testable import Chronicle

/// ``JSONExporter/export(_:chunkBytes:to:)`` hands out the bytes of ``JSONExporter/export(_:)``.
@Suite struct JSONExporterStreamingTests {
  @Test(arguments: [true, false], [1, 64, 1 << 20])
  func streamsTheSameBytes(pretty: Bool, chunkBytes: Int) throws {
    let graph = try chronologySample()
    let exporter = JSONExporter(pretty: pretty)
    var streamed: [UInt8] = []
    var pieces = 0
    exporter.export(graph, chunkBytes: chunkBytes) { chunk in
      streamed.append(contentsOf: chunk)
      pieces += 1
    }
    #expect(streamed == exporter.export(graph))
    if chunkBytes == 1 { #expect(pieces > graph.count) }
  }

  /// ``DOTExporter/export(_:chunkBytes:to:)`` hands out the bytes of ``DOTExporter/export(_:)``,
  /// in pieces that end with whole statements.
  @Test(arguments: [DOTOptions.View.timeline, .network], [1, 256, 1 << 20])
  func dotStreamsTheSameBytes(view: DOTOptions.View, chunkBytes: Int) throws {
    let graph = try dotExportSample()
    for layout in [DOTOptions.Layout.ranked, .pinned] {
      let exporter = DOTExporter(options: DOTOptions(view: view, layout: layout))
      var streamed: [UInt8] = []
      var pieces: [[UInt8]] = []
      exporter.export(graph, chunkBytes: chunkBytes) { chunk in
        streamed.append(contentsOf: chunk)
        pieces.append(Array(chunk))
      }
      #expect(streamed == exporter.export(graph))
      #expect(pieces.allSatisfy { $0.last == 0x0A })
      if chunkBytes == 1 { #expect(pieces.count > graph.count) } else if chunkBytes == 1 << 20 { #expect(pieces.count == 1) }
    }
  }

  /// Entities, relations and claims written in blocks on two threads give the bytes one
  /// thread gives, pretty or compact, whole or streamed, with blocks of every size.
  @Test(arguments: [true, false])
  func writingOnTwoThreadsGivesTheSameBytes(pretty: Bool) throws {
    let graphs = [try chronologySample(), try TimelineGenerator(events: 200, seed: 4).graph()]
    for graph in graphs {
      var alone = JSONExporter(pretty: pretty)
      alone.parallelItems = .max
      let expected = alone.export(graph)
      for (threshold, block) in [(0, 1), (1, 7), (10, 64), (100, 8_192), (1_000, 3)] {
        var together = alone
        together.parallelItems = threshold
        together.blockItems = block
        // Compared as a flag: a failure would print the whole document.
        let same = together.export(graph) == expected
        #expect(same, "threshold \(threshold), blocks of \(block)")
        var streamed: [UInt8] = []
        var pieces: [Int] = []
        together.export(graph, chunkBytes: 512) { piece in
          streamed.append(contentsOf: piece)
          pieces.append(piece.count)
        }
        let sameStreamed = streamed == expected
        #expect(sameStreamed, "threshold \(threshold), blocks of \(block), streamed")
        #expect(pieces.allSatisfy { $0 > 0 && $0 <= 512 }, "threshold \(threshold), pieces \(pieces.max() ?? 0)")
      }
    }
  }
}
