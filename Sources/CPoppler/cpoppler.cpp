// The only file that includes poppler's headers (see cpoppler.h).
#include "cpoppler.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

namespace {
void quiet(const std::string &, void *) {}

struct Silence {
    Silence() { poppler::set_debug_error_function(quiet, nullptr); }
};
}

extern "C" void *cpop_open(const uint8_t *data, int64_t length, int32_t *error) {
    static Silence silence;
    *error = CPOP_UNREADABLE;
    if (!data || length <= 0 || length > INT32_MAX) return nullptr;
    try {
        poppler::document *doc = poppler::document::load_from_raw_data(reinterpret_cast<const char *>(data), (int)length);
        if (!doc) return nullptr;
        if (doc->is_locked()) {
            delete doc;
            *error = CPOP_ENCRYPTED;
            return nullptr;
        }
        *error = CPOP_OK;
        return doc;
    } catch (...) {
        return nullptr;
    }
}

extern "C" int32_t cpop_page_count(void *doc) {
    if (!doc) return -1;
    try {
        return static_cast<poppler::document *>(doc)->pages();
    } catch (...) {
        return -1;
    }
}

extern "C" int32_t cpop_read_page(void *handle, int32_t index, int64_t max_text_bytes, cpop_page *out, int32_t *truncated) {
    std::memset(out, 0, sizeof *out);
    *truncated = 0;
    if (!handle) return 1;
    try {
        auto *doc = static_cast<poppler::document *>(handle);
        std::unique_ptr<poppler::page> page(doc->create_page(index));
        if (!page) return 1;
        poppler::rectf rect = page->page_rect(poppler::media_box);
        out->width = rect.width();
        out->height = rect.height();
        std::vector<poppler::text_box> boxes = page->text_list(0);
        std::vector<cpop_word> words;
        std::string text;
        words.reserve(boxes.size());
        for (auto &box : boxes) {
            poppler::byte_array utf8 = box.text().to_utf8();
            if (utf8.empty()) continue;
            if ((int64_t)(text.size() + utf8.size()) > max_text_bytes) {
                *truncated = 1;
                break;
            }
            poppler::rectf b = box.bbox();
            cpop_word w;
            w.x0 = b.left();
            w.y0 = b.top();
            w.x1 = b.right();
            w.y1 = b.bottom();
            w.offset = (int32_t)text.size();
            w.length = (int32_t)utf8.size();
            w.space_after = box.has_space_after() ? 1 : 0;
            w.rotation = box.rotation();
            text.append(utf8.data(), utf8.size());
            words.push_back(w);
        }
        out->word_count = (int32_t)words.size();
        out->text_length = (int64_t)text.size();
        out->words = static_cast<cpop_word *>(std::malloc(sizeof(cpop_word) * (words.size() ? words.size() : 1)));
        out->text = static_cast<char *>(std::malloc(text.size() + 1));
        if (!out->words || !out->text) {
            cpop_page_free(out);
            return 1;
        }
        if (!words.empty()) std::memcpy(out->words, words.data(), sizeof(cpop_word) * words.size());
        std::memcpy(out->text, text.data(), text.size());
        out->text[text.size()] = 0;
        return 0;
    } catch (...) {
        cpop_page_free(out);
        return 1;
    }
}

extern "C" void cpop_page_free(cpop_page *page) {
    std::free(page->words);
    std::free(page->text);
    std::memset(page, 0, sizeof *page);
}

extern "C" void cpop_close(void *doc) {
    delete static_cast<poppler::document *>(doc);
}
