import ArgumentParser
import Foundation
import VerbaleCore

/// Reads a command's input: a file path, or standard input for "-" (or when no path is given).
struct InputText {
    var name: String
    var text: String

    static func read(_ path: String?, lossy: Bool = false) throws -> InputText {
        let name = path ?? "-"
        let data: Data
        if name == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            try requireFile(name)
            do { data = try WholeFile.read(URL(fileURLWithPath: name)) } catch {
                throw ValidationError("\(name): cannot read (\(error.localizedDescription))")
            }
        }
        let shown = name == "-" ? "<stdin>" : name
        return InputText(name: shown, text: try TextDecoding.decode(utf8(fromBOMLessUTF16: data) ?? data, name: shown, lossy: lossy))
    }

    /// `data` as UTF-8 when it is UTF-16 without a byte-order mark (Windows Notepad's "Unicode"
    /// and many exports), else nil. Why: such a text was refused as "a binary file (NUL byte at
    /// offset 1)" by every command that reads a draft, while the TMX reader reads the same
    /// encoding (review 1130e m6). The test: an even length, NUL bytes, and every NUL at odd
    /// offsets (little-endian: the high byte of Latin letters, digits, spaces and line breaks)
    /// or every NUL at even offsets (big-endian), and the whole decodes without a lone
    /// surrogate or a control character other than tab and line breaks. Real binary data has
    /// NULs at both, or controls; UTF-8 text has no NUL; a text with a BOM is left to
    /// `TextDecoding`. Khmer (U+1780–U+17FF) has no NUL byte, so a Khmer text is recognised by
    /// its spaces, ASCII digits and line breaks. Cost: one pass over the bytes.
    static func utf8(fromBOMLessUTF16 data: Data) -> Data? {
        guard data.count >= 2, data.count % 2 == 0 else { return nil }
        let first = (data[data.startIndex], data[data.startIndex + 1])
        if first == (0xFF, 0xFE) || first == (0xFE, 0xFF) { return nil }
        var nulAtOdd = false, nulAtEven = false
        for (offset, byte) in data.enumerated() where byte == 0 {
            if offset % 2 == 0 { nulAtEven = true } else { nulAtOdd = true }
            if nulAtOdd && nulAtEven { return nil }
        }
        guard nulAtOdd != nulAtEven else { return nil }
        guard let text = String(data: data, encoding: nulAtOdd ? .utf16LittleEndian : .utf16BigEndian),
              !text.unicodeScalars.contains(where: { $0 == "\u{FFFD}" || ($0.value < 0x20 && !"\t\n\r\u{0C}".unicodeScalars.contains($0)) })
        else { return nil }
        return Data(text.utf8)
    }

    /// Throws a usage error (exit 64) unless `path` names a file that exists: "PATH: no such
    /// file", or `folderError`. Nothing for "-" (standard input). Cost: one stat.
    ///
    /// Why: every command that reads a file argument says these two mistakes the same way and
    /// with the same exit status (README: "refused like a missing file (exit 64)"); `import`,
    /// `validate`, `glossary import`, `align` and `segment --rules` said them in words of their
    /// own with exit 1 (review 1130d m1), and a folder read as a file gave Foundation's
    /// "NSCocoaErrorDomain error 256" (review 1130b m10).
    static func requireFile(_ path: String) throws {
        guard path != "-" else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ValidationError("\(path): no such file")
        }
        guard !isFolder.boolValue else { throw folderError(path) }
    }

    /// "PATH: is a folder, not a file", as a usage error (exit 64, like a missing file), for
    /// every command that reads a file.
    static func folderError(_ path: String) -> ValidationError {
        ValidationError("\(path): is a folder, not a file")
    }

    /// Throws `folderError` when `path` names a folder (nothing for "-" or a missing path: the
    /// reader says those). Cost: one stat.
    static func refuseFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw folderError(path)
        }
    }

    /// `refuseFolder` for the memory a command opens (`--memory`, `$VERBALE_MEMORY`): a folder
    /// there gave SQLite's "unable to open database file" (exit 1), or "no such file" for a
    /// folder named like a TMX; it is the same mistake as a folder given as an input file.
    static func refuseFolder(memory url: URL) throws {
        try refuseFolder(url.path)
    }
}

/// Options shared by commands that take a language.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language of the input, as a BCP 47 tag (en, fr-FR, km-KH). Default: detected from the script and common words.", valueName: "tag"))
    var lang: String?

    /// The language to use for `text`: the one given, or the detected one.
    func resolve(for text: String) throws -> Language {
        guard let lang else { return LanguageDetector.detect(text) }
        do {
            guard let language = try LanguageTag(lang).language else { throw ValidationError("unsupported language \(lang)") }
            return language
        } catch let error as LanguageTagError {
            throw ValidationError(error.description)
        }
    }
}

/// Writes `value` as pretty, stable JSON (sorted keys) followed by a newline.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}
