import Foundation
import VerbaleAlign
import VerbaleCore
import VerbaleFormats

/// Real parallel text on this machine, for the tests.
enum Corpus {
    static var hasKhmerCatalogues: Bool {
        FileManager.default.fileExists(atPath: "/usr/share/locale/km/LC_MESSAGES/dpkg.mo")
            && FileManager.default.fileExists(atPath: "/usr/share/locale/fr/LC_MESSAGES/dpkg.mo")
    }

    /// English/Khmer message pairs from the installed gettext catalogues.
    static func englishKhmer() -> [(String, String)] {
        GettextParallelText.rows(languages: [.english, .khmer]).compactMap { row in
            guard let en = row[.english], let km = row[.khmer] else { return nil }
            return (en, km)
        }
    }

    static func trilingual() -> [[Language: String]] {
        GettextParallelText.rows(languages: [.english, .french, .khmer])
    }
}
