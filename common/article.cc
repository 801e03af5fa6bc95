/// @file article.cc
/// @brief DateValue formatting.
#include "common/article.h"

#include <fmt/format.h>

namespace news {

std::string DateValue::iso() const {
    if (month == 0) return fmt::format("{:04d}", year);
    if (day == 0) return fmt::format("{:04d}-{:02d}", year, month);
    return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

std::string DateValue::compact() const {
    return fmt::format("{:04d}{:02d}{:02d}", year, month, day);
}

const char* to_string(DateOrigin origin) {
    switch (origin) {
        case DateOrigin::metadata: return "metadata";
        case DateOrigin::dateline: return "dateline";
        case DateOrigin::option: return "option";
        case DateOrigin::none: break;
    }
    return "none";
}

}  // namespace news
