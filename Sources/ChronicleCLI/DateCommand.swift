import ArgumentParser
import Chronicle

/// `chronicle date`: parses EDTF expressions and prints what each one means.
struct DateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "date",
    abstract: "Check EDTF dates: canonical form, bounds, precision, qualifiers and display.",
    discussion: """
      Each EXPR is an Extended Date/Time Format (EDTF, ISO 8601-2) expression, levels 0 \
      to 2: a date, a date and time, an interval, or a set. With no EXPR, reads one \
      expression per line from standard input (blank lines are skipped).

      Examples:
        chronicle date 1992-02-25/1992-02-26      25-26 February 1992
        chronicle date '1984?' '2004-06~' 201X    uncertain, approximate, unspecified
        chronicle date 2020-36 1991-24/..         Q4 2020; from winter 1991-92
        chronicle date -0043-03-15                negative years need no '--'
        chronicle date --json '[1667,1668,1670..1672]'

      With --json, prints one JSON object per line with the keys input, valid, \
      canonical, earliest, latest, precision, qualifiers, display and error; \
      earliest and latest are YYYY-MM-DD or null.

      Every input gets a result on standard output. Exit status: 0 when all are \
      valid, 1 when any is invalid.
      """
  )

  @Flag(help: "Print one JSON object per line.")
  var json = false

  @Flag(help: "Use only ASCII in the human-readable display (no en dash).")
  var ascii = false

  // `.allUnrecognized` lets negative years such as -1985 through as expressions.
  @Argument(
    parsing: .allUnrecognized,
    help: ArgumentHelp("EDTF expressions to check.", valueName: "EXPR"))
  var expressions: [String] = []

  func validate() throws {
    // No EDTF expression starts with `--`, so before a `--` such an argument is a
    // mistyped option (`--jsn`), not a date.
    let options = expressions.prefix { $0 != "--" }
    if let unknown = options.first(where: { $0.hasPrefix("--") && $0 != "--" }) {
      throw ValidationError("unknown option '\(unknown)'; the options are --json and --ascii")
    }
  }

  func run() throws {
    // `.allUnrecognized` also captures the `--` that ends options; it is no date.
    var inputs = expressions
    if let terminator = inputs.firstIndex(of: "--") { inputs.remove(at: terminator) }
    if inputs.isEmpty {
      while let line = readLine() {
        if !line.isEmpty { inputs.append(line) }
      }
    }
    var anyInvalid = false
    var blocks: [String] = []
    for input in inputs {
      let report = EDTFReport(input: input)
      if !report.isValid { anyInvalid = true }
      if json {
        print(report.jsonLine(ascii: ascii))
      } else {
        blocks.append(report.text(ascii: ascii))
      }
    }
    if !json && !blocks.isEmpty {
      print(blocks.joined(separator: "\n\n"))
    }
    if anyInvalid { throw ExitCode(1) }
  }
}
