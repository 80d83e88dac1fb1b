import Yams

/// Reads one YAML document into an ``InputNode`` tree with the line and column of every
/// value, using Yams' `compose` (libyaml) and never its typed `load`.
///
/// Scalars keep the text written: a plain scalar is `.plain` (`no`, `on`, `012`, `0x1F`,
/// `1e3`, `.nan`, `1992-02-26` are not converted) except the YAML 1.2 core nulls
/// (empty, `~`, `null`, `Null`, `NULL`), which are `.null`; quoted and block scalars are
/// `.string`. The tag `!!str` (and the non-specific `!`) is accepted; any other explicit
/// tag is an error, never acted on. Anchors and aliases expand, within
/// ``valueLimit(byteCount:)`` values and ``textLimit(byteCount:)`` bytes of text. A UTF-8 byte order mark is skipped, as in
/// ``JSONReader``. Columns count Unicode scalars; CR, LF, CRLF, NEL, LS and PS end lines,
/// as libyaml counts them.
///
/// Not supported (an error each): several documents, keys that are not scalars,
/// aliases as keys, and collection or `?` keys in a file that uses aliases (Yams hashes
/// every key in full, so an aliased key could take exponential time before any limit applies).
/// Merge keys (`<<`) are ordinary keys.
///
/// ``TimelineReader`` reads a timeline without this tree when it can: ``YAMLEventReader``
/// follows the same rules one element at a time, and leaves to this reader every file
/// it refuses, so that the diagnostics are this reader's.
///
///     let root = try YAMLReader.read(Array("id: e1\ndate: 1992-02-26\n".utf8))
///     if case .object(let members) = root.value {
///       print(members[1].value.value, members[1].value.position)  // plain("1992-02-26") 2:7
///     }
public enum YAMLReader {
  /// The deepest nesting of sequences and mappings read, as in ``JSONReader/maximumDepth``.
  /// libyaml itself stops at about 1,000 levels, which bounds the recursion in Yams.
  ///
  ///     _ = try YAMLReader.read(String(repeating: "[", count: 10_000))  // throws .tooDeep
  public static let maximumDepth = JSONReader.maximumDepth

  /// The number of values (keys included) that aliases may always expand to.
  ///
  ///     YAMLReader.valueLimit(byteCount: 0) == YAMLReader.baseValueLimit  // true
  public static let baseValueLimit = 100_000

  /// The most values (keys included) a document of `byteCount` bytes may hold once
  /// aliases are expanded: ``baseValueLimit`` plus four per byte, more than any document
  /// without aliases can hold. A "billion laughs" document stops there, quickly and with
  /// bounded memory.
  ///
  ///     YAMLReader.valueLimit(byteCount: 400)  // 101_600
  public static func valueLimit(byteCount: Int) -> Int {
    baseValueLimit + 4 * byteCount
  }

  /// The most bytes of text (scalars and keys, added up) a document of `byteCount`
  /// bytes may hold once aliases are expanded: 1 MB plus four per byte. Without it a
  /// long string aliased many times would stay under ``valueLimit(byteCount:)`` and
  /// still expand a small file into gigabytes of output.
  ///
  ///     YAMLReader.textLimit(byteCount: 1_000)  // 1_004_000
  public static func textLimit(byteCount: Int) -> Int {
    1_000_000 + 4 * byteCount
  }

  /// Reads a YAML document from its bytes, which must be UTF-8.
  ///
  ///     let root = try YAMLReader.read(Array("events: []\n".utf8))
  public static func read(_ bytes: [UInt8]) throws(InputError) -> InputNode {
    try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> InputNode in
      try read(buffer)
    }
  }

  /// Reads a YAML document from text.
  ///
  ///     let root = try YAMLReader.read("name: 叶\n")
  public static func read(_ text: String) throws(InputError) -> InputNode {
    try read(Array(text.utf8))
  }

  private static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputError) -> InputNode {
    let bomLength = InputFormat.byteOrderMarkLength(bytes)
    try checkBytes(bytes, from: bomLength)
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[bomLength...]), as: UTF8.self)
    let composed: Node?
    do {
      // `Resolver.basic` has no rules: scalars keep their text, and Yams' duplicate-key
      // check, which resolves each key's tag, treats `1` and `"1"` as the same key.
      composed = try compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
    } catch let error as YamlError {
      throw inputError(from: error, in: bytes)
    } catch {
      throw InputError(.malformedYAML, InputError.quoted(String(describing: error)))
    }
    guard let composed else {
      throw InputError(
        .emptyFile, "the file is empty; expected a YAML mapping",
        position: InputFormat.position(ofByteOffset: bytes.count, in: bytes, unicodeBreaks: true),
        byteOffset: bytes.count)
    }
    var walker = YAMLTreeWalker(bytes: bytes, valueLimit: valueLimit(byteCount: bytes.count))
    return try walker.convert(composed, depth: 0)
  }
}

