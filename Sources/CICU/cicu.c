#include "cicu.h"
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/unorm2.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

static const UNormalizer2 *nfkc(void) {
    /* ICU caches the instance; it is immutable and safe to share between threads. */
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCInstance(&err);
    return U_FAILURE(err) ? NULL : n;
}

int32_t cicu_nfkc(const uint16_t *src, int32_t len, uint16_t *dest, int32_t cap) {
    const UNormalizer2 *n = nfkc();
    if (!n) return -1;
    UErrorCode err = U_ZERO_ERROR;
    int32_t out = unorm2_normalize(n, (const UChar *)src, len, (UChar *)dest, cap, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) return out;
    return U_FAILURE(err) ? -1 : out;
}

int32_t cicu_nfkc_is_inert(uint32_t c) {
    const UNormalizer2 *n = nfkc();
    return n ? (int32_t)unorm2_isInert(n, (UChar32)c) : 0;
}

int32_t cicu_nfkc_has_boundary_before(uint32_t c) {
    const UNormalizer2 *n = nfkc();
    return n ? (int32_t)unorm2_hasBoundaryBefore(n, (UChar32)c) : 1;
}

/* To-Unicode callback: substitute U+FFFD for every bad sequence and count it. */
static void count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                 const char *codeUnits, int32_t length,
                                 UConverterCallbackReason reason, UErrorCode *err) {
    (void)codeUnits; (void)length;
    if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
        int32_t *counter = (int32_t *)context;
        if (counter) (*counter)++;
        static const UChar fffd = 0xFFFD;
        *err = U_ZERO_ERROR;
        ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
    }
}

int32_t cicu_decode(const char *charset, const uint8_t *src, int32_t len,
                    uint16_t *dest, int32_t cap, int32_t *invalid) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &err);
    if (U_FAILURE(err) || !conv) return -1;
    int32_t count = 0;
    UConverterToUCallback oldAction; const void *oldContext;
    ucnv_setToUCallBack(conv, count_and_substitute, &count, &oldAction, &oldContext, &err);
    if (U_FAILURE(err)) { ucnv_close(conv); return -1; }
    int32_t out = ucnv_toUChars(conv, (UChar *)dest, cap, (const char *)src, len, &err);
    ucnv_close(conv);
    if (invalid) *invalid = count;
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) return out;
    return U_FAILURE(err) ? -2 : out;
}

int32_t cicu_detect(const uint8_t *src, int32_t len, char *names, int32_t *confidences, int32_t max) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err)) return -1;
    ucsdet_setText(det, (const char *)src, len, &err);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(det, &found, &err);
    if (U_FAILURE(err)) { ucsdet_close(det); return -1; }
    int32_t n = found < max ? found : max;
    for (int32_t i = 0; i < n; i++) {
        UErrorCode e = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &e);
        if (U_FAILURE(e) || !name) name = "";
        strncpy(names + 32 * i, name, 31);
        names[32 * i + 31] = 0;
        confidences[i] = ucsdet_getConfidence(matches[i], &e);
    }
    ucsdet_close(det);
    return n;
}

/* One transliterator per thread: opening one costs milliseconds, and an instance is not shareable. */
static __thread UTransliterator *tl_t2s = NULL;

int32_t cicu_trad_to_simp(const uint16_t *src, int32_t len, uint16_t *dest, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    if (!tl_t2s) {
        static const UChar id[] = u"Traditional-Simplified";
        tl_t2s = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
        if (U_FAILURE(err)) { tl_t2s = NULL; return -1; }
    }
    if (cap < len) return len; /* utrans works in place: the caller's buffer must hold the input */
    memcpy(dest, src, (size_t)len * sizeof(uint16_t));
    int32_t textLength = len, limit = len;
    utrans_transUChars(tl_t2s, (UChar *)dest, &textLength, cap, 0, &limit, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) return textLength > cap ? textLength : cap + 1;
    return U_FAILURE(err) ? -1 : textLength;
}

int32_t cicu_encode(const char *charset, const uint16_t *src, int32_t len, uint8_t *dest, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &err);
    if (U_FAILURE(err) || !conv) return -1;
    int32_t out = ucnv_fromUChars(conv, (char *)dest, cap, (const UChar *)src, len, &err);
    ucnv_close(conv);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) return out;
    return U_FAILURE(err) ? -2 : out;
}
