/// @file brown.h
/// @brief Brown word clustering (Liang's algorithm with a window of active clusters).
#pragma once

#include "common/ner/clusters.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace news::ner {

/// Brown clustering settings.
struct BrownOptions {
    std::size_t clusters = 256;   ///< C: active clusters (leaves of the top of the hierarchy)
    std::uint64_t min_count = 3;  ///< words seen fewer times are left out
    std::function<void(const std::string&)> log;  ///< progress lines (optional)
};

/// Collects sentences of unlabelled text, then builds a binary hierarchy of word
/// clusters that keeps the mutual information of adjacent clusters high (Brown et al.
/// 1992). Words are taken by decreasing frequency; each enters as its own cluster into
/// a window of C + 1 active clusters, and the pair whose merge loses the least mutual
/// information is merged (Liang 2005, O(V C^2) time). At the end the last C clusters
/// are merged down to one. A word's path is the sequence of left (0) and right (1)
/// branches from the root to it. Words are the cluster_key() forms of the tokens.
class BrownClusterer {
public:
    /// Adds one sentence (tokens as the NER tokenizer gives them).
    void add_sentence(std::span<const std::string_view> words);
    /// Adds one sentence.
    void add_sentence(std::span<const std::string> words);
    /// Tokens added so far.
    [[nodiscard]] std::uint64_t token_count() const { return tokens_; }

    /// Clusters the words seen at least min_count times; entries in order of decreasing
    /// frequency (ties by word). Deterministic.
    [[nodiscard]] std::vector<ClusterEntry> run(const BrownOptions& options) const;

private:
    std::uint32_t id_of(std::string_view word);

    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::string> words_;
    std::vector<std::uint64_t> counts_;
    std::vector<std::uint32_t> text_;  // word ids, kNoWord between sentences
    std::uint64_t tokens_ = 0;
};

/// Writes @p entries as "path<TAB>word<TAB>count" lines.
void write_clusters(std::ostream& out, const std::vector<ClusterEntry>& entries);

}  // namespace news::ner
