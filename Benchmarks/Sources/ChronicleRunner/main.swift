import Chronicle
import Foundation

// `chronicle-runner export-json FILE OUT`: what `chronicle export --format json` does
// (read, validate, export), through the library, for compare.py to time while the
// command line has no `export`. Exit status 1 when the file has errors.

let arguments = CommandLine.arguments
guard arguments.count == 4, arguments[1] == "export-json" else {
  FileHandle.standardError.write(Data("usage: chronicle-runner export-json FILE OUT\n".utf8))
  exit(64)
}
let result = TimelineReader.validate(contentsOf: [arguments[2]])
guard !result.hasErrors else {
  FileHandle.standardError.write(Data("\(arguments[2]): \(result.errors.count) errors\n".utf8))
  exit(1)
}
let bytes = JSONExporter(pretty: true).export(result.graph)
guard let output = fopen(arguments[3], "wb") else {
  FileHandle.standardError.write(Data("cannot write \(arguments[3])\n".utf8))
  exit(2)
}
let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, output) }
fclose(output)
exit(written == bytes.count ? 0 : 2)
