#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failing a fuzz check: the message goes to standard error and the process aborts,
/// which libFuzzer reports as a crash and saves the input that caused it.
public enum FuzzCheck {
  /// Aborts with `message` unless `condition` holds.
  @inline(never)
  public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    fail(message())
  }

  /// Aborts with `message`.
  @inline(never)
  public static func fail(_ message: String) -> Never {
    let line = Array("FUZZ CHECK FAILED: \(message)\n".utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    abort()
  }

  /// The first `limit` characters of bytes as text, for messages.
  public static func excerpt(_ bytes: [UInt8], limit: Int = 300) -> String {
    let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
    return bytes.count > limit ? text + "…" : text
  }
}
