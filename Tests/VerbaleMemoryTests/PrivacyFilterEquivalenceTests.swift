import Foundation
import Testing
import VerbaleCore
@testable import VerbaleMemory

/// The scrubber's byte pre-filter (`PersonalDataScrubber.triggers`) only decides which regular
/// expressions to run; it must never change what is found. These tests run every pattern on
/// every text (`filtered: false`) and compare.
@Suite("The privacy pre-filter finds exactly what the unfiltered patterns find")
struct PrivacyFilterEquivalenceTests {
    let scrubber: PersonalDataScrubber

    init() throws {
        scrubber = try PersonalDataScrubber()
    }

    /// The texts whose filtered spans differ from the unfiltered ones (with both, for the message).
    func mismatches(_ texts: [String]) -> [String] {
        var differing: [String] = []
        for text in texts {
            let filtered = scrubber.spans(in: text).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            let unfiltered = scrubber.spans(in: text, filtered: false).map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            if filtered != unfiltered { differing.append("\(text.debugDescription): filtered \(filtered), unfiltered \(unfiltered)") }
        }
        return differing
    }

    @Test("Known traps: capitals with accents, a title after « and NBSP, digits of other scripts, ſ and ß")
    func traps() {
        let texts = [
            "TÉL. 012 345 678", "NÉE LE 12/03/1980", "«\u{A0}M. Dupont a signé", "’Mr Smith", "Tel 1 (0) 2", "ID 1-----x",
            "+８５５ ２３ ２１６ １４１", "paſſport no. 1234567", "paßport 12345678", "ＩＤ 123456", "Mr. John Smith (john@example.org)",
            "ឯកឧត្តម សុខ ចាន់ ទូរស័ព្ទ ០១២ ៣៤៥ ៦៧៨", "born on 1 January 1970", "Date of birth: 12.03.1980",
            // Khmer words separated by U+200B.
            "លិខិតឆ្លងដែន\u{200B}លេខ\u{200B}N0123456", "អត្តសញ្ញាណប័ណ្ណ\u{200B}លេខ\u{200B}៖\u{200B}០១០២០៣០៤០",
            "ទូរស័ព្ទ\u{200B}លេខ\u{200B}០១២ ៣៤៥ ៦៧៨", "ថ្ងៃ\u{200B}ខែ\u{200B}ឆ្នាំ\u{200B}កំណើត\u{200B}១២\u{200B}មីនា\u{200B}១៩៦០",
            "ឯកឧត្តម\u{200B}ប្រាក់\u{200B}សុខុន", "ជូន\u{200B}លោក\u{200B}សុខ\u{200B}ដារ៉ា", "passport\u{200B}No.\u{200B}N0123456",
            "Tel\u{200B}:\u{200B}012 345 678", "ID\u{200B}1234567",
            // Phone groups split by U+200B, a Khmer local number glued to a word; Khmer កើត in and out of a birth.
            "សូម\u{200B}ទូរស័ព្ទ\u{200B} +៨៥៥\u{200B} ៩៩\u{200B} ៣៤៥\u{200B} ៦៧៨។", "ឬ ០១២\u{200B}៣៤៥\u{200B}៦៧៨", "សូមទូរស័ព្ទមកលេខ០១២ ៣៤៥ ៦៧៨។",
            "ស្ថានទូតត្រូវបានបង្កើតនៅថ្ងៃទី១២ ខែមីនា ឆ្នាំ១៩៩៩។", "ថ្ងៃអាទិត្យ ១៣ កើត ថ្ងៃទី១៩ ខែធ្នូ ឆ្នាំ២០២១",
            "លោកស្រី សុខ ចាន់ថា កើតនៅថ្ងៃទី៣ ខែឧសភា ឆ្នាំ១៩៧១", "ស្ថានទូតសូមថ្លែងអំណរគុណចំពោះ លោក John Smith ចំពោះលិខិត",
        ]
        let differing = mismatches(texts)
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
        // And the filter does its job: a plain sentence runs no pattern at all.
        #expect(mismatches(followTraps).isEmpty, "\(mismatches(followTraps).joined(separator: "\n"))")
        // The traps do reach the patterns: about half of them hold personal data.
        #expect(followTraps.filter { !scrubber.spans(in: $0).isEmpty }.count > 40)
        #expect(PersonalDataScrubber.triggers("The Embassy presents its compliments to the Ministry.").isEmpty)
        // "Mr President" alone runs no title pattern; a name after it or after another title does.
        #expect(!PersonalDataScrubber.triggers("Mr President , Madam President, Mr. Commissioner.").contains(.title))
        #expect(PersonalDataScrubber.triggers("Mr President , Mr Santer").contains(.title))
        #expect(PersonalDataScrubber.triggers("Mr President Santer").contains(.title) == false)
        #expect(scrubber.spans(in: "Mr President Santer", filtered: false).isEmpty)
    }

