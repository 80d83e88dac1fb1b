extension Diagnostic {
  /// Writes the diagnostic as one JSON object:
  /// `{"severity", "code", "message", "file", "line", "column", "path"}` (unknown parts are null).
  public func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("severity"); writer.string(severity.rawValue)
    writer.key("code"); writer.string(code.rawValue)
    writer.key("message"); writer.string(message)
    writer.key("file"); if let file { writer.string(file) } else { writer.null() }
    writer.key("line"); if let position { writer.number(position.line) } else { writer.null() }
    writer.key("column"); if let position { writer.number(position.column) } else { writer.null() }
    writer.key("path"); if let path { writer.string(path) } else { writer.null() }
    writer.endObject()
  }
}
