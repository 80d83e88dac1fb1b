/// Writes a graph as a chronology a researcher can paste into a report: dated
/// events and documents in order, grouped by year, with places, participants and
/// attributed figures, and numbered source notes at the end.
///
///     let text = ChronologyExporter().export(graph)
///     let markdown = ChronologyExporter(options: ChronologyOptions(format: .markdown)).export(graph)
///
/// ## Layout
///
/// A title (the graph's, or `Chronology`), a short header, then the entries of
/// ``TimelineGraph/chronological`` under year headings. A year with six entries or
/// more in at least two months also gets month headings; there, an entry goes under
/// the month its date (or its interval's start) falls in, and entries dated only to
/// the year, a season or a quarter come first, before the month headings. Then come
/// the undated events (`Undated`), the figures about subjects that have no entry
/// (people, organisations, places, undated documents: `Figures`) and the notes.
///
///     25–26 February 1992
///       Assault on and capture of the town [1][2]
///       Place: Khojaly (also Xocalı)
///       Participants: Armed forces (perpetrator, per the letter) [1]
///       Figures:
///         - wounded: 1,000 people [3]
///         - Figures differ — civilians killed:
///           - 613 people [3]
///           - more than 1,324 people, claimed by Azerbaijanis, as reported in
///             “Massacre in Khojaly” [4]
///
/// A document's entry gives its title and type, identifiers, who issued, authored,
/// edited, signed or published it, whom it is addressed to, what it cites (with
/// the locator) and its other dated steps. Every fact that has sources carries note
/// markers (`[1]`; `[^1]` in Markdown); a note gives the cited document's title,
/// type, identifiers and date, and the locator. Identical (document, locator) pairs
/// share one number; numbers follow first use.
///
/// ## Figures are attributed, never chosen
///
/// A claim prints as its qualifier, value and unit (`some 200 people`), then who
/// makes it (`claimed by` a person or organisation, `according to` a document) and
/// who relays it (`as reported by`, `as reported in`); with neither, the figure is
/// the cited document's own. Claims on one property that give the same figure with
/// the same attribution share a line. When the figures differ, every one is listed
/// under `Figures differ — property:`. A claim with no source says so.
///
/// ## Dates
///
/// Dates read as ``EDTFDate/humanDescription(ascii:)`` gives them (`c. 1992` is
/// approximate). Because a trailing `?` is easily read as punctuation, an uncertain
/// date whose description does not already say "uncertain" gets `(date uncertain)`
/// (`(start date uncertain)`, `(end date uncertain)` for one end of an interval).
///
/// ## User text
///
/// Titles, names, roles, locators and figures are printed exactly, except that
/// controls never reach the output (ESC, NUL, BEL and other C0 and C1 controls and
/// DEL become U+FFFD, or `?` in ASCII mode; CR and CRLF become line breaks; TAB a
/// space), bidirectional controls left open are closed at the end of each string,
/// runs of spaces become one, and, in Markdown, punctuation that could make a link,
/// image, HTML, heading, list, table or emphasis is backslash-escaped. ASCII mode
/// folds Latin letters to their base letters (`Xocalı` → `Xocali`) and writes `?`
/// for characters of other scripts. The output is deterministic: the same graph
/// gives the same bytes.
public struct ChronologyExporter: Sendable {
  /// The layout options.
  public var options: ChronologyOptions

  /// Creates an exporter.
  ///
  ///     let exporter = ChronologyExporter(options: ChronologyOptions(width: 60, ascii: true))
  public init(options: ChronologyOptions = .init()) {
    self.options = options
  }

  /// The chronology of a graph, ending with a line feed.
  ///
  ///     print(ChronologyExporter().export(graph), terminator: "")
  public func export(_ graph: TimelineGraph) -> String {
    String(decoding: exportBytes(graph), as: UTF8.self)
  }

  /// The chronology of a graph as UTF-8 bytes, ending with a line feed: the same
  /// bytes as ``export(_:)`` gives, without building a `String` (for writing to a file
  /// or standard output).
  ///
  ///     try OutputFile.write(ChronologyExporter().exportBytes(graph), to: "chronology.txt")
  public func exportBytes(_ graph: TimelineGraph) -> [UInt8] {
    var renderer = ChronologyRenderer(graph: graph, options: options)
    return renderer.render()
  }

  /// The same bytes as ``exportBytes(_:)``, handed to `sink` in pieces (of about a
  /// megabyte, each ending with a whole entry) as they are written, so that a large
  /// chronology is never held whole.
  ///
  ///     ChronologyExporter().export(graph) { chunk in _ = write(STDOUT_FILENO, chunk.baseAddress, chunk.count) }
  public func export(_ graph: TimelineGraph, to sink: (UnsafeRawBufferPointer) -> Void) {
    var renderer = ChronologyRenderer(graph: graph, options: options)
    renderer.render(to: sink)
  }
}
