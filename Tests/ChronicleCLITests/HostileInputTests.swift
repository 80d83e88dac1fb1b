import Foundation
import Testing

/// One class of hostile strings that Chronicle must accept and carry through exactly.
struct HostileClass: Sendable, CustomTestStringConvertible {
  var name: String
  var strings: [String]
  var testDescription: String { name }
}

/// Hostile but valid text, by class (issue 8). Every string goes into every kind of
/// field that reaches an output: an event's title, aliases, notes and citation, a
/// person's id and name, a relation's role and locator, a claim's property and value.
enum HostileCorpus {
  static let classes: [HostileClass] = [
    HostileClass(name: "DOT injection", strings: [
      #"foo" shape=box image="/etc/passwd"#,
      #"Bob"]; "x" [image="/etc/passwd"]; "y" -> "z"#,
      #"""#, #""""#, #"\""#, #"a\"#, #"\"#, #"\\\"#, #"odd \\\ run \\\\\ of backslashes\"#,
      #"\N \G \E \T \H \L \n \l \r"#, #"\N\G\E\T\H\L\n\l\r"#, #"\x41 \u0041 \\N"#,
      #"label=<<b>x</b>>"#, #"]; node [shape=none image="/etc/passwd"]; x [label=""#,
    ]),
    HostileClass(name: "DOT keywords and structure", strings: [
      "node", "Edge", "STRICT", "digraph", "graph", "subgraph", "subgraph cluster_x { a; }", "a -> b", "a -- b",
      "{ a | b }", "<f0> a | <f1> b", "//", "# not a comment", "/* c */", "id with spaces", "e1:sw", "n0:ne:c",
      "n0", "t0", "cluster_legend", "1abc", "42", "-3.5", ".5", ";", ",", "=", "[", "]", "{", "}", "+", " ",
      "two  spaces", "  leading", "trailing  ",
    ]),
    HostileClass(name: "HTML-like labels", strings: [
      "<b>x</b>", "<<TABLE><TR><TD>x</TD></TR></TABLE>>", #"<IMG SRC="/etc/passwd"/>"#, #"<<IMG SRC="/etc/passwd"/>>"#,
      "<", ">", "<>", "<<>>", #"<img src=x onerror="alert(1)">"#, #"<FONT FACE="Comic Sans">x</FONT>"#, "<BR/>",
    ]),
    HostileClass(name: "XML and entities", strings: [
      "AT&amp;T", "&#65;", "&#x41;", "&lt;script&gt;", "&nbsp;", "&", "&&", "&;", "&#0;", "&#xD800;",
      "</text><script>alert(1)</script>", "]]>", "<![CDATA[x]]>", #"<?xml version="1.0"?>"#, "<!-- c -->",
      #"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;"#, #"xlink:href="/etc/passwd""#,
      #"font-family="Comic Sans""#, #"<image href="/etc/passwd"/>"#, #"<a href="javascript:alert(1)">x</a>"#,
    ]),
    HostileClass(name: "control characters", strings: [
      "NUL\u{0}byte", "\u{0}", "C0 " + String(String.UnicodeScalarView((1..<0x20).compactMap(Unicode.Scalar.init).filter {
        $0 != "\n" && $0 != "\r"
      })), "DEL\u{7F}", "C1 " + String(String.UnicodeScalarView((0x80...0x9F).compactMap(Unicode.Scalar.init))),
      "ESC \u{1B}[31mred\u{1B}[0m", "OSC \u{1B}]0;title\u{07}", "CSI \u{9B}2J", "BEL\u{07}", "back\u{8}\u{8}\u{8}space",
      "tab\there", "bare\rCR", "CRLF\r\nline", "LF\nline", "line\u{2028}separator", "paragraph\u{2029}separator",
      "NEL\u{85}next", "form\u{0C}feed", "vertical\u{0B}tab",
    ]),
    HostileClass(name: "Unicode", strings: [
      "\u{202E}evil\u{202C}", "unclosed \u{202E}override", "\u{2066}isolate", "\u{2067}\u{5E9}\u{5DC}\u{5D5}\u{5DD}",
      "👨‍👩‍👧‍👦", "a\u{200D}b", "a\u{200C}b", "a\u{200B}b", "🇺🇳🇦🇿", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏳️‍🌈",
      "caf\u{E9}", "cafe\u{301}", "\u{AC00}", "\u{1100}\u{1161}", "Xocal\u{131}", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀", "𓀀", "\u{10FFFF}",
      "a\u{FEFF}b", "\u{FEFF}", "Z\u{351}\u{360}\u{362}a\u{337}\u{334}l\u{358}g\u{489}o", noncharacter(0xFFFE), noncharacter(0xFFFF),
      "a" + noncharacter(0xFDD0) + "b", "\u{FFFD}", "soft\u{AD}hyphen", "no\u{A0}break", "thin\u{2009}space", "ideographic\u{3000}space",
      "\u{E0001}tag",
    ]),
    HostileClass(name: "long text", strings: [
      String(repeating: "A", count: 10_000),
      (0..<2_000).map { "word\($0)" }.joined(separator: " "),
      String(repeating: "😀", count: 10_000),  // 40 KB
      String(repeating: "\\", count: 10_000),
      String(repeating: "\"", count: 5_000),
      String(repeating: "&", count: 4_000),  // 20 KB once written as &amp;
      String(repeating: "\u{1B}[31m", count: 2_000),
      // Thousands of lines: shown whole, the node was taller than Graphviz draws.
      (0..<5_000).map { "line \($0) of a long title" }.joined(separator: "\n"),
    ]),
  ]

