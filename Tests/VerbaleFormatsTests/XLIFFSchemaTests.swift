import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// The OASIS XLIFF schemas, as Debian ships them in `php-symfony-translation` (the official
/// `xliff-core-1.2-strict.xsd` and `xliff-core-2.0.xsd`, with W3C's `xml.xsd`); `.ci/run`
/// installs that package. `VERBALE_XLIFF_SCHEMAS` points elsewhere when set.
///
/// The published schemas import `xml.xsd` from the network (1.2) or from a folder the package
/// does not have (2.0), so `prepare()` writes copies into a temporary folder with the import
/// pointed at the local `xml.xsd`, and a wrapper that adds our own schema for the XLIFF 2.0
/// metadata module (`Fixtures/formats/xliff-schemas`), which the core schema only checks laxly.
enum XLIFFSchemas {
    static let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["VERBALE_XLIFF_SCHEMAS"]
        ?? "/usr/share/php/Symfony/Component/Translation/Resources/schemas")
    static let xmllint = findProgram("xmllint")
    static let files = ["xliff-core-1.2-strict.xsd", "xliff-core-2.0.xsd", "xml.xsd"]

    static var isAvailable: Bool {
        xmllint != nil && files.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    static let skipMessage: Comment = "xmllint or the OASIS XLIFF schemas are missing (apt-get install libxml2-utils php-symfony-translation); XLIFF schema validation skipped"

    /// Local, offline copies of the schemas: (XLIFF 1.2 schema, XLIFF 2.0 + metadata module schema).
    static func prepare() throws -> (v1_2: URL, v2_0: URL, folder: URL) {
        let out = temporaryFile("xliff-schemas")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let xml = folder.appendingPathComponent("xml.xsd").path
        func localCopy(_ name: String, replacing location: String, as newName: String) throws -> URL {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            guard text.contains("schemaLocation=\"\(location)\"") else {
                throw SchemaSetupError(message: "\(name) no longer imports xml.xsd from \(location)")
            }
            let url = out.appendingPathComponent(newName)
            try text.replacingOccurrences(of: "schemaLocation=\"\(location)\"", with: "schemaLocation=\"\(xml)\"")
                .write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        let v12 = try localCopy("xliff-core-1.2-strict.xsd", replacing: "http://www.w3.org/2001/xml.xsd", as: "xliff-1.2.xsd")
        let core20 = try localCopy("xliff-core-2.0.xsd", replacing: "informativeCopiesOf3rdPartySchemas/w3c/xml.xsd", as: "xliff-2.0.xsd")
        let metadata = Fixture.url("xliff-schemas/metadata-module-2.0.xsd")
        let v20 = out.appendingPathComponent("xliff-2.0-with-metadata.xsd")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0" schemaLocation="\(core20.path)"/>
          <xs:import namespace="urn:oasis:names:tc:xliff:metadata:2.0" schemaLocation="\(metadata.path)"/>
        </xs:schema>
        """.write(to: v20, atomically: true, encoding: .utf8)
        return (v12, v20, out)
    }

    /// xmllint's verdict on `file` (offline: `--nonet`).
    static func validate(_ file: URL, schema: URL) throws -> (status: Int32, output: String) {
        let xmllint = try #require(xmllint)
        return try run(xmllint, ["--noout", "--nonet", "--schema", schema.path, file.path])
    }
}

struct SchemaSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

@Suite("XLIFF output validates against the OASIS schemas", .enabled(if: XLIFFSchemas.isAvailable, XLIFFSchemas.skipMessage))
struct XLIFFSchemaTests {
    /// Fixture units (TMX tags from Trados/memoQ/OmegaT, XLIFF 1.2/2.0 tags, notes, props) plus
    /// random ones of both kinds (Khmer with U+200B and Khmer digits, every review status).
    static func units(source: LanguageTag, target: LanguageTag, seed: UInt64) throws -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        for name in ["tmx14-notes.tmx", "trados-utf16le.tmx", "trados-tw4win-ut.tmx", "memoq.tmx", "omegat.tmx", "tmx11-lang.tmx",
                     "notes-1.2.xlf", "notes-2.0.xlf"] {
            units += try Fixture.read(name).units
        }
        var generator = UnitGenerator(random: SeededGenerator(seed: seed))
        units += (0..<150).map { _ in generator.tmxUnit() }
        units += (0..<150).map { generator.xliffUnit(number: $0, source: source, target: target) }
        return units
    }

    /// `statesContexts`: as a memory's export, every unit states its context, empty when none.
    static func export(_ units: [TranslationUnit], version: XLIFFVersion, languages: [LanguageTag],
                       statesContexts: Bool = false) throws -> (URL, Int) {
        let url = temporaryFile("export-\(version.rawValue).xlf")
        let sink = try ByteSink(url: url)
        var header = MemoryHeader()
        header.original = "notes <verbales> & co"
        if statesContexts { header.properties.append(MemoryHeader.contextsStated) }
        var writer = try XLIFFWriter(sink: sink, header: header, languages: languages, version: version)
        for unit in units { try writer.write(unit) }
        try writer.finish()
        try sink.close()
        return (url, units.count - writer.skipped)
    }

    @Test("Exported XLIFF 1.2 and 2.0 (EN→KM, EN→FR, FR→KM) are valid against the OASIS schemas (xmllint --schema)",
          arguments: [(LanguageTag(.english), LanguageTag(.khmer, region: "KH")), (LanguageTag(.english), LanguageTag(.french, region: "FR")),
                      (LanguageTag(.french), LanguageTag(.khmer))])
    func exportsValidate(source: LanguageTag, target: LanguageTag) throws {
        let schemas = try XLIFFSchemas.prepare()
        defer { try? FileManager.default.removeItem(at: schemas.folder) }
        let units = try Self.units(source: source, target: target, seed: 20_210_112)
        for version in XLIFFVersion.allCases {
            for statesContexts in [false, true] {
                let (url, written) = try Self.export(units, version: version, languages: [source, target], statesContexts: statesContexts)
                defer { try? FileManager.default.removeItem(at: url) }
                #expect(written > 100, "\(version): too few units written to prove anything")
                // The contexts are there to be checked: 1.2 writes them as <context-group>s.
                let text = try String(contentsOf: url, encoding: .utf8)
                #expect(text.contains(version == .v1_2 ? "<context context-type=\"x-context-pre\">" : "<mda:meta type=\"context-pre\">"))
                let result = try XLIFFSchemas.validate(url, schema: version == .v1_2 ? schemas.v1_2 : schemas.v2_0)
                #expect(result.status == 0, "XLIFF \(version.rawValue) \(source)→\(target), contexts stated: \(statesContexts): \(result.output.prefix(2_000))")
            }
        }
    }

    @Test("An empty export (no units) is still a valid XLIFF document in both versions")
    func emptyExportValidates() throws {
        let schemas = try XLIFFSchemas.prepare()
        defer { try? FileManager.default.removeItem(at: schemas.folder) }
        for version in XLIFFVersion.allCases {
            let (url, _) = try Self.export([], version: version, languages: [LanguageTag(.english), LanguageTag(.khmer)])
            defer { try? FileManager.default.removeItem(at: url) }
            let result = try XLIFFSchemas.validate(url, schema: version == .v1_2 ? schemas.v1_2 : schemas.v2_0)
            // XLIFF 2.0 requires a <unit> or <group> in every <file>; 1.2 allows an empty <body>.
            #expect(result.status == 0, "XLIFF \(version.rawValue) with no unit: \(result.output)")
        }
    }

    /// Units that broke XLIFF 2.0 validity before: a `tuid` with spaces (2.0 ids are name
    /// tokens), repeated ids (memories merged from several TMX files), a `fr-FR` variant in an
    /// `fr` file (2.0 `<target>` must be in `trgLang`), TMX tag types (`bold`, `x-date`) 2.0 lacks.
    static let awkward: [TranslationUnit] = [
        TranslationUnit(id: "note 45/2021", variants: [
            Variant(language: LanguageTag(.english, region: "GB"), text: "Note No. 45 of 12 January 2021", tags: [
                InlineTag(kind: .ph, position: 9, attributes: [Property(type: "type", value: "x-date")], content: "{0}"),
                InlineTag(kind: .bpt, position: 16, attributes: [Property(type: "i", value: "1"), Property(type: "type", value: "bold")], content: "&lt;b&gt;"),
                InlineTag(kind: .ept, position: 31, attributes: [Property(type: "i", value: "1")], content: "&lt;/b&gt;"),
            ]),
            Variant(language: LanguageTag(.french, region: "FR"), text: "Note n° 45 du 12 janvier 2021"),
        ]),
        TranslationUnit(id: "1", variants: [Variant(language: LanguageTag(.english), text: "Thank you."), Variant(language: LanguageTag(.french), text: "Merci.")]),
        TranslationUnit(id: "1", variants: [Variant(language: LanguageTag(.english), text: "With thanks."), Variant(language: LanguageTag(.french), text: "Avec nos remerciements.")]),
    ]

    @Test("Awkward ids, regional variants and TMX tag types give valid XLIFF 2.0 that reads back the same")
    func awkwardUnits() throws {
        let schemas = try XLIFFSchemas.prepare()
        defer { try? FileManager.default.removeItem(at: schemas.folder) }
        let languages = [LanguageTag(.english), LanguageTag(.french)]
        for version in XLIFFVersion.allCases {
            let (url, written) = try Self.export(Self.awkward, version: version, languages: languages)
            defer { try? FileManager.default.removeItem(at: url) }
            #expect(written == 3)
            let result = try XLIFFSchemas.validate(url, schema: version == .v1_2 ? schemas.v1_2 : schemas.v2_0)
            #expect(result.status == 0, "XLIFF \(version.rawValue): \(result.output)")
            guard version == .v2_0 else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("xml:lang"), "XLIFF 2.0 <target xml:lang> must equal trgLang: write none")
            let again = try read(Data(contentsOf: url), as: .xliff).units
            #expect(again.map(\.id) == Self.awkward.map(\.id))
            #expect(again.map { $0.variants.map(\.language) } == Self.awkward.map { $0.variants.map(\.language) })
            #expect(again.first?.variants.first?.tags.map { $0.attribute("type") } == ["x-date", "bold", nil])
        }
    }

    /// Hand-written invalid files, each with the part of xmllint's message that proves it failed
    /// for the intended reason (so the validating test above can fail, and fails for the right thing).
    static let invalid: [(file: String, reason: String)] = [
        ("2.0-no-srcLang.xlf", "'srcLang' is required"),
        ("2.0-unit-without-segment.xlf", "Missing child element"),
        ("2.0-bad-state.xlf", "'approved' is not an element of the set"),
        ("2.0-notes-after-segment.xlf", "notes': This element is not expected"),
        ("2.0-meta-without-type.xlf", "'type' is required"),
        ("2.0-meta-bad-appliesTo.xlf", "'unit' is not an element of the set"),
        ("1.2-no-datatype.xlf", "'datatype' is required"),
        ("1.2-trans-unit-without-id.xlf", "K_unit_id"),
        ("1.2-bad-state.xlf", "'reviewed' is not a valid value"),
        ("1.2-target-before-source.xlf", "target': This element is not expected"),
        ("1.2-ph-without-id.xlf", "'id' is required"),
    ]

    @Test("Hand-written invalid XLIFF 1.2 and 2.0 files fail validation, each for its own reason",
          arguments: invalid.map(\.file))
    func invalidFilesFail(file: String) throws {
        let schemas = try XLIFFSchemas.prepare()
        defer { try? FileManager.default.removeItem(at: schemas.folder) }
        let reason = try #require(Self.invalid.first { $0.file == file }?.reason)
        let result = try XLIFFSchemas.validate(Fixture.url("xliff-invalid/\(file)"), schema: file.hasPrefix("1.2") ? schemas.v1_2 : schemas.v2_0)
        #expect(result.status != 0, "\(file) validated but is invalid")
        #expect(result.output.contains(reason), "\(file): expected \"\(reason)\" in: \(result.output)")
    }

    @Test("Our hand-written XLIFF fixtures are valid (the invalid ones differ from them in one point each)")
    func fixturesValidate() throws {
        let schemas = try XLIFFSchemas.prepare()
        defer { try? FileManager.default.removeItem(at: schemas.folder) }
        for (name, schema) in [("notes-1.2.xlf", schemas.v1_2), ("notes-2.0.xlf", schemas.v2_0), ("unconfirmed-1.2.xlf", schemas.v1_2),
                               ("unconfirmed-2.0.xlf", schemas.v2_0), ("segmented-1.2.xlf", schemas.v1_2)] {
            let result = try XLIFFSchemas.validate(Fixture.url(name), schema: schema)
            #expect(result.status == 0, "\(name): \(result.output)")
        }
    }
}
