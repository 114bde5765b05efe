#ifndef BULLETIN_CICU_H
#define BULLETIN_CICU_H

#include <stdint.h>

/* Plain C wrappers around the system ICU. Every function returns or fills an ICU
   UErrorCode as int32_t (0 is success, negative a warning, positive an error).
   Strings are UTF-16 code units (uint16_t). */

/** Detects the charset of `bytes`. Writes the ICU name into `name` (NUL-terminated,
    truncated to `capacity`) and the confidence (0–100). Returns the error code. */
int32_t bicu_detect_charset(const char *bytes, int32_t length,
                            char *name, int32_t capacity, int32_t *confidence);

/** Converts `bytes` in `charset` to UTF-16. With `strict`, an illegal or unmappable
    byte sequence stops the conversion with an error; otherwise it becomes U+FFFD.
    Returns the number of UTF-16 units the full output needs (preflight when it
    exceeds `capacity`). */
int32_t bicu_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                              uint16_t *dest, int32_t capacity, int strict,
                              int32_t *error);

/** Converts UTF-16 to bytes in `charset`; returns the byte count the full output needs. */
int32_t bicu_convert_from_utf16(const char *charset, const uint16_t *source, int32_t length,
                                char *dest, int32_t capacity, int32_t *error);

/** NFKC-normalises `source`; returns the output length (preflight as above). */
int32_t bicu_nfkc(const uint16_t *source, int32_t length,
                  uint16_t *dest, int32_t capacity, int32_t *error);

/** An opaque transliterator handle (ICU UTransliterator). */
typedef struct bicu_transliterator bicu_transliterator;
/** Opens a transliterator by ICU id, e.g. "Hant-Hans". NULL on error. */
bicu_transliterator *bicu_transliterator_open(const uint16_t *id, int32_t idLength,
                                              int32_t *error);
/** Transliterates `text` in place; `length` is in/out, `capacity` the buffer size. */
void bicu_transliterate(bicu_transliterator *t, uint16_t *text, int32_t *length,
                        int32_t capacity, int32_t *error);
void bicu_transliterator_close(bicu_transliterator *t);

/** An opaque word break iterator (ICU UBreakIterator). The text must outlive it. */
typedef struct bicu_word_breaker bicu_word_breaker;
bicu_word_breaker *bicu_word_breaker_open(const char *locale, const uint16_t *text,
                                          int32_t length, int32_t *error);
/** The next boundary (UTF-16 offset), or -1 at the end. */
int32_t bicu_word_breaker_next(bicu_word_breaker *b);
/** The rule status of the segment ending at the current boundary (UBRK_WORD_*). */
int32_t bicu_word_breaker_status(bicu_word_breaker *b);
void bicu_word_breaker_close(bicu_word_breaker *b);
/** Whether `offset` is a boundary; leaves the iterator at the first boundary at or after it. */
int32_t bicu_word_breaker_is_boundary(bicu_word_breaker *b, int32_t offset);
/** The iterator's current boundary. */
int32_t bicu_word_breaker_current(bicu_word_breaker *b);
/** Gives the iterator new text and puts it at its start; 0, or an ICU error code. */
int32_t bicu_word_breaker_set_text(bicu_word_breaker *b, const uint16_t *text, int32_t length);

/** The Unicode Word_Break property of `c` (ICU's UWordBreakValues: 0 Other, 8 CR, 10 LF,
    12 Newline, 22 WSegSpace, …). */
int32_t bicu_word_break_value(uint32_t c);
/** The Unicode Line_Break property of `c` (ICU's ULineBreak: 24 Complex_Context, …). */
int32_t bicu_line_break_value(uint32_t c);
/** The Unicode Script property of `c` (ICU's UScriptCode: 17 Han, 20 Hiragana, 22 Katakana, …). */
int32_t bicu_script_value(uint32_t c);

#endif
