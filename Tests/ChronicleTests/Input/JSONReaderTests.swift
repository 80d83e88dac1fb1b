import Chronicle
import PropertyBased
import Testing

/// The error reading `bytes` throws, or `nil` when it reads.
private func readError(_ bytes: [UInt8]) -> InputError? {
  do throws(InputError) {
    _ = try JSONReader.read(bytes)
    return nil
  } catch {
    return error
  }
}

private func readError(_ text: String) -> InputError? {
  readError(Array(text.utf8))
}

/// `value` in at least `width` lower-case hex digits.
private func hex(_ value: UInt32, width: Int) -> String {
  let digits = String(value, radix: 16)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
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

@Suite struct JSONReaderTests {
  // MARK: Values

  @Test(arguments: [
    (#""text""#, InputNode.Value.string("text")),
    (#""""#, .string("")),
    ("0", .number("0")),
    ("-0", .number("-0")),
    ("1992", .number("1992")),
    ("1e3", .number("1e3")),
    ("-12.5E-3", .number("-12.5E-3")),
    ("0.25e+10", .number("0.25e+10")),
    ("123456789012345678901234567890", .number("123456789012345678901234567890")),
    ("true", .bool(true)),
    ("false", .bool(false)),
    ("null", .null),
    ("[]", .array([])),
    ("{}", .object([])),
    (" \t\r\n [ ] \n", .array([])),
  ])
  func readsEveryKindOfValue(text: String, value: InputNode.Value) throws {
    let root = try JSONReader.read(text)
    #expect(root.value == value)
  }

  @Test func readsNestedValuesInOrderWithPositions() throws {
    let root = try JSONReader.read(#"{"id": "e1", "tags": [1, true, null], "at": {"y": -2}}"#)
    #expect(
      root
        == InputNode(
          .object([
            InputMember(key: "id", keyPosition: at(1, 2), value: InputNode(.string("e1"), at: at(1, 8))),
            InputMember(
              key: "tags", keyPosition: at(1, 14),
              value: InputNode(
                .array([
                  InputNode(.number("1"), at: at(1, 23)),
                  InputNode(.bool(true), at: at(1, 26)),
                  InputNode(.null, at: at(1, 32)),
                ]), at: at(1, 22))),
            InputMember(
              key: "at", keyPosition: at(1, 39),
              value: InputNode(
                .object([InputMember(key: "y", keyPosition: at(1, 46), value: InputNode(.number("-2"), at: at(1, 51)))]),
                at: at(1, 45))),
          ]), at: at(1, 1)))
  }

  @Test func readsLargeObjectsAndArrays() throws {
    let keys = (0..<200).map { "key\($0)" }
    let text = "{" + keys.map { #""\#($0)": [\#($0.count)]"# }.joined(separator: ",") + "}"
    let root = try JSONReader.read(text)
    #expect(members(root).map(\.key) == keys)
    let array = try JSONReader.read("[" + (0..<10_000).map(String.init).joined(separator: ",") + "]")
    #expect(elements(array).count == 10_000)
    #expect(elements(array).last?.value == .number("9999"))
  }

  @Test func readsFromBufferAndBytes() throws {
    let bytes = Array(#"{"a": [1]}"#.utf8)
    let fromBuffer = try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> InputNode in
      try JSONReader.read(buffer)
    }
    #expect(try fromBuffer == JSONReader.read(bytes))
  }

  // MARK: Strings

  @Test(arguments: [
    (#""\"""#, "\""),
    (#""\\""#, "\\"),
    (#""\/""#, "/"),
    (#""\b""#, "\u{8}"),
    (#""\f""#, "\u{C}"),
    (#""\n""#, "\n"),
    (#""\r""#, "\r"),
    (#""\t""#, "\t"),
    (#""\u0041""#, "A"),
    (#""\u00e9\u00E9""#, "éé"),
    (#""\u53f6""#, "叶"),
    (#""\u0000""#, "\u{0}"),
    (#""\uFFFF""#, "\u{FFFF}"),
    (#""\uD83D\uDE00""#, "😀"),
    (#""\ud83c\udDFA\uD83C\uDDF3""#, "🇺🇳"),
    (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
    (#""叶 \"x\"\n🇺🇳\t""#, "叶 \"x\"\n🇺🇳\t"),
    (#""a long run of plain text before an escape\u0021 and after""#, "a long run of plain text before an escape! and after"),
    (#""/ is fine unescaped; so are ' and \u007f""#, "/ is fine unescaped; so are ' and \u{7F}"),
  ])
  func unescapes(text: String, expected: String) throws {
    #expect(try JSONReader.read(text).value == .string(expected))
  }

  @Test func keepsNonASCIIText() throws {
    let text = "\"叶 🇺🇳 é \u{2028} \u{FEFF} 𝄞\""
    #expect(try JSONReader.read(text).value == .string("叶 🇺🇳 é \u{2028} \u{FEFF} 𝄞"))
  }

  /// Any text survives writing it escaped (everything non-ASCII as `\u`, pairs above
  /// U+FFFF) or raw (only `"`, `\` and controls escaped).
  @Test func stringsRoundTrip() async {
    let scalar = Gen<UInt32>.value(in: 0...(0x10FFFF - 0x800)).map { value in
      Unicode.Scalar(value < 0xD800 ? value : value + 0x800) ?? "?"
    }
    await propertyCheck(input: scalar.array(of: 0...24)) { scalars in
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      var escaped = "\""
      var raw = "\""
      for scalar in scalars {
        for unit in String(scalar).utf16 {
          escaped += "\\u" + hex(UInt32(unit), width: 4)
        }
        switch scalar {
        case "\"": raw += "\\\""
        case "\\": raw += "\\\\"
        case "\u{0}"..."\u{1F}": raw += "\\u" + hex(scalar.value, width: 4)
        default: raw.unicodeScalars.append(scalar)
        }
      }
      let fromEscaped = try JSONReader.read(escaped + "\"")  // `#expect(try …)` won't compile here
      let fromRaw = try JSONReader.read(raw + "\"")
      #expect(fromEscaped.value == .string(text))
      #expect(fromRaw.value == .string(text))
    }
  }

  // MARK: Positions

  @Test func countsColumnsInUnicodeScalars() throws {
    // 叶 is one scalar (three bytes); 🇺🇳 is two scalars (eight bytes).
    let root = try JSONReader.read(#"["叶", 1, "🇺🇳", 2, "a叶🇺🇳b", 3]"#)
    #expect(elements(root).map(\.position) == [at(1, 2), at(1, 7), at(1, 10), at(1, 16), at(1, 19), at(1, 28)])
  }

  @Test func countsLinesWithCRLFLFAndCR() throws {
    let root = try JSONReader.read("{\"a\": 1,\r\n  \"叶\": [true,\n\"x\",\r null]}")
    let list = members(root)
    #expect(list.map(\.keyPosition) == [at(1, 2), at(2, 3)])
    #expect(list.map(\.value.position) == [at(1, 7), at(2, 8)])
    #expect(elements(list[1].value).map(\.position) == [at(2, 9), at(3, 1), at(4, 2)])
  }

  @Test func skipsByteOrderMarkWithoutCountingIt() throws {
    let root = try JSONReader.read([0xEF, 0xBB, 0xBF] + Array(#"[1, "x"]"#.utf8))
    #expect(root.position == at(1, 1))
    #expect(elements(root).map(\.position) == [at(1, 2), at(1, 5)])
    let error = readError([0xEF, 0xBB, 0xBF] + Array("[1,]".utf8))
    #expect(error?.position == at(1, 4))
    #expect(error?.byteOffset == 6)
  }

  // MARK: Errors

  @Test(arguments: [
    ("", Diagnostic.Code.emptyFile, "the file is empty; expected a JSON object", 1, 1, 0),
    (" \n\t", .emptyFile, "the file is empty; expected a JSON object", 2, 2, 3),
    ("{", .malformedJSON, "unexpected end of file; expected a key in double quotes", 1, 2, 1),
    ("[", .malformedJSON, "unexpected end of file; expected a value", 1, 2, 1),
    ("[1,", .malformedJSON, "unexpected end of file; expected a value", 1, 4, 3),
    ("[1", .malformedJSON, "unexpected end of file; expected ',' or ']'", 1, 3, 2),
    (#"{"a""#, .malformedJSON, "unexpected end of file; expected ':' after the key", 1, 5, 4),
    (#"{"a":"#, .malformedJSON, "unexpected end of file; expected a value", 1, 6, 5),
    (#"{"a":1"#, .malformedJSON, "unexpected end of file; expected ',' or '}'", 1, 7, 6),
    ("[\n\"abc", .malformedJSON, #"unexpected end of file; expected '"' to end the string started at 2:1"#, 2, 5, 6),
    (#""a\"#, .malformedJSON, #"unexpected end of file; expected an escape character after '\'"#, 1, 4, 3),
    ("}", .malformedJSON, "unexpected character '}'; expected a value", 1, 1, 0),
    ("[1,]", .malformedJSON, "unexpected character ']'; expected a value", 1, 4, 3),
    (#"{"a": 1,}"#, .malformedJSON, "unexpected character '}'; expected a key in double quotes", 1, 9, 8),
    ("[1 2]", .malformedJSON, "unexpected character '2'; expected ',' or ']'", 1, 4, 3),
    (#"{"a" 1}"#, .malformedJSON, "unexpected character '1'; expected ':' after the key", 1, 6, 5),
    (#"{"a": 1 "b": 2}"#, .malformedJSON, #"unexpected character '"'; expected ',' or '}'"#, 1, 9, 8),
    ("{'a': 1}", .malformedJSON, #"unexpected character "'"; expected a key in double quotes"#, 1, 2, 1),
    ("{a: 1}", .malformedJSON, "unexpected character 'a'; expected a key in double quotes", 1, 2, 1),
    ("[1] [2]", .malformedJSON, "unexpected character '['; expected the end of the file after the JSON value", 1, 5, 4),
    ("1 // note", .malformedJSON, "unexpected character '/'; expected the end of the file after the JSON value", 1, 3, 2),
    ("[叶]", .malformedJSON, "unexpected character '叶'; expected a value", 1, 2, 1),
    ("[\u{7}]", .malformedJSON, "unexpected character U+0007; expected a value", 1, 2, 1),
    ("[1,\u{A0}2]", .malformedJSON, "unexpected character U+00A0; expected a value", 1, 4, 3),
    ("[\u{FEFF}]", .malformedJSON, "unexpected character U+FEFF; expected a value", 1, 2, 1),
    ("01", .malformedJSON, "a number cannot start with 0 followed by digits; expected '0', '0.…' or no leading zero", 1, 1, 0),
    ("[-01]", .malformedJSON, "a number cannot start with 0 followed by digits; expected '0', '0.…' or no leading zero", 1, 2, 1),
    ("-", .malformedJSON, "unexpected end of file; expected a digit", 1, 2, 1),
    ("-a", .malformedJSON, "unexpected character 'a'; expected a digit", 1, 2, 1),
    ("1.", .malformedJSON, "unexpected end of file; expected a digit after '.'", 1, 3, 2),
    ("1.e5", .malformedJSON, "unexpected character 'e'; expected a digit after '.'", 1, 3, 2),
    ("1e", .malformedJSON, "unexpected end of file; expected a digit after the exponent's 'e'", 1, 3, 2),
    ("[1e+]", .malformedJSON, "unexpected character ']'; expected a digit after the exponent's 'e'", 1, 5, 4),
    ("1.5.3", .malformedJSON, "unexpected character '.'; expected the end of the file after the JSON value", 1, 4, 3),
    ("+1", .malformedJSON, "unexpected character '+'; expected a value", 1, 1, 0),
    (".5", .malformedJSON, "unexpected character '.'; expected a value", 1, 1, 0),
    ("NaN", .malformedJSON, "unexpected character 'N'; expected a value", 1, 1, 0),
    ("[Infinity]", .malformedJSON, "unexpected character 'I'; expected a value", 1, 2, 1),
    ("tru", .malformedJSON, "unexpected end of file; expected 'true'", 1, 4, 3),
    ("trUe", .malformedJSON, "unexpected character 'U'; expected 'true'", 1, 3, 2),
    ("[fals]", .malformedJSON, "unexpected character ']'; expected 'false'", 1, 6, 5),
    ("nul", .malformedJSON, "unexpected end of file; expected 'null'", 1, 4, 3),
    ("nil", .malformedJSON, "unexpected character 'i'; expected 'null'", 1, 2, 1),
    (#""\x""#, .malformedJSON, #"invalid escape 'x'; expected one of \" \\ \/ \b \f \n \r \t \u after '\'"#, 1, 3, 2),
    (#""\'""#, .malformedJSON, #"invalid escape "'"; expected one of \" \\ \/ \b \f \n \r \t \u after '\'"#, 1, 3, 2),
    (#""\U0041""#, .malformedJSON, #"invalid escape 'U'; expected one of \" \\ \/ \b \f \n \r \t \u after '\'"#, 1, 3, 2),
    (#""\u12G4""#, .malformedJSON, #"invalid escape 'G'; expected 4 hex digits after '\u'"#, 1, 6, 5),
    (#""\u12"#, .malformedJSON, #"unexpected end of file; expected 4 hex digits after '\u'"#, 1, 6, 5),
    (#"["叶\uD800"]"#, .malformedJSON, #"lone surrogate \uD800 in a string; expected \uDC00-\uDFFF to follow"#, 1, 4, 5),
    (#""\uD83D\u0041""#, .malformedJSON, #"lone surrogate \uD83D in a string; expected \uDC00-\uDFFF to follow"#, 1, 2, 1),
    (#""\uD83D\uD83D""#, .malformedJSON, #"lone surrogate \uD83D in a string; expected \uDC00-\uDFFF to follow"#, 1, 2, 1),
    (#""\uD83D\n""#, .malformedJSON, #"lone surrogate \uD83D in a string; expected \uDC00-\uDFFF to follow"#, 1, 2, 1),
    (#""x\uDE00""#, .malformedJSON, #"lone surrogate \uDE00 in a string; expected \uD800-\uDBFF before it"#, 1, 3, 2),
    (#""\uD83D\uDE0"#, .malformedJSON, #"unexpected end of file; expected 4 hex digits after '\u'"#, 1, 13, 12),
    ("\"a\u{7}b\"", .malformedJSON, #"control character U+0007 in a string; expected it escaped as \u0007"#, 1, 3, 2),
    ("\"a\u{0}\"", .malformedJSON, #"control character U+0000 in a string; expected it escaped as \u0000"#, 1, 3, 2),
    ("\"a\tb\"", .malformedJSON, #"control character U+0009 in a string; expected it escaped as \t"#, 1, 3, 2),
    ("[\"a\nb\"]", .malformedJSON, #"control character U+000A in a string; expected it escaped as \n"#, 1, 4, 3),
    ("\"a\\n\r\"", .malformedJSON, #"control character U+000D in a string; expected it escaped as \r"#, 1, 5, 4),
    ("{\"id\": 1,\n \"id\": 2}", .duplicateKey, #"duplicate key "id" (first at 1:2)"#, 2, 2, 11),
    (#"{"a": {"叶": 1, "\u53f6": 2}}"#, .duplicateKey, #"duplicate key "叶" (first at 1:8)"#, 1, 16, 17),
  ])
  func reportsErrors(text: String, code: Diagnostic.Code, message: String, line: Int, column: Int, offset: Int) {
    let error = readError(text)
    #expect(error == InputError(code, message, position: at(line, column), byteOffset: offset))
  }

  @Test(arguments: [
    ([0x22, 0xFF, 0x22], 1, "0xFF", 1, 2),
    ([0x5B, 0x80, 0x5D], 1, "0x80", 1, 2),
    ([0x5B, 0xC3], 1, "0xC3", 1, 2),
    ([0x22, 0xC0, 0x80, 0x22], 1, "0xC0", 1, 2),
    ([0x22, 0xE0, 0x80, 0x80, 0x22], 1, "0xE0", 1, 2),
    ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, "0xED", 1, 2),
    ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, "0xF4", 1, 2),
    ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1, "0xF5", 1, 2),
    ([0x22, 0xE5, 0x8F, 0x22], 1, "0xE5", 1, 2),
    ([0x22, 0xE5, 0x8F], 1, "0xE5", 1, 2),
    // After "叶" (three bytes, one column), a line break and an escape in the same string.
    (Array("[\"叶\",\n \"\\n".utf8) + [0xFE, 0x22, 0x5D], 12, "0xFE", 2, 5),
  ])
  func reportsInvalidUTF8WithByteOffset(bytes: [UInt8], offset: Int, byte: String, line: Int, column: Int) {
    #expect(
      readError(bytes)
        == InputError(
          .invalidUTF8, "invalid UTF-8 at byte offset \(offset) (\(byte)); expected UTF-8 text",
          position: at(line, column), byteOffset: offset))
  }

  @Test func reportsDuplicateKeysInLargeObjects() {
    let keys = (0..<40).map { "k\($0)" } + ["k17"]
    let text = "{" + keys.map { #""\#($0)": 0"# }.joined(separator: ", ") + "}"
    let firstOffset = ("{" + keys[..<17].map { #""\#($0)": 0, "# }.joined()).utf8.count
    let secondOffset = text.utf8.count - #""k17": 0}"#.utf8.count
    #expect(
      readError(text)
        == InputError(
          .duplicateKey, #"duplicate key "k17" (first at 1:\#(firstOffset + 1))"#,
          position: at(1, secondOffset + 1), byteOffset: secondOffset))
  }

  @Test func keepsMessagesShort() {
    let long = String(repeating: "x", count: 10_000)
    let duplicate = readError(#"{"\#(long)": 1, "\#(long)": 2}"#)
    #expect(duplicate?.message == #"duplicate key "\#(String(repeating: "x", count: 40))…" (first at 1:2)"#)
    let escaped = readError(#"{"a\n\u0007\"": 1, "a\n\u0007\"": 2}"#)
    #expect(escaped?.message == #"duplicate key "a\n\u{0007}\"" (first at 1:2)"#)
    let unterminated = readError("\"" + long)
    #expect((unterminated?.message.count ?? .max) < 100)
  }

  // MARK: Depth

  @Test func readsToTheDepthLimit() throws {
    let depth = JSONReader.maximumDepth
    var node = try JSONReader.read(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
    var levels = 1
    while case .array(let children) = node.value, let child = children.first {
      node = child
      levels += 1
    }
    #expect(levels == depth)
  }

  @Test(arguments: [
    (String(repeating: "[", count: 513) + String(repeating: "]", count: 513), 1, 513, 512),
    (String(repeating: "[", count: 10_000), 1, 513, 512),
    (String(repeating: #"{"a":"#, count: 10_000), 1, 5 * 512 + 1, 5 * 512),
    (String(repeating: "[\n", count: 600), 513, 1, 1024),
  ])
  func rejectsDeeperNesting(text: String, line: Int, column: Int, offset: Int) {
    let error = readError(text)
    #expect(
      error
        == InputError(
          .tooDeep, "arrays and objects nested more than 512 levels deep; expected at most 512 levels",
          position: at(line, column), byteOffset: offset))
  }

  @Test func makesDiagnostics() {
    let error = InputError(.duplicateKey, #"duplicate key "id" (first at 1:2)"#, position: at(2, 2), byteOffset: 11)
    #expect(error.description == #"2:2: duplicate key "id" (first at 1:2)"#)
    #expect(
      error.diagnostic(file: "a.json")
        == Diagnostic(.error, .duplicateKey, #"duplicate key "id" (first at 1:2)"#, file: "a.json", position: at(2, 2)))
    #expect(error.diagnostic(file: "a.json").description == #"a.json:2:2: error: duplicate key "id" (first at 1:2)"#)
    #expect(InputError(.emptyFile, "empty").description == "empty")
  }
}

