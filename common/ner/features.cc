/// @file features.cc
/// @brief Feature templates.
#include "common/ner/features.h"

#include <algorithm>

namespace news::ner {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Capitalisation class: 0 lower, 1 Capitalised, 2 ALLCAPS, 3 mixed (iPhone, McDonald), 4 digits, 5 other.
std::uint8_t cap_class_of(std::string_view w) {
    std::size_t upper = 0, lower = 0, digit = 0;
    for (char c : w) {
        if (is_upper(c)) ++upper;
        else if (is_lower(c)) ++lower;
        else if (is_digit(c)) ++digit;
        else if (static_cast<unsigned char>(c) >= 0x80) ++lower;
    }
    if (upper == 0 && lower == 0) return digit > 0 ? 4 : 5;
    if (upper == 0) return 0;
    if (lower == 0) return 2;
    if (is_upper(w[0]) && upper == 1) return 1;
    return 3;
}

std::uint64_t hash_str(std::string_view s) { return Gazetteer::word_hash(s); }

/// Feature key from a template id and up to three hashed parts.
std::uint64_t key(std::uint64_t tmpl, std::uint64_t a = 0, std::uint64_t b = 0, std::uint64_t c = 0) {
    std::uint64_t h = Gazetteer::phrase_step(tmpl * 0x100000001b3ULL + 0x9ae16a3b2f90404fULL, a);
    h = Gazetteer::phrase_step(h, b);
    h = Gazetteer::phrase_step(h, c);
    return h == 0 ? 1 : h;
}

/// Lengths of the cluster path prefixes used as features, and the window of words.
constexpr std::array<std::size_t, 4> kClusterPrefixes{4, 6, 10, 20};
constexpr std::ptrdiff_t kClusterWindow = 2;

const std::uint64_t kBoundaryBefore = hash_str("<S>");
const std::uint64_t kBoundaryAfter = hash_str("</S>");

}  // namespace

std::string word_shape(std::string_view word) {
    std::string shape;
    for (const char c : word) {
        char s;
        if (is_upper(c)) s = 'X';
        else if (is_lower(c)) s = 'x';
        else if (is_digit(c)) s = 'd';
        else if (static_cast<unsigned char>(c) >= 0x80) s = 'x';
        else s = c;
        if (shape.empty() || shape.back() != s) shape.push_back(s);
    }
    return shape;
}

std::string normalise_word(std::string_view word) {
    std::string out(word);
    for (char& c : out) {
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
        else if (is_digit(c)) c = '0';
    }
    return out;
}

void DocumentContext::observe_casing(std::span<const std::string_view> words, LineCase line) {
    if (line != LineCase::normal) return;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string_view w = words[i];
        const std::uint8_t cls = cap_class_of(w);
        std::uint8_t bit = 0;
        if (cls == 0) bit = 1;
        else if (cls == 1 || cls == 3) bit = 2;
        else if (cls == 2 && w.size() > 1) bit = 4;
        if (bit == 0) continue;
        // Skip words after an opening quote or colon: often sentence starts.
        const std::string_view prev = words[i - 1];
        if (bit == 2 && (prev == "\"" || prev == ":" || prev == "(" || prev == "'" || prev == "-")) continue;
        auto& m = casing_[hash_str(normalise_word(w))];
        m = static_cast<std::uint8_t>(m | bit);
    }
}