    /// Texts on the edges of the tighter pre-filter: what may follow a keyword (`Follow`), a title
    /// with or without a capital after it, `+` and `0` where a phone number can or cannot start,
    /// Khmer `កើត` and `០`. Real Latin and Khmer traps, each next to one that does match.
    let followTraps = [
        // Keywords inside longer words (never taken) beside the real ones.
        "I tell you 012 345 678", "Television 012 345 678", "telephone 012 345 678", "Telephone: +855 23 216 141", "TEL.012 345 678",
        "telNo 012345678", "tel n° 012 345 678", "Tel(012) 345 678", "cells 2 and 3", "cell: 012 345 678", "phones 12 34", "phone+855 23 216 141",
        "Fax.: 023 216 141", "faxes 023 216 141", "mobiles 012 345 678", "mobile 012 345 678", "portable០១២ ៣៤៥ ៦៧៨",
        "nécessaire 12 mars 1960", "née 12 mars 1960", "née le 12 mars 1960", "NÉE 12 MARS 1960", "néE 12 mars 1960", "néeMars 12, 1960",
        "née\u{A0}12 mars 1960", "née\u{200B}12.03.1960", "néanmoins 12.03.1960", "né12/03/1960", "Né le 1er mai 1970", "nées 12/03/1960",
        "borne 12/03/1960", "born 12/03/1960", "BORN ON 1 January 1970", "bornOn 12 March 1970", "born, 12.03.1960", "born:12.03.1960",
        "date of birth: 12.03.1960", "date of births 12.03.1960", "DOB.12/03/1960", "dobs 12/03/1960", "date de naissance : 12/03/1960",
        "naissances 12/03/1960", "born\u{200B}12.03.1960", "Born March 12, 1960", "born\tJuly 4th, 1776",
        // Titles: a capital (or another title) after white space, or not.
        "Mr President", "Mr. Smith", "Mr.Smith", "Mr smith", "Mrs\u{A0}Smith", "Mr  \t Smith", "Mr\nSmith", "Mr", "Mr.", "Mr ",
        "M. le Président", "M. Dupont", "M.Dupont", "Monsieur le Président", "Monsieur Dupont", "Madame\u{A0}Élise Durand", "Mme Élise",
        "Mademoiselle. Durand", "Mr Mr Smith", "Mr M. Smith", "Dr. Who", "Dr.who", "Messrs Smith and Jones", "U.S.Mr Smith", "x.M. Dupont",
        "Ms 12", "H.E. Mr Sok", "H. E. Sok", "S.E.M. Dupont", "S.E. M. Dupont", "«\u{A0}M. Dupont", "(Mr Smith)", "Mr\u{2003}Smith",
        "Mr Östen", "Mrs İnci", "MrSmith", "DrSmith", "HMr Smith",
        // Plural and glued title forms (review P3).
        "MM. Dupont et Martin", "MM Dupont", "MMDupont", "MM.Dupont", "Mmes Durand, Petit et Roux", "Mmes. durand", "Mlles Roux",
        "Messieurs Dupont", "Mesdames et Messieurs", "S.E.M. Dupont", "S.E.Mme Martin", "H.E.Mr. Hun Sen", "H.E.Mr.Hun", "Mr.Smith",
        "Dr.Smith", "DrMme Smith", "Mme.Élise", "M.\u{A0}Dupont", "x.MM. Dupont", "MM. DUPONT ET MARTIN", "Messrs Smith & Jones", "Messrs Hun Sen Hor Namhong", "MM. A B C D E et F",
        "Ms Ingrid van der Berg", "Mr Smith van der", "M. Dupont de la Commission", "H.E. Mrs. Ursula von der Leyen", "Mr.van der Berg", "Madam Chan", "Miss Keo", "Missy Keo", "Madame X", "(855) 23 216 666", "x(855) 23 216 666", "(1) 2 34 56 78", "passeport n° 12AB34567", "passport AB12C3456",
        // Role labels before a colon (audit F17), cased and spaced every way, beside near misses;
        // a surname beginning with a particle after a title.
        "Translator: Sokha Chan", "translator:Sokha", "TRADUCTEUR : Jean Dupont", "Réviseur\u{202F}: Élise", "RÉVISEUSE\u{A0}: Élise",
        "Authors: Sokha", "Author of: Sokha", "co-author: John", "Contact person : John", "Prepared by John Smith", "  prepared by John",
        "xPrepared by John", "Prepared byJohn", "Rédigé par Marc Petit", "note. Prepared by John", "Translator\u{200B}:\u{200B}Sok",
        "អ្នកបកប្រែ៖ សុខ ចាន់", "អ្នក\u{200B}និពន្ធ ៖ សុខ", "បកប្រែដោយៈ សុខ", "កំណត់និពន្ធ៖ សុខ", "អ្នកបកប្រែ: Sokha", "អ្នកបកប្រែ សុខ",
        "Contact: sokha@mfa.gov.kh", "Translator: de Villepin", "Translator: d'Estaing", "Translator: \u{A0}\u{200B}John", "Translator: john",
        "Translator: ÉLISE", "Traductrice\u{202F}:\u{202F}Élise", "Translator:", "Translator: 12", "អ្នកបកប្រែ៖", "អ្នកបកប្រែ៖ 12", "Contact: Tel. 023 216 141",
        "Mr. de la Cruz", "M. de Villepin", "M.de Villepin", "S.E. M. d'Estaing", "M. le Président", "Mr dos", "Mr van den Broek",
        "Mme des Rosiers", "Mr zu Guttenberg", "Mr bin Salman", "Mr ibn Saud", "Mr ter Haar", "Mr de la commission", "Mr. d'Estaing",
        // Phone starts: `+` and `0` after glue or not, followed by a digit or not.
        "+855 23 216 141", "a+855 23 216 141", "1+855 23 216 141", "/+855 23 216 141", "(+855) 23 216 141", "+ 855 23 216 141",
        "+٨٥٥ ٢٣ ٢١٦ ١٤١", "call +८५५ २३ २१६ १४१", "012 345 678", "x012 345 678", "1012 345 678", ".012 345 678", "-012 345 678",
        "/012 345 678", "+012 345 678", "_012 345 678", " 0 12 345 678", "0.12 345 678", "(012) 345 678", "«012 345 678»",
        // A country code in parentheses (`Triggers.parenDigit`): after glue or not, a digit after it or not.
        "((855) 23 216 666", "/(855) 23 216 666", "+(855) 23 216 666", "_(855) 23 216 666", "( 855) 23 216 666", "(x855) 23 216 666",
        "«(855) 23 216 666", "é(855) 23 216 666", "\u{A0}(855) 23 216 666", "(០៨៥៥) ២៣ ២១៦ ៦៦៦", "(٨٥٥) ٢٣ ٢١٦ ٦٦٦", "ទូរស័ព្ទ(855) 23 216 666",
        "Tel. (855) 23-216-666", "(855)23 216 666", "a (1) 2 34 56 78 b", "report (2021) 012345", "1(855) 23 216 666",
        "0٣ 345 678 9", "\u{A0}012.345.678", "amount 1 000 000 and 012 345 678", "០១២ ៣៤៥ ៦៧៨", "លេខ០១២ ៣៤៥ ៦៧៨", "១០១២ ៣៤៥ ៦៧៨",
        // Review 1130c: passport wordings (the keyword is still needed), abbreviated Khmer titles
        // and បណ្ឌិត (`khmerTitleAbbreviation`) beside near misses, romanised `Lok`, termbase labels.
        "passeport diplomatique n° D0456789", "passeport de service porte le numéro S1234567", "passport (No. N0123456)",
        "passport number is S1234567", "diplomatique n° D0456789", "លិខិតឆ្លងដែនការទូតលេខ D0456789", "ការទូតលេខ D0456789",
        "លិខិតឆ្លងដែន\u{200B}ផ្លូវការ\u{200B}របស់គាត់\u{200B}លេខ S1234567", "ឯ.ឧ. សុខ ចិន្តា", "ឯ. ឧ. សុខ ចិន្តា", "ឯ.ឧ សុខ", "ឯ.ឧ.សុខ ចិន្តា",
        "ឯ ឧ សុខ ចិន្តា", "ឯ។ សុខ", "ឯ\u{200B}.ឧ. សុខ", "ល.ជ. ម៉ែន សំអន", "ល.រ ១២", "ឧ.ក. គិត ម៉េង", "ដោយបណ្ឌិត ជា វណ្ណាត",
        "បណ្ឌិត\u{200B}ជា\u{200B}វណ្ណាត", "វេជ្ជបណ្ឌិត ហេង", "បណ្ឌិត្យ សភា", "បណ្ឌិ ត ជា", "ប ណ្ឌិត ជា", "សញ្ញាបត្របណ្ឌិត ផ្នែក",
        "Lok Chumteav Men Sam An", "Lok Sok Dara", "xLok Sok", "LokSok", "Lok sok", "Lok Sabha", "Lok.Sok", "Lok\u{A0}Sok", "«Lok Sok",
        "Compiled by: Keo Sreymom", "compiled by Keo Sreymom", "xcompiled by Keo", "Compiled byKeo", "source: Keo Sreymom, 2020",
        "Sources : Keo Sreymom", "resource: Keo Sreymom", "Source: Europarl", "Source:Keo Sreymom", "Compilé par : Keo", "ÉTABLI PAR Keo Sreymom",
        "établie par : Keo Sreymom", "Source: KEO SREYMOM",
        // An office alone after a title (`officeFollows`) beside what the pattern still takes.
        "Mr President", "Mr President , I", "Madam President, Mr Smith", "Mr President Mr Smith", "Mr President.", "Mr President. Smith",
        "Mr President.Smith", "Mr. President", "Mr.President", "Mr  President", "Mr\tPresident", "Mr President\nSmith", "Mr President\tSmith",
        "Mr\u{A0}President", "Mr President\u{A0}Smith", "Mr President-in-Office", "Mr President’s", "Mr President's", "Mr Presidents",
        "Mr PRESIDENT", "Mr Le Pen", "Mr Le", "Mrs La Malfa", "Madam President: Mrs Smith", "Mr Commissioner Fischler", "Mrs Commissioner",
        "M. President", "M.President Dupont", "Monsieur Président", "Mr President (Smith)", "Dr Director Sok", "Mr Chairman Sok", "(Mr President)",
        "Mr President?", "Mr President!", "Mr President; Mrs Smith", "Mr President2", "Mr President\u{301} Smith", "Mr The Smith", "Mr De Smith",
        "Miss President Smith", "Mlle Ministre", "Mme Ministre Dupont", "Mr Minister, Mr President, Mr Smith", "Mr Head", "Mr Prime Minister Hun Sen",
        "H.E. Mr President", "S.E. M. President", "MM. President", "Mr Mr President", "Mr. Mr. President",
        // Khmer កើត with and without a person before it.
        "គាត់កើតនៅ ១២ មីនា ១៩៦០", "កើតនៅ ១២ មីនា ១៩៦០", "លោក សុខ កើត ១២ មីនា ១៩៦០", "បង្កើតនៅ ១២ មីនា ១៩៦០", "កំណើត ១២.០៣.១៩៦០", "កម្ពស់០ កើតថ្ងៃទី២៨ ខែមីនា ឆ្នាំ១៩៧២", "១៣ កើត ថ្ងៃទី១៩ ខែធ្នូ ឆ្នាំ២០២១", "១៣កើតថ្ងៃទី១៩",
    ]

