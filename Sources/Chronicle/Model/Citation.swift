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
  /// The quote and the file: none when both are empty, else one ``Tail``, which the
  /// citations read from one file without a quote share (see ``init(document:locator:sharing:)``),
  /// so that a citation takes 40 bytes.
  private var tail: [Tail]

  /// The fields most citations leave empty or share.
  struct Tail: Hashable, Sendable {
    var quote: String?
    var file: String?
  }

  /// The source's own words, verbatim.
  public var quote: String? {
    get { tail.isEmpty ? nil : tail[0].quote }
    set {
      if tail.isEmpty {
        if newValue == nil { return }
        tail = [Tail()]
      }
      tail[0].quote = newValue
    }
  }

  /// The timeline file the citation was read from, when it was read from one.
  ///
  /// Kept when files are merged so that every citation can be traced to its file;
  /// it takes no part in equality.
  public var file: String? {
    get { tail.isEmpty ? nil : tail[0].file }
    set {
      if tail.isEmpty {
        if newValue == nil { return }
        tail = [Tail()]
      }
      tail[0].file = newValue
    }
  }

  /// Creates a citation of a document, optionally with a locator and a quotation.
  public init(document: String, locator: String? = nil, quote: String? = nil, file: String? = nil) {
    self.document = document
    self.locator = locator
    self.tail = quote == nil && file == nil ? [] : [Tail(quote: quote, file: file)]
  }

  /// Creates a citation without a quote whose file is held by `shared`, made once with
  /// ``sharedTail(file:)`` for all the citations of one file.
  init(document: String, locator: String?, sharing shared: [Tail]) {
    self.document = document
    self.locator = locator
    self.tail = shared
  }

  /// The storage of the file of citations without a quote, to share between them.
  static func sharedTail(file: String?) -> [Tail] {
    file == nil ? [] : [Tail(quote: nil, file: file)]
  }

  /// Citations are equal when their documents, locators and quotes are; the file
  /// takes no part.
  public static func == (lhs: Citation, rhs: Citation) -> Bool {
    lhs.document == rhs.document && lhs.locator == rhs.locator && lhs.quote == rhs.quote
  }

  /// Hashes the document, locator and quote.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(document)
    hasher.combine(locator)
    hasher.combine(quote)
  }
}
