// The only file that includes ICU. See include/cicu.h for the contract.
#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uloc.h>
#include <unicode/utrans.h>
#include <unicode/uregex.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>
#include <unicode/udat.h>
#include <unicode/unum.h>

struct cicu_break {
    UBreakIterator *iterator;
    UChar *text;
};

cicu_break *cicu_break_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &error);
    if (status) *status = error;
    if (U_FAILURE(error) || iterator == NULL) return NULL;
    cicu_break *result = calloc(1, sizeof(cicu_break));
    if (result == NULL) { ubrk_close(iterator); return NULL; }
    result->iterator = iterator;
    return result;
}

int32_t cicu_break_set_text(cicu_break *it, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar *copy = malloc(sizeof(UChar) * (size_t)(length > 0 ? length : 1));
    if (copy == NULL) { if (status) *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
    if (length > 0) memcpy(copy, text, sizeof(UChar) * (size_t)length);
    ubrk_setText(it->iterator, copy, length, &error);
    if (status) *status = error;
    free(it->text);
    it->text = copy;
    return U_FAILURE(error) ? -1 : 0;
}

int32_t cicu_break_set_text_shared(cicu_break *it, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    ubrk_setText(it->iterator, length > 0 ? text : empty, length, &error);
    if (status) *status = error;
    free(it->text);
    it->text = NULL;
    return U_FAILURE(error) ? -1 : 0;
}

int32_t cicu_break_all(cicu_break *it, int32_t *positions, int32_t *statuses, int32_t capacity) {
    int32_t count = 0;
    ubrk_first(it->iterator);
    for (int32_t p = ubrk_next(it->iterator); p != UBRK_DONE; p = ubrk_next(it->iterator)) {
        if (count < capacity) {
            positions[count] = p;
            if (statuses) statuses[count] = ubrk_getRuleStatus(it->iterator);
        }
        count++;
    }
    return count <= capacity ? count : -count;
}

void cicu_break_close(cicu_break *it) {
    if (it == NULL) return;
    ubrk_close(it->iterator);
    free(it->text);
    free(it);
}

static int32_t finish(int32_t length, int32_t capacity, UErrorCode error, int32_t *status) {
    if (status) *status = error;
    if (error == U_BUFFER_OVERFLOW_ERROR || length > capacity) return -length;
    if (U_FAILURE(error)) return INT32_MIN;
    return length;
}

int32_t cicu_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = NULL;
    switch (form) {
    case 0: normalizer = unorm2_getNFCInstance(&error); break;
    case 1: normalizer = unorm2_getNFDInstance(&error); break;
    case 2: normalizer = unorm2_getNFKCInstance(&error); break;
    case 3: normalizer = unorm2_getNFKCCasefoldInstance(&error); break;
    default: error = U_ILLEGAL_ARGUMENT_ERROR;
    }
    if (U_FAILURE(error)) { if (status) *status = error; return INT32_MIN; }
    int32_t written = unorm2_normalize(normalizer, source, length, dest, capacity, &error);
    return finish(written, capacity, error, status);
}

int32_t cicu_fold_code_point_full(int32_t c, int32_t *dest, int32_t capacity) {
    UChar source[2];
    int32_t length = 0;
    UBool failed = false;
    U16_APPEND(source, length, 2, c, failed);
    if (failed) return 0;
    UChar folded[8];
    UErrorCode error = U_ZERO_ERROR;
    int32_t written = u_strFoldCase(folded, 8, source, length, U_FOLD_CASE_DEFAULT, &error);
    if (U_FAILURE(error) || written > 8) return 0;
    int32_t count = 0;
    for (int32_t i = 0; i < written && count < capacity;) {
        UChar32 point;
        U16_NEXT(folded, i, written, point);
        dest[count++] = point;
    }
    return count;
}

int32_t cicu_fold_case(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t written = u_strFoldCase(dest, capacity, source, length, U_FOLD_CASE_DEFAULT, &error);
    return finish(written, capacity, error, status);
}

