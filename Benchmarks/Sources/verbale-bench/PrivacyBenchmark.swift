import Foundation
import VerbaleCore
import VerbaleMemory

/// `verbale-bench privacy`: how much personal data the import's scrubber leaves behind, by kind
/// and language, on real host sentences (Europarl EN/FR, the khPOS sample and the Khmer
/// gettext catalogues) into which personal data of every kind the scrubber claims is written,
/// in the forms its documentation lists (titles in three languages, Khmer digits, U+200B between
/// Khmer words and digit groups, values glued to the Khmer word before them).
///
/// Why: the memory benchmark's corpus holds names only (review H5), so a change that broke the
/// phone, identity-number or date-of-birth patterns — or Khmer — would not show in its counts.
/// This one reports, per kind × language, the values written, those still readable after the
/// scrub (`leaked`: the value, or any part of it of three or more characters that the host
/// sentence did not already hold), and the findings made in host sentences left untouched
/// (`host_findings`: Europarl names real people after titles, so these are mostly right; a
/// jump between two builds is what to look at). Run two builds on the same `--seed` to compare:
/// every count must be equal or better. Also prints the scrubber's throughput (units per
/// CPU-second, one thread), whose baseline is the memory benchmark's privacy stage.
///
///   verbale-bench privacy [--units 30000] [--seed 7]
enum PrivacyBenchmark: Benchmark {
    static let name = "privacy"
    static let summary = "personal data left after the import's scrub, by kind and language (EN/FR/KM), on real host text"

    struct Injected {
        var kind: String
        var language: String
        var values: [String]
        var host: String
        /// The finding kind that counts as found (`PERSON_ROLE`, `PERSON_OFFICE`, `PERSON_PARTICLE`: `PERSON`).
        var findingKind: String { kind.hasPrefix("PERSON") ? "PERSON" : kind }
    }

    static let latinNames = TMXGenerator.names
    static let khmerNames = ["សុខ ដារា", "ជា លីណា", "ហេង សុភា", "កែវ សុធា", "ចាន់ ថា", "លឹម សុខា", "ស៊ុន ស្រីមុំ", "ពៅ ច័ន្ទ"]
    /// Surnames that begin with a particle, written right after a title (audit: `M. de Villepin`).
    static let particleNames = ["de la Cruz", "de Villepin", "dos Santos", "van den Broek", "d'Estaing", "von Weizsäcker", "da Silva", "del Castillo",
                                "de La Fayette", "du Bellay"]
    /// Two-word names typed in lower case after a person-only label ("Translator: sokha chan").
    static let lowerNames = ["sokha chan", "dara sok", "claire martin", "john smith", "lina chea"]
    /// Three-word names typed in lower case (the review's leftover: "Translator: sok dara vy").
    static let lowerNames3 = ["sok dara vy", "chan sok thida", "nguyen thi hoa", "marie claire dupont", "keo sothea vy"]
    /// Vietnamese names whose surname is Le or La, which the French article once hid.
    static let vietnameseNames = ["Le Thi Hoa", "La Thi Mai", "Le Van Nam", "Le Minh Chau"]
    static let khmerMonths = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"]

