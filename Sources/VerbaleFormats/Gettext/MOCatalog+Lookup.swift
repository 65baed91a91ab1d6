import Foundation

extension MOCatalog {
    /// Translations by original message, for looking names up (`catalogue.translations["Cambodia"]`):
    /// contexts dropped, the header entry and untranslated messages left out; when one original
    /// appears under several contexts the last wins. Built on each call, O(messages).
    public var translations: [String: String] {
        var table: [String: String] = [:]
        for message in messages where !message.original.isEmpty && !message.translation.isEmpty {
            table[message.original] = message.translation
        }
        return table
    }

    /// The header entry (the translation of the empty message: Project-Id-Version, Language…),
    /// "" when the catalogue has none; it says who translated, for provenance.
    public var header: String {
        messages.first { $0.original.isEmpty && $0.context == nil }?.translation ?? ""
    }

    /// A header field such as "Language" or "PO-Revision-Date".
    public func headerField(_ name: String) -> String? {
        for line in header.split(separator: "\n") where line.hasPrefix("\(name):") {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
