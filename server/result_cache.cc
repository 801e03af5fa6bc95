/// @file result_cache.cc
/// @brief LRU cache of API answers.
#include "server/result_cache.h"

namespace news::server {

void ResultCache::drop_older_than(Xapian::rev revision) {
    if (revision == revision_) return;
    lru_.clear();
    index_.clear();
    bytes_ = 0;
    revision_ = revision;
}

std::optional<std::string> ResultCache::get(Xapian::rev revision, const std::string& key) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    // A reader that has not seen the newest commit yet must not look at (or clear) newer entries.
    if (revision < revision_) return std::nullopt;
    drop_older_than(revision);
    auto it = index_.find(key);
    if (it == index_.end()) {
        ++misses_;
        return std::nullopt;
    }
    ++hits_;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->body;
}

void ResultCache::put(Xapian::rev revision, const std::string& key, std::string body) {
    const std::size_t size = key.size() + body.size();
    if (!enabled() || size > max_bytes_ / 4) return;  // one answer never takes most of the cache
    std::lock_guard lock(mutex_);
    if (revision < revision_) return;
    drop_older_than(revision);
    if (auto it = index_.find(key); it != index_.end()) {
        bytes_ -= it->second->key.size() + it->second->body.size();
        lru_.erase(it->second);
        index_.erase(it);
    }
    lru_.push_front(Entry{key, std::move(body)});
    index_[key] = lru_.begin();
    bytes_ += size;
    while (bytes_ > max_bytes_ && !lru_.empty()) {
        const Entry& last = lru_.back();
        bytes_ -= last.key.size() + last.body.size();
        index_.erase(last.key);
        lru_.pop_back();
    }
}

ResultCache::Stats ResultCache::stats() {
    std::lock_guard lock(mutex_);
    return {.entries = lru_.size(), .bytes = bytes_, .hits = hits_, .misses = misses_};
}

}  // namespace news::server
