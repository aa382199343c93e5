// The only file that includes libxml2's headers (see clibxml2.h).
#include "clibxml2.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *bytes;
    int64_t length, capacity;
    int failed;
} buffer;

static void put(buffer *b, const void *p, int64_t n) {
    if (b->failed || n <= 0) return;
    if (b->length + n > b->capacity) {
        int64_t cap = b->capacity ? b->capacity : 4096;
        while (cap < b->length + n) cap *= 2;
        uint8_t *grown = realloc(b->bytes, (size_t)cap);
        if (!grown) { b->failed = 1; return; }
        b->bytes = grown;
        b->capacity = cap;
    }
    memcpy(b->bytes + b->length, p, (size_t)n);
    b->length += n;
}

static void put_string(buffer *b, const char *s) {
    uint32_t n = s ? (uint32_t)strlen(s) : 0;
    uint8_t le[4] = {(uint8_t)n, (uint8_t)(n >> 8), (uint8_t)(n >> 16), (uint8_t)(n >> 24)};
    put(b, le, 4);
    put(b, s, n);
}

static void put_event(buffer *b, uint8_t kind, const char *a, const char *c, const char *d) {
    put(b, &kind, 1);
    put_string(b, a);
    put_string(b, c);
    put_string(b, d);
}

/* ---- Pre-scan: bounded depth, unmatched end tags dropped ---- */

static int is_alpha(uint8_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static uint8_t lower(uint8_t c) { return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c; }

#define NAME_MAX_LEN 15
typedef struct { char name[NAME_MAX_LEN + 1]; } tag_name;

static int name_is(const tag_name *t, const char *s) { return strcmp(t->name, s) == 0; }

static int is_void(const tag_name *t) {
    static const char *names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                  "param", "source", "track", "wbr", "basefont", "frame", "isindex", "keygen", NULL};
    for (int i = 0; names[i]; i++) if (name_is(t, names[i])) return 1;
    return 0;
}

/* Elements whose next sibling of the same name closes them (<p>a<p>b). */
static int closes_itself(const tag_name *t) {
    static const char *names[] = {"p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", NULL};
    for (int i = 0; names[i]; i++) if (name_is(t, names[i])) return 1;
    return 0;
}

static int is_raw_text(const tag_name *t) {
    return name_is(t, "script") || name_is(t, "style") || name_is(t, "textarea") || name_is(t, "title")
        || name_is(t, "xmp") || name_is(t, "plaintext");
}

/* Case-insensitive search for "</name" from i; returns its offset or n. */
static int64_t find_end_tag(const uint8_t *s, int64_t n, int64_t i, const char *name) {
    size_t len = strlen(name);
    for (; i + 2 + (int64_t)len <= n; i++) {
        if (s[i] != '<' || s[i + 1] != '/') continue;
        size_t k = 0;
        while (k < len && lower(s[i + 2 + k]) == (uint8_t)name[k]) k++;
        if (k == len) return i;
    }
    return n;
}

/* The end of a tag starting at i (the offset after '>'), honouring quoted attribute values. */
static int64_t tag_end(const uint8_t *s, int64_t n, int64_t i) {
    uint8_t quote = 0;
    for (; i < n; i++) {
        uint8_t c = s[i];
        if (quote) { if (c == quote) quote = 0; }
        else if (c == '"' || c == '\'') quote = c;
        else if (c == '>') return i + 1;
    }
    return n;
}

static int64_t find_bytes(const uint8_t *s, int64_t n, int64_t i, const char *needle) {
    size_t len = strlen(needle);
    for (; i + (int64_t)len <= n; i++) if (memcmp(s + i, needle, len) == 0) return i;
    return n;
}

