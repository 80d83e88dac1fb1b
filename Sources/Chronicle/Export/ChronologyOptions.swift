/// How ``ChronologyExporter`` lays out a chronology: plain text or Markdown, the
/// line width, and whether to keep to ASCII.
///
///     var options = ChronologyOptions(format: .markdown)
///     options.width = 100
///     let markdown = ChronologyExporter(options: options).export(graph)
///
/// See ``ChronologyExporter`` for the layout and for how user text is made safe.
public struct ChronologyOptions: Hashable, Sendable {
  /// The output format.
  ///
  ///     ChronologyOptions.Format(rawValue: "markdown")  // .markdown
  public enum Format: String, CaseIterable, Sendable {
    /// Plain text: underlined headings, indented fields, notes as `[1]`.
    case text
    /// Markdown (CommonMark with GitHub footnotes): `##` year and `###` month headings,
    /// nested list items, notes as `[^1]` with a `[^1]: …` list at the end.
    case markdown
  }

  /// Plain text or Markdown; text by default.
  public var format: Format = .text

  /// The number of columns lines are wrapped to (default 80).
  ///
  /// Lines break only at spaces, and continuation lines are indented under their
  /// first line. A word wider than the line stays whole on a line of its own. Zero or
  /// less turns wrapping off: each paragraph is one line.
  public var width: Int = 80

  /// Whether to write only ASCII characters (default false).
  ///
  /// Dashes become `-`, curly quotes `'` and `"`, `…` becomes `...`; Latin letters
  /// lose their diacritics (`Xocalı` becomes `Xocali`); every other non-ASCII
  /// character becomes `?`. See ``ChronologyExporter`` for the full rules.
  public var ascii: Bool = false

  /// Creates options.
  ///
  ///     ChronologyOptions(format: .text, width: 60, ascii: true)
  public init(format: Format = .text, width: Int = 80, ascii: Bool = false) {
    self.format = format
    self.width = width
    self.ascii = ascii
  }
}