  /// A noncharacter (U+FFFE, U+FFFF, U+FDD0…), which Swift has no literal for.
  static func noncharacter(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }

  /// The timeline holding `strings`: a source document, and for the i-th string an
  /// event `e<i>` and a person `p<i>:<string>`, both related, with a sourced claim.
  static func timeline(_ strings: [String], title: String) -> JSONValue {
    var entities: [JSONValue] = [
      .object([("id", "src"), ("kind", "document"), ("title", "Source document"), ("date", "1993")])
    ]
    var relations: [JSONValue] = []
    var claims: [JSONValue] = []
    for (index, text) in strings.enumerated() {
      let citation = JSONValue.object([("document", "src"), ("locator", .string(text)), ("quote", .string(text))])
      entities.append(.object([
        ("id", .string("e\(index)")), ("kind", "event"), ("title", .string(text)), ("date", "1992"),
        ("aliases", .array([.string(text)])), ("notes", .array([.string(text)])), ("sources", .array([citation])),
      ]))
      entities.append(.object([("id", .string("p\(index):" + text)), ("kind", "person"), ("name", .string(text))]))
      relations.append(.object([
        ("from", .string("p\(index):" + text)), ("type", "participant"), ("to", .string("e\(index)")), ("role", .string(text)),
      ]))
      relations.append(.object([("from", "src"), ("type", "reports"), ("to", .string("e\(index)")), ("locator", .string(text))]))
      claims.append(.object([
        ("subject", .string("e\(index)")), ("property", .string("p\(index) " + text)), ("value", .string(text)),
        ("sources", .array([citation])),
      ]))
    }
    return .object([
      ("chronicle", .number("1")), ("title", .string(title)), ("entities", .array(entities)),
      ("relations", .array(relations)), ("claims", .array(claims)),
    ])
  }
}

/// The bidirectional controls the CLI must not print raw.
enum DiagnosticShorteningProbe {
  static func isBidi(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }
}

/// Members, elements and text of what JSONSerialization read (for ASCII-only checks).
private func object(_ value: Any?) -> [String: Any] { value as? [String: Any] ?? [:] }
private func array(_ value: Any?) -> [Any] { value as? [Any] ?? [] }
private func text(_ value: Any?) -> String { value as? String ?? "<not text>" }

