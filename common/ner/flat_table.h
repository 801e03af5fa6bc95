/// @file flat_table.h
/// @brief FlatTable: an open-addressing hash table from 64-bit hashed keys to small values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace news::ner {

/// Linear-probing table keyed by 64-bit hashes (assumed well mixed), kept at most half
/// full. To stay small in the cache, a slot holds only a 32-bit fingerprint of its key
/// next to the value (the slot position adds further bits), so distinct keys are
/// confused with negligible probability; the full keys live in a separate, cold array.
/// Reads are const and thread-safe.
template <typename Value>
class FlatTable {
public:
    /// The value of @p key, or nullptr.
    [[nodiscard]] const Value* find(std::uint64_t key) const {
        if (slots_.empty()) return nullptr;
        const std::uint32_t fp = fingerprint(key);
        for (std::size_t s = slot_of(key);; s = (s + 1) & mask_) {
            const Slot& slot = slots_[s];
            if (slot.fingerprint == fp) return &slot.value;
            if (slot.fingerprint == 0) return nullptr;
        }
    }
    /// The value of @p key, inserted value-initialised when absent.
    Value& operator[](std::uint64_t key) {
        if ((size_ + 1) * 2 > slots_.size()) grow(slots_.empty() ? 16 : slots_.size() * 2);
        const std::uint32_t fp = fingerprint(key);
        for (std::size_t s = slot_of(key);; s = (s + 1) & mask_) {
            Slot& slot = slots_[s];
            if (slot.fingerprint == fp) return slot.value;
            if (slot.fingerprint == 0) {
                slot.fingerprint = fp;
                keys_[s] = key;
                ++size_;
                return slot.value;
            }
        }
    }
    /// Makes room for @p n keys without rehashing.
    void reserve(std::size_t n) {
        std::size_t cap = slots_.empty() ? 16 : slots_.size();
        while (cap < 2 * n + 2) cap *= 2;
        if (cap > slots_.size()) grow(cap);
    }
    /// Calls @p fn(key, value) for every entry.
    template <typename Fn>
    void for_each(Fn fn) const {
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            if (slots_[i].fingerprint != 0) fn(keys_[i], slots_[i].value);
        }
    }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    void clear() {
        slots_.clear();
        keys_.clear();
        size_ = 0;
        mask_ = 0;
    }

private:
    struct Slot {
        std::uint32_t fingerprint = 0;  // 0: empty
        Value value{};
    };
    static std::uint32_t fingerprint(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32) | 1u; }
    [[nodiscard]] std::size_t slot_of(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask_;
    }
    void grow(std::size_t capacity) {
        std::vector<Slot> old_slots = std::move(slots_);
        std::vector<std::uint64_t> old_keys = std::move(keys_);
        slots_.assign(capacity, Slot{});
        keys_.assign(capacity, 0);
        mask_ = capacity - 1;
        size_ = 0;
        for (std::size_t i = 0; i < old_slots.size(); ++i) {
            if (old_slots[i].fingerprint != 0) (*this)[old_keys[i]] = old_slots[i].value;
        }
    }
    std::vector<Slot> slots_;
    std::vector<std::uint64_t> keys_;
    std::size_t size_ = 0;
    std::size_t mask_ = 0;
};

}  // namespace news::ner
