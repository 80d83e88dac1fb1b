import Testing
@testable import Chronicle

/// The elements of a JSON file's lists are read straight from their bytes
/// (``TimelineDecoder/decodeDirect(_:section:index:document:)``) when the general path
/// (a tree, then ``TimelineDecoder/decodeRecord(_:of:index:offset:)``) would read them with
/// nothing to report; everything else goes to the general path. A differential test:
/// wherever the direct path reads an element, the general path must read an equal one,
/// report nothing, give the same places and stop at the same byte and line.
struct DirectDecodingTests {
  /// What a path gives at one offset, read as one section.
  private struct Read: Equatable {
    var record: String
    var places: String
    var offset: Int
    var line: Int
    var position: TextPosition
  }

  private func describe(_ record: TimelineDecoder.Record) -> (String, Provenance) {
    switch record {
    case .entity(let entity): ("\(entity)", entity.provenance)
    case .relation(let relation): ("\(relation)", relation.provenance)
    case .claim(let claim): ("\(claim)", claim.provenance)
    }
  }

  private func places(_ provenance: Provenance) -> String {
    let fields = provenance.fields.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }
    return "\(provenance.path ?? "-") \(provenance.position.map { "\($0)" } ?? "-") \(fields.joined(separator: ","))"
  }

  /// Both paths at every `{` that starts a line, as each section; returns how many
  /// elements the direct path read and how many it gave to the general path.
  @discardableResult
  private func compareEverywhere(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> (direct: Int, general: Int) {
    let document = SourceDocument(bytes: bytes, file: "t.json")
    var counts = (direct: 0, general: 0)
    bytes.withUnsafeBufferPointer { buffer in
      var line = 1
      var lineStart = 0
      for offset in buffer.indices {
        if buffer[offset] == 0x0A {
          line += 1
          lineStart = offset + 1
          continue
        }
        guard buffer[offset] == UInt8(ascii: "{"),
          buffer[lineStart..<offset].allSatisfy({ $0 == 0x20 || $0 == 0x09 })
        else { continue }
        let position = TextPosition(line: line, column: offset - lineStart + 1)
        for section in [SourceElement.Section.entities, .relations, .claims] {
          var directParser = JSONByteParser(buffer, startingAt: offset, position: position)
          var directDecoder = TimelineDecoder(file: "t.json")
          directDecoder.source = document
          directDecoder.recording = false
          let direct = directDecoder.decodeDirect(&directParser, section: section, index: 7, document: document)
          guard let direct else {
            counts.general += 1
            #expect(directParser.offset == offset && directParser.currentLine == line, "the parser is put back",
                    sourceLocation: sourceLocation)
            continue
          }
          counts.direct += 1
          #expect(directDecoder.diagnostics.isEmpty, sourceLocation: sourceLocation)
          var parser = JSONByteParser(buffer, startingAt: offset, position: position)
          var decoder = TimelineDecoder(file: "t.json")
          decoder.source = document
          decoder.recording = false
          guard let node = try? parser.parseElement(),
            let general = decoder.decodeRecord(node, of: section, index: 7, offset: offset)
          else {
            Issue.record("line \(line), \(section): read directly, refused by the general path", sourceLocation: sourceLocation)
            continue
          }
          #expect(decoder.diagnostics.isEmpty, "line \(line), \(section): \(decoder.diagnostics)", sourceLocation: sourceLocation)
          let (directText, directProvenance) = describe(direct)
          let (generalText, generalProvenance) = describe(general)
          let expected = Read(
            record: generalText, places: places(generalProvenance), offset: parser.offset, line: parser.currentLine,
            position: parser.currentPosition)
          let actual = Read(
            record: directText, places: places(directProvenance), offset: directParser.offset,
            line: directParser.currentLine, position: directParser.currentPosition)
          #expect(actual == expected, "line \(line), \(section)", sourceLocation: sourceLocation)
          switch (direct, general) {
          case (.entity(let a), .entity(let b)): #expect(a == b, sourceLocation: sourceLocation)
          case (.relation(let a), .relation(let b)): #expect(a == b, sourceLocation: sourceLocation)
          case (.claim(let a), .claim(let b)): #expect(a == b, sourceLocation: sourceLocation)
          default: Issue.record("line \(line): different kinds of record", sourceLocation: sourceLocation)
          }
        }
      }
    }
    return counts
  }

  /// Generated files, every EDTF form and hostile-but-valid strings among them: nearly
  /// every element is read directly.
  @Test func generatedElementsAreReadDirectlyAsByTheGeneralPath() {
    let bytes = TimelineGenerator(events: 400, seed: 11).bytes(.json)
    let counts = compareEverywhere(bytes)
    // Each element is tried as each of the three lists: it is read directly as its own.
    let elements = counts.direct
    #expect(elements > 1_000)
    #expect(Double(elements) / Double(counts.direct + counts.general) > 0.3)
  }

  /// Each element of a generated file changed in one way that the general path reports
  /// or reads differently: none of them is read directly with a different result.
  @Test func editedElementsGiveWhatTheGeneralPathGives() {
    let text = String(decoding: TimelineGenerator(events: 40, seed: 5).bytes(.json), as: UTF8.self)
    let edits: [(String, String)] = [
      (#""id":"#, #""id":"","x":"#), (#""id":"#, #""\u0069d":"#), (#""kind":"#, #""kind":"thing","k":"#),
      (#""kind":"#, #""kind":null,"k":"#), (#""name":"#, #""title":"T","name":"#), (#""title":"#, #""name":"N","title":"#),
      (#""date":""#, #""date":"1992-13-45","d":""#), (#""date":""#, #""date":19920226,"d":""#),
      (#""sources":["#, #""sources":[null,"#), (#""sources":[{"#, #""sources":[{"quote":"","#),
      (#""document":"#, #""document":"","d":"#), (#""locator":"#, #""locator":null,"l":"#),
      (#""from":"#, #""from":"a","from":"#), (#""to":"#, #""to":12,"t":"#), (#""role":"#, #""role":"","r":"#),
      (#""value":"#, #""value":1e400,"v":"#), (#""value":"#, #""value":{"low":1},"v":"#),
      (#""value":"#, #""value":{"low":1,"high":"2"},"v":"#), (#""value":"#, #""value":true,"v":"#),
      (#""value":"#, #""value":"some","v":"#), (#""value":"#, #""value":-0.5e3,"v":"#),
      (#""aliases":["#, #""aliases":["","#), (#""notes":["#, #""notes":[null,"#),
      (#""coordinates":{"#, #""coordinates":{"altitude":3,"#), (#""latitude":"#, #""latitude":"41","lat":"#),
      (#""identifiers":[{"#, #""identifiers":[{"scheme":"","#), (#""steps":[{"#, #""steps":[{"label":"x"},{"#),
      (#""positions":[{"#, #""positions":[{"organisation":"o"},{"#), (#""subject":"#, #""subject":" ","s":"#),
      (#"",""#, "\",\n  \""), (#"",""#, "\",\r\n\t\""), (#"",""#, #"" , ""#), (#"":""#, #"" : ""#),
      (#""note":"#, #""note":"\u00e9\n\"","n":"#), (#""place":"#, #""place":"Xocalı — ü","p":"#),
    ]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var edited: [String] = []
    for (number, line) in lines.enumerated() {
      let (target, replacement) = edits[number % edits.count]
      if let range = line.range(of: target) {
        edited.append(line.replacingCharacters(in: range, with: replacement))
      } else {
        edited.append(line)
      }
    }
    let counts = compareEverywhere(Array(edited.joined(separator: "\n").utf8))
    #expect(counts.direct > 50 && counts.general > 50)
  }

  /// Random bytes of generated files replaced, deleted or inserted.
  @Test func mutatedElementsGiveWhatTheGeneralPathGives() {
    var random = GeneratorRandom(seed: 0xD1EC7)
    let sources = (1...3).map { TimelineGenerator(events: 10 + $0 * 5, seed: UInt64($0) + 20).bytes(.json) }
    let replacements = Array(#"{}[],:"\ 0-.e9nul"#.utf8) + [0x0A, 0x0D, 0x09, 0xC3, 0xA9, 0x80, 0x00, 0x1F]
    for round in 0..<120 {
      var bytes = sources[round % sources.count]
      for _ in 0..<Int.random(in: 1...6, using: &random) {
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[at] = replacements.randomElement(using: &random)!
        case 1: bytes.remove(at: at)
        default: bytes.insert(replacements.randomElement(using: &random)!, at: at)
        }
      }
      compareEverywhere(bytes)
    }
  }
}
