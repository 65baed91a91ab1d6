import Testing
import VerbaleCore

/// Review 1130c, m12: a glossary entry's origin names its file once, also when the entry's id
/// was made from the file's name and line (a CSV/TSV row without an id column).
@Suite("Concept origins")
struct ConceptOriginTests {
    @Test("file#entry, the termbase after; an id already naming its file is not prefixed again")
    func description() {
        #expect(ConceptOrigin(termbase: "ok", file: "ok.tbx", entry: "c1").description == "ok.tbx#c1, termbase ok")
        #expect(ConceptOrigin(termbase: "mine", file: "g1.tsv", entry: "g1.tsv#2").description == "g1.tsv#2, termbase mine")
        #expect(ConceptOrigin(termbase: "ពាក្យ", file: nil, entry: "ពាក្យ#៣").description == "ពាក្យ#៣, termbase ពាក្យ")
        // An id that only begins like the file's name keeps the prefix.
        #expect(ConceptOrigin(termbase: "g", file: "g1.tsv", entry: "g1.tsv-2").description == "g1.tsv#g1.tsv-2, termbase g")
    }
}