int32_t cicu_display_country(const char *locale, const char *display_locale, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t written = uloc_getDisplayCountry(locale, display_locale, dest, capacity, &error);
    return finish(written, capacity, error, status);
}

int32_t cicu_display_language(const char *locale, const char *display_locale, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t written = uloc_getDisplayLanguage(locale, display_locale, dest, capacity, &error);
    return finish(written, capacity, error, status);
}

struct cicu_translit { UTransliterator *translit; };

cicu_translit *cicu_translit_open(const uint16_t *id, int32_t id_length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU(id, id_length, UTRANS_FORWARD, NULL, 0, NULL, &error);
    if (status) *status = error;
    if (U_FAILURE(error) || t == NULL) return NULL;
    cicu_translit *result = calloc(1, sizeof(cicu_translit));
    if (result == NULL) { utrans_close(t); return NULL; }
    result->translit = t;
    return result;
}

int32_t cicu_translit_apply(cicu_translit *t, const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    if (length > capacity) { if (status) *status = U_BUFFER_OVERFLOW_ERROR; return -(length * 4 + 16); }
    memcpy(dest, source, sizeof(UChar) * (size_t)length);
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(t->translit, dest, &textLength, capacity, 0, &limit, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) { if (status) *status = error; return -(textLength > capacity ? textLength : capacity * 2); }
    return finish(textLength, capacity, error, status);
}

void cicu_translit_close(cicu_translit *t) {
    if (t == NULL) return;
    utrans_close(t->translit);
    free(t);
}

struct cicu_regex {
    URegularExpression *regex;
    UChar *text;
    int32_t length;
};

cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *error_line, int32_t *error_offset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parse;
    memset(&parse, 0, sizeof(parse));
    URegularExpression *regex = uregex_open(pattern, length, flags, &parse, &error);
    if (status) *status = error;
    if (U_FAILURE(error) || regex == NULL) {
        if (error_line) *error_line = parse.line;
        if (error_offset) *error_offset = parse.offset;
        return NULL;
    }
    cicu_regex *result = calloc(1, sizeof(cicu_regex));
    if (result == NULL) { uregex_close(regex); return NULL; }
    result->regex = regex;
    return result;
}

cicu_regex *cicu_regex_clone(const cicu_regex *r, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    URegularExpression *regex = uregex_clone(r->regex, &error);
    if (status) *status = error;
    if (U_FAILURE(error) || regex == NULL) return NULL;
    cicu_regex *result = calloc(1, sizeof(cicu_regex));
    if (result == NULL) { uregex_close(regex); return NULL; }
    result->regex = regex;
    return result;
}

