/// @file fuzz_util.h
/// @brief Helpers shared by the libFuzzer targets: input as text, a consumed selector byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/parse_result.h"
#include "common/utf8.h"

namespace news::fuzz {

/// The fuzzer's bytes as a string view.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// The bytes as the parsers receive them from parse_input: well-formed UTF-8
/// without control characters (ill-formed sequences replaced).
inline std::string as_decoded(const std::uint8_t* data, std::size_t size) {
    return utf8::sanitize(as_text(data, size));
}

/// Touches every string of every article, so that a dangling view or a
/// bad length inside the parser's output is caught by AddressSanitizer.
inline std::size_t touch(const ParseResult& result) {
    std::size_t n = 0;
    for (const auto& a : result.articles) {
        n += a.id.size() + a.title.size() + a.body.size() + a.source.size() + a.url.size();
        for (const auto& author : a.authors) n += author.size();
        if (!a.body.empty()) n += static_cast<unsigned char>(a.body.back());
    }
    for (const auto& d : result.diagnostics) n += d.to_string().size();
    return n;
}

/// An InputRef for a file called @p path.
inline InputRef input_ref(std::string path) { return InputRef{.path = path, .identity = "/fuzz/" + path}; }

}  // namespace news::fuzz
