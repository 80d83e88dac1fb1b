/// Writes DOT into one byte buffer: indented statements, quoted identifiers, and
/// attribute values in which no user text can change the graph's structure.
///
///     var writer = DOTWriter()
///     writer.open("digraph", name: "timeline")
///     var attributes = DOTAttributes()
///     var label = DOTText(width: 32)
///     label.append(#"AT&T "quoted" \N"#)
///     attributes.set("label", label)
///     writer.node(DOTID("n", 0), attributes)  // "n0" [label="AT&amp;T \"quoted\" \\N"];
///     writer.close()
///
/// Every identifier and value is written between double quotes. In text:
/// - `"` becomes `\"`; `\` becomes `\\` in labels and `\\\\` in tooltips (Graphviz reads
///   a tooltip's backslashes twice), so `\N`, `\G`, `\n`, `\l`… show literally, and a
///   trailing or odd run of backslashes cannot escape the closing quote;
/// - `&` becomes `&amp;`, because Graphviz decodes entities in labels (`&amp;` typed by
///   a user shows as `&amp;`);
/// - line breaks (LF, CR, CRLF, U+2028, U+2029) become the label's own line break;
/// - C0 controls other than LF and CR become their Control Pictures (U+0000 → `␀`,
///   U+0009 → `␉`, U+001B → `␛`), DEL becomes `␡` and C1 controls (U+0080–U+009F)
///   become U+FFFD `�`, so no control character reaches Graphviz;
/// - everything else, including `<…>`, `{ } ; -> --`, DOT keywords and astral or
///   combining characters, is written as UTF-8, byte for byte.
///
/// Graphviz refuses a quoted string of 16 KB or more, so longer values are written as
/// chunks of at most ``maximumChunkBytes`` joined with DOT's `+`, cut only between
/// characters and escapes.
struct DOTWriter: ~Copyable {
  /// The bytes written so far (since the last hand-over, when streaming): `count` of
  /// them from `base`, in room for `capacity`. Written through the pointer: a byte
  /// array's uniqueness and capacity checks per append cost more than the writing.
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  private var depth = 0
  private var chunkBytes = 0
  /// Where whole statements go once the buffer holds `streamBytes` or more, if anywhere.
  private var sink: ((UnsafeRawBufferPointer) -> Void)?
  private var streamBytes = Int.max
  /// Attributes written in the statement begun last (``beginNode(_:)``).
  private var attributeCount = 0
  /// The text value being written (``beginText(_:width:escaping:justification:)``).
  private var text = TextState(width: 1, escaping: .label, lineEnd: UInt8(ascii: "n"), lines: 0)

  /// How the lines of the text value being written are wrapped, escaped and ended.
  private struct TextState {
    var width: Int
    var escaping: DOTText.Escaping
    var lineEnd: UInt8
    var lines: Int
  }

  /// The most bytes between two quotes, well under Graphviz's 16 KB limit.
  static let maximumChunkBytes = 8192

