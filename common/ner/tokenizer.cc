/// @file tokenizer.cc
/// @brief Tokenizer and sentence splitter.
#include "common/ner/tokenizer.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace news::ner {
namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Length in bytes of a UTF-8 punctuation or space character at @p i (quotes,
/// dashes, ellipsis, no-break space), or 0 when the byte starts a letter.
std::size_t unicode_punct_length(std::string_view s, std::size_t i) {
    auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    if (b(i) == 0xE2 && b(i + 1) == 0x80 && b(i + 2) >= 0x90 && b(i + 2) <= 0xBF) return 3;  // U+2010..U+203F
    if (b(i) == 0xC2 && (b(i + 1) == 0xAB || b(i + 1) == 0xBB || b(i + 1) == 0xA0 || b(i + 1) == 0xB7)) return 2;
    return 0;
}

bool is_unicode_space(std::string_view s, std::size_t i) {
    auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    return (b(i) == 0xC2 && b(i + 1) == 0xA0) || (b(i) == 0xE2 && b(i + 1) == 0x80 && b(i + 2) >= 0x80 && b(i + 2) <= 0x8A);
}

/// True when the byte at @p i starts a word character (letter, digit, non-ASCII letter).
bool is_word_start(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (is_ascii_alpha(c) || is_digit(c)) return true;
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 && unicode_punct_length(s, i) == 0 && !is_unicode_space(s, i);
}

/// Right single quotation mark (U+2019) at @p i.
bool is_curly_apostrophe(std::string_view s, std::size_t i) {
    return i + 3 <= s.size() && s.substr(i, 3) == "\xE2\x80\x99";
}

std::size_t apostrophe_length(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == '\'') return 1;
    if (is_curly_apostrophe(s, i)) return 3;
    return 0;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (is_upper(x)) x = static_cast<char>(x - 'A' + 'a');
        if (is_upper(y)) y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

/// Abbreviations that keep their final period.
bool is_abbreviation(std::string_view word) {
    static constexpr std::array<std::string_view, 48> list{
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "plc", "gen",
        "sen", "rep", "gov", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "messrs",
        "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
        "mt", "ft", "ave", "blvd", "dept", "univ", "assn", "bros"};
    return std::any_of(list.begin(), list.end(), [&](std::string_view a) { return iequals(a, word); });
}

/// Scans a word starting at @p i; returns its end.
std::size_t scan_word(std::string_view s, std::size_t i) {
    const std::size_t start = i;
    while (i < s.size()) {
        if (is_word_start(s, i)) {
            ++i;
            continue;
        }
        const char c = s[i];
        const bool next_word = i + 1 < s.size() && is_word_start(s, i + 1);
        // Internal hyphen, ampersand (AT&T), slash between digits. A hyphen before
        // initials ("Russia-U.S.-Ukraine") separates words, so "U.S." stays whole.
        const bool initials_follow = i + 2 < s.size() && is_ascii_alpha(s[i + 1]) && s[i + 2] == '.';
        if ((c == '-' || c == '&') && next_word && i > start && !(c == '-' && initials_follow)) {
            ++i;
            continue;
        }
        // Digits: 1,000.5 and 3:30 and 1/2.
        if ((c == ',' || c == '.' || c == ':' || c == '/') && i > start && is_digit(s[i - 1]) && i + 1 < s.size() &&
            is_digit(s[i + 1])) {
            ++i;
            continue;
        }
        // Apostrophes: split "'s" and "n't"; keep O'Neill and d'Ivoire.
        const std::size_t alen = apostrophe_length(s, i);
        if (alen > 0 && i > start && i + alen < s.size() && is_word_start(s, i + alen)) {
            const std::size_t after = i + alen;
            std::size_t k = after;
            while (k < s.size() && is_ascii_alpha(s[k])) ++k;
            const std::string_view rest = s.substr(after, k - after);
            if (iequals(rest, "s") || iequals(rest, "re") || iequals(rest, "ve") || iequals(rest, "ll") ||
                iequals(rest, "d") || iequals(rest, "m")) {
                break;
            }
            if (iequals(rest, "t") && i > start + 1 && (s[i - 1] == 'n' || s[i - 1] == 'N')) {
                return i - 1;  // "do|n't"
            }
            i = after;
            continue;
        }
        break;
    }
    // Abbreviations: U.S., U.K., e.g., Mr., Inc.
    if (i < s.size() && s[i] == '.') {
        const std::string_view word = s.substr(start, i - start);
        bool initials = word.size() == 1 && is_ascii_alpha(word[0]);
        if (initials || is_abbreviation(word)) {
            std::size_t j = i + 1;
            // Chains of initials: U.S.A.
            while (initials && j + 1 < s.size() && is_ascii_alpha(s[j]) && s[j + 1] == '.') j += 2;
            return j;
        }
    }
    return i;
}

bool ends_sentence(std::string_view tok) { return tok == "." || tok == "!" || tok == "?" || tok == "..."; }

}  // namespace

std::vector<std::string_view> sentence_words(std::string_view text, const TokenizedText& tt, const SentenceRange& r) {
    std::vector<std::string_view> words;
    words.reserve(r.last - r.first);
    for (std::size_t i = r.first; i < r.last; ++i) {
        words.push_back(text.substr(tt.tokens[i].begin, tt.tokens[i].end - tt.tokens[i].begin));
    }
    return words;
}

