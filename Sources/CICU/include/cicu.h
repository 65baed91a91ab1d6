// CICU: a small, opaque C API over ICU4C.
//
// Why a C shim: Foundation on Linux ships its own copy of ICU's headers (_FoundationICU), so a
// module map exposing <unicode/*.h> to Swift does not compile beside Foundation, and ICU's
// versioned symbols (ubrk_open_72) are invisible to Swift anyway. This header uses only
// <stdint.h> types; cicu.c includes ICU and does the calls.
//
// Text is passed as UTF-16 code units (ICU's native form). Offsets are UTF-16 indices.
// Errors: functions returning int32_t return a negative value on failure, and write the ICU
// error code into *status when status is non-NULL (0 = success).
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Boundaries

/// Kinds of boundary analysis (values match ICU's UBreakIteratorType).
enum {
    CICU_BREAK_CHARACTER = 0,
    CICU_BREAK_WORD = 1,
    CICU_BREAK_LINE = 2,
    CICU_BREAK_SENTENCE = 3
};

/// An opaque break iterator. Not thread-safe: use one per thread.
typedef struct cicu_break cicu_break;

/// Opens a break iterator of `kind` for `locale` (e.g. "en", "km"). Returns NULL on failure.
cicu_break *cicu_break_open(int32_t kind, const char *locale, int32_t *status);
/// Sets the text to analyse. The text is copied; the caller may free its buffer.
int32_t cicu_break_set_text(cicu_break *iterator, const uint16_t *text, int32_t length, int32_t *status);
/// Sets the text to analyse WITHOUT copying it: the caller keeps `text` alive and unchanged for as
/// long as it asks for boundaries, and sets a text again before the next use. Saves a copy of the
/// text per call (a whole document for the segmenter, every line for the tokenizer).
int32_t cicu_break_set_text_shared(cicu_break *iterator, const uint16_t *text, int32_t length, int32_t *status);
/// Fills `positions` (and `statuses`, the rule status of the boundary, if non-NULL) with every
/// boundary of the text after 0, in order. Returns the count, or -(needed) if `capacity` is too
/// small. `length + 1` entries always suffice.
int32_t cicu_break_all(cicu_break *iterator, int32_t *positions, int32_t *statuses, int32_t capacity);
void cicu_break_close(cicu_break *iterator);

/// ICU's word rule-status ranges (UWordBreak): none [0,100), number [100,200), letter [200,300),
/// kana [300,400), ideo [400,500).
enum {
    CICU_WORD_NONE = 0,
    CICU_WORD_NUMBER = 100,
    CICU_WORD_LETTER = 200,
    CICU_WORD_KANA = 300,
    CICU_WORD_IDEO = 400
};

// MARK: - Normalisation and case

enum {
    CICU_NFC = 0,
    CICU_NFD = 1,
    CICU_NFKC = 2,
    CICU_NFKC_CASEFOLD = 3
};

/// Normalises `source` into `dest`. Returns the length written, or -(needed) if `capacity` is
/// too small, or INT32_MIN on another error.
int32_t cicu_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);
/// Full case folding of one code point (u_strFoldCase on it, default options): writes its
/// folding, one to three code points, into dest; returns how many (0 on error).
int32_t cicu_fold_code_point_full(int32_t c, int32_t *dest, int32_t capacity);