int32_t cicu_regex_set_text(cicu_regex *r, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar *copy = malloc(sizeof(UChar) * (size_t)(length > 0 ? length : 1));
    if (copy == NULL) { if (status) *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
    if (length > 0) memcpy(copy, text, sizeof(UChar) * (size_t)length);
    uregex_setText(r->regex, copy, length, &error);
    if (U_SUCCESS(error)) uregex_useTransparentBounds(r->regex, 1, &error);
    if (status) *status = error;
    free(r->text);
    r->text = copy;
    r->length = length;
    return U_FAILURE(error) ? -1 : 0;
}

int32_t cicu_regex_set_text_shared(cicu_regex *r, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    uregex_setText(r->regex, length > 0 ? text : empty, length, &error);
    if (U_SUCCESS(error)) uregex_useTransparentBounds(r->regex, 1, &error);
    if (U_SUCCESS(error)) uregex_useAnchoringBounds(r->regex, 0, &error);
    if (status) *status = error;
    free(r->text);
    r->text = NULL;
    r->length = length;
    return U_FAILURE(error) ? -1 : 0;
}

int32_t cicu_regex_find(cicu_regex *r, int32_t from, int32_t *start, int32_t *end, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBool found = from >= 0 ? uregex_find(r->regex, from, &error) : uregex_findNext(r->regex, &error);
    if (U_SUCCESS(error) && found) {
        if (start) *start = uregex_start(r->regex, 0, &error);
        if (end) *end = uregex_end(r->regex, 0, &error);
    }
    if (status) *status = error;
    if (U_FAILURE(error)) return -1;
    return found ? 1 : 0;
}

int32_t cicu_regex_find_all_ends(cicu_regex *r, int32_t *ends, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t count = 0;
    uregex_reset(r->regex, 0, &error);
    while (U_SUCCESS(error) && count < capacity && uregex_findNext(r->regex, &error)) {
        ends[count++] = uregex_end(r->regex, 0, &error);
    }
    if (status) *status = error;
    return U_FAILURE(error) ? -1 : count;
}

int32_t cicu_regex_matches_at(cicu_regex *r, int32_t position, int32_t *end, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    uregex_setRegion(r->regex, position, r->length, &error);
    UBool found = U_SUCCESS(error) ? uregex_lookingAt(r->regex, -1, &error) : 0;
    if (U_SUCCESS(error) && found && end) *end = uregex_end(r->regex, 0, &error);
    if (status) *status = error;
    if (U_FAILURE(error)) return -1;
    return found ? 1 : 0;
}

int32_t cicu_regex_group(cicu_regex *r, int32_t group, int32_t *start, int32_t *end, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t s = uregex_start(r->regex, group, &error);
    int32_t e = uregex_end(r->regex, group, &error);
    if (status) *status = error;
    if (U_FAILURE(error)) return -1;
    if (s < 0) return 0;
    if (start) *start = s;
    if (end) *end = e;
    return 1;
}

void cicu_regex_close(cicu_regex *r) {
    if (r == NULL) return;
    uregex_close(r->regex);
    free(r->text);
    free(r);
}

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const char *cicu_version(void) { return U_ICU_VERSION; }

static int is_apostrophe(UChar c) {
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 || c == 0x00B4 || c == 0x0060;
}

int32_t cicu_key_spans(const uint16_t *text, int32_t length, const int32_t *starts, const int32_t *ends, int32_t count,
                       uint16_t *keys, int32_t key_capacity, int32_t *key_ends,
                       uint16_t *loose, int32_t loose_capacity, int32_t *loose_ends, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfkccf = unorm2_getNFKCCasefoldInstance(&error);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&error);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) { if (status) *status = error; return INT32_MIN; }
    int32_t longest = 0;
    for (int32_t i = 0; i < count; i++) {
        int32_t n = ends[i] - starts[i];
        if (starts[i] < 0 || ends[i] > length || n < 0) { if (status) *status = U_ILLEGAL_ARGUMENT_ERROR; return INT32_MIN; }
        if (n > longest) longest = n;
    }
    int32_t scratch_capacity = longest * 4 + 16;
    UChar *mapped = malloc(sizeof(UChar) * (size_t)(longest + 1));
    UChar *decomposed = malloc(sizeof(UChar) * (size_t)scratch_capacity);
    if (mapped == NULL || decomposed == NULL) {
        free(mapped); free(decomposed);
        if (status) *status = U_MEMORY_ALLOCATION_ERROR;
        return INT32_MIN;
    }
    int32_t key_used = 0, loose_used = 0, result = 0;
    for (int32_t i = 0; i < count; i++) {
        int32_t n = ends[i] - starts[i];
        for (int32_t j = 0; j < n; j++) {
            UChar c = text[starts[i] + j];
            mapped[j] = is_apostrophe(c) ? 0x27 : c;
        }
        error = U_ZERO_ERROR;
        int32_t written = unorm2_normalize(nfkccf, mapped, n, keys + key_used, key_capacity - key_used, &error);
        if (error == U_BUFFER_OVERFLOW_ERROR || key_used + written > key_capacity) {
            result = -(key_capacity * 2 + n * 4 + 16); error = U_BUFFER_OVERFLOW_ERROR; break;
        }
        if (U_FAILURE(error)) { result = INT32_MIN; break; }
        UChar *key = keys + key_used;
        for (int32_t j = 0; j < written; j++) if (key[j] >= 0x17E0 && key[j] <= 0x17E9) key[j] = (UChar)(key[j] - 0x17E0 + 0x30);
        int ascii = 1;
        for (int32_t j = 0; j < written; j++) if (key[j] >= 0x80) { ascii = 0; break; }
        if (ascii) {
            if (loose_used + written > loose_capacity) { result = -(loose_capacity * 2 + n * 4 + 16); error = U_BUFFER_OVERFLOW_ERROR; break; }
            memcpy(loose + loose_used, key, sizeof(UChar) * (size_t)written);
            loose_used += written;
        } else {
            if (written * 4 + 16 > scratch_capacity) {
                UChar *bigger = realloc(decomposed, sizeof(UChar) * (size_t)(written * 4 + 16));
                if (bigger == NULL) { result = INT32_MIN; error = U_MEMORY_ALLOCATION_ERROR; break; }
                decomposed = bigger; scratch_capacity = written * 4 + 16;
            }
            int32_t d = unorm2_normalize(nfd, key, written, decomposed, scratch_capacity, &error);
            if (U_FAILURE(error)) { result = INT32_MIN; break; }
            int32_t kept = 0;
            for (int32_t j = 0; j < d; j++) if (decomposed[j] < 0x300 || decomposed[j] > 0x36F) decomposed[kept++] = decomposed[j];
            int32_t c = unorm2_normalize(nfc, decomposed, kept, loose + loose_used, loose_capacity - loose_used, &error);
            if (error == U_BUFFER_OVERFLOW_ERROR || loose_used + c > loose_capacity) {
                result = -(loose_capacity * 2 + n * 4 + 16); error = U_BUFFER_OVERFLOW_ERROR; break;
            }
            if (U_FAILURE(error)) { result = INT32_MIN; break; }
            loose_used += c;
        }
        key_used += written;
        key_ends[i] = key_used;
        loose_ends[i] = loose_used;
    }
    free(mapped);
    free(decomposed);
    if (status) *status = result == 0 ? U_ZERO_ERROR : error;
    return result;
}

