/// @file date_parse.cc
/// @brief Minimal reading of ISO dates (YYYY-MM-DD prefix); to be replaced by the full parser.
#include "common/date_parse.h"

#include <cctype>

namespace news {

std::optional<DateValue> parse_date(std::string_view text, std::string* /*warning*/) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    DateValue d{num(0, 4), num(5, 2), num(8, 2)};
    if (d.year < 0 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
    return d;
}

}  // namespace news
