/// @file hash.h
/// @brief Content hashing for change detection (not cryptographic).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace news {

/// 64-bit FNV-1a of @p data; stable across runs and machines.
[[nodiscard]] std::uint64_t hash64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);
/// 16 lower-case hex digits.
[[nodiscard]] std::string hex64(std::uint64_t value);

}  // namespace news
