import ArgumentParser
import Foundation
import Gongwen

@main
struct GongwenCommand: ParsableCommand {
    /// Every error is one line `gongwen <command>: …`; usage errors exit with 2 (not
    /// ArgumentParser's 64), as the README's table says; help and `--version` exit 0.
    static func main() {
        CLIIO.restoreSIGPIPE()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let hint = "see 'gongwen \(subcommandName.map { $0 + " " } ?? "")--help'"
                CLIIO.report(CommandFailure.usage(subcommandName ?? "", "\(message(for: error)) (\(hint))").description
                    .replacingOccurrences(of: "gongwen : ", with: "gongwen: "))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }

    /// The subcommand named on the command line, for error lines.
    static var subcommandName: String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        return CommandLine.arguments.dropFirst().first { names.contains($0) }
    }

    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Parse Chinese government documents (公文) into a lossless tree with resolved facts.",
        discussion: """
        Reads plain text in UTF-8, UTF-16, GB18030/GBK or Big5 (detected), HTML pages and .docx \
        (detected from the bytes), finds the GB/T 9704 layout (title, 发文字号, sections \
        一、（一）1.（1）…, signature) and the facts in it (dates, money, people counts, cited \
        titles 《…》, document numbers), and writes JSON in schema gongwen/1.

        Exit status, every command: 0 every input became a document; 1 some inputs became errors, \
        or output could not be written; 2 usage error. Errors are one line: gongwen <command>: <path>: <reason>.

        Examples:
          gongwen parse notice.txt --pretty
          gongwen outline page.html
          gongwen entities notice.docx
          gongwen convert Corpus/seeds archive.zip -o corpus.jsonl
        """,
        version: GongwenVersion.current,
        subcommands: [ParseCommand.self, OutlineCommand.self, EntitiesCommand.self, ConvertCommand.self, SearchCommand.self, ViewCommand.self,
                      ReportCommand.self, WorkerCommand.self]
    )
}
