import Testing
@testable import VerbaleCore

/// `ICURegex.shared` clones a pattern compiled once per process (`uregex_clone`). A clone must
/// match as a regex compiled on its own does, keep its own subject text beside other clones of
/// the same pattern, and still report a bad pattern.
@Suite("Regexes cloned from a shared compiled pattern")
struct ICURegexSharedTests {
    static let pattern = "(\\d{1,2})\\s+(janvier|mars|May)\\s+(\\d{4})"
    static let texts = ["le 12 mars 2020 et 3 janvier 1999", "on 1 May 2021", "nothing here", ""]

    @Test("Clones match as a compiled regex does, each on its own text, interleaved")
    func clonesMatchLikeCompiled() throws {
        let compiled = try ICURegex(Self.pattern, options: [.caseInsensitive])
        let first = try ICURegex.shared(Self.pattern, options: [.caseInsensitive])
        let second = try ICURegex.shared(Self.pattern, options: [.caseInsensitive])
        #expect(first !== second)
        for (a, b) in zip(Self.texts, Self.texts.reversed()) {
            compiled.setText(utf16: Array(a.utf16))
            let expected = compiled.allMatches()
            first.setText(utf16: Array(a.utf16))
            second.setText(utf16: Array(b.utf16))  // another text on the other clone in between
            #expect(first.allMatches() == expected, "\(a)")
            compiled.setText(utf16: Array(b.utf16))
            #expect(second.allMatches() == compiled.allMatches(), "\(b)")
        }
        // Options are part of the key: the case-sensitive pattern is another template.
        let sensitive = try ICURegex.shared(Self.pattern)
        sensitive.setText(utf16: Array("le 12 MARS 2020".utf16))
        #expect(sensitive.allMatches().isEmpty)
        first.setText(utf16: Array("le 12 MARS 2020".utf16))
        #expect(first.allMatches() == [3..<15])
    }

    @Test("A bad pattern is reported as by init")
    func badPattern() {
        #expect(throws: ICURegex.SyntaxError.self) { try ICURegex.shared("(unclosed") }
        #expect(throws: ICURegex.SyntaxError.self) { try ICURegex.shared("(unclosed") }
    }
}