    @Test("Every keyword has its bit in the first-byte tables, every flag is one distinct bit, and Triggers.all covers every pattern")
    func tablesAreComplete() {
        #expect(PersonalDataScrubber.keywordsFit)
        #expect(PersonalDataScrubber.keywords.count <= 64)
        // Each keyword is reachable from its first byte (both cases unless exact), and those
        // without `\b` from inside a word too.
        let table = PersonalDataScrubber.keywordTable
        for (index, keyword) in PersonalDataScrubber.keywords.enumerated() {
            let bit = UInt64(1) << UInt64(index)
            var firsts = [keyword.bytes[0]]
            if !keyword.exactCase, PersonalDataScrubber.isASCIILetter(keyword.bytes[0]) { firsts = [keyword.bytes[0] | 0x20, keyword.bytes[0] & ~0x20] }
            for first in firsts {
                #expect(table.wordStart[Int(first)] & bit != 0, "keyword \(index)")
                #expect((table.anywhere[Int(first)] & bit != 0) == !keyword.wordStart, "keyword \(index)")
            }
            #expect(table.live[6] & bit != 0, "keyword \(index)")
        }
        let flags = PersonalDataScrubber.Triggers.flags
        #expect(flags.allSatisfy { $0.rawValue.nonzeroBitCount == 1 })
        #expect(Set(flags.map(\.rawValue)).count == flags.count)
        for flag in flags { #expect(PersonalDataScrubber.Triggers.all.contains(flag)) }
        for needs in scrubber.patternNeeds { #expect(PersonalDataScrubber.Triggers.all.isSuperset(of: needs), "\(needs.rawValue)") }
    }

    @Test("The real notes verbales and Europarl: filtered and unfiltered agree", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realData() throws {
        let texts = try Self.notesAndEuroparl()
        #expect(texts.count > 6000)
        let differing = mismatches(texts)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // Real data does reach the patterns (names after titles, numbers), so the comparison is not empty.
        #expect(texts.filter { !scrubber.spans(in: $0).isEmpty }.count > 50)
    }

    /// Real lines of the shared corpora: Europarl EN/FR (3,000 each), the notes verbales, and the
    /// khPOS Khmer sample with its word marks dropped, written with spaces and with U+200B.
    static func realLines() throws -> [String] {
        var texts = try notesAndEuroparl()
        let khpos = try String(contentsOf: try #require(SharedData.file("khmer/khpos-train-sample.word")), encoding: .utf8)
            .split(separator: "\n").map { line in
                line.replacingOccurrences(of: "~", with: "").replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "_", with: "")
            }
        texts += khpos + khpos.map { $0.replacingOccurrences(of: " ", with: "\u{200B}") }
        return texts
    }

    /// The notes verbales' lines and the first 3,000 lines of Europarl EN and FR.
    static func notesAndEuroparl() throws -> [String] {
        var texts: [String] = []
        let folder = try #require(SharedData.file("notes"))
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) where file.pathExtension == "txt" {
            texts += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        for name in ["parallel/europarl-20k.en", "parallel/europarl-20k.fr"] {
            let url = try #require(SharedData.file(name))
            texts += try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(3000).map(String.init)
        }
        return texts
    }

    /// The identifiers and contexts the import scrubs beside the texts, made from real lines: the
    /// import's own origins (`file.tmx#N`), file names made of a line's words joined by `_`, `-`
    /// or `.` (`visa_Mr_Sok_Dara.tmx#12`), unit ids (numbers, e-mail ids), and the context keys
    /// (`ContextKeys`, hex hashes) every unit after the first carries.
    static func identifiers(from lines: [String]) -> [String] {
        var identifiers: [String] = []
        for (index, line) in lines.enumerated() {
            let words = line.split(separator: " ").prefix(6)
            let joiner = ["_", "-", ".", " "][index % 4]
            identifiers.append(words.joined(separator: joiner) + ".tmx#\(index + 1)")
            identifiers.append("generated-100000.tmx#\(index + 1)")
            identifiers.append("\(index)")
            identifiers.append(ContextKeys(texts: [line]).value)
            if index % 10 == 0 { identifiers.append("sokha.chan@mfa.gov.kh-\(index).tmx") }
        }
        return identifiers
    }

    @Test("Real lines, origins, file names, ids and context keys (EN, FR, notes, khPOS Khmer): filtered and unfiltered agree", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func realIdentifiersAndKhmer() throws {
        let lines = try Self.realLines()
        let identifiers = Self.identifiers(from: lines)
        #expect(identifiers.count > 30_000)
        let differing = mismatches(lines.filter { $0.unicodeScalars.contains { (0x1780...0x17FF).contains($0.value) } } + identifiers)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        #expect(identifiers.filter { !scrubber.spans(in: $0).isEmpty }.count > 50)
    }

    @Test("The import's own origins and context keys run no pattern: six digits alone no longer run the parenthesised phone pattern", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func originsRunNoPattern() throws {
        let lines = try Self.realLines().prefix(2000)
        let strings = lines.indices.map { "generated-100000.tmx#\($0 + 1)" } + lines.indices.map { "generated 100000 tmx#\($0 + 1)" }
            + lines.map { ContextKeys(texts: [$0]).value }
        func runsAPattern(_ text: String) -> Bool {
            let triggers = PersonalDataScrubber.triggers(text)
            return scrubber.patternNeeds.contains { triggers.isSuperset(of: $0) }
        }
        // Every origin holds six digits; a context key starting `0` and a digit (about one in
        // twenty) may still run the Cambodian local-number pattern, which needs no more.
        #expect(strings.prefix(4000).allSatisfy { !runsAPattern($0) })
        #expect(strings.filter(runsAPattern).count < strings.count / 10)
        #expect(PersonalDataScrubber.triggers("generated-100000.tmx#812").contains(.digits))
    }

    @Test("The byte-level identifier path equals the scalar-level one on real lines, file names, origins, ids and context keys", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func identifierFastPath() throws {
        let lines = try Self.realLines()
        let identifiers = Self.identifiers(from: lines) + lines.prefix(4000).map { $0.replacingOccurrences(of: " ", with: "_") } + lines.prefix(4000)
        var differing: [String] = []
        var found = 0
        for identifier in identifiers {
            let fast = scrubber.identifierSpans(in: identifier), reference = scrubber.identifierSpansReference(in: identifier)
            let fastSpans = fast.spans.map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            let referenceSpans = reference.spans.map { "\($0.kind.rawValue)@\($0.range.location)+\($0.range.length)" }
            if fastSpans != referenceSpans || fast.searched != reference.searched
                || PersonalDataScrubber.identifierWords(identifier) != PersonalDataScrubber.identifierWordsByScalars(identifier) {
                differing.append("\(identifier.debugDescription): \(fastSpans) vs \(referenceSpans)")
            }
            if !fastSpans.isEmpty { found += 1 }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // The comparison is not empty: names after titles and e-mails in file names are found.
        #expect(found > 100)
    }

    @Test("Joined titles: the expression runs only where mayJoinTitle lets it, and finds the same names, on real lines as written and in capitals", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func joinedTitlesPreCheck() throws {
        let regex = try #require(scrubber.joinedTitleExpression)
        let lines = try Self.notesAndEuroparl()
        // In capitals every word looks like a name: the titles' match takes "AND MRS. …" and the
        // name is cut, where the expression finds the second name (review 1130i m6).
        let texts = lines + lines.map { $0.uppercased() }
        var missed: [String] = []
        var matched = 0
        for text in texts {
            let units = Array(text.utf16)
            // Every word end (before a space, NBSP, comma or `&`): where a name the titles' pattern found can end.
            for end in 1..<max(units.count, 1) where units[end - 1] != 0x20 && [0x20, 0xA0, 0x2C, 0x26].contains(units[end]) {
                let range = NSRange(location: end, length: units.count - end)
                guard regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds], range: range) != nil else { continue }
                matched += 1
                if !PersonalDataScrubber.mayJoinTitle(at: end, in: text) { missed.append("\(end) in \(text.debugDescription)") }
            }
        }
        #expect(missed.isEmpty, "\(missed.prefix(10).joined(separator: "\n"))")
        // The comparison is not empty: real lines do join two titled names.
        #expect(matched > 20)
        let differing = mismatches(texts.filter { $0.contains("M") || $0.contains("D") })
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
    }

    @Test("Names beside functions: every comma where the expression matches passes besideFunctionMayFollow, on real lines, in capitals and the review's lists; most commas do not", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func besideFunctionPreCheck() throws {
        let regex = try NSRegularExpression(pattern: PersonalDataScrubber.nameBesideFunctionPattern)
        let lines = try Self.notesAndEuroparl()
        // Review 1130j M3's shapes, written as notes write them (NBSP, curly apostrophes, capitals).
        let lists = ["1. Sok Dara, Director-General, Head of Delegation", "- Chan Sophal, Second Secretary",
                     "headed by Sok Dara,\u{A0}Secretary of State", "The Ambassador, Sok Vanna, will present his credentials.",
                     "L’Ambassadeur, Sok Vanna, présentera", "conduite par Sok Dara, secrétaire d’État", "His daughter,  O'Neil Smith-Jones, will",
                     "Sok Dara, l’Ambassadeur", "Sok Dara, DIRECTOR", "The Ambassador, Élodie Martin, will", "X, Sok\u{A0}Dara, y"]
        let texts = lines + lines.map { $0.uppercased() } + lists
        var missed: [String] = []
        var matched = 0, commas = 0, passed = 0
        for text in texts {
            var bytes = text
            bytes.withUTF8 { p in
                for i in p.indices where p[i] == 0x2C {
                    commas += 1
                    if PersonalDataScrubber.besideFunctionMayFollow(p, comma: i) { passed += 1 }
                }
            }
            for match in regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)) {
                matched += 1
                let byte = (text as NSString).substring(to: match.range.location).utf8.count
                let passes = bytes.withUTF8 { PersonalDataScrubber.besideFunctionMayFollow($0, comma: byte) }
                if !passes { missed.append("\(match.range.location) in \(text.debugDescription)") }
            }
        }
        #expect(missed.count == 0, "\(missed.count) missed, e.g. \(missed.prefix(3).map { String($0.prefix(300)) })")
        #expect(matched > 100)
        // The point of it: most commas (", and", ", which", ", the") run no expression.
        #expect(passed * 2 < commas, "\(passed) of \(commas) commas pass")
        for list in lists { #expect(PersonalDataScrubber.possibleFurtherRules(list).contains(.nameBesideFunction), "\(list)") }
        let differing = mismatches(Array(texts.filter { $0.contains(",") }.prefix(4_000)) + lists)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
    }

    @Test("valueKey, the office key and scalarOffset: the byte paths equal the scalar paths on real lines (EN, FR, notes, khPOS Khmer), their words and every offset", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func bytePathsOnRealData() throws {
        // Our own: scalars of four UTF-8 bytes (two UTF-16 units), white space and full stops to drop, Khmer digits.
        let own = ["Mr. 𝐉ohn 😀 Smith, 012\t345.", "Sok\u{A0}Dara\u{200B}៖ ០១២ Tél. : +855 (0)12", "“Jean-Marc” d’Estaing, Président-in-Office:", "a\r\nb\u{0B}c\u{0C}d\u{1C}e\u{1F}f\u{85}g\u{7F}h"]
        let lines = try Self.realLines().prefix(9000) + own
        var differing: [String] = []
        var ascii = 0, offsets = 0
        for line in lines {
            let words = line.split(separator: " ")
            for word in words + [Substring(line)] {
                let text = String(word)
                if PersonalDataScrubber.valueKey(text) != PersonalDataScrubber.valueKeyByScalars(text) { differing.append("valueKey \(text.debugDescription)") }
                if let key = PersonalDataScrubber.asciiOfficeKey(word) {
                    ascii += 1
                    if key != PersonalDataScrubber.officeKey(word) { differing.append("officeKey \(text.debugDescription)") }
                }
            }
            // Every UTF-16 offset of the line's first 200 units, inside a surrogate pair too.
            for offset in 0...min(line.utf16.count, 200) {
                offsets += 1
                if PersonalDataScrubber.scalarOffset(line, utf16: offset) != PersonalDataScrubber.scalarOffsetByIndex(line, utf16: offset) {
                    differing.append("scalarOffset \(offset) in \(line.debugDescription)")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        #expect(ascii > 50_000 && offsets > 500_000)
    }

    @Test("isOffice decides as lower-casing and trimming with a CharacterSet did, on offices, names and punctuation around them")
    func officeWordsAsBefore() {
        let words = Array(PersonalDataScrubber.offices) + ["Smith", "Sok", "J.", "President,", "’Minister’", "'the'", "PRÉSIDENTE.", "Ministre;",
            "İnci", "ǅemal", "Straße", ".", "..", "’", "", "Le", "LES:", "រដ្ឋមន្ត្រី។", "រដ្ឋមន្ត្រី.", "e\u{301}", "Director-General,", "chargé",
            "Chargé", "charge\u{301}", ":head:", "Head’s", "'", "Governor'", ",chief,", "A.", "vice-president's"]
        let marks = CharacterSet(charactersIn: ".,;:’'")
        for word in words {
            let old = PersonalDataScrubber.offices.contains(word.lowercased().trimmingCharacters(in: marks))
            #expect(PersonalDataScrubber.isOffice(Substring(word)) == old, "\(word)")
        }
        #expect(PersonalDataScrubber.isOffice("President,"))
        #expect(!PersonalDataScrubber.isOffice("Smith"))
    }

    @Test("5,000 random strings of titles, keywords, digits of several scripts and separators")
    func randomStrings() {
        let pieces = [
            "Mr", "Mr.", "Mrs", "Ms", "M.", "Mme", "Mlle", "Messrs", "H.E.", "H. E.", "S.E.", "Dr", "Monsieur", "Madame", "Mademoiselle",
            "MM", "MM.", "Mmes", "Mlles", "Messieurs", "Mesdames", "et", "and", "&", "S.E.M.",
            "John", "Smith", "Dupont", "Élise", "Ó'Brien", "President", "the", "Minister", "office", "Sok", "Chan",
            "លោក", "លោកស្រី", "ឯកឧត្តម", "លោកជំទាវ", "សុខ", "ចាន់", "រដ្ឋមន្ត្រី", "បណ្ឌិត",
            " ", " ", " ", "\u{A0}", "\u{200B}", "«", "»", "’", "'", ",", ".", ":", "៖", "-", "/", "(", ")", "+", "@",
            "example.org", "jo.hn", "No.", "no", "n°", "Number", "លេខ",
            "passport", "PASSEPORT", "paſſport", "paßport", "ID", "id card", "carte d'identité", "CARTE D’IDENTITÉ", "អត្តសញ្ញាណប័ណ្ណ",
            "លិខិតឆ្លងដែន", "Tel", "TÉL", "tél.", "Téléphone", "phone", "FAX", "mobile", "cell", "ទូរស័ព្ទ",
            "born", "BORN ON", "née le", "NÉE", "date of birth", "DOB", "date de naissance", "ថ្ងៃខែឆ្នាំកំណើត", "កើតនៅ", "កើត", "បង្កើត", "គាត់",
            "ថ្ងៃទី", "ថ្ងៃ", "ខែ", "មករា", "ឆ្នាំ", "កំណើត", "៖", "January", "janvier", "12th", "1er", "ﬁ", "K", "İ", "ı",
            "0", "1", "12", "123", "2021", "012", "855", "1980", "000000", "០", "១២", "២០២១", "១២៣៤៥៦", "１２３", "٣٤٥", "४५६",
            // What may follow a keyword or a title (`Follow`, `nameCanFollow`), and phone starts.
            "tell", "telephone", "TELEVISION", "phones", "cells", "née", "nécessaire", "NÉE", "borne", "births", "dobs", "naissances",
            "on", "le", "mars", "Mars", "1er", "\t", "\n", "\u{2003}", "+", "+855", "(0)", "0.5", "x", "_", "/", "-", "០១២", "០",
        ]
        var random = SplitMix(state: 0x5EED_2026)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var texts: [String] = []
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(3 + next(14)) {
                text += pieces[next(pieces.count)]
                // Separators: a space, U+200B (how Khmer separates words), or nothing.
                switch next(4) {
                case 0: break
                case 1: text += "\u{200B}"
                default: text += " "
                }
            }
            texts.append(text)
        }
        let differing = mismatches(texts)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        #expect(texts.filter { !scrubber.spans(in: $0).isEmpty }.count > 500)
    }

    /// The name-introduction expressions ("my name is", "named", "je m'appelle", "mon nom est",
    /// "nommé", ឈ្មោះ) run only on texts holding their literal (`possibleIntroductions`): the
    /// filter must let through every text they can match, with any white space ICU's `\s` takes.
    @Test("Name introductions: 5,000 random strings of their phrases, names, near misses and every kind of white space; filtered and unfiltered agree")
    func nameIntroductionStrings() {
        let pieces = [
            "my", "My", "his", "His", "her", "Her", "name", "Name", "NAME", "names", "named", "Named", "NAMED", "namely", "is", "was", "is not",
            "man", "woman", "national", "Woman", "MAN", "a", "the", "street", "Vietnam", "economic", "nominee",
            "je", "Je", "m'", "m’", "il", "Il", "elle", "Elle", "s'", "s’", "appelle", "appel", "appelé", "rappelle", "APPELLE",
            "mon", "Mon", "nom", "Nom", "NOM", "est", "nomme", "nommé", "nommée", "nommés", "Nommé", "renommé", "nombre", "économie",
            "le", "la", "une", "femme", "homme", "Le", "ressortissante", "Ambassadeur", "Ambassador",
            "John", "Smith", "Jean", "Dupont", "Élise", "Sok", "Dara", "{PERSON}", "Mr.", "M.",
            "ខ្ញុំ", "គាត់", "នាង", "ម្នាក់", "ឈ្មោះ", "ឈ្ម", "សុភ័ក្ត្រ", "សុខ", "ដារា", "អង្គការ", "ល្បី", "មិន", "ឈ្មោះ\u{200B}",
            ".", ",", "-", "'", "’", "(", ")", ":",
            // Whole phrases, `_` standing for a random gap: most strings hold one, so the
            // expressions do match (and near misses differ by one gap or letter).
            "my_name_is", "His_name_was", "her_name_is", "a_man_named", "The_woman_named", "a_national_named", "Je_m'appelle", "elle_s’appelle",
            "Il_s'appelle", "Mon_nom_est", "mon_nom_est", "le_nommé", "une_femme_nommée", "La_nommée", "ខ្ញុំ_ឈ្មោះ_", "គាត់ឈ្មោះ_", "ម្នាក់_ឈ្មោះ_",
            // The near misses the filter reads past (`name`/`nom` not before `is`/`was`/`est`,
            // `appelle` without `m'`/`s'` glued before it), beside the glued forms.
            "in_the_name_of", "au_nom_de", "au_nom_du", "Je_rappelle", "nous_appelle", "m'appelle", "s’appelle", "m’_appelle", "M'appelle",
            "name_island", "name_wasp", "nom_estime", "nom_Est", "name_IS", "my_nameis", "mon_nomest", "xs'appelle", "nom_\u{A0}_est",
        ]
        let gaps = [" ", " ", " ", "", "\u{A0}", "\u{200B}", "\t", "\n", "\u{2003}", "\u{3000}", "\u{202F}", "\u{85}", "\u{1680}", "\u{2028}"]
        var random = SplitMix(state: 0x4E41_4D45_2026)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var texts: [String] = []
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(2 + next(10)) {
                let piece = pieces[next(pieces.count)]
                for (index, part) in piece.split(separator: "_", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { text += gaps[next(gaps.count)] }
                    text += part
                }
                text += gaps[next(gaps.count)]
            }
            texts.append(text)
        }
        // The documented forms with unusual white space, which must reach their expression.
        texts += ["My name\u{A0}is John Smith.", "His name\u{2003}was Sok Dara", "a man named\u{3000}John Smith", "a man named\tJohn Smith",
                  "Mon nom\u{202F}est Jean Dupont", "Mon nom\nest Jean Dupont", "le nommé\u{A0}Jean Dupont", "Je m’appelle\u{2028}Jean Dupont",
                  "ខ្ញុំ\u{A0}ឈ្មោះ\u{200B}សុភ័ក្ត្រ"]
        let differing = mismatches(texts)
        #expect(differing.isEmpty, "\(differing.prefix(10).joined(separator: "\n"))")
        // The strings do hold introduced names (the comparison is not empty), and the filter
        // does skip: most strings run none of the three expressions.
        let introduced = texts.filter { !PersonalDataScrubber.introducedNameSpans(in: $0, filtered: false).isEmpty }
        #expect(introduced.count > 300)
        #expect(texts.filter { PersonalDataScrubber.possibleIntroductions($0).isEmpty }.count > 1000)
    }

    /// Words that hold `nam`, `nom` or `appel` without introducing a name ("economic", "Vietnam",
    /// "nombre", "appel") ran all three expressions before the filter read what follows.
    @Test("Name introductions: the usual near misses run no expression; each phrase runs only its own")
    func nameIntroductionFilterSkips() {
        typealias I = PersonalDataScrubber.Introductions
        for text in ["The economic situation in Vietnam, namely the nominee.", "Le nombre d'appels et l'économie.", "Names are kept.",
                     "Un appel nominal.", "NAMED NOM APPELLE", "renomination"] {
            #expect(PersonalDataScrubber.possibleIntroductions(text).isEmpty, "\(text)")
        }
        #expect(PersonalDataScrubber.possibleIntroductions("My name is John Smith.") == I.english)
        #expect(PersonalDataScrubber.possibleIntroductions("a woman named Chan Thida") == I.english)
        #expect(PersonalDataScrubber.possibleIntroductions("Mon nom est Jean.") == I.french)
        #expect(PersonalDataScrubber.possibleIntroductions("le nommé Jean") == I.french)
        #expect(PersonalDataScrubber.possibleIntroductions("Elle s’appelle Sok Dara.") == I.french)
        #expect(PersonalDataScrubber.possibleIntroductions("ខ្ញុំ​ឈ្មោះ​សុភ័ក្ត្រ") == I.khmer)
        #expect(PersonalDataScrubber.possibleIntroductions("name") == [])
        #expect(PersonalDataScrubber.possibleIntroductions("name is") == I.english)
        #expect(PersonalDataScrubber.possibleIntroductions("name\u{A0}\u{200B} was") == I.english)
        #expect(PersonalDataScrubber.possibleIntroductions("nom\u{202F}est") == I.french)
        #expect(PersonalDataScrubber.possibleIntroductions("je m'appelle") == I.french)
        // What no expression can match reaches none (it ran the English or French one before).
        for text in ["name ", "in the name of the Group", "Au nom du groupe PPE, je rappelle que", "le Conseil nous appelle à", "appelle",
                     "nom de code", "the name IS"] {
            #expect(PersonalDataScrubber.possibleIntroductions(text).isEmpty, "\(text)")
        }
    }

    /// On real Europarl (where "au nom de", "in the name of" and "rappelle" are everywhere) almost
    /// no line runs an introduction expression; before the filter read past them, one in twenty did.
    @Test("Name introductions: Europarl lines rarely run an expression", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func nameIntroductionsOnEuroparl() throws {
        let lines = try Self.notesAndEuroparl()
        let running = lines.filter { !PersonalDataScrubber.possibleIntroductions($0).isEmpty }
        #expect(running.count * 200 < lines.count, "\(running.count) of \(lines.count): \(running.prefix(5))")
    }
}

extension PrivacyFilterEquivalenceTests {
    /// `byLabelStarts` as first written, every label compared with no first-byte table: the
    /// reference the table's answer must equal.
    static func byLabelStartsReference(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { p in
            var i = 0
            while i < p.count, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
            return PersonalDataScrubber.byLabelBytes.contains { label in
                guard i + label.count <= p.count else { return false }
                var k = 0
                while k < label.count, PersonalDataScrubber.folded(p, i + k) == label[k] { k += 1 }
                return k == label.count
            }
        }
    }

    @Test("byLabelStarts: the first-byte table answers as comparing every label, on labels in every case, near misses and real lines", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func byLabelFirstBytes() throws {
        let labels = PersonalDataScrubber.latinByLabels
        var texts = labels.flatMap { [$0, $0.uppercased(), $0.lowercased(), "  \($0) John", "\t\($0): Keo", "x\($0)", String($0.dropFirst()), String($0.dropLast())] }
        texts += ["", " ", "\t", "É", "é", "Établi", "ÉTABLI PAR Keo", "\u{C9}tabli par", "e\u{301}tabli par", "Ｐrepared by", "ſ", "P", "p", "préparé par"]
        texts += try Self.realLines().prefix(6000)
        var differing: [String] = []
        for text in texts {
            var copy = text
            let fast = copy.withUTF8 { PersonalDataScrubber.byLabelStarts($0) }
            if fast != Self.byLabelStartsReference(text) { differing.append(text.debugDescription) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        // The comparison is not empty: labels in several cases are found.
        #expect(texts.filter { Self.byLabelStartsReference($0) }.count > 3 * labels.count)
    }
}

extension PrivacyFilterEquivalenceTests {
    @Test("Context key lists: the byte pass skips them, the unfiltered patterns find nothing in real, random and all-digit keys, and texts of a list's length are still read", .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func contextKeyLists() throws {
        let lines = Array(try Self.realLines().prefix(3000))
        var lists = lines.map { ContextKeys(texts: [$0]).value } + lines.indices.dropFirst().map { ContextKeys(texts: [lines[$0 - 1], lines[$0]]).value }
        // Random keys, half of them digits only and half starting `0` (where the Cambodian phone pattern starts).
        var random = SplitMix(state: 0x4B45_5953_2026)
        let hex = Array("0123456789abcdef")
        for _ in 0..<3000 {
            var keys: [String] = []
            for _ in 0..<(1 + random.next(3)) {
                let digitsOnly = random.next(2) == 0
                var key = random.next(2) == 0 ? "0" : ""
                while key.count < 16 { key.append(hex[random.next(digitsOnly ? 10 : 16)]) }
                keys.append(key)
            }
            lists.append(keys.joined(separator: " "))
        }
        lists += ["0123456789012345", "0120345678901234 0123456789abcdef", "0000000000000000 0000000000000000 0000000000000000", "0855232161410123"]
        #expect(lists.allSatisfy(PersonalDataScrubber.isContextKeyList))
        let found = lists.filter { !scrubber.spans(in: $0, filtered: false).isEmpty }
        #expect(found.isEmpty, "\(found.prefix(5))")
        #expect(mismatches(lists).isEmpty)
        // Near misses are no lists, and are read.
        for text in ["", "0123456789abcdef ", " 0123456789abcdef", "0123456789ABCDEF", "0123456789abcdef  0123456789abcdef", "0123456789abcde",
                     "0123456789abcdef0", "012 345 678 9abc", "0123456789abcdeg", "0123456789abcdef\u{A0}0123456789abcdef", "Mr. Sok Dara's key"] {
            #expect(!PersonalDataScrubber.isContextKeyList(text), "\(text.debugDescription)")
        }
        // Texts padded to a list's length (16 + 17 k bytes) that hold personal data: filtered and unfiltered agree.
        let padded = followTraps.map { trap in
            var text = trap
            while text.utf8.count % 17 != 16 { text += " " }
            return text
        }
        #expect(mismatches(padded).isEmpty, "\(mismatches(padded).prefix(5))")
        #expect(padded.filter { !scrubber.spans(in: $0).isEmpty }.count > 40)
    }
}

extension PrivacyFilterEquivalenceTests {
    @Test("Findings spell their language as the tag does, with one scrubber over several languages (the tag texts are kept)")
    func findingLanguages() throws {
        let tags = try ["en", "fr", "km", "en-GB", "fr-CA", "km-KH", "en", "km"].map { try LanguageTag(parsing: $0) }
        for (index, tag) in tags.enumerated() {
            let other = tags[(index + 1) % tags.count]
            var unit = TranslationUnit(variants: [Variant(language: tag, text: "Mr. John Smith, Tel 012 345 678"), Variant(language: other, text: "M. John Smith")])
            unit.metadata.creationUser = "jsmith"
            let findings = scrubber.scrub(unit, file: "f.tmx", position: index).findings
            #expect(findings.count >= 4)
            let user = try #require(findings.first { $0.field == "creation-user" })
            #expect(user.language == tag.description)
            #expect(findings.contains { $0.language == other.description })
            #expect(findings.allSatisfy { $0.language == tag.description || $0.language == other.description })
        }
    }
}

/// A seeded SplitMix64 (the random-string tests' generator): the same strings on every run.
struct SplitMix {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
