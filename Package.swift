// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Gongwen",
    products: [
        // The core: text in, document out; depends on nothing beyond ICU and libcrypto.
        .library(name: "Gongwen", targets: ["Gongwen"]),
        // The format layer (HTML, docx, archives), `read(contentsOf:)` and batch conversion.
        .library(name: "GongwenFormats", targets: ["GongwenFormats"]),
        .executable(name: "gongwen", targets: ["gongwen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        // `swift package generate-documentation --target Gongwen` builds the DocC catalog.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
    ],
    targets: [
        // The only place that includes <unicode/*.h>: ICU's C API is renamed per version by
        // macros, and Foundation on Linux ships its own ICU headers, so Swift sees plain C types only.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // SHA-256 for `source.sha256` via libcrypto (hardware SHA instructions where present).
        .target(name: "CCrypto", linkerSettings: [.linkedLibrary("crypto")]),
        .target(name: "Gongwen", dependencies: ["CICU", "CCrypto"]),
        // PDF through poppler-cpp and HTML through libxml2: each behind a small C/C++ shim whose header
        // has plain C types only, linked through pkg-config; only the format layer depends on them.
        .systemLibrary(name: "PopplerCpp", pkgConfig: "poppler-cpp", providers: [.apt(["libpoppler-cpp-dev"])]),
        .target(name: "CPoppler", dependencies: ["PopplerCpp"]),
        .systemLibrary(name: "LibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CLibXML2", dependencies: ["LibXML2"]),
        // Inputs as people have them (folders, zip, tar.gz, HTML, docx): the format layer and batch conversion.
        .target(
            name: "GongwenFormats",
            dependencies: [
                "Gongwen",
                "CPoppler",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // HTML pages for people: one document (`gongwen view`) and a corpus report (`gongwen report`).
        .target(name: "GongwenView", dependencies: ["Gongwen"]),
        // The typed SQLite corpus (`convert -o corpus.sqlite`), full-text search and views: Sources/Gongwen/Gongwen.docc/Analytics.md.
        .target(
            name: "GongwenCorpus",
            dependencies: ["Gongwen", "GongwenFormats", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "gongwen",
            dependencies: ["Gongwen", "GongwenFormats", "GongwenView", "GongwenCorpus", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The benchmark harness: `swift run -c release gongwen-bench` (Sources/Gongwen/Gongwen.docc/Performance.md).
        .executableTarget(name: "gongwen-bench", dependencies: ["Gongwen", "GongwenFormats", "GongwenTestSupport"]),
        // Code only the tests and the benchmark need (golden summaries, the portable SHA-256,
        // legacy-encoding, tar, gzip and zip fixture writers): kept out of the library.
        .target(
            name: "GongwenTestSupport",
            dependencies: ["Gongwen", "GongwenFormats", "CICU", .product(name: "CompressNIO", package: "compress-nio")]
        ),
        // Fuzz targets (scripts/fuzz.sh builds them with -sanitize=fuzzer,address and -D FUZZING;
        // an ordinary build makes replayers of the same code: `FuzzParse crash-file`).
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzParse", dependencies: ["Gongwen", "FuzzSupport"]),
        .executableTarget(name: "FuzzFormats", dependencies: ["Gongwen", "GongwenFormats", "FuzzSupport"]),
        .executableTarget(name: "FuzzDecode", dependencies: ["Gongwen", "FuzzSupport"]),
        .testTarget(
            name: "GongwenTests",
            dependencies: ["Gongwen", "GongwenFormats", "GongwenView", "GongwenCorpus", "GongwenTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ]
)