/* Copies `src` to `out`, leaving out open tags beyond max_depth and end tags that close nothing. */
static int prescan(const uint8_t *s, int64_t n, int32_t max_depth, buffer *out, int32_t *dropped) {
    tag_name *stack = malloc(sizeof(tag_name) * (size_t)(max_depth > 0 ? max_depth : 1));
    if (!stack) return 1;
    int32_t depth = 0;
    int64_t i = 0, copied = 0;
    while (i < n) {
        if (s[i] != '<' || i + 1 >= n) { i++; continue; }
        uint8_t next = s[i + 1];
        if (next == '!') {
            i = (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') ? find_bytes(s, n, i + 4, "-->") + 3 : tag_end(s, n, i);
            if (i > n) i = n;
            continue;
        }
        if (next == '?') { i = tag_end(s, n, i); continue; }
        int closing = next == '/';
        int64_t start = closing ? i + 2 : i + 1;
        if (start >= n || !is_alpha(s[start])) { i++; continue; }
        tag_name t;
        int64_t j = start;
        size_t k = 0;
        while (j < n && (is_alpha(s[j]) || (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == ':')) {
            if (k < NAME_MAX_LEN) t.name[k++] = (char)lower(s[j]);
            j++;
        }
        t.name[k] = 0;
        int64_t end = tag_end(s, n, j);
        int self_closing = end >= 2 && s[end - 2] == '/';
        int keep = 1;
        if (closing) {
            int32_t at = depth - 1;
            while (at >= 0 && !name_is(&stack[at], t.name)) at--;
            if (at < 0 && !is_void(&t)) keep = 0; else if (at >= 0) depth = at;
        } else if (!is_void(&t) && !self_closing) {
            if (closes_itself(&t)) {
                for (int32_t at = depth - 1; at >= 0 && at >= depth - 4; at--)
                    if (name_is(&stack[at], t.name)) { depth = at; break; }
            }
            if (depth >= max_depth) keep = 0;
            else stack[depth++] = t;
        }
        if (!keep) {
            put(out, s + copied, i - copied);
            copied = end;
            (*dropped)++;
        }
        i = end;
        if (keep && !closing && is_raw_text(&t)) {
            // Raw text runs to its end tag; its content is not markup.
            int64_t close = find_end_tag(s, n, i, t.name);
            i = close;
        }
    }
    put(out, s + copied, n - copied);
    free(stack);
    return out->failed;
}

/* ---- Tree walk ---- */

static const char *attribute(xmlNode *node, const char *name, xmlChar **owned) {
    *owned = xmlGetProp(node, (const xmlChar *)name);
    return (const char *)*owned;
}

static void walk(xmlNode *root, buffer *b) {
    xmlNode *node = root;
    while (node) {
        int descend = 0;
        if (node->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)node->name;
            if (!node->children) {
                put_event(b, CXML_BREAK, name, "", "");
            } else {
                xmlChar *id = NULL, *cls = NULL;
                put_event(b, CXML_START, name, attribute(node, "id", &id), attribute(node, "class", &cls));
                xmlFree(id);
                xmlFree(cls);
                descend = 1;
            }
        } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            put_event(b, CXML_TEXT, (const char *)node->content, "", "");
        }
        if (descend) { node = node->children; continue; }
        // Next sibling, or close ancestors until one has a next sibling.
        while (node && !node->next) {
            node = node->parent;
            if (!node || node == (xmlNode *)root->doc || node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE) return;
            put_event(b, CXML_END, "", "", "");
        }
        if (node) node = node->next;
    }
}

int32_t cxml_html_events(const uint8_t *utf8, int64_t length, int32_t max_depth, cxml_events *out) {
    memset(out, 0, sizeof *out);
    if (length < 0 || length > INT32_MAX / 2) return 1;
    buffer clean = {0};
    if (prescan(utf8, length, max_depth, &clean, &out->dropped_tags)) { free(clean.bytes); return 1; }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(clean.length ? (const char *)clean.bytes : "", (int)clean.length, NULL, "UTF-8", options);
    free(clean.bytes);
    if (!doc) return 1;
    buffer events = {0};
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root) walk(root, &events);
    xmlFreeDoc(doc);
    if (events.failed) { free(events.bytes); return 1; }
    out->bytes = events.bytes;
    out->length = events.length;
    return 0;
}

void cxml_free(cxml_events *events) {
    free(events->bytes);
    memset(events, 0, sizeof *events);
}