// MARK: - Checks before Yams

extension YAMLReader {
  /// Checks the bytes that Yams would mishandle: ill-formed UTF-8 and characters libyaml
  /// rejects (so the errors match ``JSONReader``'s, with byte offsets), and keys through
  /// which aliases could make Yams hash exponentially many nodes.
  ///
  /// Returns whether the file may use aliases: it writes some `*name` after a blank or
  /// a flow indicator, and `&name` too (true for every file that uses an alias).
  @discardableResult
  static func checkBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(InputError) -> Bool {
    var scan = AliasKeyScan()
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
          throw disallowedCharacter(Unicode.Scalar(byte), at: index, in: bytes)
        }
        index = scan.look(at: index, in: bytes)
        continue
      }
      guard let length = InputFormat.utf8SequenceLength(at: index, in: bytes) else {
        throw InputFormat.invalidUTF8(at: index, in: bytes, unicodeBreaks: true)
      }
      // C1 controls other than NEL, and the noncharacters U+FFFE and U+FFFF.
      if (byte == 0xC2 && bytes[index + 1] < 0xA0 && bytes[index + 1] != 0x85)
        || (byte == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)
      {
        if let scalar = InputFormat.scalar(at: index, in: bytes) {
          throw disallowedCharacter(scalar, at: index, in: bytes)
        }
      }
      scan.previous = 0x80
      index += length
    }
    if let (offset, found) = scan.riskyKey() {
      throw InputError(
        .unsupportedYAML,
        "\(found) is not supported in a file with aliases; write keys as plain or quoted text",
        position: InputFormat.position(ofByteOffset: offset, in: bytes, unicodeBreaks: true),
        byteOffset: offset)
    }
    return !scan.anchors.isDisjoint(with: scan.aliases)
  }

  private static func disallowedCharacter(
    _ scalar: Unicode.Scalar, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> InputError {
    InputError(
      .malformedYAML,
      "\(scalar.properties.generalCategory == .control ? "control character" : "character") "
        + "U+\(InputError.hex(scalar.value)) is not allowed in YAML; expected text",
      position: InputFormat.position(ofByteOffset: offset, in: bytes, unicodeBreaks: true),
      byteOffset: offset)
  }
}

/// A deliberately crude look for aliases that could end up inside mapping keys.
///
/// Yams checks duplicate keys by hashing every key in full, aliases expanded, before the
/// reader sees the tree: `? *laughs` would run for hours. Keys can only hold an alias as
/// `*name:`, as a flow collection (`[…]:`, `{…}:`) or after `?`, so when the file defines
/// an anchor that some `*name` could refer to, those patterns are refused wherever they
/// appear, quoted text and comments included (`"see [1]: *D"` next to an anchor `&D`
/// is refused too). A file without aliases is never refused.
private struct AliasKeyScan {
  /// Names after `&` and after `*`.
  var anchors: Set<String> = []
  var aliases: Set<String> = []
  /// `*name` followed by `:`, with the offset of the `*`.
  var aliasKeys: [(offset: Int, name: String)] = []
  /// The first `]:`, `}:` or `?` that could start a key.
  var firstCollectionKey: (offset: Int, found: String)?
  /// The byte before the one looked at (0x80 for any non-ASCII scalar; a line break at the start).
  var previous: UInt8 = 0x0A

