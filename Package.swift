// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Chronicle",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Chronicle", targets: ["Chronicle"]),
    .library(name: "ChronicleGraphviz", targets: ["ChronicleGraphviz"]),
    .executable(name: "chronicle", targets: ["ChronicleCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
  ],
  targets: [
    .target(
      name: "Chronicle",
      dependencies: ["CTruncationGuard", .product(name: "Yams", package: "Yams")]
    ),
    // The SIGBUS handler that lets a large file be read in place from a mapping.
    .target(name: "CTruncationGuard"),
    .target(
      name: "ChronicleGraphviz",
      dependencies: [.product(name: "Subprocess", package: "swift-subprocess")]
    ),
    .executableTarget(
      name: "ChronicleCLI",
      dependencies: [
        "Chronicle",
        "ChronicleGraphviz",
        "CAllocator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // glibc's malloc settings for the command (see `Allocator`).
    .target(name: "CAllocator"),
    .testTarget(
      name: "ChronicleTests",
      dependencies: [
        "Chronicle",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "ChronicleCLITests",
      dependencies: ["Chronicle", "ChronicleGraphviz"],
      exclude: ["Fixtures"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
