import Foundation
import Testing

/// One broken input: the file, and what its first error must say.
struct RefusedInput: Sendable, CustomTestStringConvertible {
  /// The file name, which decides the format.
  var name: String
  var bytes: [UInt8]
  /// `line:column` of the first error.
  var position: String
  /// Words the first error's message must contain (what is wrong, what was expected).
  var message: String
  /// The path of the value, for errors of meaning (`entities[1].id`).
  var path: String?

  var testDescription: String { name }

  /// A file of `Fixtures/Hostile/refused`.
  static func fixture(_ name: String, _ position: String, _ message: String, path: String? = nil) -> RefusedInput {
    let url = hostileFixtureFolder.appendingPathComponent("refused").appendingPathComponent(name)
    let bytes = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
    return RefusedInput(name: name, bytes: bytes, position: position, message: message, path: path)
  }

  /// A file built in code (bytes no text file should hold, or too big to ship).
  static func built(
    _ name: String, _ bytes: [UInt8], _ position: String, _ message: String, path: String? = nil
  ) -> RefusedInput {
    RefusedInput(name: name, bytes: bytes, position: position, message: message, path: path)
  }
}

/// The corpus of broken input: every file must be refused with exit status 1 and one
/// clear, short message naming the file, the place and what was expected, and nothing
/// may be written.
enum RefusedCorpus {
  static let fixtures: [RefusedInput] = [
    .fixture("empty.json", "1:1", "the file is empty; expected a JSON object"),
    .fixture("empty.yaml", "1:1", "the file is empty; expected a YAML mapping"),
    .fixture("comment-only.yaml", "3:1", "the file is empty; expected a YAML mapping"),
    .fixture("truncated.json", "1:82", "unexpected end of file; expected '\"' to end the string started at 1:79"),
    .fixture("truncated.yaml", "4:1", "unexpected end of stream"),
    .fixture("lone-surrogate.json", "1:23", "lone surrogate \\uD800 in a string; expected \\uDC00-\\uDFFF to follow"),
    .fixture("lone-low-surrogate.json", "1:98", "lone surrogate \\uDC00 in a string"),
    .fixture("duplicate-key.json", "1:62", "duplicate key \"name\" (first at 1:45)"),
    .fixture("duplicate-key.yaml", "5:5", "duplicate key \"name\" (first at 4:5)"),
    .fixture("duplicate-key-flow.yaml", "2:27", "duplicate key \"name\""),
    .fixture("id-number.json", "1:22", "expected text, found the number 42", path: "entities[0].id"),
    .fixture("list-as-text.json", "1:53", "expected text, found a list", path: "entities[0].name"),
    .fixture("list-as-text.yaml", "2:33", "expected text, found a list", path: "entities[0].title"),
    .fixture("number-overflow.json", "1:135", "'1e400' is not a finite number; expected a decimal number such as 613, 2.5 or 1.3e3, at most about 1.8e308 in size", path: "claims[0].value"),
    .fixture(
      "date-1992-02-30.yaml", "2:51", "day 30 is out of range for February 1992; expected 01-29", path: "entities[0].date"),
    .fixture(
      "date-1991-02-29.yaml", "2:50", "(1991 is not a leap year); expected 01-28", path: "entities[0].date"),
    .fixture(
      "reversed-interval.json", "1:77", "the interval is reversed: its start 1992-02-26 is after its end 1992-02-25",
      path: "entities[0].date"),
    .fixture(
      "year-too-large.yaml", "2:42", "is outside the supported range; years have at most 15 digits", path: "entities[0].date"),
    .fixture("duplicate-id.yaml", "3:10", "duplicate id 'a' (first defined at 2:10)", path: "entities[1].id"),
    .fixture("dangling-reference.yaml", "2:57", "'place' refers to 'nowhere', but no entity has that id", path: "entities[0].place"),
    .fixture("dangling-relation.yaml", "4:38", "'to' refers to 'ghost', but no entity has that id", path: "relations[0].to"),
    .fixture("tag-python.yaml", "2:33", "explicit YAML tags are not supported (found '!!python/object/apply:os.system')"),
    .fixture(
      "tag-python-sequence.yaml", "1:11", "explicit YAML tags are not supported (found '!!python/object/new:subprocess.Popen')"),
    .fixture("tag-binary.yaml", "2:33", "explicit YAML tags are not supported (found '!!binary')"),
    .fixture("tag-custom.yaml", "2:33", "explicit YAML tags are not supported (found '!local/custom')"),
    .fixture("billion-laughs.yaml", "2:7", "aliases expand to more than"),
  ]