TokenizedText tokenize(std::string_view s) {
    TokenizedText out;
    std::size_t i = 0;
    std::size_t sentence_start = 0;
    // Pending break: 0 none, 1 line break, 2 blank line.
    int newlines = 0;
    bool line_had_final_punct = false;
    std::size_t line_start = 0;  // first token of the current line
    auto close_sentence = [&] {
        if (out.tokens.size() > sentence_start) {
            out.sentences.push_back(SentenceRange{.first = sentence_start, .last = out.tokens.size()});
            sentence_start = out.tokens.size();
        }
    };
    while (i < s.size()) {
        const char c = s[i];
        if (is_space(c) || is_unicode_space(s, i)) {
            if (c == '\n') ++newlines;
            i += is_space(c) ? 1 : (static_cast<unsigned char>(c) == 0xC2 ? 2 : 3);
            continue;
        }
        // A new token starts at i: decide on pending line breaks first. A blank line
        // always ends a sentence; a single line break only after a heading-like line
        // (Title Case or ALL CAPS without final punctuation), so wrapped prose stays whole.
        if (newlines >= 2) {
            close_sentence();
        } else if (newlines == 1 && !line_had_final_punct && out.tokens.size() > line_start) {
            std::vector<std::string_view> line_words;
            for (std::size_t t = std::max(line_start, sentence_start); t < out.tokens.size(); ++t) {
                line_words.push_back(s.substr(out.tokens[t].begin, out.tokens[t].end - out.tokens[t].begin));
            }
            if (!line_words.empty() && line_case(line_words) != LineCase::normal) close_sentence();
        }
        if (newlines > 0) line_start = out.tokens.size();
        newlines = 0;
        std::size_t end = i + 1;
        const std::size_t alen = apostrophe_length(s, i);
        if (is_word_start(s, i)) {
            end = scan_word(s, i);
            while (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80 && end > i &&
                   (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
                ++end;  // never split inside a UTF-8 sequence
            }
        } else if (alen > 0 && i + alen < s.size() && is_ascii_alpha(s[i + alen])) {
            // 's 're n't-style clitic after a split, or an opening quote.
            std::size_t k = i + alen;
            while (k < s.size() && is_ascii_alpha(s[k])) ++k;
            const std::string_view rest = s.substr(i + alen, k - i - alen);
            const bool clitic = !out.tokens.empty() && out.tokens.back().end == i &&
                                (iequals(rest, "s") || iequals(rest, "re") || iequals(rest, "ve") ||
                                 iequals(rest, "ll") || iequals(rest, "d") || iequals(rest, "m"));
            end = clitic ? k : i + alen;
        } else if (const std::size_t plen = unicode_punct_length(s, i); plen > 0) {
            end = i + plen;
        } else if (c == '.' && i + 2 < s.size() && s[i + 1] == '.' && s[i + 2] == '.') {
            end = i + 3;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            end = i + 1;
            while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
        }
        if (end <= i) end = i + 1;
        out.tokens.push_back(Token{.begin = i, .end = end});
        const std::string_view tok = s.substr(i, end - i);
        line_had_final_punct = ends_sentence(tok) || tok == ":" || tok == ";" || tok == "," || tok == "\"" ||
                               tok == "\xE2\x80\x9D" || tok == "-" || tok == "\xE2\x80\x94";
        i = end;
        if (ends_sentence(tok)) {
            // Look ahead: the sentence ends when the next token does not start in lower case.
            std::size_t j = i;
            while (j < s.size() && (is_space(s[j]) || s[j] == '"' || s[j] == '\'' || s[j] == ')')) ++j;
            if (j >= s.size() || !is_lower(s[j])) {
                // Keep closing quotes and brackets in this sentence.
                while (i < s.size() && (s[i] == '"' || s[i] == ')' || s[i] == '\'')) {
                    out.tokens.push_back(Token{.begin = i, .end = i + 1});
                    ++i;
                }
                close_sentence();
            }
        }
    }
    close_sentence();
    return out;
}

LineCase line_case(std::span<const std::string_view> words) {
    static constexpr std::array<std::string_view, 28> small{
        "a",  "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on",   "at",   "to", "by",
        "with", "from", "as", "vs", "via", "into", "onto", "over", "per", "than", "up", "out", "off", "is"};
    std::size_t alpha = 0, with_lower = 0, long_words = 0, content = 0, content_cap = 0;
    for (std::string_view w : words) {
        bool has_alpha = false, has_lower = false;
        std::size_t letters = 0;
        for (char c : w) {
            if (is_ascii_alpha(c)) {
                has_alpha = true;
                ++letters;
                if (is_lower(c)) has_lower = true;
            }
        }
        if (!has_alpha) continue;
        ++alpha;
        if (has_lower) ++with_lower;
        if (letters >= 2) ++long_words;
        const bool is_small = std::find(small.begin(), small.end(), w) != small.end();
        if (!is_small && !w.empty() && (is_ascii_alpha(w[0]) || w[0] == '\'')) {
            ++content;
            // "iPhone" and "eBay" count as capitalised.
            if (std::any_of(w.begin(), w.end(), is_upper)) ++content_cap;
        }
    }
    if (alpha == 0) return LineCase::normal;
    if (with_lower == 0 && long_words > 0) return LineCase::upper;
    if (content >= 1 && content_cap == content) return LineCase::title;
    return LineCase::normal;
}

}  // namespace news::ner
