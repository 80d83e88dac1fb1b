extension TimelineReader {
  /// Reads a YAML file element by element (see ``TimelineDecoder/decodeYAMLStreaming(_:heads:into:)``),
  /// without a tree of the whole file. Returns true when the file was read, or refused
  /// by the checks ``YAMLReader`` makes first (ill-formed UTF-8, characters YAML does
  /// not allow, risky keys in a file with aliases: their error is reported, as the tree
  /// path reports it). Returns false, with the builder as it was, when the file must be
  /// read through a tree instead: whatever else ``YAMLReader`` refuses (so its
  /// diagnostics are the tree's), and what the streaming read leaves to it (aliases,
  /// several documents, keys that are not text, a root that is not a mapping, lists
  /// out of the order they are decoded in).
  ///
  ///     var builder = TimelineBuilder()
  ///     if !TimelineReader.readYAMLStreaming(bytes, file: "t.yaml", into: &builder) { /* read a tree */ }
  static func readYAMLStreaming(_ bytes: [UInt8], file: String, into builder: inout TimelineBuilder) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      let bomLength = InputFormat.byteOrderMarkLength(buffer)
      // The checks that come first in the tree path (`YAMLReader.read` throws their
      // error before anything else), reported here rather than made twice. A file that
      // seems to use aliases goes to the tree at once, rather than after reading up to
      // its first alias.
      do throws(InputError) {
        guard try !YAMLReader.checkBytes(buffer, from: bomLength) else { return false }
      } catch {
        builder.report(error.diagnostic(file: file))
        return true
      }
      // Nothing after the byte order mark: the tree reports the empty file (and libyaml
      // is never handed a buffer without an address).
      guard buffer.count > bomLength else { return false }
      let saved = builder
      let reader = YAMLEventReader(UnsafeBufferPointer(rebasing: buffer[bomLength...]), byteCount: buffer.count)
      var decoder = TimelineDecoder(file: file)
      var heads = [TimelineDecoder](repeating: TimelineDecoder(file: file), count: 3)
      do throws(YAMLEventReader.Unhandled) {
        try decoder.decodeYAMLStreaming(reader, heads: &heads, into: &builder)
      } catch {
        builder = saved
        return false
      }
      // As the tree is decoded: the version, title and description first.
      for diagnostic in heads.flatMap(\.diagnostics) + decoder.diagnostics { builder.report(diagnostic) }
      return true
    }
  }
}

extension TimelineDecoder {
  /// Decodes a YAML file from `reader` as ``decode(_:into:)`` decodes its tree, member
  /// by member of the root mapping, each element of the top-level lists decoded as soon
  /// as it is read, then dropped. Fields' positions are recorded as for a tree.
  ///
  /// The version, title and description are decoded by `heads` (three decoders, one
  /// for each, in that order), wherever they are written: ``decode(_:into:)`` reads them
  /// first, in that order, so their diagnostics come before this decoder's.
  ///
  /// Throws ``YAMLEventReader/Unhandled`` (having perhaps added part of the file to
  /// the builder) when the file must be read as a tree: the reader left something to
  /// it, the root is not a mapping, or the lists are not in the order
  /// ``decode(_:into:)`` reads them in (its diagnostics would come in another order).
  mutating func decodeYAMLStreaming(
    _ reader: YAMLEventReader, heads: inout [TimelineDecoder], into builder: inout TimelineBuilder
  ) throws(YAMLEventReader.Unhandled) {
    guard try reader.next() == .streamStart, try reader.next() == .documentStart,
      try reader.next() == .mappingStart
    else { throw YAMLEventReader.Unhandled() }
    try reader.enterCollection(depth: 0)
    var keys = Set<String>()
    var unknown: [(key: String, position: TextPosition)] = []
    // The rank of the last list read.
    var listRank = -1
    while try reader.next() != .mappingEnd {
      let (key, keyPosition) = try reader.key()
      // A key written twice is the tree's to report.
      guard keys.insert(key).inserted else { throw YAMLEventReader.Unhandled() }
      _ = try reader.next()
      guard let keyRank = Self.topLevelKeys.firstIndex(of: key) else {
        _ = try reader.value(depth: 1)
        unknown.append((key, keyPosition))
        continue
      }
      if let section = SourceElement.Section(name: key) {
        guard keyRank > listRank else { throw YAMLEventReader.Unhandled() }
        listRank = keyRank
        guard reader.kind == .sequenceStart else {
          _ = array(try reader.value(depth: 1), path: key)
          continue
        }
        try reader.enterCollection(depth: 1)
        var index = 0
        while try reader.next() != .sequenceEnd {
          decodeElement(try reader.value(depth: 2), of: section, index: index, offset: nil, into: &builder)
          index += 1
        }
      } else {
        let node = try reader.value(depth: 1)
        switch key {
        case "chronicle": heads[0].decodeVersion(node)
        case "title": heads[1].decodeTitle(node, into: &builder)
        default: heads[2].decodeDescription(node)
        }
      }
    }
    // One document, then the end: anything else (a second document, an error) is the tree's.
    guard try reader.next() == .documentEnd, try reader.next() == .streamEnd else { throw YAMLEventReader.Unhandled() }
    finish(unknown, in: DocumentPath(""), expected: Self.topLevelKeys)
  }
}
