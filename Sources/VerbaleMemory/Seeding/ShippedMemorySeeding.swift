import Foundation
import GRDB
import VerbaleCore
import VerbaleFormats

/// A step that fills a freshly created (or updated) default memory with shipped data. The
/// memory seeds `Memories/*.tmx` itself (`ShippedMemorySeeding`); the glossary seeds its
/// termbases with its own step, in the same SQLite file.
public protocol SeedingStep: Sendable {
    /// Brings the shipped data into the database at `path`; must be idempotent and cheap
    /// when nothing changed (it runs on every use of the default memory).
    func seed(databaseAt path: URL) throws
}

/// Imports every `*.tmx` under the shipped `Memories/` folder once.
///
/// Idempotent: each file's name and content digest (FNV-1a 64 of its bytes) are recorded in
/// the `seed` table in the same transaction as its units, so a file is imported again only
/// when it changed (its units are then merged with the earlier ones as duplicates). Cost when
/// nothing changed: reading the shipped files (kilobytes) and one query. Shipped memories are
/// curated and attributed, so personal-data replacement is off for them.
public struct ShippedMemorySeeding: SeedingStep {
    public let folder: URL?

    public init(folder: URL? = ShippedData.memories) {
        self.folder = folder
    }

    public func seed(databaseAt path: URL) throws {
        let memory = try SQLiteMemory(path: path)
        try seed(memory)
    }

    /// Seeds `memory`; returns the number of files imported now.
    @discardableResult
    public func seed(_ memory: SQLiteMemory) throws -> Int {
        guard let folder else { return 0 }
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension.lowercased() == "tmx" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { return 0 }
        let recorded = try memory.read { db in try SeedRecord.digests(in: db) }
        var imported = 0
        for file in files {
            let data = try Data(contentsOf: file)
            let digest = String(UInt64(bitPattern: UnitFingerprint.bytes(data)), radix: 16)
            let name = OriginNames.shippedFolder + "/" + file.lastPathComponent
            guard recorded[name] != digest else { continue }
            let source = try FormatUnitSource(data: data, name: name, format: .tmx, shipped: true)
            _ = try memory.importUnits(from: [source], options: ImportOptions(scrubPersonalData: false), progress: nil) { db, summary in
                try SeedRecord.record(name: name, digest: digest, units: summary.read, in: db)
            }
            imported += 1
        }
        return imported
    }
}
