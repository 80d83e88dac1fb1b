// swift-tools-version: 6.1
import PackageDescription

// Chronicle is this folder's parent. SwiftPM names a path dependency after its folder
// (`chronicle`, `main`, whatever the clone is called), so the name is read from the path.
let chroniclePackage = Context.packageDirectory.split(separator: "/").dropLast().last.map { $0.lowercased() } ?? "chronicle"

let package = Package(
  name: "ChronicleBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: "../"),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "ChronicleBenchmarks",
      dependencies: [
        .product(name: "Chronicle", package: chroniclePackage),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/ChronicleBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    // Times the library's JSON export from the shell (compare.py) while `chronicle` has no `export`.
    .executableTarget(
      name: "ChronicleRunner",
      dependencies: [.product(name: "Chronicle", package: chroniclePackage)]
    ),
    // The least a reader of a generated file must do, timed (compare.py's floor).
    .executableTarget(name: "ChronicleFloor"),
  ],
  swiftLanguageModes: [.v6]
)
