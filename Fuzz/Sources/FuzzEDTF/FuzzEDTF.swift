import FuzzSupport

/// libFuzzer's entry point: see `FuzzBodies.edtf`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FuzzBodies.edtf(bytes)
  return 0
}

/// The program's `main` (SwiftPM links `main` to `FuzzEDTF_main`): libFuzzer's driver.
@_cdecl("FuzzEDTF_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc: argc, argv: argv, fuzzTestOneInput)
}