  init(capacity: Int = 4096) {
    self.capacity = max(64, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// A copy of the bytes written so far (since the last hand-over, when streaming).
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  // MARK: Statements

  /// Starts a graph or subgraph: `digraph "name" {`, `subgraph "cluster_year_0" {`, `{`.
  mutating func open(_ keyword: StaticString, name: String? = nil) {
    indent()
    appendStatic(keyword)
    if let name {
      if keyword.utf8CodeUnitCount > 0 { put(0x20) }
      quoted(name)
    }
    if keyword.utf8CodeUnitCount > 0 || name != nil { put(0x20) }
    put(UInt8(ascii: "{"))
    put(0x0A)
    depth += 1
  }

  /// Starts a subgraph named by a Chronicle identifier.
  mutating func open(_ keyword: StaticString, id: DOTID) {
    indent()
    appendStatic(keyword)
    put(0x20)
    identifier(id)
    put(0x20, UInt8(ascii: "{"), 0x0A)
    depth += 1
  }

  /// Ends the innermost graph or subgraph.
  mutating func close() {
    depth -= 1
    indent()
    put(UInt8(ascii: "}"))
    put(0x0A)
  }

  /// A `// comment` line of Chronicle's own.
  mutating func comment(_ text: StaticString) {
    indent()
    appendStatic("// ")
    appendStatic(text)
    put(0x0A)
  }

  /// An empty line between sections.
  mutating func blankLine() {
    put(0x0A)
  }

  /// `graph [...]`, `node [...]` or `edge [...]`: defaults for what follows.
  mutating func defaults(_ keyword: StaticString, _ attributes: DOTAttributes) {
    indent()
    appendStatic(keyword)
    attributeList(attributes)
    terminate()
  }

  /// `name="value";`, a graph or subgraph attribute of Chronicle's own.
  mutating func setting(_ name: StaticString, _ value: String) {
    indent()
    appendStatic(name)
    put(UInt8(ascii: "="))
    quoted(value)
    terminate()
  }

  /// `name="…";` with text, such as a cluster's label.
  mutating func setting(_ name: StaticString, _ text: DOTText) {
    indent()
    appendStatic(name)
    put(UInt8(ascii: "="))
    quoted(text)
    terminate()
  }

  /// `"n0" [...];`
  mutating func node(_ id: DOTID, _ attributes: DOTAttributes = DOTAttributes()) {
    indent()
    identifier(id)
    attributeList(attributes)
    terminate()
  }

  /// `"n0" -> "n1" [...];`
  mutating func edge(_ from: DOTID, _ to: DOTID, _ attributes: DOTAttributes = DOTAttributes()) {
    indent()
    identifier(from)
    appendStatic(" -> ")
    identifier(to)
    attributeList(attributes)
    terminate()
  }

  /// `{rank="same"; "t0"; "n1"; "n4";}` on one line.
  mutating func rank(_ rank: StaticString, _ members: [DOTID]) {
    indent()
    appendStatic("{rank=\"")
    appendStatic(rank)
    put(UInt8(ascii: "\""), UInt8(ascii: ";"))
    for member in members {
      put(0x20)
      identifier(member)
      put(UInt8(ascii: ";"))
    }
    put(UInt8(ascii: "}"))
    put(0x0A)
  }

  // MARK: Statements written attribute by attribute

  /// Starts `"n0"`, whose attributes follow one call each, in order of name (as
  /// ``DOTAttributes`` sorts them), until ``endStatement()``: the same bytes as
  /// ``node(_:_:)`` without building the attributes first.
  ///
  ///     writer.beginNode(DOTID("n", 0))
  ///     writer.attribute("color", "#2b5d8a")
  ///     writer.beginText("label", width: 32)
  ///     writer.textLine(title)
  ///     writer.endText()
  ///     writer.endStatement()  // "n0" [color="#2b5d8a", label="…"];
  mutating func beginNode(_ id: DOTID) {
    indent()
    identifier(id)
    attributeCount = 0
  }

  /// Starts `"n0" -> "n1"`, whose attributes follow as for ``beginNode(_:)``.
  mutating func beginEdge(_ from: DOTID, _ to: DOTID) {
    indent()
    identifier(from)
    appendStatic(" -> ")
    identifier(to)
    attributeCount = 0
  }

  /// `name="value"` of Chronicle's own, in a statement begun with ``beginNode(_:)``
  /// or ``beginEdge(_:_:)``.
  mutating func attribute(_ name: StaticString, _ value: String) {
    attributeName(name)
    // Chronicle's values (shapes, colours, numbers) need no escape: copied at once.
    var value = value
    let copied = value.withUTF8 { utf8 -> Bool in
      guard utf8.count <= 64, utf8.allSatisfy(Self.isPlain) else { return false }
      put(UInt8(ascii: "\""))
      put(utf8)
      put(UInt8(ascii: "\""))
      return true
    }
    if !copied { quoted(value) }
  }

  /// `pos="x,y!"`: a position Graphviz keeps.
  mutating func attribute(_ name: StaticString, pin x: Int, _ y: Int) {
    attributeName(name)
    put(UInt8(ascii: "\""))
    appendDecimal(x)
    put(UInt8(ascii: ","))
    appendDecimal(y)
    put(UInt8(ascii: "!"))
    put(UInt8(ascii: "\""))
  }

  /// Starts a quoted text value (`label="`), whose lines follow with ``textLine(_:wraps:)``
  /// until ``endText()``: the same bytes as a ``DOTText`` of this width, escaping and
  /// justification holding those lines, without building it. A text without lines
  /// must not be begun (``DOTAttributes`` leaves an empty text out).
  mutating func beginText(
    _ name: StaticString, width: Int, escaping: DOTText.Escaping = .label,
    justification: DOTText.Justification = .center
  ) {
    attributeName(name)
    put(UInt8(ascii: "\""))
    chunkBytes = 0
    text = TextState(
      width: max(1, width), escaping: escaping,
      lineEnd: justification == .left ? UInt8(ascii: "l") : UInt8(ascii: "n"), lines: 0)
  }

  /// One line of the text begun with ``beginText(_:width:escaping:justification:)``,
  /// as ``DOTText/append(_:name:)`` (`wraps`, the caller having cut it) or
  /// ``DOTText/appendUnwrapped(_:)`` adds it.
  mutating func textLine(_ line: String, wraps: Bool = true) {
    if text.lines > 0 { lineBreak(text.lineEnd) }
    text.lines += 1
    if copiedVerbatim(line, width: wraps ? text.width : Int.max) { return }
    paragraph(DOTText.xmlCharacters(line), width: wraps ? text.width : Int.max, escaping: text.escaping, lineEnd: text.lineEnd)
  }

  /// Copies `line` as it is, and says so, when ``paragraph(_:width:escaping:lineEnd:)``
  /// would: it needs no wrapping (no more bytes than `width`), fits in the current
  /// chunk, and holds nothing that is escaped or substituted (no `"`, `\`, `&`,
  /// control character, line break, U+FFFE or U+FFFF).
  private mutating func copiedVerbatim(_ line: String, width: Int) -> Bool {
    let copied = line.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
      let count = utf8.count
      guard count <= width, chunkBytes + count <= Self.maximumChunkBytes else { return false }
      var position = 0
      while position < count {
        let byte = utf8[position]
        if byte >= 0x80 {
          // Not a C1 control (C2 80…C2 9F), a line or paragraph separator (E2 80 A8,
          // E2 80 A9) nor, conservatively, anything with a byte BF (U+FFFE, U+FFFF).
          if byte == 0xBF || (byte == 0xC2 && position + 1 < count && utf8[position + 1] < 0xA0)
            || Self.isLineSeparator(utf8, at: position)
          {
            return false
          }
        } else if !Self.isPlain(byte) {
          return false
        }
        position += 1
      }
      if let base = utf8.baseAddress { put(UnsafeBufferPointer(start: base, count: count)) }
      chunkBytes += count
      return true
    }
    return copied ?? false
  }

  /// An unwrapped line `prefix` + `line` (`id: n12`), without joining the two: the
  /// prefix is printable ASCII without `"`, `\\`, `&` or a line break at its end.
  mutating func textLine(prefix: StaticString, _ line: String) {
    if text.lines > 0 { lineBreak(text.lineEnd) }
    text.lines += 1
    prefix.withUTF8Buffer { escaped($0, escaping: text.escaping) }
    if copiedVerbatim(line, width: Int.max) { return }
    paragraph(DOTText.xmlCharacters(line), width: Int.max, escaping: text.escaping, lineEnd: text.lineEnd)
  }

  /// Ends the text begun with ``beginText(_:width:escaping:justification:)``.
  mutating func endText() {
    // `\l` ends a left-aligned line; the last one needs it too.
    if text.lineEnd == UInt8(ascii: "l"), text.lines > 0 { lineBreak(text.lineEnd) }
    put(UInt8(ascii: "\""))
  }

  /// Attributes as ``attributeBytes(first:_:)`` recorded them (`count` of them), in
  /// a statement begun with ``beginNode(_:)`` or ``beginEdge(_:_:)``: the bytes the
  /// calls recorded would write, without making them again.
  mutating func recordedAttributes(_ bytes: [UInt8], count: Int) {
    bytes.withUnsafeBufferPointer { put($0) }
    attributeCount += count
  }

  /// The bytes that `write` writes with ``attribute(_:_:)`` and the like, as the first
  /// attributes of a statement or (`first` false) after others, and how many
  /// attributes they are: written again with ``recordedAttributes(_:count:)``.
  static func attributeBytes(first: Bool, _ write: (inout DOTWriter) -> Void) -> (bytes: [UInt8], count: Int) {
    var writer = DOTWriter(capacity: 256)
    writer.attributeCount = first ? 0 : 1
    write(&writer)
    return (writer.bytes, writer.attributeCount - (first ? 0 : 1))
  }

  /// Ends a statement begun with ``beginNode(_:)`` or ``beginEdge(_:_:)``.
  mutating func endStatement() {
    if attributeCount > 0 { put(UInt8(ascii: "]")) }
    terminate()
  }

  private mutating func attributeName(_ name: StaticString) {
    appendStatic(attributeCount == 0 ? " [" : ", ")
    attributeCount += 1
    appendStatic(name)
    put(UInt8(ascii: "="))
  }

  // MARK: Values

  /// A Chronicle identifier, quoted: `"n12"`.
  mutating func identifier(_ id: DOTID) {
    put(UInt8(ascii: "\""))
    appendStatic(id.prefix)
    if let number = id.number { appendDecimal(number) }
    put(UInt8(ascii: "\""))
  }

  /// Any string as one quoted DOT ID on one line: the text is escaped as a label
  /// and never wrapped, so `1abc` stays one ID, `a\` cannot swallow its closing quote
  /// and the empty string is `""`.
  mutating func quoted(_ text: String) {
    put(UInt8(ascii: "\""))
    chunkBytes = 0
    paragraph(text, width: Int.max, escaping: .label, lineEnd: UInt8(ascii: "n"))
    put(UInt8(ascii: "\""))
  }

  /// Text as one quoted value: substituted, wrapped, escaped, in chunks.
  mutating func quoted(_ text: DOTText) {
    put(UInt8(ascii: "\""))
    chunkBytes = 0
    let lineEnd: UInt8 = text.justification == .left ? UInt8(ascii: "l") : UInt8(ascii: "n")
    for (position, line) in text.lines.enumerated() {
      if position > 0 { lineBreak(lineEnd) }
      paragraph(line.text, width: line.wraps ? text.width : Int.max, escaping: text.escaping, lineEnd: lineEnd)
    }
    // `\l` ends a left-aligned line; the last one needs it too.
    if text.justification == .left, !text.lines.isEmpty { lineBreak(lineEnd) }
    put(UInt8(ascii: "\""))
  }

  // MARK: Text

  /// One string: tokens between spaces go on a line while it stays within `width`;
  /// the space where a line wraps is the line break, so no character is lost.
  private mutating func paragraph(_ text: String, width: Int, escaping: DOTText.Escaping, lineEnd: UInt8) {
    var text = text
    text.withUTF8 { utf8 in
      let count = utf8.count
      // A text no wider than the line (each character takes a byte or more) or never
      // wrapped, without line breaks, is written as it is: its spaces are all kept.
      if width == Int.max || count <= width, !Self.hasLineBreak(utf8) {
        escaped(utf8, escaping: escaping)
        return
      }
      var position = 0
      var lineWidth = 0
      var lineHasToken = false
      while true {
        let start = position
        var tokenWidth = 0
        while position < count {
          let byte = utf8[position]
          if byte == 0x20 || byte == 0x0A || byte == 0x0D || Self.isLineSeparator(utf8, at: position) { break }
          let length = Self.scalarLength(byte)
          tokenWidth += Self.displayWidth(utf8, at: position, length: length)
          position += length
        }
        if lineHasToken {
          if width - lineWidth > tokenWidth {  // lineWidth + 1 + tokenWidth <= width, without overflow
            escaped(UnsafeBufferPointer(rebasing: utf8[(start - 1)..<start]), escaping: escaping)
            lineWidth += 1 + tokenWidth
          } else {
            lineBreak(lineEnd)
            lineWidth = tokenWidth
          }
        } else {
          lineWidth = tokenWidth
          lineHasToken = true
        }
        escaped(UnsafeBufferPointer(rebasing: utf8[start..<position]), escaping: escaping)
        guard position < count else { break }
        let byte = utf8[position]
        if byte == 0x20 {
          position += 1
          continue
        }
        // A line break of the user's: CRLF counts once.
        if byte == 0x0D, position + 1 < count, utf8[position + 1] == 0x0A {
          position += 2
        } else {
          position += Self.scalarLength(byte)
        }
        lineBreak(lineEnd)
        lineWidth = 0
        lineHasToken = false
      }
    }
  }

  /// Writes bytes of one token (no spaces or line breaks in it but the separator),
  /// escaping and substituting as the type's documentation says.
  private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>, escaping: DOTText.Escaping) {
    var position = 0
    while position < utf8.count {
      // Most text is printable ASCII that needs no escape: copy such runs at once
      // while they fit in the chunk.
      var end = position
      let limit = min(utf8.count, position + Self.maximumChunkBytes - chunkBytes)
      while end < limit, Self.isPlain(utf8[end]) { end += 1 }
      if end > position {
        chunkBytes += end - position
        put(UnsafeBufferPointer(rebasing: utf8[position..<end]))
        position = end
        continue
      }
      let byte = utf8[position]
      switch byte {
      case UInt8(ascii: "\""):
        atom(0x5C, 0x22)
      case UInt8(ascii: "\\"):
        switch escaping {
        case .label: atom(0x5C, 0x5C)
        case .tooltip: atom(0x5C, 0x5C, 0x5C, 0x5C)
        }
      case UInt8(ascii: "&"):
        atom(UInt8(ascii: "&"), UInt8(ascii: "a"), UInt8(ascii: "m"), UInt8(ascii: "p"), UInt8(ascii: ";"))
      case 0x00..<0x20:
        atom(0xE2, 0x90, 0x80 + byte)  // U+2400 + code: the Control Pictures block
      case 0x7F:
        atom(0xE2, 0x90, 0xA1)  // U+2421 SYMBOL FOR DELETE
      case 0x20..<0x7F:
        atom(byte)
      default:
        let length = Self.scalarLength(byte)
        if byte == 0xC2, position + 1 < utf8.count, utf8[position + 1] < 0xA0 {
          atom(0xEF, 0xBF, 0xBD)  // a C1 control: U+FFFD
        } else {
          reserveChunk(length)
          put(UnsafeBufferPointer(rebasing: utf8[position..<min(position + length, utf8.count)]))
        }
        position += length
        continue
      }
      position += 1
    }
  }

