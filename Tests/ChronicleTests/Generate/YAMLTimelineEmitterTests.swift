import Testing
@testable import Chronicle

/// The YAML emitter writes every string so that ``YAMLReader`` reads back the same text.
struct YAMLTimelineEmitterTests {
  private static let samples: [String] =
    GeneratorVocabulary.shared.hostile.map { String(decoding: $0, as: UTF8.self) } + [
      "plain text", "Xocalı", "O'Brien", "null", "Null", "~", "", " ", "yes", "1992-02-26", "1e3", "0x1F", "-",
      "- x", "? x", "a: b", "a #b", "[x]", "{x}", "x,y", "*alias", "&anchor", "!tag", "|", ">", "@at", "`tick`",
      "\u{85}nel", "\u{2029}", "bell\u{7}", "del\u{7F}", "ends with space ", "\\", "\"",
    ]

  @Test(arguments: samples)
  func stringsReadBackVerbatim(text: String) throws {
    var emitter = YAMLTimelineEmitter(capacity: 64)
    emitter.beginObject(flow: false)
    emitter.key("block")
    emitter.string(Array(text.utf8))
    emitter.key("list")
    emitter.beginArray()
    emitter.beginObject(flow: true)
    emitter.key("flow")
    emitter.string(Array(text.utf8))
    emitter.endObject()
    emitter.endArray()
    emitter.endObject()
    emitter.finish()
    let root = try YAMLReader.read(emitter.bytes)
    guard case .object(let members) = root.value, members.count == 2,
      case .array(let items) = members[1].value.value, case .object(let flow) = items.first?.value
    else {
      Issue.record("unexpected shape: \(String(decoding: emitter.bytes, as: UTF8.self))")
      return
    }
    for value in [members[0].value.value, flow.first?.value.value] {
      switch value {
      case .string(let read), .plain(let read):
        #expect(read == text, "\(String(decoding: emitter.bytes, as: UTF8.self))")
      default:
        Issue.record("read \(String(describing: value)) for \(text.debugDescription)")
      }
    }
  }

  @Test func plainOnlyWhenSafe() {
    #expect(YAMLTimelineEmitter.canBePlain(Array("Assault on Khojaly".utf8)))
    #expect(YAMLTimelineEmitter.canBePlain(Array("Xocalı".utf8)))
    #expect(!YAMLTimelineEmitter.canBePlain(Array("1992-02-26".utf8)))
    #expect(!YAMLTimelineEmitter.canBePlain(Array("null".utf8)))
    #expect(!YAMLTimelineEmitter.canBePlain(Array("a: b".utf8)))
    #expect(!YAMLTimelineEmitter.canBePlain(Array("before\u{2028}after".utf8)))
  }
}
