import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The export reads stored notes, properties and attributes with `MetadataJSON` instead of a
/// `JSONDecoder` per column (issue 3, export throughput). Whatever it returns must be what
/// `JSONDecoder` gives (`MetadataCoding.decode`, the reference), and what it declines (nil) is
/// decoded by `JSONDecoder` — compared here on what `MetadataCoding.encode` stores for seeded
/// values (escapes, controls, Khmer, emoji) and on hand-written JSON it never stores.
@Suite("MetadataJSON reads stored lists as JSONDecoder does")
struct MetadataJSONTests {
    static let pieces = ["MFA", " Protocol", "\"", "\\", "/", "\n", "\t", "\r", "\u{1}", "\u{1F}", "\u{7F}", "ស្ថានទូត", "\u{200B}", "១២",
                         "é", "😀", "\u{FEFF}", "&amp;", "<b>", "", "x-client", "{PERSON}"]

    static func text(_ rng: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
    }

    static func fast<T>(_ json: String, _ read: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        var json = json
        return json.withUTF8 { read($0) }
    }

    @Test("Seeded notes and properties, as stored: read without JSONDecoder, same values")
    func seeded() {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<2_000 {
            let notes = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Self.text(&rng) }
            let properties = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Property(type: Self.text(&rng), value: Self.text(&rng)) }
            guard let storedNotes = MetadataCoding.encode(notes), let storedProperties = MetadataCoding.encode(properties) else {
                Issue.record("nothing encoded")
                return
            }
            #expect(Self.fast(storedNotes, MetadataJSON.strings) == notes, "\(storedNotes)")
            #expect(Self.fast(storedNotes, MetadataJSON.strings) == MetadataCoding.decode(storedNotes, as: [String].self))
            #expect(Self.fast(storedProperties, MetadataJSON.properties) == properties, "\(storedProperties)")
            #expect(Self.fast(storedProperties, MetadataJSON.properties) == MetadataCoding.decode(storedProperties, as: [Property].self))
        }
    }

    @Test("Hand-written JSON: what it reads equals JSONDecoder's; what it declines, the column reader decodes the same", arguments: [
        #"["a","b"]"#, #" [ "a" , "b" ] "#, #"[]"#, #"["\u00e9\u0041\/\b\f"]"#, #"["\ud83d\ude00"]"#, #"["\ud83d"]"#, #"["\ude00x"]"#,
        #"["a"]x"#, #"["a",]"#, #"["a""#, #"[1]"#, "[\"tab\tin\"]", #"["\x"]"#, #"{"a":1}"#, #"["\u12"]"#,
    ])
    func strings(json: String) {
        let reference = MetadataCoding.decode(json, as: [String].self)
        if let fast = Self.fast(json, MetadataJSON.strings) { #expect(fast == reference, "\(json)") }
        #expect(Self.fast(json, { MetadataCoding.strings($0) }) == reference, "\(json)")
    }

    @Test("Hand-written property lists, as `strings`", arguments: [
        #"[{"type":"x-client","value":"MFA"}]"#, #"[{"value":"MFA","type":"x-client"}]"#, #"[ { "type" : "a" , "value" : "b" } ]"#,
        #"[{"type":"a"}]"#, #"[{"type":"a","value":"b","extra":1}]"#, #"[{"type":"a","type":"b","value":"c"}]"#, #"[{"type":1,"value":"b"}]"#,
        #"[{"type":"a","value":"b"},{"type":"\u0063","value":"\"q\""}]"#, #"[{"type":"a","value":"b"}"#,
    ])
    func properties(json: String) {
        let reference = MetadataCoding.decode(json, as: [Property].self)
        if let fast = Self.fast(json, MetadataJSON.properties) { #expect(fast == reference, "\(json)") }
        #expect(Self.fast(json, { MetadataCoding.properties($0) }) == reference, "\(json)")
    }
}