  /// Printable ASCII other than `"`, `\` and `&`.
  private static func isPlain(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "&")
  }

  private mutating func lineBreak(_ letter: UInt8) {
    atom(0x5C, letter)
  }

  private mutating func atom(_ byte: UInt8) {
    reserveChunk(1)
    put(byte)
  }

  private mutating func atom(_ first: UInt8, _ second: UInt8) {
    reserveChunk(2)
    put(first, second)
  }

  private mutating func atom(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
    reserveChunk(3)
    put(first, second, third)
  }

  private mutating func atom(_ first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8) {
    reserveChunk(4)
    put(first, second, third, fourth)
  }

  private mutating func atom(_ first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8, _ fifth: UInt8) {
    reserveChunk(5)
    put(first, second, third, fourth)
    put(fifth)
  }

  /// Closes the current chunk with `" + "` when `length` more bytes would pass the limit.
  private mutating func reserveChunk(_ length: Int) {
    if chunkBytes + length > Self.maximumChunkBytes {
      put(UInt8(ascii: "\""), 0x20, UInt8(ascii: "+"), 0x20)
      put(UInt8(ascii: "\""))
      chunkBytes = 0
    }
    chunkBytes += length
  }

  // MARK: Characters

  private static func scalarLength(_ lead: UInt8) -> Int {
    switch lead {
    case ..<0x80: 1
    case ..<0xE0: 2
    case ..<0xF0: 3
    default: 4
    }
  }

  /// Whether UTF-8 text holds LF, CR, U+2028 or U+2029.
  private static func hasLineBreak(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    for position in utf8.indices {
      let byte = utf8[position]
      if byte == 0x0A || byte == 0x0D || isLineSeparator(utf8, at: position) { return true }
    }
    return false
  }

  /// U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR (E2 80 A8, E2 80 A9).
  private static func isLineSeparator(_ utf8: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
    utf8[position] == 0xE2 && position + 2 < utf8.count && utf8[position + 1] == 0x80
      && (utf8[position + 2] == 0xA8 || utf8[position + 2] == 0xA9)
  }

  /// How many columns a character takes when counting a line's length: 0 for
  /// combining marks and invisible format characters, 1 otherwise.
  private static func displayWidth(_ utf8: UnsafeBufferPointer<UInt8>, at position: Int, length: Int) -> Int {
    guard length > 1, position + length <= utf8.count else { return 1 }
    var value = UInt32(utf8[position]) & (0xFF >> (length + 1))
    for offset in 1..<length { value = value << 6 | UInt32(utf8[position + offset] & 0x3F) }
    guard let scalar = Unicode.Scalar(value) else { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return 1
    }
  }

  // MARK: Plumbing

  private mutating func attributeList(_ attributes: DOTAttributes) {
    guard !attributes.isEmpty else { return }
    appendStatic(" [")
    for (position, entry) in attributes.entries.enumerated() {
      if position > 0 { appendStatic(", ") }
      putText(entry.name)
      put(UInt8(ascii: "="))
      switch entry.value {
      case .constant(let value): quoted(value)
      case .text(let text): quoted(text)
      }
    }
    put(UInt8(ascii: "]"))
  }

  private mutating func terminate() {
    put(UInt8(ascii: ";"), 0x0A)
    if count >= streamBytes { flush() }
  }

  // MARK: Streaming

  /// Hands the bytes to `sink` in pieces of about `chunkBytes`, each ending with a whole
  /// statement, instead of keeping them all; ``flush()`` hands over the rest.
  mutating func stream(to sink: @escaping (UnsafeRawBufferPointer) -> Void, chunkBytes: Int) {
    self.sink = sink
    streamBytes = max(1, chunkBytes)
  }

  /// Hands what is written to the sink, if there is one.
  mutating func flush() {
    guard let sink, count > 0 else { return }
    sink(UnsafeRawBufferPointer(start: base, count: count))
    count = 0
  }

  // MARK: Statements written apart

  /// An empty writer at this one's depth that keeps what it writes (no sink): for
  /// statements written on another thread, added in their place with ``append(_:)``.
  func detached() -> DOTWriter {
    var writer = DOTWriter(capacity: 0)
    writer.depth = depth
    return writer
  }

  /// Forgets what a ``detached()`` writer wrote, keeping its buffer, to write
  /// the next statements into it.
  mutating func removeAllBytes() {
    count = 0
  }

  /// Adds the whole statements a ``detached()`` writer wrote. When streaming, they go
  /// to the sink in pieces of about the streaming size, each ending with a line (every
  /// statement is one line: line breaks in values are escaped).
  mutating func append(_ other: borrowing DOTWriter) {
    guard other.count > 0 else { return }
    let written = UnsafeBufferPointer(start: other.base, count: other.count)
    guard let sink else {
      put(written)
      return
    }
    flush()
    let size = streamBytes
    do {
      let block = UnsafeRawBufferPointer(written)
      var start = 0
      while start < block.count {
        // To the last line end within `size`, or the first one after it.
        var end = min(block.count, start + size)
        if end < block.count {
          var cut = end
          while cut > start && block[cut - 1] != 0x0A { cut -= 1 }
          if cut == start {
            cut = end
            while cut < block.count && block[cut - 1] != 0x0A { cut += 1 }
          }
          end = cut
        }
        sink(UnsafeRawBufferPointer(rebasing: block[start..<end]))
        start = end
      }
    }
  }

  private mutating func indent() {
    reserve(2 * depth)
    for _ in 0..<depth { put(0x20, 0x20) }
  }

  private mutating func appendStatic(_ text: StaticString) {
    text.withUTF8Buffer { put($0) }
  }

  private mutating func appendDecimal(_ value: Int) {
    // Digits from the right into a scratch of 20 (the most a UInt has), then copied.
    reserve(21)
    if value < 0 { put(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { scratch in
      var start = 24
      repeat {
        start -= 1
        scratch[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      (base + count).update(from: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, count: 24 - start)
      count += 24 - start
    }
  }

  // MARK: Bytes

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(extra) }
  }

  /// Moves the bytes to a buffer of at least twice the room.
  private mutating func grow(_ extra: Int) {
    RawBytes.grow(&base, count: count, capacity: &capacity, extra: extra)
  }

  @inline(__always)
  private mutating func put(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always)
  private mutating func put(_ first: UInt8, _ second: UInt8) {
    reserve(2)
    base[count] = first
    base[count + 1] = second
    count += 2
  }

  @inline(__always)
  private mutating func put(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
    reserve(3)
    base[count] = first
    base[count + 1] = second
    base[count + 2] = third
    count += 3
  }

  @inline(__always)
  private mutating func put(_ first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8) {
    reserve(4)
    base[count] = first
    base[count + 1] = second
    base[count + 2] = third
    base[count + 3] = fourth
    count += 4
  }

  @inline(__always)
  private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// The UTF-8 of a string, as it is.
  private mutating func putText(_ text: String) {
    var text = text
    text.withUTF8 { put($0) }
  }

}
