internal import CYaml

/// Reads a YAML document with libyaml's event API, one value at a time, into the
/// ``InputNode``s that ``YAMLReader`` would build for it, without a tree of the file.
///
/// It follows ``YAMLReader``'s rules exactly (plain, quoted and null scalars; the tags
/// `!` and `!!str` only; ``YAMLReader/maximumDepth``; the alias budget; keys unique) but
/// reports none of their errors: whatever ``YAMLReader`` would refuse, and whatever
/// this reader does not handle (aliases, keys that are not text, several documents,
/// libyaml's errors), throws ``Unhandled``, and the file is then read through the
/// tree, which reports it. So every value this reader returns is the one the tree
/// holds at that place.
///
///     let bytes = Array("entities:\n  - id: a\n".utf8)
///     try bytes.withUnsafeBufferPointer { buffer in
///       let reader = YAMLEventReader(buffer, byteCount: buffer.count)
///       _ = try reader.next()  // the stream's start, then the document's…
///     }
final class YAMLEventReader {
  /// Thrown for anything this reader leaves to ``YAMLReader``: the file must be read as a tree.
  struct Unhandled: Error {}

  /// The kinds of event the reader tells apart.
  enum Kind: Equatable {
    case streamStart, streamEnd, documentStart, documentEnd
    case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    case scalar, alias
  }

  /// libyaml's parser, at a fixed address (libyaml keeps a pointer to it).
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  /// The current event, owned until the next one is read.
  private let event: UnsafeMutablePointer<yaml_event_t>
  private var holdsEvent = false
  /// The values (keys included) and bytes of text read so far, against the alias budget
  /// of ``YAMLReader/valueLimit(byteCount:)`` and ``YAMLReader/textLimit(byteCount:)``.
  private var valueCount = 0
  private var textCount = 0
  private let valueLimit: Int
  private let textLimit: Int

  /// A reader of `bytes` (UTF-8 without its byte order mark, kept alive and unchanged
  /// by the caller as long as the reader is used); `byteCount` is the whole file's
  /// size, byte order mark included, which sets the alias budget.
  init(_ bytes: UnsafeBufferPointer<UInt8>, byteCount: Int) {
    parser = .allocate(capacity: 1)
    event = .allocate(capacity: 1)
    yaml_parser_initialize(parser)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    valueLimit = YAMLReader.valueLimit(byteCount: byteCount)
    textLimit = YAMLReader.textLimit(byteCount: byteCount)
  }

  deinit {
    if holdsEvent { yaml_event_delete(event) }
    yaml_parser_delete(parser)
    parser.deallocate()
    event.deallocate()
  }

  /// Reads the next event and returns its kind.
  ///
  ///     try reader.next() == .streamStart  // at the start of every file
  @discardableResult
  func next() throws(Unhandled) -> Kind {
    if holdsEvent {
      yaml_event_delete(event)
      holdsEvent = false
    }
    guard yaml_parser_parse(parser, event) == 1 else { throw Unhandled() }
    holdsEvent = true
    return kind
  }

  /// The kind of the current event.
  var kind: Kind {
    switch event.pointee.type {
    case YAML_STREAM_START_EVENT: .streamStart
    case YAML_STREAM_END_EVENT: .streamEnd
    case YAML_DOCUMENT_START_EVENT: .documentStart
    case YAML_DOCUMENT_END_EVENT: .documentEnd
    case YAML_SEQUENCE_START_EVENT: .sequenceStart
    case YAML_SEQUENCE_END_EVENT: .sequenceEnd
    case YAML_MAPPING_START_EVENT: .mappingStart
    case YAML_MAPPING_END_EVENT: .mappingEnd
    case YAML_SCALAR_EVENT: .scalar
    default: .alias
    }
  }

  /// Where the current event starts (libyaml counts from 0; Yams, and so
  /// ``YAMLReader``, from 1).
  var position: TextPosition {
    TextPosition(line: Int(event.pointee.start_mark.line) + 1, column: Int(event.pointee.start_mark.column) + 1)
  }

  /// Checks the current event, a sequence's or mapping's start at `depth` (the root at
  /// 0), as ``YAMLReader`` does: no tag but `!`, not too deep; and counts it.
  ///
  ///     try reader.enterCollection(depth: 1)  // the list of entities
  func enterCollection(depth: Int) throws(Unhandled) {
    // Yams reads a collection's tag only when libyaml says it is not implicit.
    let tag: UnsafeMutablePointer<yaml_char_t>?
    if kind == .mappingStart {
      tag = event.pointee.data.mapping_start.implicit != 0 ? nil : event.pointee.data.mapping_start.tag
    } else {
      tag = event.pointee.data.sequence_start.implicit != 0 ? nil : event.pointee.data.sequence_start.tag
    }
    if let tag, tag[0] != 0, !(tag[0] == UInt8(ascii: "!") && tag[1] == 0) { throw Unhandled() }
    guard depth < YAMLReader.maximumDepth else { throw Unhandled() }
    try count()
  }

