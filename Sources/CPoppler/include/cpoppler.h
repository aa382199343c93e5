#ifndef CPOPPLER_H
#define CPOPPLER_H
/*
 * The small C surface Gongwen needs from poppler (poppler-cpp): open a PDF from memory, count its
 * pages, and read one page's words with their boxes. Plain C types only; poppler's headers are
 * included only in cpoppler.cpp. No function throws or aborts; errors are return codes.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Why a document could not be opened. */
enum {
    CPOP_OK = 0,
    CPOP_UNREADABLE = 1, /* not a PDF poppler can parse */
    CPOP_ENCRYPTED = 2,  /* locked: needs a password */
};

/* One word (poppler's text box) in page coordinates: points, origin top left, y down. Its UTF-8
 * text is text[offset ..< offset + length] of the page. */
typedef struct {
    double x0, y0, x1, y1;
    int32_t offset, length;
    int32_t space_after; /* 1 when poppler saw a space after the word */
    int32_t rotation;    /* 0, 1, 2, 3: quarter turns */
} cpop_word;

typedef struct {
    double width, height;
    int32_t word_count;
    cpop_word *words; /* malloc'ed, freed by cpop_page_free */
    char *text;       /* UTF-8, all words concatenated; malloc'ed */
    int64_t text_length;
} cpop_page;

/* Opens a PDF held in memory (the bytes must outlive the handle). NULL on failure, with *error set. */
void *cpop_open(const uint8_t *data, int64_t length, int32_t *error);

/* The page count poppler reports; < 0 on error. */
int32_t cpop_page_count(void *doc);

/* Reads page `index` (0-based). At most `max_text_bytes` of text are kept (the words after are
 * dropped, *truncated set to 1). Returns 0 on success, non-zero when the page cannot be read
 * (the page is then empty and needs no free). */
int32_t cpop_read_page(void *doc, int32_t index, int64_t max_text_bytes, cpop_page *page, int32_t *truncated);

void cpop_page_free(cpop_page *page);
void cpop_close(void *doc);

#ifdef __cplusplus
}
#endif
#endif
