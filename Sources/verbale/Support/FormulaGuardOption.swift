import ArgumentParser

/// `--no-formula-guard`, for every command that writes TSV or CSV a spreadsheet may open
/// (`export`, `glossary export`): one flag, one help text, one meaning.
///
/// Why shared: review m19 gave `export` the guard (`FormulaGuard`, in VerbaleFormats, which
/// both writers call); `glossary export` lacked it, and a second copy of the flag would let the
/// two drift apart.
struct FormulaGuardOption: ParsableArguments {
    @Flag(name: .customLong("no-formula-guard"), help: ArgumentHelp("TSV/CSV: write cells starting with = + - @ (or a tab or CR) as they are, without the leading apostrophe that keeps spreadsheets from running them as formulas. Only for a table no spreadsheet will open."))
    var noFormulaGuard = false

    /// Whether cells are guarded (the default).
    var isOn: Bool { !noFormulaGuard }
}
