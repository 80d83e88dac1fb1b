// swift-tools-version: 6.1
// A small program that uses Chronicle as a dependency: it builds a timeline in code,
// reads the Khojaly example files, queries them, prints a chronology and writes DOT.
import PackageDescription

let package = Package(
  name: "ChronicleExample",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Chronicle", path: "../.."),
  ],
  targets: [
    .executableTarget(
      name: "ChronicleExample",
      dependencies: [.product(name: "Chronicle", package: "Chronicle")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
