extension TimelineDecoder {
  /// Where a read of a JSON file member by member stands between two calls of
  /// ``decodeStreaming(_:document:until:stream:into:)``.
  struct Stream {
    /// What the parser is at.
    enum Place {
      /// Before the document.
      case start
      /// A member's key of the root object.
      case key
      /// After a member's value: `,` or `}` follow.
      case afterValue
      /// An element of a top-level list, with its index.
      case element(SourceElement.Section, index: Int)
    }

    var place = Place.start
    /// The root object's keys read so far, for the duplicate check.
    var keys: [(key: String, position: TextPosition)] = []
    /// The unknown keys of the root object, reported at its end.
    var unknown: [(key: String, position: TextPosition)] = []
    /// The rank of the last known top-level key read, in ``topLevelKeys``.
    var rank = -1
    /// Gives back the pages of the bytes read, when the file can be read again.
    var release: PageRelease?
  }

  /// Why ``decodeStreaming(_:document:until:stream:into:)`` returned.
  enum StreamStop: Equatable {
    /// The whole document was read.
    case finished
    /// The file must be read through a tree instead: its root is not an object, or its
    /// top-level keys are not in the order ``decode(_:into:)`` reads them (so the
    /// diagnostics would come in another order). Part of it may have been added.
    case needsTree
    /// An element of a top-level list starts at or after the boundary; the parser is
    /// at its first byte and the stream at ``Stream/Place/element(_:index:)``.
    case boundary
  }

  /// The elements read with one handle of their document (see
  /// ``decodeStreaming(_:document:until:stream:into:valueFailed:)``).
  static let elementsPerHandle = 16_384

  /// Reads a JSON file member by member, decoding each element of the top-level lists
  /// as soon as it is read, so that no tree of the whole file is built; the elements'
  /// provenance points into `document` instead of recording every field's position.
  ///
  /// Stops before the first element that starts at or after `boundary`, to be called
  /// again with the same `stream` (after, possibly, moving the parser past elements
  /// read on another thread). Throws the first syntax error, as ``JSONReader`` would.
  ///
  /// A value of the root object other than a list's elements (a title, an unknown key's
  /// value…) is read whole; when it cannot be read, `valueFailed` is called with its
  /// offset, and the value is read once more if it returns true (bytes ahead were read
  /// again: see ``TimelineReader``).
  mutating func decodeStreaming(
    _ parser: inout JSONByteParser, document: SourceDocument, until boundary: Int = .max,
    stream: inout Stream, into builder: inout TimelineBuilder, valueFailed: (Int) -> Bool = { _ in false }
  ) throws(InputError) -> StreamStop {
    source = document
    recording = false
    defer {
      source = nil
      recording = true
    }
    while true {
      switch stream.place {
      case .start:
        guard try parser.enterRootObject() else { return .needsTree }
        if parser.closesEmptyObject() {
          try parser.finishDocument()
          return .finished
        }
        stream.place = .key
      case .key:
        let (key, keyPosition) = try parser.parseMemberKey(seen: &stream.keys)
        stream.place = .afterValue
        guard let keyRank = Self.topLevelKeys.firstIndex(of: key) else {
          _ = try rootValue(&parser, valueFailed: valueFailed)
          stream.unknown.append((key, keyPosition))
          continue
        }
        guard keyRank > stream.rank else { return .needsTree }
        stream.rank = keyRank
        if let section = SourceElement.Section(name: key) {
          guard parser.isAtArray else {
            _ = array(try rootValue(&parser, valueFailed: valueFailed), path: key)
            continue
          }
          if try parser.enterRootArray() { stream.place = .element(section, index: 0) }
        } else {
          let node = try rootValue(&parser, valueFailed: valueFailed)
          switch key {
          case "chronicle": decodeVersion(node)
          case "title": decodeTitle(node, into: &builder)
          default: decodeDescription(node)
          }
        }
      case .afterValue:
        if try parser.continuesObject() {
          stream.place = .key
        } else {
          try parser.finishDocument()
          finish(stream.unknown, in: DocumentPath(""), expected: Self.topLevelKeys)
          return .finished
        }
      case .element(let section, var index):
        // The elements are given a new handle of the document every so many (see
        // ``SourceDocument/handle()``), so that two threads checking or exporting
        // different ones seldom count references to the same object.
        var handle = document.handle()
        var sinceHandle = 0
        while true {
          let offset = parser.offset
          stream.release?.release(before: offset)
          if offset >= boundary {
            stream.place = .element(section, index: index)
            return .boundary
          }
          if sinceHandle == Self.elementsPerHandle {
            handle = document.handle()
            sinceHandle = 0
          }
          sinceHandle += 1
          if section != .relationTypes, let record = decodeDirect(&parser, section: section, index: index, document: handle) {
            switch consume record {
            case .entity(let entity): builder.add(consume entity)
            case .relation(let relation): builder.add(consume relation)
            case .claim(let claim): builder.add(consume claim)
            }
          } else {
            let node = try parser.parseElement()
            decodeElement(node, of: section, index: index, offset: offset, into: &builder)
          }
          index += 1
          guard try parser.continuesArray() else { break }
        }
        stream.place = .afterValue
      }
    }
  }

  /// A value of the root object, read a second time after `valueFailed` says the bytes
  /// ahead were read again.
  private func rootValue(_ parser: inout JSONByteParser, valueFailed: (Int) -> Bool) throws(InputError) -> InputNode {
    let start = parser.state
    let offset = parser.offset
    do {
      return try parser.parseRootMemberValue()
    } catch {
      guard valueFailed(offset) else { throw error }
      parser.state = start
      return try parser.parseRootMemberValue()
    }
  }
}
