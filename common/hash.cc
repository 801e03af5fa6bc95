/// @file hash.cc
/// @brief FNV-1a.
#include "common/hash.h"

#include <fmt/format.h>

namespace news {

std::uint64_t hash64(std::string_view data, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (char ch : data) {
        auto c = static_cast<unsigned char>(ch);
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hex64(std::uint64_t value) { return fmt::format("{:016x}", value); }

}  // namespace news