    static func run(arguments: [String]) throws {
        let options = BenchmarkArguments(arguments)
        let count = options.int("units", default: 30_000)
        let seed = UInt64(options.int("seed", default: 7))
        guard let root = SharedData.root else { throw BenchmarkError("../shared/data not found") }
        let europarl = try TMXGenerator(root: root)
        let khmer = try KhmerMatchCorpus.load()
        let scrubber = try PersonalDataScrubber()
        var random = SeededGenerator(seed: seed)

        struct Tally { var written = 0, leaked = 0, found = 0 }
        var tallies: [String: Tally] = [:]
        var hostFindings: [String: Int] = [:]
        var examples: [String] = []
        var units: [(TranslationUnit, [Injected])] = []
        units.reserveCapacity(count)
        for index in 0..<count {
            units.append(makeUnit(index, europarl: europarl, khmer: khmer, random: &random))
        }
        var cpu = 0.0
        // Scrub CPU by the kind written into the unit ("none": host text only), so a change's
        // cost shows where it is paid (a kind newly found costs its replacements).
        var cpuByKind: [String: Double] = [:]
        for (position, (unit, injected)) in units.enumerated() {
            let start = Clock.threadCPU()
            let scrubbed = scrubber.scrub(unit, file: "privacy-benchmark", position: position + 1)
            let spent = Clock.threadCPU() - start
            cpu += spent
            cpuByKind[injected.first?.kind ?? "none", default: 0] += spent
            let texts = Dictionary(scrubbed.unit.variants.map { ($0.language.description, $0.text) }, uniquingKeysWith: { a, _ in a })
            for item in injected {
                let key = "\(item.kind)/\(item.language)"
                var tally = tallies[key] ?? Tally()
                tally.written += 1
                let text = texts[item.language] ?? ""
                let leaks = item.values.filter { value in
                    text.contains(value) || parts(of: value).contains { text.contains($0) && !item.host.contains($0) }
                }
                if !leaks.isEmpty {
                    tally.leaked += 1
                    if examples.count < 12 { examples.append("\(key): \(leaks.joined(separator: ", ")) left in: \(text.prefix(160))") }
                }
                if scrubbed.findings.contains(where: { $0.language == item.language && $0.kind.rawValue == item.findingKind }) { tally.found += 1 }
                tallies[key] = tally
            }
            if injected.isEmpty {
                for finding in scrubbed.findings { hostFindings["\(finding.kind.rawValue)/\(finding.language)", default: 0] += 1 }
            }
        }
        for example in examples { Report.note("leak: \(example)") }
        for key in tallies.keys.sorted() {
            guard let tally = tallies[key] else { continue }
            let parts = key.split(separator: "/")
            Report.emit([
                "benchmark": "privacy", "kind": String(parts[0]), "language": String(parts[1]), "seed": Int(seed),
                "written": tally.written, "leaked": tally.leaked, "found_as_kind": tally.found,
                "leak_rate": Double(tally.leaked) / Double(max(tally.written, 1)),
            ])
        }
        Report.emit([
            "benchmark": "privacy-summary", "units": count, "seed": Int(seed),
            "written": tallies.values.reduce(0) { $0 + $1.written }, "leaked": tallies.values.reduce(0) { $0 + $1.leaked },
            "host_findings": hostFindings, "scrub_cpu_seconds": cpu, "scrub_cpu_seconds_by_kind": cpuByKind.mapValues { ($0 * 1000).rounded() / 1000 }, "units_per_cpu_second": Double(count) / max(cpu, 1e-9),
            "load_average": Timing.loadAverage(),
        ])
    }