/// Hostile but valid input, run end to end through the built `chronicle`: accepted,
/// exact in JSON, harmless and exact in SVG, harmless in text and Markdown.
@Suite struct HostileInputTests {
  @Test(arguments: HostileCorpus.classes)
  func hostileStringsComeOutExactAndHarmless(_ hostile: HostileClass) throws {
    let timeline = HostileCorpus.timeline(hostile.strings, title: "Hostile: \(hostile.name) " + hostile.strings[0])
    try withFolder(["t.json": timeline.bytes]) { folder in
      try expectExactJSON(hostile.strings, folder: folder)
      try expectHarmlessChronologies(hostile.strings, folder: folder)
      guard graphvizForHostileTests() else { return }
      try expectExactSVG(hostile.strings, folder: folder)
    }
  }

  /// JSON: accepted without a warning; re-exporting the export gives the same bytes;
  /// every string comes back with exactly its code points, and controls are escaped.
  private func expectExactJSON(_ strings: [String], folder: URL) throws {
    let first = try runChronicle(["export", "--strict", "--format", "json", "-o", "a.json", "t.json"], currentDirectory: folder)
    #expect(first.status == 0, "\(first.stderr.prefix(2000))")
    #expect(first.stderr == "")
    let second = try runChronicle(["export", "-o", "b.json", "a.json"], currentDirectory: folder)
    #expect(second.status == 0, "\(second.stderr.prefix(2000))")
    let a = try Data(contentsOf: folder.appendingPathComponent("a.json"))
    let b = try Data(contentsOf: folder.appendingPathComponent("b.json"))
    #expect(a == b, "re-exported JSON differs")
    // No raw control character: the only byte below 0x20 is the indentation's LF.
    #expect(!a.contains { $0 < 0x20 && $0 != 0x0A })
    let exported = String(decoding: a, as: UTF8.self)
    let controls = Set(strings.flatMap(\.unicodeScalars).filter { $0.value < 0x20 && !["\n", "\r", "\t"].contains($0) })
    for control in controls {
      #expect(exported.contains(String(format: "\\u%04x", Int(control.value))), "U+\(String(control.value, radix: 16)) escaped")
    }

    let root = try ExactJSON.parse(a)
    let entities = root["entities"]?.elements ?? []
    let relations = root["relations"]?.elements ?? []
    let claims = root["claims"]?.elements ?? []
    for (index, expected) in strings.enumerated() {
      let want = scalars(expected)
      let event = entities.first { $0["id"]?.scalars == scalars("e\(index)") }
      #expect(event?["title"]?.scalars == want, "title of e\(index)")
      #expect(event?["aliases"]?.elements.map(\.scalars) == [want], "aliases of e\(index)")
      #expect(event?["notes"]?.elements.map(\.scalars) == [want], "notes of e\(index)")
      let citation = event?["sources"]?.elements.first
      #expect(citation?["locator"]?.scalars == want && citation?["quote"]?.scalars == want, "citation of e\(index)")
      let personID = scalars("p\(index):" + expected)
      let person = entities.first { $0["id"]?.scalars == personID }
      #expect(person?["name"]?.scalars == want, "person p\(index)")
      let role = relations.first { $0["from"]?.scalars == personID }
      #expect(role?["role"]?.scalars == want, "role of p\(index)")
      let report = relations.first { $0["type"]?.scalars == scalars("reports") && $0["to"]?.scalars == scalars("e\(index)") }
      #expect(report?["locator"]?.scalars == want, "locator of e\(index)")
      let claim = claims.first { $0["subject"]?.scalars == scalars("e\(index)") }
      #expect(claim?["value"]?.scalars == want, "claim value of e\(index)")
      #expect(claim?["property"]?.scalars == scalars("p\(index) " + expected), "claim property of e\(index)")
    }
  }

