#ifndef CLIBXML2_H
#define CLIBXML2_H
/*
 * The small C surface Gongwen needs from libxml2's HTML parser. Plain C types only; libxml2's
 * headers are included only in clibxml2.c. Nothing here aborts; errors are return codes.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Event kinds in the buffer cxml_html_events writes. */
enum {
    CXML_START = 1, /* an element opens: strings are its lower-case name, `id`, `class` */
    CXML_END = 2,   /* the innermost open element closes: three empty strings */
    CXML_TEXT = 3,  /* character data (entities decoded): the text, two empty strings */
    CXML_BREAK = 4, /* a void element with layout meaning (br, hr, img): its name, two empty strings */
};

typedef struct {
    uint8_t *bytes; /* malloc'ed; free with cxml_free */
    int64_t length;
    int32_t dropped_tags; /* tags the pre-scan left out (too deep, or closing nothing open) */
} cxml_events;

/*
 * Parses a page (UTF-8) with libxml2's HTML parser, recovering from errors, without network
 * access, and flattens the tree, in document order, into records: one byte kind, then three
 * strings, each a little-endian uint32 byte length followed by the bytes.
 *
 * Before parsing, a linear pre-scan bounds the nesting depth at `max_depth` open elements and drops
 * end tags that close nothing open, so that libxml2's per-tag work stays bounded (its handling of
 * many unmatched end tags is otherwise quadratic). Returns 0 on success.
 */
int32_t cxml_html_events(const uint8_t *utf8, int64_t length, int32_t max_depth, cxml_events *out);

void cxml_free(cxml_events *events);

#ifdef __cplusplus
}
#endif
#endif