    /// The parts of a value a reader could still use: its words and digit groups of 3+ characters.
    static func parts(of value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == "\u{200B}" || $0 == "." || $0 == "/" || $0 == "-" || $0 == "@" })
            .map(String.init).filter { $0.count >= 3 }
    }

    static func tag(_ code: String) -> LanguageTag {
        LanguageTag(code == "km" ? .khmer : code == "fr" ? .french : .english)
    }

    static func khmerDigits(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            guard (0x30...0x39).contains(scalar.value), let khmer = Unicode.Scalar(0x17E0 + scalar.value - 0x30) else { return Character(scalar) }
            return Character(khmer)
        })
    }

    static func digits(_ count: Int, _ random: inout SeededGenerator) -> String {
        String((0..<count).map { _ in Character(String(random.below(10))) })
    }

    /// Unit `index`: one host sentence pair (EN/FR, or KM with its English when it has one)
    /// and, for five units in six, one kind of personal data written into every variant.
    static func makeUnit(_ index: Int, europarl: TMXGenerator, khmer: KhmerMatchCorpus,
                         random: inout SeededGenerator) -> (TranslationUnit, [Injected]) {
        var hosts: [(String, String)] = []
        if random.below(3) == 0 {
            let sentence = khmer.sentences[random.below(khmer.sentences.count)]
            hosts.append(("km", sentence.words.joined(separator: sentence.separator)))
            if let english = sentence.english { hosts.append(("en", english)) } else {
                hosts.append(("en", europarl.pairs[random.below(europarl.pairs.count)].english))
            }
        } else {
            let pair = europarl.pairs[random.below(europarl.pairs.count)]
            hosts.append(("en", pair.english))
            if let french = pair.french { hosts.append(("fr", french)) }
        }
        // PERSON_ROLE: a name after a role label of a CAT-tool note ("Translator: Sokha Chan");
        // PERSON_PARTICLE: a surname with a particle right after a title ("Mr. de la Cruz").
        let kinds = ["PERSON", "EMAIL", "PHONE", "PASSPORT", "ID_NUMBER", "DATE_OF_BIRTH", "PERSON_ROLE", "PERSON_PARTICLE"]
        let choice = random.below(kinds.count + 1)
        guard choice < kinds.count else {
            return (TranslationUnit(id: "p-\(index)", variants: hosts.map { Variant(language: tag($0.0), text: $0.1) }), [])
        }
        let kind = kinds[choice]
        let zwsp = random.below(2) == 0 ? "\u{200B}" : " "
        let latin = latinNames[random.below(latinNames.count)], khmerName = khmerNames[random.below(khmerNames.count)]
        let form = random.below(3)
        let particleName = particleNames[random.below(particleNames.count)]
        // The review's role forms draw from their own generator, so the main stream (the host
        // sentences and every other value) is the one earlier runs of the same seed drew and
        // `host_findings` stays comparable across versions.
        var extra = SeededGenerator(seed: UInt64(index) &* 0x9E37_79B9_7F4A_7C15 ^ 0x5EED)
        let roleForm = extra.below(8)
        let latin2 = latinNames[((latinNames.firstIndex(of: latin) ?? 0) + 1 + extra.below(latinNames.count - 1)) % latinNames.count]
        let lowerName = lowerNames[extra.below(lowerNames.count)]
        let vietnamese = vietnameseNames[extra.below(vietnameseNames.count)]
        // The acceptance review's leftovers (`PERSON_OFFICE`): half the units that drew one of
        // the four plain role forms write one of them instead — a long office chain or a
        // lower-case French office between the label and the name, a three-word lower-case
        // name, two people after one office chain, a Khmer label before two names. Drawn after
        // every earlier draw of `extra`, so the review's forms 4–7 are the units they were.
        let leftover = roleForm < 4 && extra.below(2) == 1
        let lowerName3 = lowerNames3[extra.below(lowerNames3.count)]
        let khmerName2 = khmerNames[((khmerNames.firstIndex(of: khmerName) ?? 0) + 1 + extra.below(khmerNames.count - 1)) % khmerNames.count]
        let (day, month, year) = (1 + random.below(28), random.below(12), 1950 + random.below(55))
        let phoneTail = digits(3, &random)
        // Cambodian style (a letter, seven digits) or French (two digits, two letters, five digits).
        let passport = random.below(2) == 0 ? "N" + digits(7, &random) : digits(2, &random) + "AB" + digits(5, &random)
        let idNumber = digits(9, &random)
        let user = ["sokha.chenda", "m.dupont", "j.smith", "lina.chea"][random.below(4)]
        var variants: [Variant] = []
        var injected: [Injected] = []
        for (language, host) in hosts {
            let text: String, values: [String]
            switch (kind, language) {
            case ("PERSON", "km"):
                let title = ["លោក", "ឯកឧត្តម", "លោកស្រី", "លោកជំទាវ", "អ្នកស្រី"][random.below(5)]
                text = form == 2 ? "\(host) ទិដ្ឋាការសម្រាប់លោក\(zwsp)\(khmerName)។" : "\(title)\(zwsp)\(khmerName) បានមានប្រសាសន៍ថា \(host)"
                values = [khmerName]
            case ("PERSON", "fr"):
                text = ["M. \(latin) a déclaré : \(host)", "S.E.M. \(latin) a indiqué : \(host)", "Mme \(latin) a noté : \(host)"][form]; values = [latin]
            case ("PERSON", _):
                text = ["Mr. \(latin) stated: \(host)", "H.E. Mr. \(latin) said: \(host)", "Ms \(latin) noted: \(host)", "Madam \(latin) noted: \(host)"][random.below(4)]
                values = [latin]
            case ("PERSON_ROLE", "km") where leftover:
                text = "\(host) \(["អ្នកបកប្រែ", "អ្នកនិពន្ធ", "បកប្រែដោយ"][form])៖\(zwsp)\(khmerName)\(zwsp)និង\(zwsp)\(khmerName2)"
                values = [khmerName, khmerName2]
            case ("PERSON_ROLE", "fr") where leftover:
                _ = random.below(4) // the label the plain form draws: the main stream stays the same
                switch roleForm {
                case 0: text = "\(host) (Contact : directeur adjoint \(latin))"; values = [latin]
                case 1: text = "\(host) (Rédigé par : la conseillère \(latin))"; values = [latin]
                case 2: text = "\(host) (Contact : directeur général adjoint des affaires juridiques et consulaires \(latin))"; values = [latin]
                default: text = "\(host) (Traductrice : \(lowerName3))"; values = [lowerName3]
                }
            case ("PERSON_ROLE", _) where leftover:
                _ = random.below(4) // the label the plain form draws: the main stream stays the same
                switch roleForm {
                case 0: text = "\(host) (Contact: Deputy Director-General of the Department of Legal Affairs \(latin))"; values = [latin]
                case 1: text = "\(host) (Translator: \(lowerName3))"; values = [lowerName3]
                case 2: text = "\(host) (Contact person: Senior Legal Adviser of the Treaty Division \(latin))"; values = [latin]
                default: text = "\(host) (Contact: Director \(latin) and Deputy Director \(latin2))"; values = [latin, latin2]
                }
            case ("PERSON_ROLE", "km"):
                text = "\(host) \(["អ្នកបកប្រែ", "អ្នកនិពន្ធ", "បកប្រែដោយ"][form])៖\(zwsp)\(khmerName)"; values = [khmerName]
            case ("PERSON_ROLE", "fr"):
                // The review's forms too: a list after a plural label, an office between label
                // and name, a lower-case name, a Vietnamese surname (Le/La) after a title.
                let labelIndex = random.below(4)
                switch roleForm {
                case 4: text = "\(host) (Traducteurs : \(latin) et \(latin2))"; values = [latin, latin2]
                case 5: text = "\(host) (Contact : Directeur \(latin))"; values = [latin]
                case 6: text = "\(host) (Traductrice : \(lowerName))"; values = [lowerName]
                case 7: text = "\(host) (Révisé par : Mme \(vietnamese))"; values = [vietnamese]
                default: text = "\(host) (\(["Traducteur :", "Réviseuse :", "Rédigé par :", "Personne de contact :"][labelIndex]) \(latin))"; values = [latin]
                }
            case ("PERSON_ROLE", _):
                let labelIndex = random.below(4)
                switch roleForm {
                case 4: text = "\(host) (Translators: \(latin) and \(latin2))"; values = [latin, latin2]
                case 5: text = "\(host) (Contact: Director-General \(latin))"; values = [latin]
                case 6: text = "\(host) (Translator: \(lowerName))"; values = [lowerName]
                case 7: text = "\(host) (Reviewed by: Ms. \(vietnamese))"; values = [vietnamese]
                default: text = "\(host) (\(["Translator:", "Reviewer:", "Prepared by:", "Contact person:"][labelIndex]) \(latin))"; values = [latin]
                }
            case ("PERSON_PARTICLE", "km"):
                text = "\(["លោក", "ឯកឧត្តម", "លោកស្រី"][form])\(zwsp)\(particleName) បានមានប្រសាសន៍ថា \(host)"; values = [particleName]
            case ("PERSON_PARTICLE", "fr"):
                text = ["M. \(particleName) a déclaré : \(host)", "S.E. M. \(particleName) a indiqué : \(host)", "Mme \(particleName) a noté : \(host)"][form]
                values = [particleName]
            case ("PERSON_PARTICLE", _):
                text = ["Mr. \(particleName) stated: \(host)", "H.E. Mr. \(particleName) said: \(host)", "Mrs \(particleName) noted: \(host)"][form]
                values = [particleName]
            case ("EMAIL", "km"):
                text = "\(host) ទំនាក់ទំនង៖ \(user)@mfa.gov.kh"; values = ["\(user)@mfa.gov.kh"]
            case ("EMAIL", "fr"):
                text = "\(host) Contact : \(user)@mfa.gov.kh"; values = ["\(user)@mfa.gov.kh"]
            case ("EMAIL", _):
                text = "\(host) Contact: \(user)@mfa.gov.kh"; values = ["\(user)@mfa.gov.kh"]
            case ("PHONE", "km"):
                let number = form == 0 ? khmerDigits("012\(zwsp)345\(zwsp)\(phoneTail)") : khmerDigits("+855 23 216 \(phoneTail)")
                text = form == 2 ? "\(host) សូមទាក់ទងមកលេខ\(number)" : "\(host) ទូរស័ព្ទ៖ \(number)"; values = [number]
            case ("PHONE", "fr"):
                let number = form == 0 ? "012 345 \(phoneTail)" : "+855 23 216 \(phoneTail)"
                text = "\(host) Tél. : \(number)"; values = [number]
            case ("PHONE", _):
                let number = form == 0 ? "012 345 \(phoneTail)" : "+855 23 216 \(phoneTail)"
                text = "\(host) Tel: \(number)"; values = [number]
            case ("PASSPORT", "km"):
                text = "\(host) លិខិតឆ្លងដែនលេខ \(passport)"; values = [passport]
            case ("PASSPORT", "fr"):
                text = "\(host) Passeport n° \(passport)."; values = [passport]
            case ("PASSPORT", _):
                text = "\(host) Passport No. \(passport)."; values = [passport]
            case ("ID_NUMBER", "km"):
                let number = khmerDigits(idNumber)
                text = "\(host) អត្តសញ្ញាណប័ណ្ណលេខ \(number)"; values = [number]
            case ("ID_NUMBER", "fr"):
                text = "\(host) Carte d'identité n° \(idNumber)."; values = [idNumber]
            case ("ID_NUMBER", _):
                text = "\(host) Identity card No. \(idNumber)."; values = [idNumber]
            case ("DATE_OF_BIRTH", "km"):
                let date = khmerDigits("ថ្ងៃទី\(day) ខែ\(khmerMonths[month]) ឆ្នាំ\(year)")
                text = form == 0 ? "\(host) លោក\(zwsp)\(khmerName) កើត\(date)" : "\(host) កើត\(date)"
                values = [khmerDigits(String(year))] + (form == 0 ? [khmerName] : [])
            case ("DATE_OF_BIRTH", "fr"):
                let mois = TMXGenerator.months[month].1
                text = form == 0 ? "\(host) Né le \(day) \(mois) \(year)." : "\(host) Date de naissance : \(day) \(mois) \(year)."; values = ["\(day) \(mois) \(year)"]
            default:
                let monthName = TMXGenerator.months[month].0
                text = form == 0 ? "\(host) Born on \(day) \(monthName) \(year)." : "\(host) Date of birth: \(day) \(monthName) \(year)."
                values = ["\(day) \(monthName) \(year)"]
            }
            variants.append(Variant(language: tag(language), text: text))
            injected.append(Injected(kind: kind == "PERSON_ROLE" && leftover ? "PERSON_OFFICE" : kind, language: language, values: values, host: host))
        }
        return (TranslationUnit(id: "p-\(index)", variants: variants), injected)
    }
}
