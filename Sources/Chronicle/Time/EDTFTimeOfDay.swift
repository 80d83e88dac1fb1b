/// The time of day of an EDTF date and time: `T23:20:30`, with an optional offset
/// from UTC (`Z`, `-04`, `+04:30`).
struct EDTFTimeOfDay: Hashable, Sendable {
  var hour: UInt8
  var minute: UInt8
  var second: UInt8
  /// Minutes east of UTC, or `nil` for local time (no offset written).
  var offsetMinutes: Int16?

  /// Seconds since midnight on the clock as written.
  var secondsOfDay: Int { Int(hour) * 3600 + Int(minute) * 60 + Int(second) }

  /// The offset in canonical form: `Z` for zero, `+05` for whole hours, `+05:30`.
  var offsetText: String { EDTFTextWriter.text { $0.offset(self) } }

  /// `T23:20:30` plus the offset.
  var text: String { EDTFTextWriter.text { $0.time(self) } }
}
