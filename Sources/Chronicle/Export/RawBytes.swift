/// What the raw byte buffers of the writers (``DOTWriter``, ``JSONBuffer``) share.
enum RawBytes {
  /// Moves the `count` bytes at `base` to a new buffer of at least twice `capacity`
  /// and room for `extra` more bytes, and frees the old one.
  static func grow(_ base: inout UnsafeMutablePointer<UInt8>, count: Int, capacity: inout Int, extra: Int) {
    let newCapacity = max(2 * capacity, count + extra)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}
