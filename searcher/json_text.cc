/// @file json_text.cc
/// @brief JSON text written directly, as nlohmann::json's dump() writes it.
#include "searcher/json_text.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace news::json_text {

void append_string(std::string& out, std::string_view s) {
    if (!utf8::valid(s)) {  // rare (stored text is repaired at indexing): nlohmann's own replacement
        out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t plain = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out.push_back(kHex[c >> 4]);
                out.push_back(kHex[c & 0xF]);
        }
    }
    out.append(s.data() + plain, s.size() - plain);
    out.push_back('"');
}

void append_number(std::string& out, std::uint64_t n) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    (void)ec;
    out.append(buf, end);
}

void append_number(std::string& out, double d) { out += nlohmann::json(d).dump(); }

void append_bool(std::string& out, bool b) { out += b ? "true" : "false"; }

}  // namespace news::json_text
