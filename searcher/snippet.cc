/// @file snippet.cc
/// @brief Snippets: query words found in the text by tokenising and stemming it, the densest window shown.
#include "searcher/snippet.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "common/schema.h"
#include "common/text_util.h"

namespace news {
namespace {

/// Text prefixes whose terms are words of the text (title:, author:, person:, ...).
bool strip_text_prefix(std::string_view& term) {
    if (term.empty()) return false;
    auto c = static_cast<unsigned char>(term[0]);
    if (c < 'A' || c > 'Z') return true;  // unprefixed
    std::array<std::string_view, 1 + schema::kFacetFields.size()> prefixes{};
    prefixes[0] = schema::kTitle;
    for (std::size_t i = 0; i < schema::kFacetFields.size(); ++i) prefixes[i + 1] = schema::kFacetFields[i].text_prefix;
    // The longest prefix that fits and leaves a lower-case word ("XPERsmith", not "S" of "SMITH").
    std::string_view best;
    for (auto p : prefixes) {
        if (term.size() > p.size() && term.substr(0, p.size()) == p && p.size() > best.size()) {
            auto next = static_cast<unsigned char>(term[p.size()]);
            if (next < 'A' || next > 'Z') best = p;
        }
    }
    if (best.empty()) return false;  // a boolean term (id, date, ...)
    term.remove_prefix(best.size());
    return true;
}

/// Decodes the UTF-8 character at @p i (advancing it); ill-formed bytes decode as U+FFFD, one byte each.
unsigned decode(std::string_view s, std::size_t& i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        ++i;
        return b;
    }
    std::size_t len = b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    unsigned cp = b & (0x7Fu >> len);
    for (std::size_t k = 1; k < len; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += len;
    return cp;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/// Moves @p pos back to the start of a UTF-8 character.
std::size_t char_start(std::string_view s, std::size_t pos) {
    while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
    return pos;
}

struct Match {
    std::size_t start;
    std::size_t end;
    int id;
};

}  // namespace

SnippetMaker::SnippetMaker(const Xapian::Query& query, const Xapian::Stem& stemmer) : stemmer_(stemmer) {
    collect(query);
    for (auto* v : {&words_, &stems_}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    std::sort(phrases_.begin(), phrases_.end());
    phrases_.erase(std::unique(phrases_.begin(), phrases_.end()), phrases_.end());
    for (const auto& p : phrases_) longest_phrase_ = std::max(longest_phrase_, p.size());
    auto first = [&](const std::string& w) {
        if (!w.empty()) first_bytes_[static_cast<unsigned char>(w[0])] = true;
    };
    for (const auto& w : words_) first(w);
    for (const auto& w : stems_) first(w);
    for (const auto& p : phrases_) {
        for (const auto& w : p) first(w);
    }
}

void SnippetMaker::collect(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_PHRASE) {
        std::vector<std::string> phrase;
        for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
            const std::string text = *it;  // TermIterator yields a temporary: keep it for the view
            std::string_view term = text;
            if (!strip_text_prefix(term) || term.empty()) return;  // not text: nothing to show
            phrase.emplace_back(term);
        }
        if (phrase.size() == 1) words_.push_back(phrase[0]);
        if (phrase.size() > 1) phrases_.push_back(std::move(phrase));
        return;
    }
    if (query.get_type() == Xapian::Query::LEAF_TERM) {
        auto it = query.get_terms_begin();
        if (it == query.get_terms_end()) return;
        const std::string text = *it;  // TermIterator yields a temporary: keep it for the view
        std::string_view term = text;
        bool stemmed = false;
        if (term.size() > 1 && term[0] == 'Z') {
            stemmed = true;
            term.remove_prefix(1);
        }
        if (!strip_text_prefix(term) || term.empty()) return;
        (stemmed ? stems_ : words_).emplace_back(term);
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect(query.get_subquery(i));
}

int SnippetMaker::match(const std::string& word) const {
    // One id per stem, so "talks" and "talk" count as one query word.
    auto stem_id = [&](const std::string& stem) -> int {
        auto it = std::lower_bound(stems_.begin(), stems_.end(), stem);
        return it != stems_.end() && *it == stem ? static_cast<int>(it - stems_.begin()) : -1;
    };
    auto word_id = [&](const std::string& w) -> int {
        auto it = std::lower_bound(words_.begin(), words_.end(), w);
        if (it == words_.end() || *it != w) return -1;
        int s = stems_.empty() ? -1 : stem_id(stemmer_(w));
        return s >= 0 ? s : static_cast<int>(stems_.size() + static_cast<std::size_t>(it - words_.begin()));
    };
    if (int id = word_id(word); id >= 0) return id;
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
        if (int id = word_id(word.substr(0, word.size() - 2)); id >= 0) return id;
    }
    if (stems_.empty()) return -1;
    // English stems keep all but (at most) their last letter as a prefix of the
    // word ("happi" of "happy", "die" of "dying"): stem only words that could match.
    bool candidate = std::any_of(stems_.begin(), stems_.end(), [&](const std::string& s) {
        std::size_t n = std::max<std::size_t>(1, s.size() - 1);
        return word.size() >= n && word.compare(0, n, s, 0, n) == 0;
    });
    return candidate ? stem_id(stemmer_(word)) : -1;
}

std::string SnippetMaker::make(std::string_view text, const SnippetOptions& options) const {
    const std::size_t max_bytes = std::max<std::size_t>(options.max_bytes, 1);
    // 1. Every matching word, by byte range.
    std::vector<Match> matches;
    if (!words_.empty() || !stems_.empty() || !phrases_.empty()) {
        const std::size_t limit = std::min(text.size(), options.scan_limit);
        std::string word;
        std::size_t word_start = 0;
        bool in_word = false;
        std::size_t i = 0;
        // The last words, for phrases: (word, start), oldest first.
        std::vector<std::pair<std::string, std::size_t>> recent;
        const int first_phrase_id = static_cast<int>(stems_.size() + words_.size());
        bool skip_word = false;  // its first letter begins no query word: not collected
        auto finish = [&](std::size_t end) {
            if (!in_word) return;
            in_word = false;
            if (!skip_word) {
                if (int id = match(word); id >= 0) matches.push_back({word_start, end, id});
            }
            if (longest_phrase_ > 0) {
                if (recent.size() == longest_phrase_) recent.erase(recent.begin());
                recent.emplace_back(word, word_start);
                for (std::size_t p = 0; p < phrases_.size(); ++p) {
                    const auto& phrase = phrases_[p];
                    if (phrase.size() > recent.size()) continue;
                    std::size_t off = recent.size() - phrase.size();
                    bool same = true;
                    for (std::size_t k = 0; k < phrase.size() && same; ++k) {
                        const std::string& w = recent[off + k].first;
                        // "West Germany's" for "west germany": a possessive on the last word
                        same = w == phrase[k] || (k + 1 == phrase.size() && w.size() == phrase[k].size() + 2 &&
                                                  w.compare(0, phrase[k].size(), phrase[k]) == 0 &&
                                                  w.compare(phrase[k].size(), 2, "'s") == 0);
                    }
                    if (!same) continue;
                    std::size_t from = recent[off].second;
                    while (!matches.empty() && matches.back().start >= from) matches.pop_back();
                    matches.push_back({from, end, first_phrase_id + static_cast<int>(p)});
                    break;
                }
            }
            word.clear();
        };
        while (i < text.size()) {
            std::size_t at = i;
            auto b = static_cast<unsigned char>(text[i]);
            if (b < 0x80) {
                ++i;
                bool alnum = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || b == '_';
                if (alnum) {
                    auto lower = static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
                    if (!in_word) {
                        in_word = true;
                        word_start = at;
                        skip_word = !first_bytes_[lower];
                    }
                    if (!skip_word) word.push_back(static_cast<char>(lower));
                    continue;
                }
                if (b == '\'' && in_word && i < text.size() && Xapian::Unicode::is_wordchar(static_cast<unsigned char>(text[i]))) {
                    if (!skip_word) word.push_back('\'');
                    continue;
                }
                finish(at);
                if (at >= limit) break;
                continue;
            }
            unsigned cp = decode(text, i);
            if (Xapian::Unicode::is_wordchar(cp)) {
                if (!in_word) {
                    in_word = true;
                    word_start = at;
                    skip_word = false;
                }
                if (!skip_word) Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(cp));
                continue;
            }
            if (cp == 0x2019 && in_word && i < text.size()) {  // ’ inside a word, as '
                std::size_t j = i;
                if (Xapian::Unicode::is_wordchar(decode(text, j))) {
                    if (!skip_word) word.push_back('\'');
                    continue;
                }
            }
            finish(at);
            if (at >= limit) break;
        }
        finish(i);
    }

