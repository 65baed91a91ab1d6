import Foundation
import VerbaleCore

/// Reading the text inside inline codes and file names in properties for personal data
/// (review 1130i M1, M3).
///
/// Why: a code's content is the native markup it protects, kept as escaped XML so export writes
/// it back unchanged (`InlineTag.content`). A hyperlink on a name (`&lt;a
/// href="mailto:sok.dara@…"&gt;`), a footnote's `<sub>` text or an RTF field carries the same
/// e-mail addresses, phone numbers and names as the segment, and went into the memory and
/// every export as typed.
extension PersonalDataScrubber {
    /// Tag attributes that identify, pair or type a code (TMX `i`/`x`/`type`/`pos`, XLIFF ids,
    /// references and flags): never personal data, and changing one would unpair the codes.
    /// Every other attribute (`equiv-text`, `disp`, `equivStart`…) is text and is scrubbed.
    static let structuralTagAttributes: Set<String> = [
        "i", "x", "id", "rid", "xid", "pos", "type", "subType", "ctype", "assoc", "datatype", "mtype", "translate", "clone",
        "dataRef", "dataRefStart", "dataRefEnd", "startRef", "isolated", "canCopy", "canDelete", "canReorder", "canOverlap",
        "copyOf", "dir", "subFlows", "subFlowsStart", "subFlowsEnd",
    ]

    /// `content` (escaped XML: text and `<sub>` markup) with each text run between markup
    /// transformed as plain text — entities decoded first, the result escaped again — and the
    /// markup kept as written; nil when `transform` changed no run, so a code without personal
    /// data keeps its bytes (`&quot;` stays `&quot;`). O(n) plus the transform.
    static func mapTextRuns(ofCode content: String, _ transform: (String) -> String) -> String? {
        // Most codes are short markup with nothing personal: one scan, no copy, when no run changes.
        var output = ""
        var changed = false
        var run = ""
        func flush() {
            guard !run.isEmpty else { return }
            let plain = run.contains("&") ? InlineTag(kind: .ph, position: 0, content: run).nativeCode : run
            let cleaned = transform(plain)
            if sameBytes(cleaned, plain) {
                output += run
            } else {
                changed = true
                output += escapedText(cleaned)
            }
            run = ""
        }
        var inMarkup = false
        for character in content {
            if inMarkup {
                output.append(character)
                if character == ">" { inMarkup = false }
            } else if character == "<" {
                flush()
                inMarkup = true
                output.append(character)
            } else {
                run.append(character)
            }
        }
        flush()
        return changed ? output : nil
    }

    /// `text` escaped as XML character data (`&`, `<`, `>`).
    static func escapedText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Whether a property value is a file name, alone or after a relative path
    /// (`visa-Mr-Sok-Dara.txt`, `notes/2020/visa Mr Sok.docx`): one line ending in an extension
    /// CAT tools name (`fileExtensions`). Such a value is read as an origin is (`_ - .` as
    /// spaces), where a person-named file hides its name from the plain patterns.
    static func isFileName(_ value: String) -> Bool {
        // No "." byte, no "." character: one byte scan instead of a `Character` search (most
        // property values are codes, names and dates).
        guard value.utf8.count <= 512, holdsByte(value, { $0 == 0x2E }) else { return false }
        guard let dot = value.lastIndex(of: "."), dot != value.startIndex,
              !value.contains(where: \.isNewline) else { return false }
        return fileExtensions.contains(value[value.index(after: dot)...].lowercased())
    }
}

extension PersonalDataScrubber {
    /// Whether `property` names a person's role (`x-translator`, `x-Reviewer`, `author`: a
    /// person-only role label, `roleProperty`) and its value is one word — an account such as
    /// `sokha.chan` or `MOFA\keo`, which no name pattern recognises — so it is replaced whole,
    /// as `creationid` is (review 1130i m5). Values with a space are read after the role label
    /// as before; an e-mail address is left to the e-mail pattern.
    ///
    /// The property's type is asked first: most properties of a CAT tool's export (`x-Document`,
    /// `x-client`…) name no role, and reading the value (trimmed through Foundation, then walked
    /// by `Character`) cost ~17,000 instructions a property — 174 M on the 5,000-unit CAT-tool
    /// slice (callgrind, 30 Nov). The same conditions, in another order: the same answer.
    static func isAccountOfPerson(_ property: Property) -> Bool {
        guard let label = roleProperty(property.type), personOnlyRoleLabelSet.contains(label) else { return false }
        let value = property.value.trimmingCharacters(in: .whitespaces)
        return !value.isEmpty && value.utf8.count <= 128 && !value.contains(where: { $0.isWhitespace || $0 == "@" || $0 == "{" })
            && value.contains(where: \.isLetter)
    }
}

extension PersonalDataScrubber {
    /// Function words that end a name written in capitals (particles such as `DE`, `VAN`, `LE`
    /// are not among them: « M. JEAN DE LA FONTAINE » stays one name).
    static let capitalsStopWords: Set<String> = [
        "and", "or", "on", "in", "at", "to", "for", "with", "from", "by", "of", "the", "et", "ou", "pour", "avec", "sur", "dans",
        "arrivera", "partira", "viendra", "signera", "sera", "seront", "ont",
        "arriveront", "partiront", "viendront", "signeront",
    ]

    /// Whether `word` is written in capitals (two letters or more, no lower case) and is a verb
    /// or function word (`capitalNotNameWords`, `capitalsStopWords`), so a name in capitals
    /// ends before it (review 1130i m6).
    /// One letter is never such a word: "A." / "A" is as often an initial ("Mr. John A. Smith"
    /// kept "A. Smith" in the memory when the French verb « A » ended the name).
    static func isCapitalsVerbOrFunctionWord(_ word: Substring) -> Bool {
        let letters = word.filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy(\.isUppercase) else { return false }
        let key = letters.lowercased()
        return capitalNotNameWords.contains(key) || capitalsStopWords.contains(key)
    }
}

extension PersonalDataScrubber {
    /// Whether a captured name begins with a connector in capitals and a title after it
    /// ("AND MRS. JOHN SMITH" after "MR."): the words after the first title are the second's.
    static func beginsWithCapitalsConnector(_ capture: String) -> Bool {
        let words = capture.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        guard words.count >= 2, ["AND", "ET", "&"].contains(String(words[0])) else { return false }
        return isCapitalsTitle(words[1]) || isTitle(words[1])
    }
}
