extension Diagnostic.Code {
  /// The file is not valid JSON (RFC 8259): a stray character, a bad escape or number,
  /// a lone surrogate, or text after the value.
  ///
  ///     InputError(.malformedJSON, "unexpected character '}'; expected a value")
  public static let malformedJSON = Self("malformed-json")

  /// The file is not valid YAML, as libyaml reports it.
  ///
  ///     InputError(.malformedYAML, "mapping values are not allowed in this context")
  public static let malformedYAML = Self("malformed-yaml")

  /// The file is not valid UTF-8; the message names the byte offset.
  ///
  ///     InputError(.invalidUTF8, "invalid UTF-8 at byte offset 7 (0xFF); expected UTF-8 text")
  public static let invalidUTF8 = Self("invalid-utf8")

  /// The file holds nothing but whitespace (and comments, in YAML).
  ///
  ///     InputError(.emptyFile, "the file is empty; expected a JSON object")
  public static let emptyFile = Self("empty-file")

  /// An object or mapping has the same key twice.
  ///
  ///     InputError(.duplicateKey, #"duplicate key "id" (first at 3:5)"#)
  public static let duplicateKey = Self("duplicate-key")

  /// Arrays and objects are nested deeper than the readers allow (``JSONReader/maximumDepth``).
  ///
  ///     InputError(.tooDeep, "arrays and objects nested more than 512 levels deep")
  public static let tooDeep = Self("too-deep")

  /// YAML aliases expand to more values than ``YAMLReader/valueLimit(byteCount:)`` allows
  /// (a "billion laughs" document).
  ///
  ///     InputError(.aliasExpansion, "aliases expand to more than 101600 values")
  public static let aliasExpansion = Self("alias-expansion")

  /// Valid YAML that Chronicle does not accept: explicit tags, several documents,
  /// keys that are not text.
  ///
  ///     InputError(.unsupportedYAML, "explicit YAML tags are not supported (found '!!binary')")
  public static let unsupportedYAML = Self("unsupported-yaml")

  /// The file could not be opened or read.
  ///
  ///     InputError(.unreadableFile, "cannot read 'letters.yaml': No such file or directory")
  public static let unreadableFile = Self("unreadable-file")
}
