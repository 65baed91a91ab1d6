import ArgumentParser

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft new notes verbales from the stock-phrase memory and pre-translate drafts.",
        discussion: HelpText.paragraphs("""
        Examples:
          verbale draft new \\
              --from "Permanent Mission of the Kingdom of Cambodia" \\
              --to "Office of the High Commissioner for Human Rights" \\
              --purpose transmit --ref "N. 2021/01/045" \\
              --place Geneva --date 2021-01-12
          verbale draft translate Examples/transmittal.txt --to fr,km
        """),
        subcommands: [DraftNewCommand.self, DraftTranslateCommand.self]
    )
}
