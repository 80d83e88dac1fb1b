/// Chronicle: a typed graph of dated events, people, organisations, places and
/// documents, where every fact can carry its sources.
public enum Chronicle {
  /// The version of the library and of the `chronicle` command.
  public static let version = "0.1.0"
}