int32_t cicu_month_name(const char *locale, int32_t width, int32_t month, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    if (month < 1 || month > 12) { if (status) *status = U_ILLEGAL_ARGUMENT_ERROR; return INT32_MIN; }
    UDateFormat *format = udat_open(UDAT_NONE, UDAT_LONG, locale, NULL, 0, NULL, 0, &error);
    if (U_FAILURE(error) || format == NULL) { if (status) *status = error; return INT32_MIN; }
    UDateFormatSymbolType type = width == 1 ? UDAT_SHORT_MONTHS : width == 2 ? UDAT_STANDALONE_MONTHS : UDAT_MONTHS;
    int32_t written = udat_getSymbols(format, type, month - 1, dest, capacity, &error);
    udat_close(format);
    return finish(written, capacity, error, status);
}

int32_t cicu_exemplar_city(const char *zone, const char *locale, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar zoneID[64], pattern[4];
    if (zone == NULL || strlen(zone) >= 64) { if (status) *status = U_ILLEGAL_ARGUMENT_ERROR; return INT32_MIN; }
    u_uastrcpy(zoneID, zone);
    u_uastrcpy(pattern, "VVV");
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, zoneID, -1, pattern, -1, &error);
    if (U_FAILURE(error) || format == NULL) { if (status) *status = error; return INT32_MIN; }
    int32_t written = udat_format(format, 0, dest, capacity, NULL, &error);
    udat_close(format);
    return finish(written, capacity, error, status);
}

int32_t cicu_number_symbols(const char *locale, uint16_t *decimal, int32_t *decimal_length, uint16_t *group, int32_t *group_length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &error);
    if (U_FAILURE(error) || format == NULL) { if (status) *status = error; return -1; }
    *decimal_length = unum_getSymbol(format, UNUM_DECIMAL_SEPARATOR_SYMBOL, decimal, 8, &error);
    *group_length = unum_getSymbol(format, UNUM_GROUPING_SEPARATOR_SYMBOL, group, 8, &error);
    unum_close(format);
    if (status) *status = error;
    return U_FAILURE(error) ? -1 : 0;
}
