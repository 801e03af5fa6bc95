/// @file json_text.h
/// @brief JSON text written directly into a string, byte for byte as
/// nlohmann::json's dump() (compact, error_handler_t::replace) writes the same
/// values: for answers on the hot path, where building the nlohmann tree first
/// took about a fifth of a faceted request's CPU (docs/benchmarks.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace news::json_text {

/// @p s as a JSON string: quoted; '"', '\\' and control characters escaped as
/// nlohmann escapes them; ill-formed UTF-8 replaced as its replace handler does.
void append_string(std::string& out, std::string_view s);
void append_number(std::string& out, std::uint64_t n);
/// As nlohmann writes a double (the shortest text that reads back the same).
void append_number(std::string& out, double d);
void append_bool(std::string& out, bool b);

}  // namespace news::json_text
