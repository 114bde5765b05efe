#include "CICU.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
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
   the last breaker it closed and gives it the next text of the same locale (ubrk_setText resets
   the iterator completely). */
struct bicu_word_breaker {
    UBreakIterator *iterator;
    char locale[32];
};

static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;

static void breaker_free(bicu_word_breaker *b) {
    if (b == NULL) return;
    ubrk_close(b->iterator);
    free(b);
}

static void spare_free(void *p) { breaker_free(p); }

static void spare_init(void) { pthread_key_create(&spare_key, spare_free); }

bicu_word_breaker *bicu_word_breaker_open(const char *locale, const uint16_t *text,
                                          int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    pthread_once(&spare_once, spare_init);
    bicu_word_breaker *spare = pthread_getspecific(spare_key);
    if (spare != NULL && locale[0] != 0 && strcmp(spare->locale, locale) == 0) {
        pthread_setspecific(spare_key, NULL);
        ubrk_setText(spare->iterator, (const UChar *)text, length, &status);
        *error = status;
        if (U_SUCCESS(status)) return spare;
        breaker_free(spare);
        status = U_ZERO_ERROR;
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
    pthread_once(&spare_once, spare_init);
    if (b->locale[0] != 0 && pthread_getspecific(spare_key) == NULL && pthread_setspecific(spare_key, b) == 0) return;
    breaker_free(b);
}

int32_t bicu_word_breaker_is_boundary(bicu_word_breaker *b, int32_t offset) {
    return ubrk_isBoundary(b->iterator, offset) ? 1 : 0;
}

int32_t bicu_word_breaker_current(bicu_word_breaker *b) {
    return ubrk_current(b->iterator);
}