  /// Looks at the ASCII byte at `index`; returns the index of the next byte to look at.
  mutating func look(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let byte = bytes[index]
    defer { previous = byte }
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "*"):
      guard Self.isTokenBoundary(previous) else { return index + 1 }
      var nameEnd = index + 1
      while nameEnd < bytes.count && Self.isAnchorCharacter(bytes[nameEnd]) { nameEnd += 1 }
      guard nameEnd > index + 1 else { return index + 1 }
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<nameEnd]), as: UTF8.self)
      if byte == UInt8(ascii: "&") {
        anchors.insert(name)
      } else {
        aliases.insert(name)
        if Self.colonFollows(nameEnd, in: bytes) { aliasKeys.append((index, name)) }
      }
      return nameEnd
    case UInt8(ascii: "]"), UInt8(ascii: "}"):
      if firstCollectionKey == nil && Self.colonFollows(index + 1, in: bytes) {
        firstCollectionKey = (index, "a collection as a key ('\(Unicode.Scalar(byte)):')")
      }
    case UInt8(ascii: "?"):
      if firstCollectionKey == nil && Self.isTokenBoundary(previous) {
        firstCollectionKey = (index, "an explicit key ('?')")
      }
    default:
      break
    }
    return index + 1
  }

  /// The first pattern to refuse, if the file has an alias whose anchor it defines.
  func riskyKey() -> (offset: Int, found: String)? {
    guard !anchors.isDisjoint(with: aliases) else { return nil }
    let aliasKey = aliasKeys.first { anchors.contains($0.name) }
    var candidates: [(offset: Int, found: String)] = []
    if let aliasKey {
      candidates.append((aliasKey.offset, "an alias as a key (\(InputError.quoted("*" + aliasKey.name, quote: "'")))"))
    }
    if let firstCollectionKey { candidates.append(firstCollectionKey) }
    return candidates.min { $0.offset < $1.offset }
  }

  /// Whether a token (`&a`, `*a`, `?`) can start after `byte`: a blank, a line break,
  /// a flow indicator or `:`/`?` (in flow). Any non-ASCII byte counts, since NEL, LS and
  /// PS break lines in libyaml.
  static func isTokenBoundary(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0A, 0x0D, 0x80...0xFF, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
      UInt8(ascii: ":"), UInt8(ascii: "?"):
      return true
    default:
      return false
    }
  }

  /// libyaml's anchor characters: ASCII letters, digits, `_` and `-`.
  static func isAnchorCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"), UInt8(ascii: "-"):
      return true
    default:
      return false
    }
  }

  /// Whether `:` comes at `index` after spaces or tabs.
  static func colonFollows(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = index
    while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
    return index < bytes.count && bytes[index] == UInt8(ascii: ":")
  }
}

// MARK: - Yams errors

