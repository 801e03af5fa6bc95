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

/// Lengths of the cluster path prefixes used as features.
constexpr std::array<std::size_t, 4> kClusterPrefixes{4, 6, 10, 20};

/// The template of the cluster features of the word @p offset places from the
/// token (kWordWindow either side); the prefixes' templates follow it.
std::uint64_t cluster_template(int offset) { return 100 + static_cast<std::uint64_t>(offset + kWordWindow) * 8; }

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

WordInfo FeatureExtractor::word_info(std::string_view w) const {
    WordInfo info;
    const std::string lw = normalise_word(w);
    info.word_h = hash_str(w);
    info.lower_h = hash_str(lw);
    info.shape_h = hash_str(word_shape(w));
    info.cap_class = cap_class_of(w);
    info.word_class = gazetteer_->word_class(lw);
    info.dict = gazetteer_->dict_flags(info.lower_h);
    info.capitalised = !w.empty() && (is_upper(w[0]) || is_digit(w[0])) ? 1 : 0;
    return info;
}

void FeatureExtractor::word_keys(std::string_view word, const WordInfo& info, int offset,
                                 std::vector<std::uint64_t>& k) const {
    switch (offset) {
        case 0: {
            k.push_back(key(1));
            k.push_back(key(2, info.word_h));
            k.push_back(key(3, info.lower_h));
            k.push_back(key(8, info.shape_h));
            // Prefixes and suffixes (bytes) of the lower-cased word.
            const std::string lw = normalise_word(word);
            const std::size_t len = lw.size();
            for (std::size_t a = 1; a <= 4 && a <= len; ++a) {
                k.push_back(key(20 + a, hash_str(std::string_view(lw).substr(0, a))));
                k.push_back(key(30 + a, hash_str(std::string_view(lw).substr(len - a))));
            }
            if (len > 5) k.push_back(key(35, hash_str(std::string_view(lw).substr(len - 5))));
            k.push_back(key(36, std::min<std::uint64_t>(len, 12), info.cap_class));
            k.push_back(key(94, info.word_class, info.cap_class));
            break;
        }
        // WordNet classes of the context words: "spokesman for X", "X said".
        case -1:
            k.push_back(key(4, info.lower_h));
            k.push_back(key(9, info.shape_h));
            k.push_back(key(90, info.word_class));
            break;
        case 1:
            k.push_back(key(5, info.lower_h));
            k.push_back(key(10, info.shape_h));
            k.push_back(key(91, info.word_class));
            break;
        case -2: k.push_back(key(6, info.lower_h)); break;
        case 2: k.push_back(key(7, info.lower_h)); break;
        default: return;
    }
    // Word clusters: prefixes of the cluster paths of the word and its neighbours
    // (Ratinov & Roth 2009). Unknown words have the empty path.
    if (clusters_ != nullptr) {
        const std::uint64_t tmpl = cluster_template(offset);
        const ClusterPath p = clusters_->lookup(word);
        for (std::size_t l = 0; l < kClusterPrefixes.size(); ++l) {
            if (l > 0 && kClusterPrefixes[l - 1] >= p.length) break;  // same as the shorter prefix
            k.push_back(key(tmpl + 1 + l, p.prefix(kClusterPrefixes[l]), std::min<std::size_t>(p.length, kClusterPrefixes[l])));
        }
    }
}

void FeatureExtractor::boundary_keys(int offset, std::vector<std::uint64_t>& k) const {
    if (offset == 0 || offset < -kWordWindow || offset > kWordWindow) return;
    const std::uint64_t b = offset < 0 ? kBoundaryBefore : kBoundaryAfter;
    switch (offset) {
        case -1:
            k.push_back(key(4, b));
            k.push_back(key(9, b));
            k.push_back(key(90, 255));
            break;
        case 1:
            k.push_back(key(5, b));
            k.push_back(key(10, b));
            k.push_back(key(91, 255));
            break;
        case -2: k.push_back(key(6, b)); break;
        default: k.push_back(key(7, b)); break;
    }
    // Sentence ends have their own cluster path.
    if (clusters_ != nullptr) k.push_back(key(cluster_template(offset), b));
}

void FeatureExtractor::extract(std::span<const std::string_view> words, LineCase line, const DocumentContext& doc,
                               FeatureBuffer& out) const {
    out.info.resize(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) out.info[i] = word_info(words[i]);
    fill(words, line, doc, out, true);
}

void FeatureExtractor::extract_context(std::span<const std::string_view> words, LineCase line,
                                       const DocumentContext& doc, FeatureBuffer& out) const {
    fill(words, line, doc, out, false);
}

