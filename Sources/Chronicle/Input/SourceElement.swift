/// One element of a top-level list (`entities[3]`) inside a file's bytes (in memory or
/// read again from the file), so that the positions of its fields can be found when a
/// diagnostic needs them instead of being recorded for every element of a large file.
struct SourceElement: Sendable {
  /// The top-level lists whose elements are read this way.
  enum Section: UInt8, Sendable {
    case relationTypes, entities, relations, claims

    /// The list's key.
    var name: String {
      switch self {
      case .relationTypes: "relationTypes"
      case .entities: "entities"
      case .relations: "relations"
      case .claims: "claims"
      }
    }

    init?(name: String) {
      switch name {
      case "relationTypes": self = .relationTypes
      case "entities": self = .entities
      case "relations": self = .relations
      case "claims": self = .claims
      default: return nil
      }
    }
  }

  /// The file's bytes.
  let document: SourceDocument
  /// The offset of the element's first byte (files are at most 2 GiB).
  private let offset: UInt32
  /// The list the element is in (the top two bits) and its index in the list (the
  /// others), packed so that the element, and a ``Provenance``, take 24 bytes.
  private let sectionAndIndex: UInt32
  /// The line and column where the element starts.
  private let line: UInt32
  private let column: UInt32

  /// The largest index that fits beside the section.
  static let maximumIndex = Int(UInt32.max >> 2)

  /// An element, or nil when its place does not fit the compact form (then its fields
  /// are recorded instead).
  init?(document: SourceDocument, offset: Int, section: Section, index: Int, position: TextPosition) {
    guard let offset = UInt32(exactly: offset), index >= 0, index <= Self.maximumIndex,
      let line = UInt32(exactly: position.line), let column = UInt32(exactly: position.column)
    else { return nil }
    self.document = document
    self.offset = offset
    self.sectionAndIndex = UInt32(section.rawValue) << 30 | UInt32(index)
    self.line = line
    self.column = column
  }

  /// The element's index in its list.
  var index: UInt32 { sectionAndIndex & (UInt32.max >> 2) }

  /// The list the element is in.
  var section: Section { Section(rawValue: UInt8(sectionAndIndex >> 30)) ?? .entities }

  /// Where the element starts.
  var position: TextPosition { TextPosition(line: Int(line), column: Int(column)) }

  /// The element of a part of the file read on its own (its lines counted from the
  /// part's first line, its index from the part's first element), placed in the file:
  /// `lines` and `indices` further on. Nil when the place does not fit the compact form.
  func moved(lines: Int, indices: Int) -> SourceElement? {
    SourceElement(
      document: document, offset: Int(offset), section: section, index: Int(index) + indices,
      position: TextPosition(line: Int(line) + lines, column: Int(column)))
  }

  /// `entities[3]`.
  var path: String { "\(section.name)[\(index)]" }

  /// The positions the decoder records for this element's fields, by field
  /// (`date`, `sources[0].document`…): the element is read again and decoded.
  func recordedFields() -> [String: TextPosition] {
    let node = document.withElement(at: Int(offset)) { buffer, start in
      var parser = JSONByteParser(buffer, startingAt: start, position: position)
      return try? parser.parseElement()
    }
    guard let node else { return [:] }
    var decoder = TimelineDecoder(file: document.file)
    return decoder.recordedFields(of: node, section: section, index: Int(index))
  }
}
