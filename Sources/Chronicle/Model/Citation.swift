/// A pointer to where a fact comes from: a document and a place in it.
///
///     let source = Citation(document: "letter-2021", locator: "footnote 1")
///
/// The locator is free text (a page, a paragraph, a footnote); `quote` keeps
/// the words of the source verbatim when the fact rests on them.
public struct Citation: Hashable, Sendable {
  /// The id of the cited document entity.
  public var document: String
  /// Where in the document: `p. 37`, `para. 87`, `footnote 11`.
  public var locator: String?
  /// The source's own words, verbatim.
  public var quote: String?
  /// The timeline file the citation was read from, when it was read from one.
  ///
  /// Kept when files are merged so that every citation can be traced to its file;
  /// it takes no part in equality.
  public var file: String? {
    get { origin.file }
    set { origin.file = newValue }
  }
  var origin: Origin

  /// The file a citation was read from, kept out of equality and hashing.
  struct Origin: Hashable, Sendable {
    var file: String?

    static func == (lhs: Origin, rhs: Origin) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
  }

  /// Creates a citation of a document, optionally with a locator and a quotation.
  public init(document: String, locator: String? = nil, quote: String? = nil, file: String? = nil) {
    self.document = document
    self.locator = locator
    self.quote = quote
    self.origin = Origin(file: file)
  }
}
