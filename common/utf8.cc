/// @file utf8.cc
/// @brief UTF-8 validation and repair.
#include "common/utf8.h"

#include <algorithm>

namespace news::utf8 {
namespace {

/// Length of the well-formed sequence starting at @p i, or 0 if ill-formed.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return n;
}

}  // namespace

bool valid(std::string_view text) { return count_invalid(text) == 0; }

std::size_t count_invalid(std::string_view text) {
    std::size_t bad = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = sequence_length(text, i);
        if (n == 0) {
            ++bad;
            n = 1;
        }
        i += n;
    }
    return bad;
}

std::string sanitize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = sequence_length(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (n == 1) {
            char c = text[i];
            auto u = static_cast<unsigned char>(c);
            if (c == '\r') {
                // CR LF -> LF; a lone CR is a line break too.
                if (i + 1 >= text.size() || text[i + 1] != '\n') out.push_back('\n');
            } else if (u >= 0x20 || c == '\n' || c == '\t') {
                if (u != 0x7F) out.push_back(c);
            } else if (c == '\f' || c == '\v') {
                out.push_back('\n');
            }
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string from_latin1(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string_view truncate(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

bool looks_binary(std::string_view data) {
    std::string_view head = data.substr(0, std::min<std::size_t>(data.size(), 8192));
    if (head.find('\0') != std::string_view::npos) return true;
    std::size_t control = 0;
    for (char ch : head) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f') ++control;
    }
    return !head.empty() && control * 10 > head.size();
}

}  // namespace news::utf8