extension YAMLReader {
  /// `error` in words with its place, without Yams' copy of the document and caret.
  static func inputError(from error: YamlError, in bytes: UnsafeBufferPointer<UInt8>) -> InputError {
    func located(_ code: Diagnostic.Code, _ message: String, _ mark: Mark) -> InputError {
      let position = TextPosition(line: mark.line, column: mark.column)
      return InputError(
        code, message, position: position,
        byteOffset: InputFormat.byteOffset(of: position, in: bytes, unicodeBreaks: true))
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      if problem.hasPrefix("Maximum nesting level") {
        // libyaml stops at its own limit, 1,000 levels, before Chronicle's can be checked.
        return located(
          .tooDeep, "sequences and mappings nested 1,000 levels deep or more (the YAML parser's own limit); "
            + "expected at most \(maximumDepth) levels", mark)
      }
      if problem == "but found another document" {
        return located(.unsupportedYAML, "expected one YAML document; found a second one", mark)
      }
      var message = problem
      if let context { message += " (\(context.text) at \(context.mark))" }
      return located(.malformedYAML, message, mark)
    case .reader(let problem, let offset, _, let yaml):
      // checkBytes catches what libyaml's reader rejects; this is a fallback.
      let bomLength = InputFormat.byteOrderMarkLength(bytes)
      guard let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
        return InputError(.malformedYAML, problem)
      }
      let byteOffset = bomLength + yaml.utf8.distance(from: yaml.utf8.startIndex, to: index)
      return InputError(
        .malformedYAML, problem,
        position: InputFormat.position(ofByteOffset: byteOffset, in: bytes, unicodeBreaks: true),
        byteOffset: byteOffset)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.min() ?? ""
      let first = TextPosition(line: context.mark.line, column: context.mark.column)
      if let again = repeatedBlockKey(key, after: first, in: bytes) {
        return InputError(
          .duplicateKey, "duplicate key \(InputError.quoted(key)) (first at \(first))",
          position: again.position, byteOffset: again.byteOffset)
      }
      return located(
        .duplicateKey, "duplicate key \(InputError.quoted(key)) (written again later in this mapping)",
        context.mark)
    case .memory:
      return InputError(.malformedYAML, "out of memory while reading YAML")
    default:
      return InputError(.malformedYAML, InputError.quoted(String(describing: error)))
    }
  }

  /// The place where block-mapping key `key`, first written at `first`, is written again:
  /// the next line indented as much that starts with the key and `:`. Yams names only the
  /// first place; this finds the second for the usual block style, and gives up (`nil`)
  /// at the end of the mapping or for flow mappings.
  static func repeatedBlockKey(
    _ key: String, after first: TextPosition, in bytes: UnsafeBufferPointer<UInt8>
  ) -> (position: TextPosition, byteOffset: Int)? {
    guard let firstOffset = InputFormat.byteOffset(of: first, in: bytes, unicodeBreaks: true) else { return nil }
    let indent = first.column - 1
    let spellings = [Array(key.utf8), Array("\"\(key)\"".utf8), Array("'\(key)'".utf8)]
    var line = first.line
    var index = firstOffset
    while index < bytes.count {
      // Go to the start of the next line.
      var breakLength = 0
      while index < bytes.count {
        breakLength = InputFormat.lineBreakLength(at: index, in: bytes, unicodeBreaks: true)
        if breakLength > 0 { break }
        index += 1
      }
      guard breakLength > 0 else { return nil }
      index += breakLength
      line += 1
      var spaces = 0
      while index + spaces < bytes.count && bytes[index + spaces] == 0x20 { spaces += 1 }
      let contentStart = index + spaces
      guard contentStart < bytes.count else { return nil }
      let content = bytes[contentStart]
      if content == 0x0A || content == 0x0D || content == UInt8(ascii: "#") { continue }
      if spaces < indent { return nil }
      guard spaces == indent else { continue }
      for spelling in spellings where bytes[contentStart...].starts(with: spelling) {
        if AliasKeyScan.colonFollows(contentStart + spelling.count, in: bytes) {
          return (TextPosition(line: line, column: indent + 1), contentStart)
        }
      }
    }
    return nil
  }
}

// MARK: - From Yams nodes to input nodes

/// Turns a composed Yams tree into ``InputNode``s, counting values against the alias
/// budget and checking depth before going down.
private struct YAMLTreeWalker {
  let bytes: UnsafeBufferPointer<UInt8>
  let valueLimit: Int
  var valueCount = 0
  /// The most bytes of text the scalars may hold once aliases are expanded: without
  /// aliases a document holds fewer than its own size.
  let textLimit: Int
  var textCount = 0

  init(bytes: UnsafeBufferPointer<UInt8>, valueLimit: Int) {
    self.bytes = bytes
    self.valueLimit = valueLimit
    self.textLimit = YAMLReader.textLimit(byteCount: bytes.count)
  }

  mutating func convert(_ node: Node, depth: Int) throws(InputError) -> InputNode {
    let position = Self.position(of: node.mark)
    try count(at: position)
    switch node {
    case .scalar(let scalar):
      try countText(scalar.string, at: position)
      return InputNode(try value(of: scalar, at: position), at: position)
    case .sequence(let sequence):
      try checkCollection(tag: sequence.tag, depth: depth, at: position)
      var elements: [InputNode] = []
      elements.reserveCapacity(sequence.count)
      for element in sequence {
        elements.append(try convert(element, depth: depth + 1))
      }
      return InputNode(.array(elements), at: position)
    case .mapping(let mapping):
      try checkCollection(tag: mapping.tag, depth: depth, at: position)
      var members: [InputMember] = []
      members.reserveCapacity(mapping.count)
      var firstPositionByKey: [String: TextPosition] = [:]
      for (keyNode, valueNode) in mapping {
        let (key, keyPosition) = try self.key(keyNode)
        if let first = firstPositionByKey.updateValue(keyPosition, forKey: key) {
          throw error(.duplicateKey, "duplicate key \(InputError.quoted(key)) (first at \(first))", at: keyPosition)
        }
        members.append(InputMember(key: key, keyPosition: keyPosition, value: try convert(valueNode, depth: depth + 1)))
      }
      return InputNode(.object(members), at: position)
    case .alias:
      // `compose` resolves aliases to the anchored node; an unresolved one is a Yams change.
      throw error(.unsupportedYAML, "unresolved alias", at: position)
    }
  }