    // 2. The window with the most distinct query words, then the most matches (earliest on ties).
    std::size_t span_start = 0, span_end = 0;
    if (!matches.empty()) {
        std::vector<std::size_t> seen(stems_.size() + words_.size() + phrases_.size(), 0);
        std::size_t distinct = 0, best_score = 0, j = 0;
        for (std::size_t first = 0; first < matches.size(); ++first) {
            while (j < matches.size() && matches[j].end - matches[first].start <= max_bytes) {
                if (seen[static_cast<std::size_t>(matches[j].id)]++ == 0) ++distinct;
                ++j;
            }
            if (j == first) {  // one word longer than the window
                if (best_score == 0) {
                    best_score = 1;
                    span_start = matches[first].start;
                    span_end = matches[first].start;
                }
                ++j;
                if (seen[static_cast<std::size_t>(matches[first].id)]++ == 0) ++distinct;
            } else {
                std::size_t score = distinct * 100000 + (j - first);
                if (score > best_score) {
                    best_score = score;
                    span_start = matches[first].start;
                    span_end = matches[j - 1].end;
                }
            }
            if (--seen[static_cast<std::size_t>(matches[first].id)] == 0) --distinct;
        }
    }

    // 3. Where the window starts: some context before the matches, at a sentence
    //    start if one is near, else at a word start; never past the text's end.
    std::size_t start = 0;
    if (span_end > 0) {
        std::size_t slack = max_bytes - (span_end - span_start);
        std::size_t lead = slack / 3;
        std::size_t from = span_start > lead ? span_start - lead : 0;
        if (text.size() > max_bytes) from = std::min(from, text.size() - max_bytes);
        if (from > 0) {
            std::size_t sentence = std::string_view::npos;
            for (std::size_t k = from; k + 1 < span_start; ++k) {
                char c = text[k];
                if ((c == '.' || c == '!' || c == '?' || c == '\n') && is_space(text[k + 1])) {
                    sentence = k + 1;
                    break;
                }
            }
            if (sentence != std::string_view::npos) {
                from = sentence;
            } else if (!is_space(text[from - 1])) {
                while (from < span_start && !is_space(text[from])) ++from;  // to the next word
            }
        }
        start = from;
    }
    while (start < text.size() && is_space(text[start])) ++start;
    std::size_t end = std::min(text.size(), start + max_bytes);
    if (end < text.size()) {
        std::size_t cut = end;
        while (cut > start && !is_space(text[cut])) --cut;
        end = cut > start && cut >= span_end ? cut : char_start(text, end);
    }
    std::size_t content_end = end;
    while (content_end > start && is_space(text[content_end - 1])) --content_end;
    bool more_after = false;
    for (std::size_t k = end; k < text.size() && !more_after; ++k) more_after = !is_space(text[k]);

    // 4. Escaped, whitespace collapsed, matches highlighted.
    std::string out;
    out.reserve(max_bytes + 64);
    if (start > 0) out += options.omit;
    auto m = std::lower_bound(matches.begin(), matches.end(), start,
                              [](const Match& a, std::size_t pos) { return a.start < pos; });
    bool space = false;
    for (std::size_t k = start; k < content_end;) {
        if (m != matches.end() && m->start == k && m->end <= content_end) {
            if (space) out.push_back(' ');
            space = false;
            out += options.highlight_start;
            text::append_html_escaped(out, std::string_view(text).substr(m->start, m->end - m->start));
            out += options.highlight_end;
            k = m->end;
            ++m;
            continue;
        }
        char c = text[k++];
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        text::append_html_escaped(out, std::string_view(&c, 1));
    }
    if (more_after) out += options.omit;
    return out;
}

}  // namespace news
