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
        return transcode(chunk)
    }

    /// Switches an 8-bit input to `encoding` (after the XML declaration named it) and
    /// returns `bytes` (read already, raw) transcoded.
    mutating func switchTo(_ newEncoding: Encoding, rest bytes: ArraySlice<UInt8>) -> [UInt8] {
        encoding = newEncoding
        return transcode(Array(bytes))
    }

    /// 8-bit input as UTF-8 (UTF-16 goes through `utf16`, set when the BOM or `<?` said so).
    private mutating func transcode(_ chunk: [UInt8]) -> [UInt8] {
        switch encoding {
        case nil, .utf8?, .utf16?:
            return chunk
        case .latin1?, .windows1252?:
            var out: [UInt8] = []
            out.reserveCapacity(chunk.count + chunk.count / 8)
            for byte in chunk {
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

    /// windows-1252's 0x80–0x9F (the rest is ISO-8859-1).
    private static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
