import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// Our own fixtures, written for these tests (never copied from shared data).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/formats")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Reads every unit of fixture `name` (format sniffed).
    static func read(_ name: String, format: MemoryFormat? = nil) throws -> (units: [TranslationUnit], reader: any TranslationUnitReader) {
        var reader = try MemoryFormat.makeReader(url: url(name), format: format)
        let units = try reader.readAll()
        return (units, reader)
    }

    /// The `FormatError` reading fixture `name` throws (or nil when it reads fine).
    static func error(_ name: String, format: MemoryFormat? = nil) -> FormatError? {
        error(source: { try ByteSource(url: url(name)) }, format: format)
    }

    static func error(source: () throws -> ByteSource, format: MemoryFormat? = nil) -> FormatError? {
        do {
            var reader = try MemoryFormat.makeReader(source: try source(), format: format)
            _ = try reader.readAll()
            return nil
        } catch let error as FormatError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    /// The error reading `bytes` as `name`, handed over in pieces cut at `cuts` (ascending
    /// offsets): an error's position must not depend on how the input was chunked.
    static func error(_ bytes: [UInt8], name: String, cuts: [Int] = [], format: MemoryFormat? = nil) -> FormatError? {
        error(source: {
            var pieces: [[UInt8]] = []
            var from = 0
            for cut in cuts + [bytes.count] where cut > from {
                pieces.append(Array(bytes[from..<cut]))
                from = cut
            }
            return ByteSource(name: name) { () throws(FormatError) -> [UInt8]? in pieces.isEmpty ? nil : pieces.removeFirst() }
        }, format: format)
    }
}

extension TranslationUnit {
    func text(_ tag: String) -> String? {
        guard let tag = try? LanguageTag(parsing: tag) else { return nil }
        return variants.first { $0.language == tag }?.text
    }
}

/// Writes `units` with `format`'s writer into memory and returns the bytes.
func write(_ units: [TranslationUnit], as format: MemoryFormat, header: MemoryHeader = MemoryHeader(),
           languages: [LanguageTag] = []) throws -> Data {
    let sink = ByteSink()
    var writer = try format.makeWriter(sink: sink, header: header, languages: languages)
    for unit in units { try writer.write(unit) }
    try writer.finish()
    return sink.data
}

/// Reads units back from bytes.
func read(_ data: Data, as format: MemoryFormat?, name: String = "memory") throws -> (units: [TranslationUnit], reader: any TranslationUnitReader) {
    var reader = try MemoryFormat.makeReader(source: ByteSource(data: data, name: name), format: format)
    let units = try reader.readAll()
    return (units, reader)
}
