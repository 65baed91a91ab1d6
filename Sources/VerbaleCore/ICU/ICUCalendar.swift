import CICU

extension ICU {
    /// Widths of month names in CLDR.
    public enum MonthWidth: Int32, Sendable { case wide = 0, abbreviated = 1, standaloneWide = 2 }

    /// CLDR's name of `month` (1–12, Gregorian) in `locale` ("en", "fr", "km"), or nil.
    /// Opens an ICU date format per call (tens of microseconds): for checks and tools, not
    /// for per-token work (`CalendarNames` holds the names as constants).
    public static func monthName(_ month: Int, locale: String, width: MonthWidth = .wide) -> String? {
        fill { dest, capacity, status in cicu_month_name(locale, width.rawValue, Int32(month), dest, capacity, status) }
    }

    /// CLDR's exemplar city of an IANA time zone in `locale` ("Europe/Paris" in "km": ប៉ារីស),
    /// or nil. Where the locale has no name, ICU falls back to the root's Latin name: callers
    /// that need the locale's own script check it. Opens an ICU date format per call.
    public static func exemplarCity(zone: String, locale: String) -> String? {
        fill { dest, capacity, status in cicu_exemplar_city(zone, locale, dest, capacity, status) }
    }

    /// CLDR's decimal and grouping separators for `locale`, or nil.
    public static func numberSeparators(locale: String) -> (decimal: String, group: String)? {
        var decimal = [UInt16](repeating: 0, count: 8), group = [UInt16](repeating: 0, count: 8)
        var decimalLength: Int32 = 0, groupLength: Int32 = 0, status: Int32 = 0
        guard cicu_number_symbols(locale, &decimal, &decimalLength, &group, &groupLength, &status) == 0,
              (0...8).contains(decimalLength), (0...8).contains(groupLength) else { return nil }
        return (String(decoding: decimal[0..<Int(decimalLength)], as: UTF16.self), String(decoding: group[0..<Int(groupLength)], as: UTF16.self))
    }
}