void DocumentContext::record_labels(std::span<const std::string_view> words, std::span<const Tag> tags) {
    for (const Span& span : tags_to_spans(tags)) {
        if (span.last > words.size() || span.last - span.first > 6) continue;
        std::uint64_t h = 0;
        for (std::size_t i = span.first; i < span.last; ++i) h = Gazetteer::phrase_step(h, hash_str(normalise_word(words[i])));
        phrases_[h] = static_cast<std::uint8_t>(1 + static_cast<unsigned>(span.type));
        max_phrase_ = std::max(max_phrase_, span.last - span.first);
    }
    for (std::size_t i = 0; i < words.size() && i < tags.size(); ++i) {
        const std::uint8_t cls = cap_class_of(words[i]);
        if (cls != 1 && cls != 2 && cls != 3) continue;
        const std::uint64_t h = hash_str(normalise_word(words[i]));
        auto& counts = labels_[h];
        const std::size_t slot = tags[i] == 0 ? kTypeCount : static_cast<std::size_t>(tag_type(tags[i]));
        if (counts[slot] < 60000) ++counts[slot];
        const TagPart part = tag_part(tags[i]);
        if (part == TagPart::last || (part == TagPart::unit && last_word_.find(h) == last_word_.end())) {
            last_word_[h] = static_cast<std::uint8_t>(1 + static_cast<unsigned>(tag_type(tags[i])));
        }
    }
}

std::uint8_t DocumentContext::casing(std::uint64_t lower_hash) const {
    const auto it = casing_.find(lower_hash);
    return it == casing_.end() ? 0 : it->second;
}

std::uint8_t DocumentContext::history(std::uint64_t lower_hash) const {
    const auto it = labels_.find(lower_hash);
    if (it == labels_.end()) return 0;
    const auto& c = it->second;
    std::size_t best = 0;
    for (std::size_t k = 1; k < c.size(); ++k) {
        if (c[k] > c[best]) best = k;
    }
    if (c[best] == 0) return 0;
    return static_cast<std::uint8_t>(best + 1);
}

std::uint8_t DocumentContext::history_last(std::uint64_t lower_hash) const {
    const auto it = last_word_.find(lower_hash);
    return it == last_word_.end() ? 0 : it->second;
}

void DocumentContext::match_entities(std::span<const std::uint64_t> lower_hashes,
                                     std::vector<std::array<std::uint8_t, 2>>& out) const {
    const std::size_t n = lower_hashes.size();
    out.assign(n, std::array<std::uint8_t, 2>{});
    if (phrases_.empty()) return;
    std::vector<std::size_t> best(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t h = 0;
        for (std::size_t len = 1; len <= max_phrase_ && i + len <= n; ++len) {
            h = Gazetteer::phrase_step(h, lower_hashes[i + len - 1]);
            const auto it = phrases_.find(h);
            if (it == phrases_.end()) continue;
            for (std::size_t k = i; k < i + len; ++k) {
                if (best[k] >= len) continue;
                best[k] = len;
                std::uint8_t pos = 2;
                if (len == 1) pos = 4;
                else if (k == i) pos = 1;
                else if (k + 1 == i + len) pos = 3;
                out[k] = {it->second, pos};
            }
        }
    }
}

void DocumentContext::clear() {
    phrases_.clear();
    max_phrase_ = 0;
    casing_.clear();
    labels_.clear();
    last_word_.clear();
}

