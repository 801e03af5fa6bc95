/// @file text_util.cc
/// @brief Small string helpers shared by the parsers.
#include "common/text_util.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace news::text {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Length of a UTF-8 no-break space (U+00A0) or similar at @p i, else 0.
std::size_t unicode_space_at(std::string_view s, std::size_t i) {
    if (s.substr(i, 2) == "\xc2\xa0") return 2;
    if (s.substr(i, 3) == "\xe2\x80\x89" || s.substr(i, 3) == "\xe2\x80\xaf" || s.substr(i, 3) == "\xe2\x80\x8b")
        return 3;
    return 0;
}

}  // namespace

std::string word_key(std::string_view s) {
    std::string out;
    bool space = true;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            out.push_back(static_cast<char>(std::tolower(u)));
            space = false;
        } else if (c == '\'') {
            continue;
        } else if (!space) {
            out.push_back(' ');
            space = true;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_space(s.front())) {
            s.remove_prefix(1);
        } else if (std::size_t n = unicode_space_at(s, 0)) {
            s.remove_prefix(n);
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && is_space(s.back())) {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && unicode_space_at(s, s.size() - 2) == 2) {
            s.remove_suffix(2);
        } else if (s.size() >= 3 && unicode_space_at(s, s.size() - 3) == 3) {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = unicode_space_at(s, i);
        if (n == 0 && is_space(s[i])) n = 1;
        if (n) {
            pending = !out.empty();
            i += n;
            continue;
        }
        if (pending) out.push_back(' ');
        pending = false;
        out.push_back(s[i++]);
    }
    return out;
}

std::string normalize_line(std::string_view s) {
    std::string out = lower_ascii(collapse_spaces(s));
    auto strip = [](char c) { return c == '.' || c == ':' || c == '*' || c == '|' || c == '-' || c == ' ' || c == '!'; };
    while (!out.empty() && strip(out.back())) out.pop_back();
    std::size_t start = 0;
    while (start < out.size() && strip(out[start])) ++start;
    out.erase(0, start);
    // "…" and "..." at the end
    if (out.ends_with("\xe2\x80\xa6")) out.resize(out.size() - 3);
    return out;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n' || s[i] == '\r') {
            lines.push_back(s.substr(start, i - start));
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }
    if (start < s.size()) lines.push_back(s.substr(start));
    return lines;
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

std::size_t word_count(std::string_view s) { return words(s).size(); }

std::vector<std::string> split_names(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto push = [&] {
        std::string_view t = trim(cur);
        if (!t.empty()) out.emplace_back(t);
        cur.clear();
    };
    auto ws = words(s);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        std::string_view w = ws[i];
        if (w == "and" || w == "&" || w == "And") {
            push();
            continue;
        }
        bool sep = w.ends_with(',') || w.ends_with(';');
        if (sep) w.remove_suffix(1);
        if (!cur.empty()) cur.push_back(' ');
        cur.append(w);
        if (sep) push();
    }
    push();
    return out;
}

bool same_words(std::string_view a, std::string_view b) {
    return word_key(a) == word_key(b);
}

std::size_t first_sentence_end(std::string_view s) {
    static constexpr std::array<std::string_view, 24> kAbbrev = {
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "st", "jr", "sr", "jan", "feb",
        "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "no"};
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t end = i + 1;
        while (end < s.size() && (s[end] == '"' || s[end] == '\'' || s[end] == ')')) ++end;
        if (s.substr(end, 3) == "\xe2\x80\x9d") end += 3;  // ”
        if (end >= s.size()) return s.size();
        if (!is_space(s[end])) continue;  // "U.S.-led", "2.5"
        if (c == '.') {
            // the word before the full stop
            std::size_t w = i;
            while (w > 0 && !is_space(s[w - 1])) --w;
            std::string word = lower_ascii(s.substr(w, i - w));
            bool single_letter_abbrev = word.size() == 1 || (word.size() >= 3 && word[word.size() - 2] == '.');
            bool known = std::find(kAbbrev.begin(), kAbbrev.end(), word) != kAbbrev.end();
            if (single_letter_abbrev || known) continue;
        }
        // next word starts a sentence
        std::size_t n = end;
        while (n < s.size() && is_space(s[n])) ++n;
        if (n < s.size() && std::islower(static_cast<unsigned char>(s[n]))) continue;
        return end;
    }
    return s.size();
}

void append_html_escaped(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out.push_back(c);
        }
    }
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_html_escaped(out, s);
    return out;
}

}  // namespace news::text