  /// A scalar's value: text, plain text or null, by style and tag.
  private func value(of scalar: Node.Scalar, at position: TextPosition) throws(InputError) -> InputNode.Value {
    switch scalar.tag.rawValue {
    case "":
      guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
      switch scalar.string {
      case "", "~", "null", "Null", "NULL": return .null
      default: return .plain(scalar.string)
      }
    case "!", Tag.Name.str.rawValue:
      return .string(scalar.string)
    default:
      throw unsupportedTag(scalar.tag, at: position)
    }
  }

  /// A mapping key's text and place. Yams has resolved the tags of keys while checking
  /// for duplicates (an untagged key now reads `!!str`), so only a tag written in the
  /// file can be anything else.
  private mutating func key(_ node: Node) throws(InputError) -> (String, TextPosition) {
    let position = Self.position(of: node.mark)
    try count(at: position)
    guard case .scalar(let scalar) = node else {
      let kind = if case .mapping = node { "a mapping" } else { "a sequence" }
      throw error(.unsupportedYAML, "a mapping key must be text; found \(kind)", at: position)
    }
    try countText(scalar.string, at: position)
    switch scalar.tag.rawValue {
    case "", "!", Tag.Name.str.rawValue: return (scalar.string, position)
    default: throw unsupportedTag(scalar.tag, at: position)
    }
  }

  /// Sequences and mappings may have no tag but the non-specific `!`, and may not nest
  /// deeper than ``YAMLReader/maximumDepth``.
  private func checkCollection(tag: Tag, depth: Int, at position: TextPosition) throws(InputError) {
    if tag.rawValue != "" && tag.rawValue != "!" { throw unsupportedTag(tag, at: position) }
    guard depth < YAMLReader.maximumDepth else {
      throw error(
        .tooDeep,
        "sequences and mappings nested more than \(YAMLReader.maximumDepth) levels deep; expected at most "
          + "\(YAMLReader.maximumDepth) levels", at: position)
    }
  }

  /// Counts a scalar's bytes against the limit that stops aliases of long strings.
  private mutating func countText(_ text: String, at position: TextPosition) throws(InputError) {
    textCount += text.utf8.count
    guard textCount <= textLimit else {
      throw error(.aliasExpansion, "aliases expand to more than \(textLimit) bytes of text", at: position)
    }
  }

  /// Counts one value against the limit that stops alias bombs.
  private mutating func count(at position: TextPosition) throws(InputError) {
    valueCount += 1
    guard valueCount <= valueLimit else {
      throw error(.aliasExpansion, "aliases expand to more than \(valueLimit) values", at: position)
    }
  }

  private func unsupportedTag(_ tag: Tag, at position: TextPosition) -> InputError {
    let corePrefix = "tag:yaml.org,2002:"
    var name = tag.rawValue
    if name.hasPrefix(corePrefix) { name = "!!" + name.dropFirst(corePrefix.count) }
    return error(
      .unsupportedYAML, "explicit YAML tags are not supported (found \(InputError.quoted(name, quote: "'")))",
      at: position)
  }

  private func error(_ code: Diagnostic.Code, _ message: String, at position: TextPosition) -> InputError {
    InputError(
      code, message, position: position,
      byteOffset: InputFormat.byteOffset(of: position, in: bytes, unicodeBreaks: true))
  }

  private static func position(of mark: Mark?) -> TextPosition {
    guard let mark else { return TextPosition(line: 1, column: 1) }
    return TextPosition(line: mark.line, column: mark.column)
  }
}