void FeatureExtractor::extract(std::span<const std::string_view> words, LineCase line, const DocumentContext& doc,
                               FeatureBuffer& out) const {
    const std::size_t n = words.size();
    out.keys.clear();
    out.start.clear();
    out.lower.resize(n);
    out.word_h.resize(n);
    out.lower_h.resize(n);
    out.shape_h.resize(n);
    out.cap_class.resize(n);
    out.word_class.resize(n);
    out.dict.resize(n);
    out.capitalised.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view w = words[i];
        std::string& lw = out.lower[i];
        lw.assign(w);
        for (char& c : lw) {
            if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
            else if (is_digit(c)) c = '0';
        }
        out.lower_h[i] = hash_str(lw);
        out.word_h[i] = hash_str(w);
        out.shape_h[i] = hash_str(word_shape(w));
        out.cap_class[i] = cap_class_of(w);
        out.word_class[i] = gazetteer_->word_class(lw);
        out.dict[i] = gazetteer_->dict_flags(out.lower_h[i]);
        out.capitalised[i] = !w.empty() && (is_upper(w[0]) || is_digit(w[0])) ? 1 : 0;
    }
    gazetteer_->match(out.lower_h, out.capitalised, out.gaz);
    if (clusters_ != nullptr) {
        out.cluster.resize(n);
        for (std::size_t i = 0; i < n; ++i) out.cluster[i] = clusters_->lookup(words[i]);
    }
    doc.match_entities(out.lower_h, out.doc_phrase);

    const auto lw_at = [&](std::ptrdiff_t j) -> std::uint64_t {
        if (j < 0) return kBoundaryBefore;
        if (static_cast<std::size_t>(j) >= n) return kBoundaryAfter;
        return out.lower_h[static_cast<std::size_t>(j)];
    };
    const auto sh_at = [&](std::ptrdiff_t j) -> std::uint64_t {
        if (j < 0) return kBoundaryBefore;
        if (static_cast<std::size_t>(j) >= n) return kBoundaryAfter;
        return out.shape_h[static_cast<std::size_t>(j)];
    };
    const auto gaz_any = [&](std::ptrdiff_t j) -> std::uint32_t {
        if (j < 0 || static_cast<std::size_t>(j) >= n) return 0;
        std::uint32_t m = 0;
        for (std::size_t l = 0; l < kGazListCount; ++l) {
            if (out.gaz[static_cast<std::size_t>(j)][l] != 0) m |= 1u << l;
        }
        return m;
    };
    const std::uint64_t lc = static_cast<std::uint64_t>(line);
    for (std::size_t i = 0; i < n; ++i) {
        out.start.push_back(static_cast<std::uint32_t>(out.keys.size()));
        auto& k = out.keys;
        const auto si = static_cast<std::ptrdiff_t>(i);
        const std::string& lw = out.lower[i];
        const std::uint64_t cap = out.cap_class[i];
        const std::uint64_t first = i == 0 ? 1 : 0;

        k.push_back(key(1));
        k.push_back(key(2, out.word_h[i]));
        k.push_back(key(3, lw_at(si)));
        k.push_back(key(4, lw_at(si - 1)));
        k.push_back(key(5, lw_at(si + 1)));
        k.push_back(key(6, lw_at(si - 2)));
        k.push_back(key(7, lw_at(si + 2)));
        k.push_back(key(8, sh_at(si)));
        k.push_back(key(9, sh_at(si - 1)));
        k.push_back(key(10, sh_at(si + 1)));
        k.push_back(key(11, sh_at(si - 1), sh_at(si)));
        k.push_back(key(12, sh_at(si), sh_at(si + 1)));
        k.push_back(key(13, sh_at(si - 1), sh_at(si), sh_at(si + 1)));
        k.push_back(key(14, lw_at(si - 1), lw_at(si)));
        k.push_back(key(15, lw_at(si), lw_at(si + 1)));
        k.push_back(key(16, lw_at(si - 1), sh_at(si)));
        k.push_back(key(17, sh_at(si), lw_at(si + 1)));
        // Prefixes and suffixes (bytes) of the lower-cased word.
        const std::size_t len = lw.size();
        for (std::size_t a = 1; a <= 4 && a <= len; ++a) {
            k.push_back(key(20 + a, hash_str(std::string_view(lw).substr(0, a))));
            k.push_back(key(30 + a, hash_str(std::string_view(lw).substr(len - a))));
        }
        if (len > 5) k.push_back(key(35, hash_str(std::string_view(lw).substr(len - 5))));
        k.push_back(key(36, std::min<std::uint64_t>(len, 12), cap));
        // WordNet classes of the context words: "spokesman for X", "X said", "in the X region".
        const auto wc_at = [&](std::ptrdiff_t j) -> std::uint64_t {
            if (j < 0 || static_cast<std::size_t>(j) >= n) return 255;
            return out.word_class[static_cast<std::size_t>(j)];
        };
        k.push_back(key(90, wc_at(si - 1)));
        k.push_back(key(91, wc_at(si + 1)));
        k.push_back(key(92, wc_at(si - 2), wc_at(si - 1)));
        k.push_back(key(93, wc_at(si + 1), wc_at(si + 2)));
        k.push_back(key(94, wc_at(si), cap));
        // Position and line casing.
        k.push_back(key(40, first, cap));
        k.push_back(key(41, first, out.lower_h[i]));
        k.push_back(key(42, lc, cap));
        if (line != LineCase::normal) {
            k.push_back(key(43, lc, out.lower_h[i]));
            k.push_back(key(44, lc, sh_at(si - 1), sh_at(si + 1)));
        }
        k.push_back(key(45, lc, first, std::min<std::uint64_t>(n, 8)));
        // Gazetteers.
        for (std::size_t l = 0; l < kGazListCount; ++l) {
            const std::uint8_t pos = out.gaz[i][l];
            if (pos != 0) {
                k.push_back(key(50, l, pos));
                k.push_back(key(51, l, pos, lc));
            }
        }
        const std::uint32_t g_here = gaz_any(si);
        k.push_back(key(52, g_here, cap));
        k.push_back(key(53, gaz_any(si - 1), g_here));
        k.push_back(key(54, g_here, gaz_any(si + 1)));
        // Dictionary: common word or name, with casing and position.
        const std::uint8_t dict = out.dict[i];
        k.push_back(key(60, dict, cap, lc));
        k.push_back(key(61, dict, cap, first));
        const std::uint8_t dict_prev = i > 0 ? out.dict[i - 1] : 8;
        const std::uint8_t dict_next = i + 1 < n ? out.dict[i + 1] : 8;
        k.push_back(key(62, dict, dict_prev, dict_next));
        k.push_back(key(63, dict, cap, out.cap_class[i + 1 < n ? i + 1 : i]));
        // Document level: casing elsewhere and earlier labels of the same word.
        const std::uint8_t casing = doc.casing(out.lower_h[i]);
        k.push_back(key(70, casing, cap, lc));
        k.push_back(key(71, casing, cap, first));
        const std::uint8_t hist = doc.history(out.lower_h[i]);
        k.push_back(key(72, hist, cap));
        k.push_back(key(73, hist, out.lower_h[i]));
        const std::uint8_t hist_last = doc.history_last(out.lower_h[i]);
        k.push_back(key(74, hist_last, cap, lc));
        const std::uint8_t hist_prev = i > 0 ? doc.history(out.lower_h[i - 1]) : 7;
        const std::uint8_t hist_next = i + 1 < n ? doc.history(out.lower_h[i + 1]) : 7;
        k.push_back(key(75, hist_prev, hist, hist_next));
        if (out.capitalised[i] != 0 || out.doc_phrase[i][0] != 0) {
            k.push_back(key(76, out.doc_phrase[i][0], out.doc_phrase[i][1], cap));
        }
        // Word clusters: prefixes of the cluster paths of the word and its neighbours
        // (Ratinov & Roth 2009). Unknown words have the empty path, sentence ends their own.
        if (clusters_ != nullptr) {
            for (std::ptrdiff_t d = -kClusterWindow; d <= kClusterWindow; ++d) {
                const std::ptrdiff_t j = si + d;
                const std::uint64_t tmpl = 100 + static_cast<std::uint64_t>(d + kClusterWindow) * 8;
                if (j < 0 || static_cast<std::size_t>(j) >= n) {
                    k.push_back(key(tmpl, j < 0 ? kBoundaryBefore : kBoundaryAfter));
                    continue;
                }
                const ClusterPath& p = out.cluster[static_cast<std::size_t>(j)];
                for (std::size_t l = 0; l < kClusterPrefixes.size(); ++l) {
                    if (l > 0 && kClusterPrefixes[l - 1] >= p.length) break;  // same as the shorter prefix
                    k.push_back(key(tmpl + 1 + l, p.prefix(kClusterPrefixes[l]), std::min<std::size_t>(p.length, kClusterPrefixes[l])));
                }
            }
        }
    }
    out.start.push_back(static_cast<std::uint32_t>(out.keys.size()));
}

}  // namespace news::ner
