import ArgumentParser

struct DraftTranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "translate", abstract: "Pre-translate a draft (in progress).")
    func run() throws { throw ValidationError("not built yet") }
}
