import Testing
@testable import VerbaleCore

@Suite("Khmer compounds the boundary model cut are one token (audit F13)")
struct KhmerCompoundsTests {
    func words(_ text: String, _ tokenizer: Tokenizer) -> [String] { tokenizer.tokenize(text).map(\.text) }

    @Test("ស្ថានទូត (embassy) is one token in running Khmer, with and without U+200B, and with a U+200B inside it")
    func embassy() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        let expected = ["ក្រសួង", "មាន", "កិត្តិយស", "ជម្រាប", "ស្ថានទូត", "។"]
        #expect(words("ក្រសួង\u{200B}មាន\u{200B}កិត្តិយស\u{200B}ជម្រាប\u{200B}ស្ថានទូត\u{200B}។", tokenizer) == expected)
        #expect(words("ក្រសួងមានកិត្តិយសជម្រាបស្ថានទូត។", tokenizer) == expected)
        // A writer who put a U+200B inside the word gets the same word (its range spans the U+200B).
        let inside = tokenizer.tokenize("ស្ថាន\u{200B}ទូត")
        #expect(inside.map(\.text) == ["ស្ថានទូត"])
        #expect(inside.first?.key == "ស្ថានទូត")
    }

    @Test("The formula words stay whole: កិត្តិយស before សូម, ការបរទេស, រដ្ឋទូត, ការទូត, the motto's ជាតិ")
    func formulaWords() throws {
        let tokenizer = try Tokenizer(language: .khmer)
        #expect(words("មានកិត្តិយសសូមជម្រាបជូន", tokenizer) == ["មាន", "កិត្តិយស", "សូម", "ជម្រាប", "ជូន"])
        #expect(words("ក្រសួងការបរទេស", tokenizer) == ["ក្រសួង", "ការបរទេស"])
        #expect(words("ឯកអគ្គរដ្ឋទូត", tokenizer) == ["ឯកអគ្គ", "រដ្ឋទូត"])
        #expect(words("បេសកកម្មការទូត", tokenizer) == ["បេសកកម្ម", "ការទូត"])
        #expect(words("ជាតិ សាសនា ព្រះមហាក្សត្រ", tokenizer) == ["ជាតិ", "សាសនា", "ព្រះមហាក្សត្រ"])
    }

    @Test("Only pieces that spell the word exactly are joined; a piece running past it is left alone")
    func exactPiecesOnly() {
        let text = Array("ស្ថានទូតនេះ".utf16)
        let ends = [5, 8, 11]  // ស្ថាន | ទូត | នេះ
        text.withUnsafeBufferPointer { units in
            var output: [Range<Int>] = []
            KhmerCompounds.join([0..<ends[0], ends[0]..<ends[1], ends[1]..<ends[2]], units, into: &output)
            #expect(output == [0..<8, 8..<11])
            // ស្ថាន | ទូតនេះ: no piece ends where ស្ថានទូត does.
            KhmerCompounds.join([0..<5, 5..<11], units, into: &output)
            #expect(output == [0..<5, 5..<11])
            // Pieces with a gap (a separator) between them are never joined.
            KhmerCompounds.join([0..<5, 6..<8], units, into: &output)
            #expect(output == [0..<5, 6..<8])
        }
    }

    @Test("Khmer inside English text gets the same words")
    func insideEnglish() throws {
        let english = try Tokenizer(language: .english)
        #expect(words("the ស្ថានទូត of Cambodia", english) == ["the", "ស្ថានទូត", "of", "Cambodia"])
    }
}
