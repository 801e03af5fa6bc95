/// @file clusters.h
/// @brief WordClusters: the bit path of each word in a hierarchical (Brown) word clustering.
#pragma once

#include "common/ner/flat_table.h"

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace news::ner {

/// A word's place in a binary cluster hierarchy: the path from the root, most
/// significant bit first (0 left, 1 right), cut at 64 bits.
struct ClusterPath {
    std::uint64_t bits = 0;   ///< path bits, left aligned (bit 63 is the first step)
    std::uint8_t length = 0;  ///< number of valid bits; 0: the word is not in the table

    /// The first min(@p n, length) bits, as a number (right aligned).
    [[nodiscard]] std::uint64_t prefix(std::size_t n) const {
        const std::size_t k = n < length ? n : length;
        return k == 0 ? 0 : bits >> (64 - k);
    }
    [[nodiscard]] bool operator==(const ClusterPath&) const = default;
};

/// One word of a clustering, as written to a cluster file.
struct ClusterEntry {
    std::string path;  ///< "0110..."
    std::string word;
    std::uint64_t count = 0;
};

/// Word -> cluster path. Words are looked up as cluster_key() forms (digits as 0, case
/// kept); lookup() falls back to the Capitalised and lower-case forms, so that words of
/// ALL CAPS and Title Case headlines find the cluster of their running-text form.
/// Immutable after construction; reads are thread-safe.
class WordClusters {
public:
    WordClusters() = default;
    /// The table of @p entries (paths of '0' and '1'); throws std::invalid_argument on a bad path.
    explicit WordClusters(const std::vector<ClusterEntry>& entries);

    /// Reads a cluster file: "path<TAB>word<TAB>count" per line (the format of Liang's
    /// wcluster). Throws std::runtime_error naming @p source and the line when malformed.
    [[nodiscard]] static WordClusters read(std::istream& in, const std::string& source);
    /// read() on a file; throws std::runtime_error when it cannot be opened.
    [[nodiscard]] static WordClusters read_file(const std::filesystem::path& path);

    /// The path of @p word (as it appears in text), or a path of length 0.
    [[nodiscard]] ClusterPath lookup(std::string_view word) const;
    /// The path stored under a key hash (key_hash() of a cluster_key()), or length 0.
    [[nodiscard]] ClusterPath find(std::uint64_t key) const {
        const ClusterPath* p = table_.find(key);
        return p == nullptr ? ClusterPath{} : *p;
    }

    /// Adds or replaces the path of the key hash @p key (used when loading models).
    void insert(std::uint64_t key, ClusterPath path);
    /// Calls @p fn(key hash, path) for every word, in a deterministic order.
    template <typename Fn>
    void for_each(Fn fn) const {
        for (std::size_t i = 0; i < keys_.size(); ++i) fn(keys_[i], paths_[i]);
    }
    [[nodiscard]] std::size_t size() const { return keys_.size(); }
    [[nodiscard]] bool empty() const { return keys_.empty(); }
    /// A fingerprint of the whole table (0 when empty).
    [[nodiscard]] std::uint64_t signature() const;

    /// The form under which a word is clustered: digits replaced by 0, case kept.
    [[nodiscard]] static std::string cluster_key(std::string_view word);
    /// Hash of a cluster_key().
    [[nodiscard]] static std::uint64_t key_hash(std::string_view key);

private:
    FlatTable<ClusterPath> table_;
    std::vector<std::uint64_t> keys_;  // insertion order, for saving
    std::vector<ClusterPath> paths_;
};

/// Parses a path of '0' and '1' (at most 64 characters are kept); throws std::invalid_argument.
[[nodiscard]] ClusterPath parse_cluster_path(std::string_view path);

}  // namespace news::ner