  /// Text and Markdown: no raw control character, no bare CR, and printable ASCII words
  /// of the input kept in full in the text chronology.
  private func expectHarmlessChronologies(_ strings: [String], folder: URL) throws {
    for arguments in [["text"], ["markdown"], ["text", "--ascii"]] {
      let result = try runChronicle(["export", "--format"] + arguments + ["t.json"], currentDirectory: folder)
      #expect(result.status == 0, "\(arguments): \(result.stderr.prefix(2000))")
      #expect(rawControls(in: result.stdout).isEmpty, "\(arguments): raw control characters")
      #expect(!result.stdout.unicodeScalars.contains("\r"), "\(arguments)")
      if arguments.contains("--ascii") { #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII }) }
      guard arguments == ["text"] else { continue }
      for text in strings {
        let words = text.split(separator: " ").filter { $0.unicodeScalars.allSatisfy { (0x21..<0x7F).contains($0.value) } }
        for word in words where !result.stdout.contains(word) {
          Issue.record("the text chronology lost '\(word.prefix(60))'")
        }
      }
    }
  }

  /// SVG: Graphviz says nothing, the SVG is harmless XML, and the labels and tooltips
  /// read back are the input, with only the documented substitutions and wrapping.
  private func expectExactSVG(_ strings: [String], folder: URL) throws {
    let network = try runChronicle(["render", "--view", "network", "-o", "network.svg", "t.json"], currentDirectory: folder)
    #expect(network.status == 0, "\(network.stderr.prefix(2000))")
    #expect(network.stderr == "", "Graphviz or Chronicle warned: \(network.stderr.prefix(2000))")
    _ = expectHarmlessSVG(try Data(contentsOf: folder.appendingPathComponent("network.svg")))

    let result = try runChronicle(["render", "-o", "t.svg", "t.json"], currentDirectory: folder)
    #expect(result.status == 0, "\(result.stderr.prefix(2000))")
    #expect(result.stderr == "", "Graphviz or Chronicle warned: \(result.stderr.prefix(2000))")
    #expect(try folderListing(folder) == ["a.json", "b.json", "network.svg", "t.json", "t.svg"])
    let svg = expectHarmlessSVG(try Data(contentsOf: folder.appendingPathComponent("t.svg")))
    for (index, text) in strings.enumerated() {
      let label = DOTPromise.joinedLabel(text)
      guard let event = svg.node(tooltipPrefix: "id: e\(index)\n") else {
        Issue.record("no node for e\(index)")
        continue
      }
      // The title's lines, then the date.
      #expect(event.texts.last == "1992")
      #expect(svgLabel(event.texts.dropLast(), input: text) == label, "label of e\(index)")
      let tooltip = DOTPromise.tooltip(text)
      // A label shown cut gives the whole text in its tooltip.
      let cut = DOTPromise.shown(text) != nil
      let wholeTitle = cut ? "title: \(tooltip)\n" : ""
      #expect(svgLabel([event.tooltip ?? ""], input: text) == "id: e\(index)\n\(wholeTitle)also: \(tooltip)\n\(tooltip)",
              "tooltip of e\(index)")

      guard let person = svg.node(tooltipPrefix: "id: p\(index):") else {
        Issue.record("no node for p\(index)")
        continue
      }
      #expect(svgLabel(person.texts, input: text) == label, "label of p\(index)")
      let wholeName = cut ? "\nname: \(tooltip)" : ""
      #expect(svgLabel([person.tooltip ?? ""], input: text) == "id: p\(index):" + tooltip + wholeName, "tooltip of p\(index)")
      let participant = svg.edges(between: person.title, and: event.title).first
      #expect(participant?.texts.first == "participant")
      #expect(svgLabel(Array(participant?.texts.dropFirst() ?? []), input: text) == label, "role of p\(index)")
      if cut { #expect(svgLabel([participant?.tooltip ?? ""], input: text) == "role: \(tooltip)", "role tooltip of p\(index)") }
    }
  }

  // MARK: Fixture files

  /// The files of `Fixtures/Hostile/valid`, each through every output.
  @Test(arguments: hostileFixtureNames("valid"))
  func validFixtureComesOutHarmless(_ name: String) throws {
    let bytes = [UInt8](try Data(contentsOf: hostileFixtureFolder.appendingPathComponent("valid").appendingPathComponent(name)))
    try withFolder([name: bytes]) { folder in
      let first = try runChronicle(["export", "--format", "json", "-o", "a.json", name], currentDirectory: folder)
      #expect(first.status == 0, "\(first.stderr.prefix(2000))")
      #expect(rawControls(in: first.stderr).isEmpty)
      #expect(longestLine(first.stderr) <= 300)
      let second = try runChronicle(["export", "-o", "b.json", "a.json"], currentDirectory: folder)
      #expect(second.status == 0)
      let a = try Data(contentsOf: folder.appendingPathComponent("a.json"))
      #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.json"))))
      #expect(!a.contains { $0 < 0x20 && $0 != 0x0A })
      #expect(!a.starts(with: [0xEF, 0xBB, 0xBF]), "the BOM of the input is not part of the timeline")
      if name.hasSuffix(".json") {
        // Every string of the input is in the export, code point for code point.
        let input = try ExactJSON.parse(Data(bytes))
        let output = try ExactJSON.parse(a)
        let missing = Set(input.allStrings).subtracting(output.allStrings)
        #expect(missing.isEmpty, "strings lost: \(missing)")
      }

      for format in ["text", "markdown"] {
        let result = try runChronicle(["export", "--format", format, name], currentDirectory: folder)
        #expect(result.status == 0)
        #expect(rawControls(in: result.stdout).isEmpty, "\(format)")
        #expect(!result.stdout.unicodeScalars.contains("\r"), "\(format)")
      }

      guard graphvizForHostileTests() else { return }
      let render = try runChronicle(["render", "--cluster", "organisation", "-o", "t.svg", name], currentDirectory: folder)
      #expect(render.status == 0, "\(render.stderr.prefix(2000))")
      #expect(!render.stderr.contains("Graphviz said"), "\(render.stderr.prefix(2000))")
      _ = expectHarmlessSVG(try Data(contentsOf: folder.appendingPathComponent("t.svg")))
    }
  }

  /// YAML's implicit types stay the text written, wherever text is expected.
  @Test func yamlImplicitTypesStayText() throws {
    let name = "yaml-implicit-types.yaml"
    let bytes = [UInt8](try Data(contentsOf: hostileFixtureFolder.appendingPathComponent("valid/\(name)")))
    try withFolder([name: bytes]) { folder in
      let result = try runChronicle(["export", "--format", "json", "--compact", name], currentDirectory: folder)
      #expect(result.status == 0)
      let root = object(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
      #expect(text(root["title"]) == "no")
      let entities = array(root["entities"]).map(object)
      #expect(entities.map { text($0["id"]) } == ["yes", "on", "012", "1e3", "0o17"])
      #expect(text(entities[0]["title"]) == "1992-02-26")
      #expect(text(entities[0]["pages"]) == "012")
      #expect(text(entities[0]["publisher"]) == "0x1F")
      #expect(text(entities[1]["title"]) == "off")
      #expect(array(entities[1]["aliases"]).map(text) == [
        "no", "on", "y", "n", "True", "FALSE", "0x1F", "012", "0o17", "1e3", "1_000", "+12", "-0", ".nan", ".NaN",
        ".inf", "-.Inf", "12:30:00", "190:20:30", "2001-12-14t21:59:43.10-05:00", "~", "null-ish",
      ])
      #expect(array(entities[1]["notes"]).map(text) == ["1992-02-26", "3.14159", "1e3"])
      #expect(text(entities[2]["name"]) == "0x1F")
      #expect(text(entities[3]["name"]) == ".nan")
      #expect(text(entities[4]["name"]) == "null")
      let relations = array(root["relations"]).map(object)
      #expect(relations.map { text($0["role"] ?? $0["locator"] ?? "") } == ["1e3", "no", "", "true"])
      let claim = object(array(root["claims"]).first)
      #expect(text(claim["property"]) == "0x1F")
      #expect(text(claim["value"]) == "yes")
    }
  }

