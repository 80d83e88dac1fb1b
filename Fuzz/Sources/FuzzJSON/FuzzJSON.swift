import FuzzSupport

/// libFuzzer's entry point: see `FuzzBodies.json`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FuzzBodies.json(bytes)
  return 0
}

/// The program's `main` (SwiftPM links `main` to `FuzzJSON_main`): libFuzzer's driver.
@_cdecl("FuzzJSON_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc: argc, argv: argv, fuzzTestOneInput)
}
