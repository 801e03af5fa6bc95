/// @file features.h
/// @brief Feature extraction for the sequence tagger: hashed feature keys per token.
#pragma once

#include "common/ner/clusters.h"
#include "common/ner/gazetteer.h"
#include "common/ner/tags.h"
#include "common/ner/tokenizer.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace news::ner {

/// Version of the feature set; stored in models, bumped on any change.
inline constexpr std::uint32_t kFeatureVersion = 7;

/// Document-level evidence: how each word is cased elsewhere in the document, and the
/// labels earlier sentences gave it (the second, document-level view of the tagger).
class DocumentContext {
public:
    /// Records the casing of the words of one sentence (call for every sentence first).
    void observe_casing(std::span<const std::string_view> words, LineCase line);
    /// Records the labels given to one tagged sentence.
    void record_labels(std::span<const std::string_view> words, std::span<const Tag> tags);
    /// Casing mask (1 lower, 2 capitalised, 4 all caps) of a lower-case word hash, seen in
    /// running text away from sentence starts.
    [[nodiscard]] std::uint8_t casing(std::uint64_t lower_hash) const;
    /// Entity type most often given earlier to the word (0 none yet, 1 + type, 5 outside).
    [[nodiscard]] std::uint8_t history(std::uint64_t lower_hash) const;
    /// Type of the longest earlier entity that contained this word as its last word
    /// (0 none, 1 + type): links "Clinton" to "Bill Clinton".
    [[nodiscard]] std::uint8_t history_last(std::uint64_t lower_hash) const;
    /// For each word of a sentence, the type (1 + type) and BILOU position (1-4) of the
    /// longest earlier entity whose words recur here ("Bank of England" again), else 0.
    void match_entities(std::span<const std::uint64_t> lower_hashes,
                        std::vector<std::array<std::uint8_t, 2>>& out) const;
    /// Forgets everything (new document).
    void clear();

private:
    std::unordered_map<std::uint64_t, std::uint8_t> casing_;
    std::unordered_map<std::uint64_t, std::array<std::uint16_t, kTypeCount + 1>> labels_;
    std::unordered_map<std::uint64_t, std::uint8_t> last_word_;
    std::unordered_map<std::uint64_t, std::uint8_t> phrases_;  // phrase hash -> 1 + type
    std::size_t max_phrase_ = 0;
};

/// What the features need to know of one word, whatever its neighbours.
struct WordInfo {
    std::uint64_t word_h = 0;   ///< hash of the word as written
    std::uint64_t lower_h = 0;  ///< hash of normalise_word()
    std::uint64_t shape_h = 0;  ///< hash of word_shape()
    std::uint8_t cap_class = 0;
    std::uint8_t word_class = 0;
    std::uint8_t dict = 0;
    std::uint8_t capitalised = 0;  ///< starts with a capital or a digit
};

/// A word alone decides some features of the tokens up to this far from it
/// (its own word, shape, affixes and cluster; its neighbours' "word before" and
/// "word after"): FeatureExtractor::word_keys().
inline constexpr int kWordWindow = 2;

/// Feature keys of every token of one sentence: token i owns keys[start[i] .. start[i+1]).
struct FeatureBuffer {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> start;
    /// The sentence's words; extract() fills it, extract_context() reads it.
    std::vector<WordInfo> info;

    // Scratch space reused between sentences.
    std::vector<std::uint64_t> lower_h;
    std::vector<std::uint8_t> capitalised;
    std::vector<std::array<std::uint8_t, kGazListCount>> gaz;
    std::vector<std::array<std::uint8_t, 2>> doc_phrase;
};

/// Computes features from words, sentence casing, gazetteers, word clusters and document context.
///
/// A token's keys are of two kinds. Those of word_keys() depend on one word of the
/// window alone, at a given offset from the token; the rest (pairs of words, the
/// sentence, the document) come from extract_context(). extract() gives both, which is
/// what training sees; the Tagger adds the scores of the first kind from a cache kept
/// per word (WordScoreCache), and the two give the same scores to the bit.
class FeatureExtractor {
public:
    /// @p gazetteer and @p clusters must outlive the extractor. Without clusters (nullptr
    /// or an empty table) the word-cluster features are left out.
    explicit FeatureExtractor(const Gazetteer& gazetteer, const WordClusters* clusters = nullptr)
        : gazetteer_(&gazetteer), clusters_(clusters != nullptr && !clusters->empty() ? clusters : nullptr) {}

    /// Fills @p out with every key of every token of the sentence @p words.
    void extract(std::span<const std::string_view> words, LineCase line, const DocumentContext& doc,
                 FeatureBuffer& out) const;
    /// Fills @p out with the keys that are not word_keys(); @p out.info must hold
    /// word_info() of each of @p words.
    void extract_context(std::span<const std::string_view> words, LineCase line, const DocumentContext& doc,
                         FeatureBuffer& out) const;

    [[nodiscard]] WordInfo word_info(std::string_view word) const;
    /// Appends the keys that @p word (with @p info) alone gives a token when it stands
    /// @p offset places from it: -1 just before the token, 0 the token itself, 2 two
    /// after it; |offset| <= kWordWindow.
    void word_keys(std::string_view word, const WordInfo& info, int offset, std::vector<std::uint64_t>& out) const;
    /// The same where the window passes the sentence's start (@p offset < 0) or end.
    void boundary_keys(int offset, std::vector<std::uint64_t>& out) const;

private:
    void fill(std::span<const std::string_view> words, LineCase line, const DocumentContext& doc, FeatureBuffer& out,
              bool with_word_keys) const;

    const Gazetteer* gazetteer_;
    const WordClusters* clusters_;
};

/// Word shape with runs collapsed: "Xx", "XX", "d", "Xx-Xx", "X.X.".
[[nodiscard]] std::string word_shape(std::string_view word);
/// Lower case with digits mapped to 0.
[[nodiscard]] std::string normalise_word(std::string_view word);

}  // namespace news::ner