  /// The current event, a mapping key, as text; keys that are not text (or tagged
  /// otherwise than `!` and `!!str`) are left to the tree.
  func key() throws(Unhandled) -> (key: String, position: TextPosition) {
    guard kind == .scalar else { throw Unhandled() }
    try count()
    let scalar = event.pointee.data.scalar
    if scalar.quoted_implicit != 1, let tag = scalar.tag, tag[0] != 0, !Self.isTextTag(tag) { throw Unhandled() }
    return (try text(), position)
  }

  /// The value that starts at the current event, read whole; the reader is then at
  /// its last event (the scalar itself, or the end of the collection).
  ///
  ///     _ = try reader.next()
  ///     let node = try reader.value(depth: 2)  // an element of a top-level list
  func value(depth: Int) throws(Unhandled) -> InputNode {
    let position = self.position
    switch kind {
    case .scalar:
      try count()
      return InputNode(try scalarValue(), at: position)
    case .sequenceStart:
      try enterCollection(depth: depth)
      var elements: [InputNode] = []
      while try next() != .sequenceEnd {
        elements.append(try value(depth: depth + 1))
      }
      return InputNode(.array(elements), at: position)
    case .mappingStart:
      try enterCollection(depth: depth)
      var members: [InputMember] = []
      while try next() != .mappingEnd {
        let (key, keyPosition) = try self.key()
        _ = try next()
        members.append(InputMember(key: key, keyPosition: keyPosition, value: try value(depth: depth + 1)))
      }
      if members.count > 1 { try Self.checkUnique(members) }
      return InputNode(.object(members), at: position)
    default:
      // An alias (or an event no value starts with).
      throw Unhandled()
    }
  }

  /// Leaves a mapping with a key written twice to the tree, which reports it. Keys
  /// compare as Swift strings do (canonically equivalent texts are equal), as in Yams'
  /// check and ``YAMLReader``'s.
  static func checkUnique(_ members: [InputMember]) throws(Unhandled) {
    if members.count <= 12 {
      for index in 1..<members.count {
        let key = members[index].key
        for earlier in 0..<index where members[earlier].key == key { throw Unhandled() }
      }
      return
    }
    var keys = Set<String>(minimumCapacity: members.count)
    for member in members where !keys.insert(member.key).inserted { throw Unhandled() }
  }

  /// The current scalar's value, by style and tag, as ``YAMLReader`` reads it.
  private func scalarValue() throws(Unhandled) -> InputNode.Value {
    let scalar = event.pointee.data.scalar
    // Yams gives quoted and block scalars without a tag the tag `!!str`.
    if scalar.quoted_implicit == 1 { return .string(try text()) }
    if let tag = scalar.tag, tag[0] != 0 {
      guard Self.isTextTag(tag) else { throw Unhandled() }
      return .string(try text())
    }
    guard scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE else {
      return .string(try text())
    }
    if Self.isNull(scalarBytes) { return .null }
    return .plain(try text())
  }

  /// The current scalar's text, counted against the text budget. Yams decodes it with
  /// Foundation, which drops one leading byte order mark (U+FEFF): so does this.
  private func text() throws(Unhandled) -> String {
    let bytes = scalarBytes
    textCount += bytes.count
    guard textCount <= textLimit else { throw Unhandled() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The current scalar's bytes, without a leading byte order mark (see ``text()``).
  private var scalarBytes: UnsafeBufferPointer<UInt8> {
    let scalar = event.pointee.data.scalar
    let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      return UnsafeBufferPointer(rebasing: bytes[3...])
    }
    return bytes
  }

  /// Counts one value against the value budget.
  private func count() throws(Unhandled) {
    valueCount += 1
    guard valueCount <= valueLimit else { throw Unhandled() }
  }

  /// Whether a plain scalar's bytes are a YAML 1.2 core null: empty, `~`, `null`, `Null`, `NULL`.
  private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch bytes.count {
    case 0: return true
    case 1: return bytes[0] == UInt8(ascii: "~")
    case 4:
      let word = (UInt32(bytes[0]) << 24) | (UInt32(bytes[1]) << 16) | (UInt32(bytes[2]) << 8) | UInt32(bytes[3])
      return word == 0x6E75_6C6C || word == 0x4E75_6C6C || word == 0x4E55_4C4C  // null, Null, NULL
    default: return false
    }
  }

  /// Whether a tag is the non-specific `!` or `tag:yaml.org,2002:str`.
  private static func isTextTag(_ tag: UnsafeMutablePointer<yaml_char_t>) -> Bool {
    if tag[0] == UInt8(ascii: "!") && tag[1] == 0 { return true }
    var index = 0
    for byte in strTag {
      guard tag[index] == byte else { return false }
      index += 1
    }
    return tag[index] == 0
  }

  private static let strTag = Array("tag:yaml.org,2002:str".utf8)
}
