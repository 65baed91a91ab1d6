import ArgumentParser
import Foundation
import VerbaleFormats
import VerbaleCore
import VerbaleGlossary

struct GlossaryGenerateCountriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-countries",
        abstract: "Generate the countries-and-territories termbase from iso-codes and CLDR.",
        discussion: HelpText.paragraphs("""
        Reads Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-1.json and the fr and km \
        gettext catalogues iso_3166-1.mo) and ICU's CLDR display names, and writes TBX-Basic v3 \
        with the source of every name. Glossaries/countries.tbx is this command's output. \
        A Khmer catalogue name given to two countries, a formal name without the country's \
        short name, a translated comma form ("Korea, Republic of"), or a formal name whose \
        form of state is not the English one ("Principality of Monaco" written "Kingdom of \
        Monaco"; a misspelt state word) is kept unreviewed, after CLDR's name, with the \
        reason as its usage note.

        Examples:
          verbale glossary generate-countries Glossaries/countries.tbx
          verbale glossary generate-countries | grep -c conceptEntry
        """)
    )

    @Argument(help: "The output file (default: standard output).") var output: String?

    func run() throws {
        let sources = CountryGlossary.Sources.debian
        guard sources.isAvailable else {
            throw GlossaryCLIError("iso-codes is not installed (need \(sources.isoJSON.path) and the fr/km iso_3166-1.mo catalogues): apt-get install iso-codes")
        }
        let text = try CountryGlossary.tbx(from: sources)
        if let output, output != "-" {
            do { try OutputFile(output).write(Data(text.utf8)) } catch {
                throw GlossaryCLIError("cannot write the output: \(error)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
