import Foundation
import VerbaleCore

/// What a memory file says about itself (TMX `<header>`, XLIFF `<file>`), kept so an export
/// can say where its units came from.
public struct MemoryHeader: Hashable, Sendable {
    /// The version the file declares (`1.4`, `1.1`, `1.2`, `2.0`), if any.
    public var version: String?
    /// The source language (TMX `srclang`; nil for `*all*`, which means any language can be a source).
    public var sourceLanguage: LanguageTag?
    /// The target language of a bilingual file (XLIFF `trgLang`/`target-language`).
    public var targetLanguage: LanguageTag?
    public var creationTool: String?
    public var creationToolVersion: String?
    /// TMX `o-tmf`: the tool's own memory format (`TW4Win 2.0 Format`, `MemoQTM`, `OmegaT TMX`…).
    public var originalFormat: String?
    public var segmentType: String?
    public var dataType: String?
    public var adminLanguage: String?
    public var creationDate: Date?
    public var creationUser: String?
    public var changeDate: Date?
    public var changeUser: String?
    public var notes: [String]
    public var properties: [Property]
    /// XLIFF `<file original=…>`.
    public var original: String?

    public init(version: String? = nil, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
                creationTool: String? = nil, creationToolVersion: String? = nil, originalFormat: String? = nil,
                segmentType: String? = nil, dataType: String? = nil, adminLanguage: String? = nil,
                creationDate: Date? = nil, creationUser: String? = nil, changeDate: Date? = nil, changeUser: String? = nil,
                notes: [String] = [], properties: [Property] = [], original: String? = nil) {
        self.version = version
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.creationTool = creationTool
        self.creationToolVersion = creationToolVersion
        self.originalFormat = originalFormat
        self.segmentType = segmentType
        self.dataType = dataType
        self.adminLanguage = adminLanguage
        self.creationDate = creationDate
        self.creationUser = creationUser
        self.changeDate = changeDate
        self.changeUser = changeUser
        self.notes = notes
        self.properties = properties
        self.original = original
    }
}

extension MemoryHeader {
    /// The header property by which a file says that each of its units states its own context
    /// (`x-context-pre`), and that a unit without one has none: its order is not a document's.
    ///
    /// Why: an import gives a unit without a stated context the keys of the unit before it in
    /// the file, as a document's sentences follow each other. A memory's export is not a
    /// document: the first unit of each imported file follows the last unit of another, and
    /// re-importing the export gave it that unit's keys, a false 101 "context" match (review
    /// 30 Nov, M11). Verbale's TMX export writes this property; any file may.
    public static let contextsStated = Property(type: "x-verbale-contexts", value: "stated")

    /// Whether the file states every unit's context (`contextsStated`).
    public var statesContexts: Bool {
        properties.contains { $0.type == Self.contextsStated.type && $0.value == Self.contextsStated.value }
    }
}
