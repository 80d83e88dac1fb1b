import Chronicle
import Foundation
import Testing

/// The error reading `bytes` throws, or `nil` when it reads.
private func readError(_ bytes: [UInt8]) -> InputError? {
  do throws(InputError) {
    _ = try YAMLReader.read(bytes)
    return nil
  } catch {
    return error
  }
}

private func readError(_ text: String) -> InputError? {
  readError(Array(text.utf8))
}

private func at(_ line: Int, _ column: Int) -> TextPosition {
  TextPosition(line: line, column: column)
}

/// The members of an object node, or `[]`.
private func members(_ node: InputNode) -> [InputMember] {
  if case .object(let members) = node.value { return members }
  return []
}

/// The elements of an array node, or `[]`.
private func elements(_ node: InputNode) -> [InputNode] {
  if case .array(let elements) = node.value { return elements }
  return []
}

/// The value of key `v` in a one-member mapping.
private func valueOfV(_ text: String) throws -> InputNode.Value? {
  try members(YAMLReader.read(text)).first { $0.key == "v" }?.value.value
}

/// Nine levels of ten aliases each: 10^9 strings once expanded.
private let billionLaughs = """
  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
  h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
  i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]

  """

@Suite struct YAMLReaderTests {
  // MARK: Scalars

  @Test(arguments: [
    // Plain scalars keep their text: no implicit typing.
    ("v: no", InputNode.Value.plain("no")),
    ("v: yes", .plain("yes")),
    ("v: on", .plain("on")),
    ("v: Off", .plain("Off")),
    ("v: true", .plain("true")),
    ("v: 0x1F", .plain("0x1F")),
    ("v: 012", .plain("012")),
    ("v: 0o12", .plain("0o12")),
    ("v: 1e3", .plain("1e3")),
    ("v: -1.5", .plain("-1.5")),
    ("v: 1_000", .plain("1_000")),
    ("v: .nan", .plain(".nan")),
    ("v: -.inf", .plain("-.inf")),
    ("v: 1992-02-26", .plain("1992-02-26")),
    ("v: 2001-12-14t21:59:43.10-05:00", .plain("2001-12-14t21:59:43.10-05:00")),
    ("v: 12:30:00", .plain("12:30:00")),
    ("v: <<", .plain("<<")),
    ("v: =", .plain("=")),
    ("v: nULL", .plain("nULL")),
    ("v: 叶 🇺🇳", .plain("叶 🇺🇳")),
    ("v: a\n  b\n\n  c", .plain("a b\nc")),
    // YAML 1.2 core nulls.
    ("v:", .null),
    ("v: ~", .null),
    ("v: null", .null),
    ("v: Null", .null),
    ("v: NULL", .null),
    // Quoted, block and `!!str` scalars are strings.
    ("v: \"no\"", .string("no")),
    ("v: 'null'", .string("null")),
    ("v: ''", .string("")),
    ("v: \"\"", .string("")),
    ("v: \"1992-02-26\"", .string("1992-02-26")),
    ("v: 'it''s'", .string("it's")),
    (#"v: "a\tb\n\u53f6\U0001F600\"""#, .string("a\tb\n叶😀\"")),
    ("v: !!str 12", .string("12")),
    ("v: !!str", .string("")),
    ("v: ! 12", .string("12")),
    ("v: !<tag:yaml.org,2002:str> yes", .string("yes")),
    ("v: |\n  a\n   b\n", .string("a\n b\n")),
    ("v: |-\n  a\n", .string("a")),
    ("v: >\n  a\n  b\n\n  c\n", .string("a b\nc\n")),
  ])
  func readsScalarsAsWritten(text: String, value: InputNode.Value) throws {
    #expect(try valueOfV(text) == value)
  }

  @Test func readsCollectionsInOrderWithPositions() throws {
    let root = try YAMLReader.read(
      """
      id: e1
      tags: [a, "b", 3]
      at:
        - year: 1992
          place: 叶 🇺🇳 x
        - 🇺🇳: y
      empty: {}

      """)
    #expect(root.position == at(1, 1))
    let list = members(root)
    #expect(list.map(\.key) == ["id", "tags", "at", "empty"])
    #expect(list.map(\.keyPosition) == [at(1, 1), at(2, 1), at(3, 1), at(7, 1)])
    #expect(list[0].value == InputNode(.plain("e1"), at: at(1, 5)))
    #expect(
      list[1].value
        == InputNode(
          .array([
            InputNode(.plain("a"), at: at(2, 8)), InputNode(.string("b"), at: at(2, 11)),
            InputNode(.plain("3"), at: at(2, 16)),
          ]), at: at(2, 7)))
    let items = elements(list[2].value)
    #expect(list[2].value.position == at(4, 3))
    #expect(items.map(\.position) == [at(4, 5), at(6, 5)])
    #expect(
      members(items[0])
        == [
          InputMember(key: "year", keyPosition: at(4, 5), value: InputNode(.plain("1992"), at: at(4, 11))),
          InputMember(key: "place", keyPosition: at(5, 5), value: InputNode(.plain("叶 🇺🇳 x"), at: at(5, 12))),
        ])
    #expect(members(items[1]) == [InputMember(key: "🇺🇳", keyPosition: at(6, 5), value: InputNode(.plain("y"), at: at(6, 9)))])
    #expect(list[3].value == InputNode(.object([]), at: at(7, 8)))
  }

  @Test func countsColumnsInUnicodeScalarsAndLinesWithCRLF() throws {
    let root = try YAMLReader.read("k: [叶, 🇺🇳, z]\r\nm: \"叶\"\r\n")
    let list = members(root)
    #expect(elements(list[0].value).map(\.position) == [at(1, 5), at(1, 8), at(1, 12)])
    #expect(list[1].keyPosition == at(2, 1))
    #expect(list[1].value == InputNode(.string("叶"), at: at(2, 4)))
  }

  @Test(arguments: [
    ("- a\n- 1\n", InputNode.Value.array([InputNode(.plain("a"), at: at(1, 3)), InputNode(.plain("1"), at: at(2, 3))])),
    ("hello", .plain("hello")),
    ("---\n", .null),
    ("--- |\n  text\n", .string("text\n")),
    ("---\na: 1\n...\n", .object([InputMember(key: "a", keyPosition: at(2, 1), value: InputNode(.plain("1"), at: at(2, 4)))])),
    ("\u{FEFF}a: 1", .object([InputMember(key: "a", keyPosition: at(1, 1), value: InputNode(.plain("1"), at: at(1, 4)))])),
    ("# a comment\n{\"a\": 1}", .object([InputMember(key: "a", keyPosition: at(2, 2), value: InputNode(.plain("1"), at: at(2, 7)))])),
  ])
  func readsAnyRoot(text: String, value: InputNode.Value) throws {
    #expect(try YAMLReader.read(text).value == value)
  }

  @Test func expandsAliasesAtTheAnchorsPlace() throws {
    let root = try YAMLReader.read("base: &b {x: 1}\ncopy: *b\nlist: [*b, *b]\n")
    let list = members(root)
    let base = InputNode(
      .object([InputMember(key: "x", keyPosition: at(1, 11), value: InputNode(.plain("1"), at: at(1, 14)))]),
      at: at(1, 7))
    #expect(list.map(\.value) == [base, base, InputNode(.array([base, base]), at: at(3, 7))])
  }

  // MARK: Errors

  @Test(arguments: [
    ("", Diagnostic.Code.emptyFile, "the file is empty; expected a YAML mapping", 1, 1, 0),
    ("# only a comment\n", .emptyFile, "the file is empty; expected a YAML mapping", 2, 1, 17),
    ("a: 1\n---\nb: 2\n", .unsupportedYAML, "expected one YAML document; found a second one", 2, 1, 5),
    ("--- 1\n--- 2\n", .unsupportedYAML, "expected one YAML document; found a second one", 2, 1, 6),
    ("a: 1\nb: 2\na: 3\n", .duplicateKey, #"duplicate key "a" (first at 1:1)"#, 3, 1, 10),
    ("1: x\n\"1\": y\n", .duplicateKey, #"duplicate key "1" (first at 1:1)"#, 2, 1, 5),
    ("e:\n  - id: 1\n    # note\n\n    id: 2\n", .duplicateKey, #"duplicate key "id" (first at 2:5)"#, 5, 5, 29),
    ("{a: 1, b: 2, a: 3}", .duplicateKey, #"duplicate key "a" (written again later in this mapping)"#, 1, 2, 1),
    ("a: [1, 2\nb: 3\n", .malformedYAML, "did not find expected ',' or ']' (while parsing a flow sequence at 1:4)", 2, 2, 10),
    ("a: b: c\n", .malformedYAML, "mapping values are not allowed in this context", 1, 5, 4),
    ("a: \"abc\n", .malformedYAML, "found unexpected end of stream (while scanning a quoted scalar at 1:4)", 2, 1, 8),
    ("a:\n\tb: 1\n", .malformedYAML, "found character that cannot start any token (while scanning for the next token at 2:1)", 2, 1, 3),
    ("a: *x\n", .malformedYAML, "found undefined alias", 1, 4, 3),
    ("a: 叶\u{7}\n", .malformedYAML, "control character U+0007 is not allowed in YAML; expected text", 1, 5, 6),
    ("a: \u{0}\n", .malformedYAML, "control character U+0000 is not allowed in YAML; expected text", 1, 4, 3),
    ("a: \"\u{7F}\"\n", .malformedYAML, "control character U+007F is not allowed in YAML; expected text", 1, 5, 4),
    ("a:\n  b: \u{80}\n", .malformedYAML, "control character U+0080 is not allowed in YAML; expected text", 2, 6, 8),
    ("a: \u{FFFE}\n", .malformedYAML, "character U+FFFE is not allowed in YAML; expected text", 1, 4, 3),
    ("a: !!python/object/apply:os.system [ls]\n", .unsupportedYAML,
     "explicit YAML tags are not supported (found '!!python/object/apply:os.system')", 1, 4, 3),
    ("a: !!python/object/apply:os.system ls\n", .unsupportedYAML,
     "explicit YAML tags are not supported (found '!!python/object/apply:os.system')", 1, 4, 3),
    ("a: !!binary aGk=\n", .unsupportedYAML, "explicit YAML tags are not supported (found '!!binary')", 1, 4, 3),
    ("a: !!int 1\n", .unsupportedYAML, "explicit YAML tags are not supported (found '!!int')", 1, 4, 3),
    ("a: !!map x\n", .unsupportedYAML, "explicit YAML tags are not supported (found '!!map')", 1, 4, 3),
    ("a: !!seq [1]\n", .unsupportedYAML, "explicit YAML tags are not supported (found '!!seq')", 1, 4, 3),
    ("!!map {a: 1}\n", .unsupportedYAML, "explicit YAML tags are not supported (found '!!map')", 1, 1, 0),
    ("a:\n  - !custom x\n", .unsupportedYAML, "explicit YAML tags are not supported (found '!custom')", 2, 5, 7),
    ("%TAG ! tag:example.com,2000:\n---\na: !foo x\n", .unsupportedYAML,
     "explicit YAML tags are not supported (found 'tag:example.com,2000:foo')", 3, 4, 36),
    ("!!int 3: x\n", .unsupportedYAML, "explicit YAML tags are not supported (found '!!int')", 1, 1, 0),
    ("? [a, b]\n: c\n", .unsupportedYAML, "a mapping key must be text; found a sequence", 1, 3, 2),
    ("{a: 1}: x\n", .unsupportedYAML, "a mapping key must be text; found a mapping", 1, 1, 0),
    ("a: &x 1\nb: [*x]\n? c\n: d\n", .unsupportedYAML,
     "an explicit key ('?') is not supported in a file with aliases; write keys as plain or quoted text", 3, 1, 16),
    ("a: &x 1\n*x : d\n", .unsupportedYAML,
     "an alias as a key ('*x') is not supported in a file with aliases; write keys as plain or quoted text", 2, 1, 8),
    ("a: &x 1\nb: {[*x]: d}\n", .unsupportedYAML,
     "a collection as a key (']:') is not supported in a file with aliases; write keys as plain or quoted text", 2, 8, 15),
  ])
  func reportsErrors(text: String, code: Diagnostic.Code, message: String, line: Int, column: Int, offset: Int) {
    let error = readError(text)
    #expect(error == InputError(code, message, position: at(line, column), byteOffset: offset))
  }

  @Test func acceptsKeyLikeTextWhenThereAreNoAliases() throws {
    // Without an anchor and an alias to it, nothing is refused for looking like a complex key.
    let root = try YAMLReader.read("a: \"[1]: ? *x\"\nb: R&D *D\nc: &y x\n")
    #expect(members(root).map(\.value.value) == [.string("[1]: ? *x"), .plain("R&D *D"), .plain("x")])
  }

  @Test func refusesKeyLikeTextInFilesWithAliases() {
    // The check for aliased keys is lexical, so text can trip it; the message says where.
    let error = readError("a: &D x\nb: *D\nc: \"see [1]: a\"\n")
    #expect(error?.code == .unsupportedYAML)
    #expect(error?.position == at(3, 11))
  }

  @Test(arguments: [
    ([0x61, 0x3A, 0x20, 0xFF], 3, "0xFF", 1, 4),
    ([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80], 3, "0xED", 1, 4),
    ([0xEF, 0xBB, 0xBF] + Array("a: 叶\nb: ".utf8) + [0xC3], 13, "0xC3", 2, 4),
    (Array("a: \"叶".utf8) + [0xC0, 0xAF, 0x22], 7, "0xC0", 1, 6),
  ])
  func reportsInvalidUTF8WithByteOffset(bytes: [UInt8], offset: Int, byte: String, line: Int, column: Int) {
    #expect(
      readError(bytes)
        == InputError(
          .invalidUTF8, "invalid UTF-8 at byte offset \(offset) (\(byte)); expected UTF-8 text",
          position: at(line, column), byteOffset: offset))
  }

  @Test func acceptsAByteOrderMarkAlone() {
    #expect(readError([0xEF, 0xBB, 0xBF])?.code == .emptyFile)
  }

  @Test func keepsMessagesShort() {
    // libyaml allows implicit keys of up to 1,024 characters.
    let long = String(repeating: "k", count: 1_000)
    let error = readError("\(long): 1\n\(long): 2\n")
    #expect(error?.message == #"duplicate key "\#(String(repeating: "k", count: 40))…" (first at 1:1)"#)
    let tag = readError("a: !\(String(repeating: "t", count: 10_000)) x\n")
    #expect((tag?.message.count ?? .max) < 120)
  }

  // MARK: Limits

  @Test func readsToTheDepthLimit() throws {
    let depth = YAMLReader.maximumDepth
    var node = try YAMLReader.read(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
    var levels = 1
    while case .array(let children) = node.value, let child = children.first {
      node = child
      levels += 1
    }
    #expect(levels == depth)
  }

  @Test func rejectsDeeperNestingBelowLibyamlsLimit() {
    // libyaml and Yams take 900 levels; the reader stops at the 513th.
    let flow = readError(String(repeating: "[", count: 900) + String(repeating: "]", count: 900))
    #expect(
      flow
        == InputError(
          .tooDeep, "sequences and mappings nested more than 512 levels deep; expected at most 512 levels",
          position: at(1, 513), byteOffset: 512))
    let block = (0..<600).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n")
    #expect(readError(block)?.position == at(513, 513))
  }

  @Test(arguments: [
    String(repeating: "[", count: 10_000),
    String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
    String(repeating: "{a: ", count: 10_000),
    String(repeating: "- ", count: 10_000) + "x",
    (0..<1_200).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n"),
  ])
  func rejectsVeryDeepNestingWithoutCrashing(text: String) {
    let error = readError(text)
    #expect(error?.code == .tooDeep)
    // libyaml stops at 1,000 levels before Chronicle's walk can count 513; it says so.
    #expect(error?.message
      == "sequences and mappings nested 1,000 levels deep or more (the YAML parser's own limit); expected at most 512 levels")
  }

  @Test func stopsBillionLaughsQuickly() {
    let start = ContinuousClock.now
    let error = readError(billionLaughs)
    let elapsed = ContinuousClock.now - start
    let limit = YAMLReader.valueLimit(byteCount: billionLaughs.utf8.count)
    #expect(error?.code == .aliasExpansion)
    #expect(error?.message == "aliases expand to more than \(limit) values")
    // A guard against a hang (expansion is exponential), not a speed measurement.
    #expect(elapsed < .seconds(10))
  }

  @Test(arguments: [
    ("? *i\n: x\n", "an explicit key ('?')", 10, 1),
    ("*i : x\n", "an alias as a key ('*i')", 10, 1),
    ("j: {[*i]: x}\n", "a collection as a key (']:')", 10, 8),
    ("j: [{*i: x}]\n", "an alias as a key ('*i')", 10, 6),
  ])
  func refusesAliasedKeysBeforeYamsHashesThem(key: String, found: String, line: Int, column: Int) {
    let start = ContinuousClock.now
    let error = readError(billionLaughs + key)
    #expect(error?.code == .unsupportedYAML)
    #expect(error?.message == "\(found) is not supported in a file with aliases; write keys as plain or quoted text")
    #expect(error?.position == at(line, column))
    #expect(ContinuousClock.now - start < .seconds(10))  // a hang guard, as above
  }

  @Test func stopsAliasesOfALongString() {
    let long = String(repeating: "x", count: 50_000)
    let text = "a: &s \(long)\nb: [" + Array(repeating: "*s", count: 40).joined(separator: ", ") + "]\n"
    let error = readError(text)
    #expect(error?.code == .aliasExpansion)
    #expect(error?.message == "aliases expand to more than \(YAMLReader.textLimit(byteCount: text.utf8.count)) bytes of text")
    // Fifteen aliases of it stay within the budget.
    let fewer = "a: &s \(long)\nb: [" + Array(repeating: "*s", count: 15).joined(separator: ", ") + "]\n"
    #expect(readError(fewer) == nil)
  }

  @Test func countsValuesAgainstTheLimit() throws {
    #expect(YAMLReader.valueLimit(byteCount: 400) == 101_600)
    // 10,000 aliases of a 20-value list stay under 100,000 + 4 × the file's bytes.
    let text = "base: &b [" + Array(repeating: "x", count: 20).joined(separator: ", ") + "]\nlist:\n"
      + String(repeating: "- *b\n", count: 4_000)
    #expect(elements(members(try YAMLReader.read(text))[1].value).count == 4_000)
  }
}

@Suite struct InputFormatTests {
  @Test(arguments: [
    ("json", InputFormat.json), (".JSON", .json), ("yaml", .yaml), ("yml", .yaml), (".Yml", .yaml),
  ])
  func knowsExtensions(fileExtension: String, format: InputFormat) {
    #expect(InputFormat(fileExtension: fileExtension) == format)
  }

  @Test(arguments: ["", "txt", "jsonl", "yaml~"])
  func rejectsOtherExtensions(fileExtension: String) {
    #expect(InputFormat(fileExtension: fileExtension) == nil)
  }

  @Test(arguments: [
    ("letters.json", "a: 1", InputFormat.json),
    ("dir.v2/letters.yml", "{}", .yaml),
    ("-", "  \n{\"a\": 1}", .json),
    ("-", "[1]", .json),
    ("-", "\u{FEFF}[1]", .json),
    ("-", "a: 1", .yaml),
    ("-", "", .yaml),
    ("-", "# {\n", .yaml),
    ("notes.txt", "[1]", .json),
    ("json", "a: 1", .yaml),
    ("dir.json/letters", "a: 1", .yaml),
  ])
  func detectsFormats(path: String, contents: String, format: InputFormat) {
    #expect(InputFormat(path: path, contents: Array(contents.utf8)) == format)
  }

  @Test func readsEitherFormat() throws {
    #expect(try InputFormat.read(Array("[1]".utf8), format: .json).value == .array([InputNode(.number("1"), at: at(1, 2))]))
    #expect(try InputFormat.read(Array("[1]".utf8), format: .yaml).value == .array([InputNode(.plain("1"), at: at(1, 2))]))
  }

  @Test func readsFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("letters.data")
    try Data("- id: e1\n".utf8).write(to: file)
    let root = try InputFormat.readFile(atPath: file.path)
    #expect(members(elements(root)[0]).map(\.key) == ["id"])
    #expect(throws: InputError.self) { try InputFormat.readFile(atPath: file.path, format: .json) }
    let missing = directory.appendingPathComponent("missing.json").path
    #expect(
      throws: InputError(.unreadableFile, "cannot read '\(missing)': No such file or directory")
    ) { try InputFormat.readFile(atPath: missing) }
  }
}
