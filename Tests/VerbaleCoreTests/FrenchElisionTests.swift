import Testing
@testable import VerbaleCore

@Suite("French elision")
struct FrenchElisionTests {
    static func length(_ word: String, _ prefixes: FrenchElision.Prefixes = FrenchElision.french) -> Int? {
        let units = Array(word.utf16)
        return units.withUnsafeBufferPointer { FrenchElision.prefixLength(0..<units.count, $0, prefixes) }
    }

    @Test("Apostrophe offsets come from the forms: a form of any length is found")
    func offsetsFromForms() {
        #expect(FrenchElision.french.apostropheOffsets == 1 << 1 | 1 << 2 | 1 << 5 | 1 << 6)
        // `entr'` (4) and `presqu'` (7): lengths the French list does not have today.
        let extended = FrenchElision.Prefixes(["l", "entr", "presqu"])
        #expect(Self.length("entr'ouvert", extended) == 5)
        #expect(Self.length("presqu’île", extended) == 7)
        #expect(Self.length("l'entr'acte", extended) == 2)
        #expect(Self.length("entr'ouvert") == nil)
    }

    @Test("Each French form splits before letters, in either apostrophe and capitalised; words that are not elisions stay whole")
    func frenchForms() {
        for form in ["l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"] {
            let n = form.utf16.count + 1
            #expect(Self.length(form + "'ici") == n, "\(form)")
            #expect(Self.length(form + "’ici") == n, "\(form)")
            #expect(Self.length(form.prefix(1).uppercased() + form.dropFirst() + "’ici") == n, "\(form)")
            #expect(Self.length(form + "'") == nil, "\(form)")
        }
        for word in ["aujourd'hui", "quelqu'un", "prud'homme", "don't", "l'", "la"] {
            #expect(Self.length(word) == nil, "\(word)")
        }
    }
}