/// Full Unicode case folding (u_strFoldCase, default options). Same return convention.
int32_t cicu_fold_case(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: - Locale display names (CLDR)

/// The name of the region of `locale` (e.g. "_KH") in `display_locale` (e.g. "fr"). Same return
/// convention as cicu_normalize.
int32_t cicu_display_country(const char *locale, const char *display_locale, uint16_t *dest, int32_t capacity, int32_t *status);
/// The name of the language of `locale` in `display_locale`.
int32_t cicu_display_language(const char *locale, const char *display_locale, uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: - Transliteration

typedef struct cicu_translit cicu_translit;
/// Opens an ICU transform by id (e.g. "Khmer-Latin", "Any-Latin; Latin-ASCII").
cicu_translit *cicu_translit_open(const uint16_t *id, int32_t id_length, int32_t *status);
/// Transliterates; same return convention as cicu_normalize.
int32_t cicu_translit_apply(cicu_translit *translit, const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);
void cicu_translit_close(cicu_translit *translit);

// MARK: - Regular expressions (ICU syntax ≈ Java's; used for SRX rules)

enum {
    CICU_REGEX_CASE_INSENSITIVE = 2,
    CICU_REGEX_COMMENTS = 4,
    CICU_REGEX_DOTALL = 32,
    CICU_REGEX_MULTILINE = 8,
    CICU_REGEX_UWORD = 256
};

typedef struct cicu_regex cicu_regex;
/// Compiles `pattern`. On a syntax error returns NULL and fills `error_line`/`error_offset`
/// (1-based line, 0-based offset in the pattern) when non-NULL.
cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *error_line, int32_t *error_offset, int32_t *status);
/// A new regex sharing `regex`'s compiled pattern (`uregex_clone`: no compilation), with no
/// subject text; NULL on failure. `regex` itself is only read.
cicu_regex *cicu_regex_clone(const cicu_regex *regex, int32_t *status);
/// Sets the subject text (copied).
int32_t cicu_regex_set_text(cicu_regex *regex, const uint16_t *text, int32_t length, int32_t *status);
/// Sets the subject text WITHOUT copying it: the caller keeps `text` alive and unchanged until the
/// next set_text or close. Bounds are transparent and non-anchoring, so look-around, `^` and `\A`
/// see the whole text whatever region `cicu_regex_matches_at` sets. Saves one copy of the text
/// per pattern when many patterns scan one text (the SRX segmenter).
int32_t cicu_regex_set_text_shared(cicu_regex *regex, const uint16_t *text, int32_t length, int32_t *status);
/// Finds the next match at or after `from` (or continues after the previous match if from < 0).
/// Returns 1 and fills start/end when found, 0 when not, negative on error.
int32_t cicu_regex_find(cicu_regex *regex, int32_t from, int32_t *start, int32_t *end, int32_t *status);
/// Collects the end offsets of all successive matches into `ends`; returns the count (capped at
/// capacity), negative on error.
int32_t cicu_regex_find_all_ends(cicu_regex *regex, int32_t *ends, int32_t capacity, int32_t *status);
/// Tests whether the pattern matches at exactly `position` (lookingAt from the region start, with
/// transparent bounds so look-behind sees the text before it). Returns 1/0, negative on error.
int32_t cicu_regex_matches_at(cicu_regex *regex, int32_t position, int32_t *end, int32_t *status);
/// The range of capture group `group` (0 = whole match) of the last successful find or
/// matches_at. Returns 1 and fills start/end when the group took part, 0 when it did not,
/// negative on error.
int32_t cicu_regex_group(cicu_regex *regex, int32_t group, int32_t *start, int32_t *end, int32_t *status);
void cicu_regex_close(cicu_regex *regex);

// MARK: - Matching keys (batched, one call per text)

/// Builds the matching keys of `count` spans of `text` in one call, so a tokenizer crosses into
/// ICU once per text rather than once per token. For span i (`starts[i]..<ends[i]`, UTF-16):
/// typographic apostrophes (U+2019 U+2018 U+02BC U+2032 U+00B4 U+0060) become `'`, then
/// NFKC_Casefold (which also drops default-ignorables such as U+200B), with Khmer digits made
/// ASCII, gives the key, written
/// to `keys` and ending at `key_ends[i]`; the key without Latin combining diacritics
/// (U+0300–U+036F, via NFD then NFC) goes to `loose` ending at `loose_ends[i]`.
/// Returns 0, or -(a larger capacity to retry with) when a buffer is too small, or INT32_MIN on
/// another ICU error (see *status). O(total span length).
int32_t cicu_key_spans(const uint16_t *text, int32_t length, const int32_t *starts, const int32_t *ends, int32_t count,
                       uint16_t *keys, int32_t key_capacity, int32_t *key_ends,
                       uint16_t *loose, int32_t loose_capacity, int32_t *loose_ends, int32_t *status);

// MARK: - Calendar names (CLDR via udat)

enum {
    CICU_MONTHS_WIDE = 0,
    CICU_MONTHS_ABBREVIATED = 1,
    CICU_MONTHS_STANDALONE_WIDE = 2
};

/// The name of month `month` (1–12, Gregorian) in `locale` (e.g. "km"), from CLDR.
/// Same return convention as cicu_normalize.
int32_t cicu_month_name(const char *locale, int32_t width, int32_t month, uint16_t *dest, int32_t capacity, int32_t *status);

/// CLDR's exemplar city of an IANA time zone ("Europe/Paris") in `locale` ("km": ប៉ារីស): the
/// "VVV" field of a date pattern. A zone the locale does not name comes back in the root's
/// Latin spelling: callers check the script. Same return convention as cicu_normalize.
int32_t cicu_exemplar_city(const char *zone, const char *locale, uint16_t *dest, int32_t capacity, int32_t *status);
/// The decimal and grouping separators of `locale`'s default number format (CLDR), each written
/// as one UTF-16 string into `decimal`/`group` (capacity 8 each). Returns 0, or negative on error.
int32_t cicu_number_symbols(const char *locale, uint16_t *decimal, int32_t *decimal_length, uint16_t *group, int32_t *group_length, int32_t *status);

/// The name of an ICU error code (u_errorName), for messages.
const char *cicu_error_name(int32_t status);
/// The ICU version string, e.g. "72.1".
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
