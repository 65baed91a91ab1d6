import Foundation

/// TMX's date form, `YYYYMMDDThhmmssZ` (ISO 8601 basic, UTC), parsed and printed by hand:
/// `DateFormatter` costs microseconds a call, too much at 200,000 units a second.
enum CompactDate {
    /// Parses `20210112T093000Z` (also accepts the extended `2021-01-12T09:30:00Z` some tools write).
    /// No allocation: the 14 digits go straight into their fields (every `<tu>` has a date).
    static func parse(_ text: String) -> Date? {
        // Read through the string's own UTF-8 buffer: iterating `text.utf8` cost about 1,000
        // instructions a date (one per `<tu>`), three times what the digits need.
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse(_:)` on the date's UTF-8 bytes.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var fields = (year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0)
        var count = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte) - 48
                switch count {
                case 0..<4: fields.year = fields.year * 10 + digit
                case 4..<6: fields.month = fields.month * 10 + digit
                case 6..<8: fields.day = fields.day * 10 + digit
                case 8..<10: fields.hour = fields.hour * 10 + digit
                case 10..<12: fields.minute = fields.minute * 10 + digit
                case 12..<14: fields.second = fields.second * 10 + digit
                default: return nil
                }
                count += 1
            case UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "T"), UInt8(ascii: "Z"): continue
            default: return nil
            }
        }
        guard count == 14 else { return nil }
        let (year, month, day, hour, minute, second) = fields
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// Prints `date` (whole seconds, UTC) as `YYYYMMDDThhmmssZ`.
    static func format(_ date: Date) -> String {
        String(unsafeUninitializedCapacity: length) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            write(date, to: base)
            return length
        }
    }

    /// The length of `format`'s text: 16 bytes.
    static let length = 16

    /// Writes `format(date)`'s 16 bytes at `out`, allocating nothing (the TMX writer puts
    /// every unit's dates straight into its buffer).
    static func write(_ date: Date, to out: UnsafeMutablePointer<UInt8>) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let (year, month, day) = civilFromDays(days)
        func put(_ value: Int, _ at: Int, _ width: Int) {
            var value = value
            for i in stride(from: at + width - 1, through: at, by: -1) {
                out[i] = UInt8(truncatingIfNeeded: 48 + value % 10)
                value /= 10
            }
        }
        put(year, 0, 4); put(month, 4, 2); put(day, 6, 2)
        out[8] = UInt8(ascii: "T")
        put(rest / 3_600, 9, 2); put(rest % 3_600 / 60, 11, 2); put(rest % 60, 13, 2)
        out[15] = UInt8(ascii: "Z")
    }

    /// ISO 8601 extended (`2021-01-12T09:30:00Z`), for XLIFF metadata.
    static func formatExtended(_ date: Date) -> String {
        let compact = Array(format(date).utf8)
        let parts = [compact[0..<4], compact[4..<6], compact[6..<8], compact[9..<11], compact[11..<13], compact[13..<15]]
            .map { String(decoding: $0, as: UTF8.self) }
        return "\(parts[0])-\(parts[1])-\(parts[2])T\(parts[3]):\(parts[4]):\(parts[5])Z"
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
