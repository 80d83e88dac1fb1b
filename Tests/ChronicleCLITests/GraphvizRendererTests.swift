import ChronicleGraphviz
import Foundation
import Testing

/// `GraphvizRenderer` on its own, with DOT that makes Graphviz stop early.
struct GraphvizRendererTests {
  /// Graphviz stops at the first syntax error of 5 MB of DOT, long before it could have
  /// read it all. With the DOT written to a pipe, swift-subprocess 1.0 trapped
  /// ("FileDescriptor was not closed"); the input is now a file, and the failure is an
  /// error carrying Graphviz's message.
  @Test func graphvizStoppingEarlyIsAnErrorNotACrash() async throws {
    guard graphvizInstalled else {
      #expect(!runningUnderCI, "Graphviz's dot is required under CI")
      return
    }
    let dot = Array(("digraph { a -> ; " + String(repeating: "x", count: 5_000_000) + " }\n").utf8)
    for _ in 0..<3 {
      await #expect(throws: RenderError.self) {
        _ = try await GraphvizRenderer(format: .svg, timeout: .seconds(30)).render(dot)
      }
    }
    do {
      _ = try await GraphvizRenderer(format: .svg, timeout: .seconds(30)).render(dot)
    } catch {
      #expect(error.code == .failed)
      #expect(error.message.contains("syntax error"), "\(error.message)")
    }
  }

  /// A timeout far shorter than Graphviz's start-up stops it cleanly, every time.
  @Test func timeoutsDuringStartUpAreErrors() async throws {
    guard graphvizInstalled else {
      #expect(!runningUnderCI, "Graphviz's dot is required under CI")
      return
    }
    let dot = Array("digraph { a -> b }\n".utf8)
    for milliseconds in [0, 1, 1, 2, 5, 10] {
      do {
        _ = try await GraphvizRenderer(format: .svg, timeout: .milliseconds(milliseconds)).render(dot)
      } catch {
        #expect(error.code == .timedOut || error.code == .failed, "\(error)")
      }
    }
  }
}