  /// Aliases expand to the anchored text; `<<` is an ordinary (unknown) key, never a merge.
  @Test func yamlAnchorsExpandAndMergeKeysDoNotMerge() throws {
    let name = "yaml-anchors.yaml"
    let bytes = [UInt8](try Data(contentsOf: hostileFixtureFolder.appendingPathComponent("valid/\(name)")))
    try withFolder([name: bytes]) { folder in
      let result = try runChronicle(["export", "--format", "json", "--compact", name], currentDirectory: folder)
      #expect(result.status == 0)
      #expect(result.stderr.contains("unknown key '<<' in a person is ignored [entities[3].<<]"))
      let root = object(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
      let entities = array(root["entities"]).map(object)
      #expect(text(entities[1]["title"]) == "Letter &amp; *not* an alias")
      #expect(array(entities[1]["sources"]).count == 2)
      #expect(text(entities[2]["name"]) == "*name &anchor")
      let merged = entities[3]
      #expect(text(merged["kind"]) == "person")
      #expect(merged["title"] == nil && merged["date"] == nil)
    }
  }

  /// A byte order mark at the start is accepted and ignored: the same positions as
  /// without it, and no mark in any output.
  @Test(arguments: ["json", "yaml"])
  func byteOrderMarkIsAcceptedAndIgnored(_ format: String) throws {
    let body = format == "json"
      ? #"{"entities": [{"id": "a", "kind": "event", "title": "A", "date": "1992-02-30"}]}"#
      : "entities:\n  - {id: a, kind: event, title: A, date: \"1992-02-30\"}\n"
    try withFolder(["plain.\(format)": Array(body.utf8), "bom.\(format)": [0xEF, 0xBB, 0xBF] + Array(body.utf8)]) { folder in
      let plain = try runChronicle(["validate", "plain.\(format)"], currentDirectory: folder)
      let marked = try runChronicle(["validate", "bom.\(format)"], currentDirectory: folder)
      #expect(plain.status == 1 && marked.status == 1)
      #expect(marked.stderr == plain.stderr.replacingOccurrences(of: "plain.\(format)", with: "bom.\(format)"))
      #expect(!marked.stderr.unicodeScalars.contains("\u{FEFF}"))
    }
  }

  /// Ids are compared code point by code point: NFC `café` and NFD `café` are two
  /// entities, each kept exactly, each reachable by its own spelling, with a
  /// `look-alike-ids` warning; two files spelling them differently are not merged.
  @Test func idsDifferingOnlyInNormalisationAreTwoEntitiesWithAWarning() throws {
    let timeline = JSONValue.object([("entities", .array([
      .object([("id", "caf\u{E9}"), ("kind", "person"), ("name", "NFC")]),
      .object([("id", "cafe\u{301}"), ("kind", "person"), ("name", "NFD")]),
      .object([("id", "e"), ("kind", "event"), ("title", "E"), ("date", "1992")]),
    ])), ("relations", .array([
      .object([("from", "cafe\u{301}"), ("type", "participant"), ("to", "e")]),
      .object([("from", "caf\u{E9}"), ("type", "participant"), ("to", "e")]),
    ]))])
    try withFolder(["t.json": timeline.bytes]) { folder in
      let result = try runChronicle(["export", "--format", "json", "t.json"], currentDirectory: folder)
      #expect(result.status == 0)
      #expect(result.stdout.unicodeScalars.contains("\u{301}") && result.stdout.unicodeScalars.contains("\u{E9}"))
      #expect(result.stderr.contains(
        "t.json:2:8: warning: id 'cafe\u{301}' differs only in Unicode normalisation from 'caf\u{E9}' at 1:22 "
          + "(U+0065 U+0301 here, U+00E9 there); they are two different entities"))
      #expect(result.stderr.contains("if they are one [entities[1].id]"))
      let dot = try runChronicle(["export", "--format", "dot", "--view", "network", "t.json"], currentDirectory: folder)
      #expect(dot.status == 0)
      #expect(dot.stdout.contains("label=\"NFC\"") && dot.stdout.contains("label=\"NFD\""))
      let strict = try runChronicle(["validate", "--strict", "t.json"], currentDirectory: folder)
      #expect(strict.status == 1)
    }
    let nfc = JSONValue.object([("entities", .array([.object([("id", "caf\u{E9}"), ("kind", "person"), ("name", "A")])]))])
    let nfd = JSONValue.object([("entities", .array([.object([("id", "cafe\u{301}"), ("kind", "person"), ("name", "B")])]))])
    try withFolder(["a.json": nfc.bytes, "b.json": nfd.bytes]) { folder in
      let result = try runChronicle(["export", "--format", "json", "a.json", "b.json"], currentDirectory: folder)
      #expect(result.status == 0)
      #expect(result.stdout.contains("\"A\"") && result.stdout.contains("\"B\""))
      #expect(result.stderr.contains("b.json:1:22: warning: id 'cafe\u{301}' differs only in Unicode normalisation from 'caf\u{E9}' at a.json:1:22 (U+0065"))
    }
  }

  /// Diagnostics quote hostile ids without handing the terminal anything it acts on:
  /// controls become `�`, and bidirectional overrides, which would reorder the rest of
  /// the line, are written `\u{202E}` in the message and `�` in the quoted line.
  @Test func diagnosticsQuoteHostileTextInertly() throws {
    // A raw U+202E in the file; ESC and BEL escaped, as JSON requires.
    let raw = Array(#"{"entities": [{"id": "a\#u{202E}b\u001b[31m\u0007", "kind": "person", "name": "X"}]}"#.utf8)
    try withFolder(["t.json": raw]) { folder in
      let result = try runChronicle(["validate", "t.json"], currentDirectory: folder)
      #expect(result.status == 0)
      #expect(result.stderr.hasPrefix(
        "t.json:1:22: warning: person 'a\\u{202E}b\u{FFFD}[31m\u{FFFD}' is not related to anything"))
      #expect(result.stderr.contains(#" 1 | {"entities": [{"id": "a\#u{FFFD}b\u001b[31m\u0007", "kind""#))
      #expect(!result.stderr.unicodeScalars.contains { DiagnosticShorteningProbe.isBidi($0) })
      #expect(rawControls(in: result.stderr).isEmpty)
    }
  }

  /// Text and Markdown show the documented substitutes: U+FFFD for controls, LF for
  /// CR and CRLF, and close a bidirectional override left open.
  @Test func chronologiesSubstituteAsDocumented() throws {
    let timeline = HostileCorpus.timeline(["a\u{0}b\u{1B}[31mc\u{7F}d\u{9B}e", "one\rtwo\r\nthree", "\u{202E}open"], title: "T")
    try withFolder(["t.json": timeline.bytes]) { folder in
      let text = try runChronicle(["export", "--format", "text", "--width", "200", "t.json"], currentDirectory: folder)
      #expect(text.status == 0)
      #expect(text.stdout.contains("a\u{FFFD}b\u{FFFD}[31mc\u{FFFD}d\u{FFFD}e"))
      #expect(text.stdout.contains("one\n"))
      #expect(text.stdout.contains("\u{202E}open\u{202C}"))
      let ascii = try runChronicle(["export", "--format", "text", "--ascii", "--width", "200", "t.json"], currentDirectory: folder)
      #expect(ascii.stdout.contains("a?b?[31mc?d?e"))
      let markdown = try runChronicle(["export", "--format", "markdown", "--width", "200", "t.json"], currentDirectory: folder)
      #expect(markdown.stdout.contains("one two three"))
      #expect(markdown.stdout.contains("a\u{FFFD}b\u{FFFD}\\[31mc\u{FFFD}d\u{FFFD}e"))
    }
  }
}
