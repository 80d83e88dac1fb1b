import FuzzSupport

/// libFuzzer's entry point: see `FuzzBodies.pipeline`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FuzzBodies.pipeline(bytes)
  return 0
}

/// The program's `main` (SwiftPM links `main` to `FuzzPipeline_main`): libFuzzer's driver.
@_cdecl("FuzzPipeline_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzDriver.run(argc: argc, argv: argv, fuzzTestOneInput)
}
