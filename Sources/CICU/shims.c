#include "CICU.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

int32_t bicu_detect_charset(const char *bytes, int32_t length,
                            char *name, int32_t capacity, int32_t *confidence) {
    UErrorCode status = U_ZERO_ERROR;
    if (capacity > 0) name[0] = 0;
    *confidence = 0;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return status;
    ucsdet_setText(detector, bytes, length, &status);
    const UCharsetMatch *match = U_SUCCESS(status) ? ucsdet_detect(detector, &status) : NULL;
    if (U_SUCCESS(status) && match != NULL) {
        const char *found = ucsdet_getName(match, &status);
        *confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found != NULL && capacity > 0) {
            strncpy(name, found, (size_t)capacity - 1);
            name[capacity - 1] = 0;
        }
    }
    ucsdet_close(detector);
    return status;
}

int32_t bicu_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                              uint16_t *dest, int32_t capacity, int strict,
                              int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    if (strict) {
        ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    }
    int32_t needed = ucnv_toUChars(converter, (UChar *)dest, capacity, bytes, length, &status);
    ucnv_close(converter);
    *error = status;
    return needed;
}

int32_t bicu_convert_from_utf16(const char *charset, const uint16_t *source, int32_t length,
                                char *dest, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    int32_t needed = ucnv_fromUChars(converter, dest, capacity, (const UChar *)source, length, &status);
    ucnv_close(converter);
    *error = status;
    return needed;
}

int32_t bicu_nfkc(const uint16_t *source, int32_t length,
                  uint16_t *dest, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    int32_t needed = unorm2_normalize(nfkc, (const UChar *)source, length,
                                      (UChar *)dest, capacity, &status);
    *error = status;
    return needed;
}

bicu_transliterator *bicu_transliterator_open(const uint16_t *id, int32_t idLength,
                                              int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD,
                                      NULL, 0, NULL, &status);
    *error = status;
    return U_SUCCESS(status) ? (bicu_transliterator *)t : NULL;
}

void bicu_transliterate(bicu_transliterator *t, uint16_t *text, int32_t *length,
                        int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)t, (UChar *)text, length, capacity,
                       0, &limit, &status);
    *error = status;
}

void bicu_transliterator_close(bicu_transliterator *t) {
    if (t != NULL) utrans_close((UTransliterator *)t);
}

/* Opening a word break iterator costs as much as segmenting a few kilobytes, so each thread keeps
   the last two breakers it closed and gives them the next texts of the same locale (ubrk_setText
   resets an iterator completely). */
struct bicu_word_breaker {
    UBreakIterator *iterator;
    char locale[32];
};

#define SPARES 2

typedef struct {
    bicu_word_breaker *breakers[SPARES];
} spare_breakers;

static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;

static void breaker_free(bicu_word_breaker *b) {
    if (b == NULL) return;
    ubrk_close(b->iterator);
    free(b);
}

static void spares_free(void *p) {
    spare_breakers *spares = p;
    for (int k = 0; k < SPARES; k++) breaker_free(spares->breakers[k]);
    free(spares);
}

static void spare_init(void) { pthread_key_create(&spare_key, spares_free); }

static spare_breakers *thread_spares(void) {
    pthread_once(&spare_once, spare_init);
    spare_breakers *spares = pthread_getspecific(spare_key);
    if (spares == NULL) {
        spares = calloc(1, sizeof(spare_breakers));
        if (spares != NULL && pthread_setspecific(spare_key, spares) != 0) { free(spares); spares = NULL; }
    }
    return spares;
}

bicu_word_breaker *bicu_word_breaker_open(const char *locale, const uint16_t *text,
                                          int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    spare_breakers *spares = thread_spares();
    for (int k = 0; spares != NULL && locale[0] != 0 && k < SPARES; k++) {
        bicu_word_breaker *spare = spares->breakers[k];
        if (spare == NULL || strcmp(spare->locale, locale) != 0) continue;
        spares->breakers[k] = NULL;
        ubrk_setText(spare->iterator, (const UChar *)text, length, &status);
        *error = status;
        if (U_SUCCESS(status)) return spare;
        breaker_free(spare);
        status = U_ZERO_ERROR;
        break;
    }
    bicu_word_breaker *b = calloc(1, sizeof(bicu_word_breaker));
    if (b == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->iterator = ubrk_open(UBRK_WORD, locale, (const UChar *)text, length, &status);
    *error = status;
    if (U_FAILURE(status)) { free(b); return NULL; }
    /* A locale name too long to keep is not kept: its breaker is closed, not reused. */
    if (strlen(locale) < sizeof(b->locale)) strcpy(b->locale, locale);
    return b;
}

int32_t bicu_word_breaker_next(bicu_word_breaker *b) {
    int32_t next = ubrk_next(b->iterator);
    return next == UBRK_DONE ? -1 : next;
}

int32_t bicu_word_breaker_status(bicu_word_breaker *b) {
    return ubrk_getRuleStatus(b->iterator);
}

void bicu_word_breaker_close(bicu_word_breaker *b) {
    if (b == NULL) return;
    spare_breakers *spares = b->locale[0] != 0 ? thread_spares() : NULL;
    for (int k = 0; spares != NULL && k < SPARES; k++) {
        if (spares->breakers[k] == NULL) { spares->breakers[k] = b; return; }
    }
    breaker_free(b);
}

int32_t bicu_word_breaker_is_boundary(bicu_word_breaker *b, int32_t offset) {
    return ubrk_isBoundary(b->iterator, offset) ? 1 : 0;
}

int32_t bicu_word_breaker_current(bicu_word_breaker *b) {
    return ubrk_current(b->iterator);
}

int32_t bicu_word_breaker_set_text(bicu_word_breaker *b, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(b->iterator, (const UChar *)text, length, &status);
    return status;
}

int32_t bicu_word_break_value(uint32_t c) {
    return u_getIntPropertyValue((UChar32)c, UCHAR_WORD_BREAK);
}

int32_t bicu_line_break_value(uint32_t c) {
    return u_getIntPropertyValue((UChar32)c, UCHAR_LINE_BREAK);
}

int32_t bicu_script_value(uint32_t c) {
    return u_getIntPropertyValue((UChar32)c, UCHAR_SCRIPT);
}
