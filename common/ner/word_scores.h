/// @file word_scores.h
/// @brief WordScoreCache: the scores a word alone gives the tokens around it, kept per word.
#pragma once

#include "common/ner/features.h"
#include "common/ner/model.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace news::ner {

/// Most of a token's features depend on one word of its window alone (the word
/// itself, its shape, affixes and cluster; "the word before is X"), so their
/// summed weights are a property of the word: computed the first time a word is
/// seen and added as one vector afterwards. Words follow Zipf's law, so most
/// tokens find their word here. The sums are of quantised integer weights, so
/// the scores are exactly those of scoring every key.
///
/// Words are told apart by a 64-bit hash of their bytes, as the model's own word
/// features are. One cache per thread; entries last until it is full, then it
/// starts again.
class WordScoreCache {
public:
    /// Quantised scores per offset of the window: [offset + kWordWindow].
    using Parts = std::array<Model::Accumulator, 2 * kWordWindow + 1>;

    struct Entry {
        WordInfo info;
        /// The scores of FeatureExtractor::word_keys(word, info, offset).
        Parts parts;
    };

    /// Words held before the cache starts again.
    static constexpr std::size_t kCapacity = std::size_t{1} << 15;

    /// Empties the cache unless it was filled with @p model and @p extractor.
    void bind(const Model& model, const FeatureExtractor& extractor);
    /// Makes room for @p words new words: the entries returned by get() after this
    /// call stay valid for that many further calls.
    void reserve(std::size_t words);
    /// The entry of @p word, computed on first use.
    [[nodiscard]] const Entry& get(std::string_view word);
    /// The scores where the window passes a sentence's start (@p offset < 0) or end.
    [[nodiscard]] const Model::Accumulator& boundary(int offset) const {
        return boundary_[static_cast<std::size_t>(offset + kWordWindow)];
    }
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    /// Times the cache was full and started again.
    [[nodiscard]] std::size_t restarts() const { return restarts_; }

private:
    void clear();
    /// Fills @p parts[offset + kWordWindow] with the quantised scores of the keys
    /// @p keys(offset) appends to keys_, for each offset of the window.
    template <typename Keys>
    void score_offsets(Parts& parts, Keys&& keys);

    const Model* model_ = nullptr;
    const FeatureExtractor* extractor_ = nullptr;
    Parts boundary_{};
    std::vector<Entry> entries_;          ///< reserved to kCapacity: never moves
    std::vector<std::uint64_t> hashes_;   ///< word hash of each entry
    std::vector<std::uint32_t> slots_;    ///< open addressing: entry index + 1, 0 empty
    std::vector<std::uint64_t> keys_;     ///< scratch for word_keys()
    std::size_t restarts_ = 0;
};

}  // namespace news::ner
