/// Where a value was read from: file, path inside the document, and positions.
///
/// Provenance is bookkeeping for diagnostics. It never takes part in equality or
/// hashing, so a graph read back from its own export equals the original.
public struct Provenance: Hashable, Sendable {
  /// The file, as the user named it (`-` for standard input).
  public var file: String?
  /// The path of the element in the document, such as `entities[3]`.
  public var path: String?
  /// Where the element starts.
  public var position: TextPosition?
  /// Where each of its fields was written, by key.
  public var fields: [String: TextPosition]

  /// Creates a provenance record.
  public init(file: String? = nil, path: String? = nil, position: TextPosition? = nil, fields: [String: TextPosition] = [:]) {
    self.file = file
    self.path = path
    self.position = position
    self.fields = fields
  }

  /// Always true: provenance is not part of a value's identity.
  public static func == (lhs: Provenance, rhs: Provenance) -> Bool { true }
  /// Hashes nothing, to agree with `==`.
  public func hash(into hasher: inout Hasher) {}

  /// The path of one field (`entities[3].date`), or of the element when the field is nil.
  public func path(of field: String?) -> String? {
    guard let field else { return path }
    guard let path else { return field }
    return path + "." + field
  }

  /// The position of one field, falling back to the element's.
  public func position(of field: String?) -> TextPosition? {
    if let field, let found = fields[field] { return found }
    return position
  }
}
