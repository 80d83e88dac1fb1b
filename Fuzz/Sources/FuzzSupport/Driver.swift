/// libFuzzer's own driver, `int LLVMFuzzerRunDriver(int *argc, char ***argv,
/// int (*UserCb)(const uint8_t *Data, size_t Size))`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Starting libFuzzer from a SwiftPM executable.
///
/// On Linux SwiftPM links an executable target with `--defsym main=<Target>_main`,
/// so the target must define `<Target>_main` (libFuzzer's own `main` is then never
/// pulled from its archive). Each target's `<Target>_main` calls ``run(argc:argv:_:)``,
/// which hands the command line and the entry point to `LLVMFuzzerRunDriver`: the
/// binary takes every libFuzzer flag (`-runs=`, `-merge=1`, `-dict=`, …).
public enum FuzzDriver {
  /// Runs libFuzzer with this command line and entry point.
  public static func run(
    argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
  }
}
