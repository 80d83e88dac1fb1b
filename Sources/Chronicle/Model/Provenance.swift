/// Where a value was read from: file, path inside the document, and positions.
///
/// Provenance is bookkeeping for diagnostics. It never takes part in equality or
/// hashing, so a graph read back from its own export equals the original.
///
/// Large JSON files are read without recording every field's position: the element
/// keeps a reference to the file's bytes and its own offset, and the positions of its
/// fields are found again, by reading that element once more, only when a diagnostic
/// or ``fields`` asks for them. The answers are the same as if they had been recorded.
public struct Provenance: Hashable, Sendable {
  /// The three forms: nothing known (values made in code), an element of a file read
  /// element by element (a few words inline), or a record of everything (shared,
  /// copied on write).
  private enum Storage: Sendable {
    case empty
    case element(SourceElement)
    case record(Record)
  }

  /// Everything a provenance can say, for the values read through a tree, made in
  /// code, or merged.
  private final class Record: @unchecked Sendable {
    var file: String?
    var path: String?
    var position: TextPosition?
    var fields: [String: TextPosition]
    /// The element whose fields are found on demand, when not recorded in `fields`.
    var element: SourceElement?

    init(file: String?, path: String?, position: TextPosition?, fields: [String: TextPosition], element: SourceElement?) {
      self.file = file
      self.path = path
      self.position = position
      self.fields = fields
      self.element = element
    }

    func copy() -> Record {
      Record(file: file, path: path, position: position, fields: fields, element: element)
    }
  }

  private var storage: Storage

  /// The file, as the user named it (`-` for standard input).
  public var file: String? {
    get {
      switch storage {
      case .empty: nil
      case .element(let element): element.document.file
      case .record(let record): record.file
      }
    }
    set { mutableRecord().file = newValue }
  }

  /// The path of the element in the document, such as `entities[3]`.
  public var path: String? {
    get {
      switch storage {
      case .empty: nil
      case .element(let element): element.path
      case .record(let record): record.path
      }
    }
    set { mutableRecord().path = newValue }
  }

  /// Where the element starts.
  public var position: TextPosition? {
    get {
      switch storage {
      case .empty: nil
      case .element(let element): element.position
      case .record(let record): record.position
      }
    }
    set { mutableRecord().position = newValue }
  }

  /// Where each of its fields was written, by key.
  public var fields: [String: TextPosition] {
    get {
      switch storage {
      case .empty: return [:]
      case .element(let element): return element.recordedFields()
      case .record(let record):
        guard let element = record.element else { return record.fields }
        return element.recordedFields().merging(record.fields) { _, recorded in recorded }
      }
    }
    set {
      let record = mutableRecord()
      record.fields = newValue
      record.element = nil
    }
  }

  /// Creates a provenance record.
  public init(file: String? = nil, path: String? = nil, position: TextPosition? = nil, fields: [String: TextPosition] = [:]) {
    if file == nil, path == nil, position == nil, fields.isEmpty {
      storage = .empty
    } else {
      storage = .record(Record(file: file, path: path, position: position, fields: fields, element: nil))
    }
  }

  /// A provenance whose fields' positions are found in the file's bytes when asked for.
  init(element: SourceElement) {
    storage = .element(element)
  }

  /// Whether the provenance is an element whose fields' positions are found again on
  /// demand (nothing recorded).
  var isElement: Bool {
    if case .element = storage { return true }
    return false
  }

  /// Moves the element (see ``SourceElement/moved(lines:indices:)``); false, with
  /// nothing changed, when the provenance is not an element or the place does not fit.
  mutating func moveElement(lines: Int, indices: Int) -> Bool {
    guard case .element(let element) = storage, let moved = element.moved(lines: lines, indices: indices) else {
      return false
    }
    storage = .element(moved)
    return true
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
    guard let field else { return position }
    return recordedPosition(of: field) ?? position
  }

  /// Whether a position was recorded for `field` (the field was written, even if its
  /// value was refused).
  func hasField(_ field: String) -> Bool {
    recordedPosition(of: field) != nil
  }

  /// Records the position of one field.
  mutating func record(_ field: String, at position: TextPosition?) {
    mutableRecord().fields[field] = position
  }

  private func recordedPosition(of field: String) -> TextPosition? {
    switch storage {
    case .empty: return nil
    case .element(let element): return element.recordedFields()[field]
    case .record(let record): return record.fields[field] ?? record.element?.recordedFields()[field]
    }
  }

  /// The record, made (from the element, if any) or copied so that it is this value's own.
  private mutating func mutableRecord() -> Record {
    switch storage {
    case .empty:
      let record = Record(file: nil, path: nil, position: nil, fields: [:], element: nil)
      storage = .record(record)
      return record
    case .element(let element):
      let record = Record(
        file: element.document.file, path: element.path, position: element.position, fields: [:], element: element)
      storage = .record(record)
      return record
    case .record(var record):
      storage = .empty
      if !isKnownUniquelyReferenced(&record) { record = record.copy() }
      storage = .record(record)
      return record
    }
  }
}
