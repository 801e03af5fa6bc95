/// @file result_cache.h
/// @brief A bounded LRU cache of API answers, keyed by request and database revision.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace news::server {

/// Answers (serialised JSON bodies) of recent requests. An entry is valid only
/// for the database revision it was computed on: after the indexer commits,
/// the revision changes and every older entry is dropped on the next lookup,
/// so a cached answer is never stale. Thread-safe.
class ResultCache {
public:
    /// At most @p max_bytes of keys and bodies (0 disables the cache).
    explicit ResultCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// The body stored for @p key at @p revision, if any.
    [[nodiscard]] std::optional<std::string> get(Xapian::rev revision, const std::string& key);
    /// Stores @p body for @p key at @p revision, evicting the least recently used entries.
    void put(Xapian::rev revision, const std::string& key, std::string body);

    [[nodiscard]] bool enabled() const { return max_bytes_ > 0; }
    struct Stats {
        std::size_t entries = 0, bytes = 0, hits = 0, misses = 0;
    };
    [[nodiscard]] Stats stats();

private:
    void drop_older_than(Xapian::rev revision);  // with mutex_ held

    struct Entry {
        std::string key;
        std::string body;
    };
    std::size_t max_bytes_;
    std::mutex mutex_;
    Xapian::rev revision_ = 0;
    std::list<Entry> lru_;  // most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::size_t bytes_ = 0, hits_ = 0, misses_ = 0;
};

}  // namespace news::server
