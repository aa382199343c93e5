/// The five real documents every golden test runs over (`Corpus/seeds/<name>.txt`, with
/// `Corpus/golden/<name>.outline.txt` and `.entities.tsv`). Listed, not globbed, so a missing seed
/// fails loudly instead of shrinking the test.
enum SeedCorpus {
    static let names = [
        "000_4aa01af85a4cc67b",
        "001_45861c846f47f917",
        "002_28d913a91b15e746",
        "003_65ab60eb7075ecb2",
        "004_f189beccac20537f",
    ]
}
