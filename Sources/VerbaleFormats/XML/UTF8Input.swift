import Foundation

/// Chunks of a `ByteSource` as UTF-8: UTF-8 passes through (BOM dropped), UTF-16 (BOM, or
/// `<?` as 16-bit units) is transcoded, and ISO-8859-1 / windows-1252 are transcoded once the
/// XML declaration names them. Memory: one chunk.
struct UTF8Input {
    enum Encoding: Equatable {
        case utf8, utf16(bigEndian: Bool), latin1, windows1252
    }

    let source: ByteSource
    private(set) var encoding: Encoding?
    /// Set with a UTF-16 encoding.
    private var utf16: UTF16Decoder?
    /// The 8-bit encoding's name as the declaration spells it (`ISO-8859-1`), for messages.
    private var declaredName = ""
    /// Where the next 8-bit byte is (line, column): the bytes are counted here, before the
    /// scanner sees them transcoded, to name the place of mislabelled UTF-8.
    private var line = 1
    private var column = 1
    /// A UTF-8 sequence under way in 8-bit input: its bytes so far, where it starts, how many
    /// continuation bytes it still needs and the range the next one must fall in.
    private var pendingUTF8: (bytes: [UInt8], line: Int, column: Int, remaining: Int, next: ClosedRange<UInt8>)?

    init(source: ByteSource) {
        self.source = source
    }

    var isUTF16: Bool {
        if case .utf16 = encoding { return true }
        return false
    }

    /// The next chunk as UTF-8, or nil at the end.
    mutating func next() throws(FormatError) -> [UInt8]? {
        guard var chunk = try source.nextChunk() else {
            if let decoder = utf16, decoder.isMidCharacter {
                utf16 = nil
                throw decoder.truncation(file: source.name)
            }
            return nil
        }
        if encoding == nil {
            var bom = 0
            defer { if case let .utf16(bigEndian)? = encoding { utf16 = UTF16Decoder(bigEndian: bigEndian, startOffset: bom) } }
            if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                chunk.removeFirst(3)
                encoding = .utf8
            } else if chunk.starts(with: [0xFF, 0xFE]) {
                chunk.removeFirst(2)
                bom = 2
                encoding = .utf16(bigEndian: false)
            } else if chunk.starts(with: [0xFE, 0xFF]) {
                chunk.removeFirst(2)
                bom = 2
                encoding = .utf16(bigEndian: true)
            } else if chunk.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
                encoding = .utf16(bigEndian: false)
            } else if chunk.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
                encoding = .utf16(bigEndian: true)
            } else {
                encoding = .utf8
            }
        }
        if utf16 != nil { return try utf16?.decode(chunk, file: source.name) ?? [] }
        return try transcode(chunk)
    }

    /// Switches an 8-bit input to `encoding` (after the XML declaration named it `declared`)
    /// and returns `bytes` (read already, raw, starting at `line` and `column`) transcoded.
    mutating func switchTo(_ newEncoding: Encoding, declared: String, rest bytes: ArraySlice<UInt8>,
                           line: Int, column: Int) throws(FormatError) -> [UInt8] {
        encoding = newEncoding
        declaredName = declared
        (self.line, self.column) = (line, column)
        return try transcode(Array(bytes))
    }

    /// 8-bit input as UTF-8 (UTF-16 goes through `utf16`, set when the BOM or `<?` said so).
    ///
    /// Bytes that form a valid multi-byte UTF-8 sequence (`C3 A9`, "é") are refused with
    /// `FormatError.Reason.mislabelledEncoding`: in real ISO-8859-1 or windows-1252 text they
    /// would read `Ã©`, which no French or English text holds, while a tool that writes UTF-8
    /// under a Latin-1 declaration (a common bug) produces them at every accent. Storing the
    /// mojibake silently would spoil the memory; refusing loses nothing (imports are
    /// all-or-nothing) and the message says how to fix the file. Cost: a compare per byte
    /// of 8-bit input only; UTF-8 and UTF-16 input never come here.
    private mutating func transcode(_ chunk: [UInt8]) throws(FormatError) -> [UInt8] {
        switch encoding {
        case nil, .utf8?, .utf16?:
            return chunk
        case .latin1?, .windows1252?:
            var out: [UInt8] = []
            out.reserveCapacity(chunk.count + chunk.count / 8)
            for byte in chunk {
                try checkMislabelledUTF8(byte)
                var scalar = UInt32(byte)
                if encoding == .windows1252, (0x80...0x9F).contains(byte) { scalar = Self.windows1252[Int(byte) - 0x80] }
                if scalar < 0x80 {
                    out.append(UInt8(scalar))
                } else {
                    out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
                }
            }
            return out
        }
    }

    /// Follows `byte` through a possible UTF-8 sequence and throws once one is complete.
    private mutating func checkMislabelledUTF8(_ byte: UInt8) throws(FormatError) {
        let here = (line, column)
        if byte == 0x0A {
            line += 1
            column = 1
        } else {
            column += 1
        }
        guard byte >= 0x80 || pendingUTF8 != nil else { return }
        if var pending = pendingUTF8 {
            pendingUTF8 = nil
            if pending.next.contains(byte) {
                pending.bytes.append(byte)
                pending.remaining -= 1
                guard pending.remaining == 0 else {
                    pending.next = 0x80...0xBF
                    pendingUTF8 = pending
                    return
                }
                throw mislabelled(pending.bytes, line: pending.line, column: pending.column)
            }
        }
        // Lead bytes of well-formed UTF-8 (no overlong forms, surrogates or values over U+10FFFF).
        let sequence: (remaining: Int, next: ClosedRange<UInt8>)?
        switch byte {
        case 0xC2...0xDF: sequence = (1, 0x80...0xBF)
        case 0xE0: sequence = (2, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: sequence = (2, 0x80...0xBF)
        case 0xED: sequence = (2, 0x80...0x9F)
        case 0xF0: sequence = (3, 0x90...0xBF)
        case 0xF1...0xF3: sequence = (3, 0x80...0xBF)
        case 0xF4: sequence = (3, 0x80...0x8F)
        default: sequence = nil
        }
        if let sequence { pendingUTF8 = ([byte], here.0, here.1, sequence.remaining, sequence.next) }
    }

    /// The error for UTF-8 `bytes` found at `line`, `column` of 8-bit input.
    private func mislabelled(_ bytes: [UInt8], line: Int, column: Int) -> FormatError {
        let asDeclared = String(String.UnicodeScalarView(bytes.map { byte in
            let value = encoding == .windows1252 && (0x80...0x9F).contains(byte) ? Self.windows1252[Int(byte) - 0x80] : UInt32(byte)
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }))
        return FormatError(file: source.name, line: line, column: column, reason: .mislabelledEncoding(
            declared: declaredName, bytes: bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " "),
            utf8: String(decoding: bytes, as: UTF8.self), asDeclared: asDeclared))
    }

    /// windows-1252's 0x80–0x9F (the rest is ISO-8859-1).
    private static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
