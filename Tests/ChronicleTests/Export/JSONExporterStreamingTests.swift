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
}
