/// @file word_scores.cc
/// @brief WordScoreCache.
#include "common/ner/word_scores.h"

#include "common/ner/gazetteer.h"

namespace news::ner {
namespace {

constexpr std::size_t kSlots = 2 * WordScoreCache::kCapacity;  // at most half full

std::size_t slot_of(std::uint64_t hash) { return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ULL) >> 40) & (kSlots - 1); }

}  // namespace

template <typename Keys>
void WordScoreCache::score_offsets(Parts& parts, Keys&& keys) {
    for (int d = -kWordWindow; d <= kWordWindow; ++d) {
        Model::Accumulator& acc = parts[static_cast<std::size_t>(d + kWordWindow)];
        acc = {};
        keys_.clear();
        keys(d);
        model_->accumulate(keys_, acc);
    }
}

void WordScoreCache::bind(const Model& model, const FeatureExtractor& extractor) {
    if (model_ == &model && extractor_ == &extractor) return;
    model_ = &model;
    extractor_ = &extractor;
    clear();
    score_offsets(boundary_, [&](int d) { extractor.boundary_keys(d, keys_); });
}

void WordScoreCache::clear() {
    entries_.clear();
    entries_.reserve(kCapacity);
    hashes_.clear();
    hashes_.reserve(kCapacity);
    slots_.assign(kSlots, 0);
}

void WordScoreCache::reserve(std::size_t words) {
    if (entries_.size() + words > kCapacity) {
        clear();
        ++restarts_;
    }
}

const WordScoreCache::Entry& WordScoreCache::get(std::string_view word) {
    const std::uint64_t h = Gazetteer::word_hash(word);
    std::size_t s = slot_of(h);
    for (;; s = (s + 1) & (kSlots - 1)) {
        const std::uint32_t e = slots_[s];
        if (e == 0) break;
        if (hashes_[e - 1] == h) return entries_[e - 1];
    }
    // Full, and the caller did not reserve() room (the tagger always does): start
    // again; entries returned before are gone.
    if (entries_.size() == kCapacity) {
        clear();
        ++restarts_;
        s = slot_of(h);
    }
    Entry& entry = entries_.emplace_back();
    hashes_.push_back(h);
    slots_[s] = static_cast<std::uint32_t>(entries_.size());
    entry.info = extractor_->word_info(word);
    score_offsets(entry.parts, [&](int d) { extractor_->word_keys(word, entry.info, d, keys_); });
    return entry;
}

}  // namespace news::ner
