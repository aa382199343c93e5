import ArgumentParser

@main
struct GongwenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Parse Chinese government documents (公文) into a lossless tree with resolved facts.",
        subcommands: []
    )
}
