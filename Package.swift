// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Chronicle",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Chronicle", targets: ["Chronicle"]),
    .executable(name: "chronicle", targets: ["ChronicleCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
  ],
  targets: [
    .target(
      name: "Chronicle",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "ChronicleCLI",
      dependencies: [
        "Chronicle",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
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
      dependencies: ["Chronicle"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