void FeatureExtractor::fill(std::span<const std::string_view> words, LineCase line, const DocumentContext& doc,
                            FeatureBuffer& out, bool with_word_keys) const {
    const std::size_t n = words.size();
    const std::vector<WordInfo>& info = out.info;
    out.keys.clear();
    out.start.clear();
    out.lower_h.resize(n);
    out.capitalised.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.lower_h[i] = info[i].lower_h;
        out.capitalised[i] = info[i].capitalised;
    }
    gazetteer_->match(out.lower_h, out.capitalised, out.gaz);
    doc.match_entities(out.lower_h, out.doc_phrase);

    const auto lw_at = [&](std::ptrdiff_t j) -> std::uint64_t {
        if (j < 0) return kBoundaryBefore;
        if (static_cast<std::size_t>(j) >= n) return kBoundaryAfter;
        return info[static_cast<std::size_t>(j)].lower_h;
    };
    const auto sh_at = [&](std::ptrdiff_t j) -> std::uint64_t {
        if (j < 0) return kBoundaryBefore;
        if (static_cast<std::size_t>(j) >= n) return kBoundaryAfter;
        return info[static_cast<std::size_t>(j)].shape_h;
    };
    const auto wc_at = [&](std::ptrdiff_t j) -> std::uint64_t {
        if (j < 0 || static_cast<std::size_t>(j) >= n) return 255;
        return info[static_cast<std::size_t>(j)].word_class;
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
        const std::uint64_t cap = info[i].cap_class;
        const std::uint64_t first = i == 0 ? 1 : 0;

        // Shapes and words of neighbouring pairs and triples.
        k.push_back(key(11, sh_at(si - 1), sh_at(si)));
        k.push_back(key(12, sh_at(si), sh_at(si + 1)));
        k.push_back(key(13, sh_at(si - 1), sh_at(si), sh_at(si + 1)));
        k.push_back(key(14, lw_at(si - 1), lw_at(si)));
        k.push_back(key(15, lw_at(si), lw_at(si + 1)));
        k.push_back(key(16, lw_at(si - 1), sh_at(si)));
        k.push_back(key(17, sh_at(si), lw_at(si + 1)));
        // WordNet classes of pairs of context words: "in the X region".
        k.push_back(key(92, wc_at(si - 2), wc_at(si - 1)));
        k.push_back(key(93, wc_at(si + 1), wc_at(si + 2)));
        // Position and line casing.
        k.push_back(key(40, first, cap));
        k.push_back(key(41, first, info[i].lower_h));
        k.push_back(key(42, lc, cap));
        if (line != LineCase::normal) {
            k.push_back(key(43, lc, info[i].lower_h));
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
        const std::uint8_t dict = info[i].dict;
        k.push_back(key(60, dict, cap, lc));
        k.push_back(key(61, dict, cap, first));
        const std::uint8_t dict_prev = i > 0 ? info[i - 1].dict : 8;
        const std::uint8_t dict_next = i + 1 < n ? info[i + 1].dict : 8;
        k.push_back(key(62, dict, dict_prev, dict_next));
        k.push_back(key(63, dict, cap, info[i + 1 < n ? i + 1 : i].cap_class));
        // Document level: casing elsewhere and earlier labels of the same word.
        const std::uint8_t casing = doc.casing(info[i].lower_h);
        k.push_back(key(70, casing, cap, lc));
        k.push_back(key(71, casing, cap, first));
        const std::uint8_t hist = doc.history(info[i].lower_h);
        k.push_back(key(72, hist, cap));
        k.push_back(key(73, hist, info[i].lower_h));
        const std::uint8_t hist_last = doc.history_last(info[i].lower_h);
        k.push_back(key(74, hist_last, cap, lc));
        const std::uint8_t hist_prev = i > 0 ? doc.history(info[i - 1].lower_h) : 7;
        const std::uint8_t hist_next = i + 1 < n ? doc.history(info[i + 1].lower_h) : 7;
        k.push_back(key(75, hist_prev, hist, hist_next));
        if (info[i].capitalised != 0 || out.doc_phrase[i][0] != 0) {
            k.push_back(key(76, out.doc_phrase[i][0], out.doc_phrase[i][1], cap));
        }
        // What the words from two before to two after decide alone.
        if (with_word_keys) {
            for (int d = -kWordWindow; d <= kWordWindow; ++d) {
                const std::ptrdiff_t j = si + d;
                if (j < 0 || static_cast<std::size_t>(j) >= n) boundary_keys(d, k);
                else word_keys(words[static_cast<std::size_t>(j)], info[static_cast<std::size_t>(j)], d, k);
            }
        }
    }
    out.start.push_back(static_cast<std::uint32_t>(out.keys.size()));
}

}  // namespace news::ner
