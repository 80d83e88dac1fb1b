/// A value read from a timeline file (JSON or YAML), with the place it was written.
///
/// Both readers produce this tree so that one decoder turns either format into
/// a graph and every diagnostic can name a line and column.
///
///     let root = try JSONReader.read(bytes)
///     if case .object(let members) = root.value { print(members.map(\.key)) }
public struct InputNode: Hashable, Sendable {
  /// The kinds of value a timeline file can hold.
  public enum Value: Hashable, Sendable {
    /// An object (JSON) or mapping (YAML), members in the order written; keys are unique.
    case object([InputMember])
    /// An array (JSON) or sequence (YAML).
    case array([InputNode])
    /// A JSON string, or a quoted or block YAML scalar: always text.
    case string(String)
    /// A plain (unquoted) YAML scalar, kept as the text written: `no`, `012` and
    /// `1992-02-26` are not converted. The decoder reads it as text, or as a number
    /// where a number is expected.
    case plain(String)
    /// A JSON number, as the digits written (`1e3` stays `1e3`).
    case number(String)
    /// A JSON `true` or `false`.
    case bool(Bool)
    /// A JSON `null`, or a YAML null (empty plain scalar, `~`, `null`).
    case null
  }

  /// The value.
  public var value: Value
  /// Where the value starts in its file.
  public var position: TextPosition

  /// Creates a node.
  public init(_ value: Value, at position: TextPosition) {
    self.value = value
    self.position = position
  }
}

/// One member of an object: its key, where the key was written, and its value.
public struct InputMember: Hashable, Sendable {
  /// The key's text.
  public var key: String
  /// Where the key starts.
  public var keyPosition: TextPosition
  /// The member's value.
  public var value: InputNode

  /// Creates a member.
  public init(key: String, keyPosition: TextPosition, value: InputNode) {
    self.key = key
    self.keyPosition = keyPosition
    self.value = value
  }
}
