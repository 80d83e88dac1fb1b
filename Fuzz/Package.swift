// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Chronicle. Build with the fuzzer and address sanitizers
// (see README.md and run.sh):
//
//   swift build -c release --scratch-path ../.build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
//     -Xcc -fsanitize=fuzzer-no-link,address
//
// Each executable defines `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`.
let package = Package(
  name: "ChronicleFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Chronicle", path: "..")
  ],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [.product(name: "Chronicle", package: "Chronicle")]
    ),
    .executableTarget(name: "FuzzEDTF", dependencies: ["FuzzSupport", .product(name: "Chronicle", package: "Chronicle")]),
    .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", .product(name: "Chronicle", package: "Chronicle")]),
    .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport", .product(name: "Chronicle", package: "Chronicle")]),
    .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport", .product(name: "Chronicle", package: "Chronicle")]),
  ],
  swiftLanguageModes: [.v6]
)