  /// A 10,000-character value: no line of standard error may quote it whole.
  static let long = String(repeating: "x", count: 10_000)

  static let built: [RefusedInput] = [
    // Invalid UTF-8, with the byte offset: a stray byte, an overlong form, an encoded
    // surrogate, a sequence cut short by the end of the file, in both formats.
    .built("invalid-ff.json", Array(#"{"entities": [{"id": "a"#.utf8) + [0xFF] + Array(#"", "kind": "person", "name": "X"}]}"#.utf8),
      "1:24", "invalid UTF-8 at byte offset 23 (0xFF); expected UTF-8 text"),
    .built("invalid-overlong.yaml", Array("entities:\n  - {id: \"a".utf8) + [0xC0, 0xAF] + Array("\", kind: person, name: X}\n".utf8),
      "2:12", "invalid UTF-8 at byte offset 21 (0xC0)"),
    .built("invalid-surrogate.json", Array(#"{"title": ""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),
      "1:12", "invalid UTF-8 at byte offset 11 (0xED)"),
    .built("invalid-cut-short.yaml", Array("title: abc".utf8) + [0xE2, 0x82], "1:11", "invalid UTF-8 at byte offset 10 (0xE2)"),
    // Nesting 10,000 deep: a depth limit, not a stack overflow.
    .built("deep.json", Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8),
      "1:513", "nested more than 512 levels deep"),
    .built("deep-objects.json", Array((String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000)).utf8),
      "1:2561", "nested more than 512 levels deep"),
    .built("deep-flow.yaml", Array(("entities: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8),
      "1:12", "nested 1,000 levels deep or more (the YAML parser's own limit); expected at most 512 levels"),
    .built("deep-block.yaml", Array(("entities:\n  " + String(repeating: "- ", count: 10_000) + "x\n").utf8),
      "2:1999", "nested 1,000 levels deep or more (the YAML parser's own limit); expected at most 512 levels"),
    // 10,000-character values in messages and lines: shortened.
    .built("long-duplicate-id.json", JSONValue.object([("entities", .array([
      .object([("id", .string(long)), ("kind", "person"), ("name", "A")]),
      .object([("id", .string(long)), ("kind", "person"), ("name", "B")]),
    ]))]).bytes, "2:8", "duplicate id 'xxxxxxxx", path: "entities[1].id"),
    .built("long-dangling.json", JSONValue.object([("entities", .array([
      .object([("id", "a"), ("kind", "event"), ("title", "A"), ("date", "1992"), ("place", .string(long))]),
    ]))]).bytes, "1:83", "'place' refers to 'xxxxxxxx", path: "entities[0].place"),
    .built("long-kind.yaml", Array("entities:\n  - {id: a, kind: \(long), name: A}\n".utf8),
      "2:19", "unknown kind 'xxxxxxxx", path: "entities[0].kind"),
    .built("long-line-error-at-end.json", Array(#"{"title": "\#(long)", "entities": [}"#.utf8),
      "1:10028", "unexpected character '}'; expected a value"),
    .built("long-date.yaml", Array("entities:\n  - {id: a, kind: event, title: A, date: \"1992-\(long)\"}\n".utf8),
      "2:48", "unexpected 'x'", path: "entities[0].date"),
  ]

  static let all = fixtures + built
}

/// Broken input, run end to end through the built `chronicle`.
@Suite struct RefusedInputTests {
  /// Every fixture file is in the table, and every table entry has its file.
  @Test func theCorpusListsEveryFixture() {
    let listed = Set(RefusedCorpus.fixtures.map(\.name))
    #expect(Set(hostileFixtureNames("refused")) == listed)
    for input in RefusedCorpus.fixtures where input.name.hasPrefix("empty") == false {
      #expect(!input.bytes.isEmpty, "\(input.name) is missing or empty")
    }
  }

  /// Each broken file is refused with exit status 1 and a first message that names the
  /// file, the place (`line:column`, and the path for errors of meaning) and what was
  /// expected; no line of standard error is longer than 300 characters. With `-o`,
  /// nothing is written: an existing file is left byte for byte as it was, no new file
  /// is created and no temporary file is left; `render` refuses before running Graphviz.
  @Test(arguments: RefusedCorpus.all)
  func refusedCleanlyAndNothingWritten(_ input: RefusedInput) throws {
    let previous: [String: [UInt8]] = [
      "old.txt": Array("previous chronology\n".utf8),
      "old.svg": Array("<svg/>\n".utf8),
    ]
    try withFolder(previous.merging([input.name: input.bytes]) { $1 }) { folder in
      let before = try folderListing(folder)
      let export = try runChronicle(["export", "-o", "old.txt", input.name], currentDirectory: folder)
      #expect(export.status == 1)
      #expect(!export.terminatedBySignal)
      #expect(export.stdout == "")
      let first = export.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
      #expect(first.hasPrefix("\(input.name):\(input.position): error: "), "\(first.prefix(300))")
      #expect(first.contains(input.message), "\(first.prefix(300))")
      if let path = input.path {
        #expect(first.hasSuffix("[\(path)]"), "\(first.prefix(300))")
      }
      // Short: the quoted line is cut around the place, values in messages shortened.
      #expect(longestLine(export.stderr) <= 300, "a line of \(longestLine(export.stderr)) characters")
      #expect(rawControls(in: export.stderr).isEmpty)

      let render = try runChronicle(["render", "-o", "new.svg", input.name], currentDirectory: folder)
      #expect(render.status == 1)
      #expect(render.stdout == "")
      #expect(render.stderr == export.stderr)

      #expect(try folderListing(folder) == before)
      for (name, bytes) in previous {
        #expect(try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))) == bytes, "\(name) changed")
      }
    }
  }

  /// `validate` reports the same first error and counts it in its summary.
  @Test(arguments: RefusedCorpus.fixtures.prefix(6))
  func validateCountsTheError(_ input: RefusedInput) throws {
    try withFolder([input.name: input.bytes]) { folder in
      let result = try runChronicle(["validate", input.name], currentDirectory: folder)
      #expect(result.status == 1)
      #expect(result.stderr.hasPrefix("\(input.name):\(input.position): error: "))
      #expect(result.stderr.hasSuffix("1 file: 0 entities, 0 relations, 0 claims; 1 error, 0 warnings\n"))
    }
  }

  /// Nothing in a YAML tag is acted on: the file the `!!python/object/apply` tag names
  /// is never created, whatever the command.
  @Test func yamlTagsAreNeverActedOn() throws {
    let input = RefusedCorpus.fixtures.first { $0.name == "tag-python.yaml" }!
    try withFolder([input.name: input.bytes]) { folder in
      for command in [["validate"], ["stats"], ["export", "--format", "json"]] {
        let result = try runChronicle(command + [input.name], currentDirectory: folder)
        #expect(result.status == 1)
      }
      #expect(try folderListing(folder) == [input.name])
    }
  }

  /// Standard input gets the same checks and messages, named `-`.
  @Test func standardInputIsNamedDash() throws {
    let result = try runChronicle(["export", "--format", "json", "-"], stdin: #"{"entities": [{"id": 42}]}"#)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("-:1:22: error: expected text, found the number 42 [entities[0].id]\n"))
  }

  /// Several files: an error in the second refuses the whole export, naming that file.
  @Test func anErrorInOneOfSeveralFilesRefusesAll() throws {
    let good = Array("entities:\n  - {id: a, kind: person, name: A}\n".utf8)
    let bad = Array("entities:\n  - {id: a, kind: event, title: A}\n".utf8)
    try withFolder(["good.yaml": good, "bad.yaml": bad]) { folder in
      let result = try runChronicle(["export", "-o", "out.json", "good.yaml", "bad.yaml"], currentDirectory: folder)
      #expect(result.status == 1)
      #expect(result.stderr.contains("bad.yaml:2:"))
      #expect(try folderListing(folder) == ["bad.yaml", "good.yaml"])
    }
  }
}
