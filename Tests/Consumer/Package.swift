// swift-tools-version:6.1
// A separate package that depends on Gongwen by path, as another project would, and names both
// library products. `scripts/consumer_check.sh` writes the README's library snippet, verbatim, as
// Sources/Consumer/main.swift and builds and runs this package: the README's example compiles.
import PackageDescription

let package = Package(
    name: "Consumer",
    dependencies: [
        .package(name: "Gongwen", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "Consumer",
            dependencies: [
                .product(name: "Gongwen", package: "Gongwen"),
                .product(name: "GongwenFormats", package: "Gongwen"),
            ]
        ),
    ]
)
