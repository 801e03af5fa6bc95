/// @file model.h
/// @brief A compact linear sequence model: hashed feature weights per tag, tag transitions, binary file format.
#pragma once

#include "common/ner/clusters.h"
#include "common/ner/tags.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace news::ner {

/// One non-zero weight of a feature.
struct WeightEntry {
    std::int16_t weight = 0;  ///< quantised; multiply by Model::scale()
    std::uint8_t tag = 0;
};

/// Sparse, quantised weights for inference. Immutable after construction, so safe to
/// share between threads.
class Model {
public:
    /// A feature's weights before quantisation: key, dense weights over tags.
    struct DenseFeature {
        std::uint64_t key = 0;
        std::array<float, kTagCount> weights{};
    };
    /// Model metadata checked on load.
    struct Meta {
        std::uint32_t feature_version = 0;
        std::uint64_t gazetteer_signature = 0;
    };

    Model() = default;

    /// Quantises and prunes @p features (entries with |w| < @p prune_threshold are dropped),
    /// with transition weights @p transitions[(prev + 1) * kTagCount + next], prev = -1 for start.
    static Model build(std::span<const DenseFeature> features, std::span<const float> transitions, Meta meta,
                       float prune_threshold);

    /// Loads a model file; throws std::runtime_error with the path and reason on failure.
    static Model load(const std::filesystem::path& path);
    /// Writes the model; throws std::runtime_error on failure.
    void save(const std::filesystem::path& path) const;

    /// Scores of one token before scaling: quantised weights summed exactly, so
    /// that sums of parts (see WordScoreCache) equal the sum of the whole.
    using Accumulator = std::array<std::int32_t, kTagCount>;

    /// Adds the weights of the features @p keys to @p scores (kTagCount values).
    void score(std::span<const std::uint64_t> keys, float* scores) const;
    /// Adds the quantised weights of the features @p keys to @p acc.
    void accumulate(std::span<const std::uint64_t> keys, Accumulator& acc) const;
    /// Adds @p acc, scaled, to @p scores (kTagCount values).
    void add_scaled(const Accumulator& acc, float* scores) const {
        for (std::size_t t = 0; t < kTagCount; ++t) scores[t] += static_cast<float>(acc[t]) * scale_;
    }
    /// Transition weight from @p prev (kTagCount = start) to @p next.
    [[nodiscard]] float transition(std::size_t prev, std::size_t next) const {
        return transitions_[prev * kTagCount + next];
    }
    /// All transition weights, row kTagCount for the start.
    [[nodiscard]] std::span<const float> transitions() const { return transitions_; }
    [[nodiscard]] const Meta& meta() const { return meta_; }
    [[nodiscard]] std::size_t feature_count() const { return keys_.size(); }
    [[nodiscard]] std::size_t entry_count() const { return entries_.size(); }
    [[nodiscard]] float scale() const { return scale_; }
    /// The word clusters the model's features were trained with (empty: none), saved with it.
    [[nodiscard]] const WordClusters& clusters() const { return clusters_; }
    /// Attaches the word clusters used in training, so that save() stores them.
    void set_clusters(WordClusters clusters) { clusters_ = std::move(clusters); }

private:
    void build_index();
    void score_one(std::uint64_t key, std::size_t slot, Accumulator& acc) const;

    Meta meta_;
    float scale_ = 1.0f;
    std::vector<float> transitions_ = std::vector<float>((kTagCount + 1) * kTagCount, 0.0f);
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> offsets_{0};
    std::vector<WeightEntry> entries_;
    // Open addressing, at most 3/4 full: a 32-bit fingerprint of the key (0 = empty)
    // and the feature's entries packed as first << 5 | count. Eight bytes a slot keeps
    // the table small enough for the cache.
    struct Slot {
        std::uint32_t fingerprint = 0;
        std::uint32_t entries = 0;
    };
    std::vector<Slot> slots_;
    std::uint64_t slot_shift_ = 64;
    WordClusters clusters_;
};

/// Viterbi decoding under BILOU constraints. @p emissions holds n * kTagCount scores,
/// @p transitions (kTagCount + 1) * kTagCount weights, row kTagCount for the start.
/// Writes n tags.
void viterbi(std::span<const float> emissions, std::size_t n, std::span<const float> transitions, std::vector<Tag>& tags);

}  // namespace news::ner
