#ifndef CICU_H
#define CICU_H
/*
 * The small C surface Gongwen needs from ICU. Plain C types only: Swift must never see ICU's own
 * types (Foundation on Linux bundles ICU headers of its own, and ICU's functions are macros renamed
 * per version, which Swift cannot call).
 *
 * Every function that writes UTF-16 returns the length it needs; when that is larger than `cap`
 * nothing useful was written and the caller retries with a larger buffer. Negative means an ICU error.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* NFKC of `src`; returns the output length (may exceed cap), or < 0 on error. */
int32_t cicu_nfkc(const uint16_t *src, int32_t len, uint16_t *dest, int32_t cap);

/* 1 when `c` is NFKC-inert: it never changes and never interacts with its neighbours. */
int32_t cicu_nfkc_is_inert(uint32_t c);

/* 1 when NFKC has a normalization boundary before `c` (a segment may start at it). */
int32_t cicu_nfkc_has_boundary_before(uint32_t c);

/* Decodes bytes in `charset` to UTF-16. Invalid or unmappable sequences become U+FFFD and are counted
 * in *invalid. Returns the needed output length, or < 0 when the charset is unknown. */
int32_t cicu_decode(const char *charset, const uint8_t *src, int32_t len,
                    uint16_t *dest, int32_t cap, int32_t *invalid);

/* Encodes UTF-16 to bytes in `charset` (tests and tools: make GB18030/Big5 fixtures). Returns the
 * needed length, or < 0 when the charset is unknown. */
int32_t cicu_encode(const char *charset, const uint16_t *src, int32_t len, uint8_t *dest, int32_t cap);

/* ICU's charset detector. Writes up to `max` candidates, best first: their names (NUL-terminated,
 * at most 31 bytes each, in names + 32*i) and confidences (0-100). Returns the count, < 0 on error. */
int32_t cicu_detect(const uint8_t *src, int32_t len, char *names, int32_t *confidences, int32_t max);

/* Traditional→Simplified with ICU's transliterator. Returns the output length (may exceed cap),
 * or < 0 on error. */
int32_t cicu_trad_to_simp(const uint16_t *src, int32_t len, uint16_t *dest, int32_t cap);

#ifdef __cplusplus
}
#endif
#endif
