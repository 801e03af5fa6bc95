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

FoundEntities found_from_values(const Entities& entities) {
    auto names = [](const std::vector<std::string>& values) {
        std::vector<FoundEntity> out;
        for (const auto& v : values) out.push_back(FoundEntity{.name = v, .forms = {}});
        return out;
    };
    return FoundEntities{.person = names(entities.person), .org = names(entities.org),
                         .place = names(entities.place), .misc = names(entities.misc)};
}

}  // namespace news
