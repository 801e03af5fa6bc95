/// @file fuzz_date_extract.cc
/// @brief libFuzzer target: news::extract_dates, unique_values and find_dateline_mention.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "common/date_extract.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace news;
    if (size < 2) return 0;
    // Two leading bytes choose the publication date: none, or a day between
    // 1990 and 2053, so that relative expressions are resolved too.
    std::optional<DateValue> publication;
    if (data[0] & 1) {
        publication = DateValue{.year = 1990 + (data[0] >> 2), .month = 1 + data[1] % 12, .day = 1 + (data[1] >> 4) % 28};
    }
    std::string text = fuzz::as_decoded(data + 2, size - 2);
    auto dates = extract_dates(text, publication);
    for (const auto& d : dates) {
        if (d.offset > text.size() || d.length > text.size() - d.offset) std::abort();
    }
    (void)unique_values(dates);
    if (auto m = find_dateline_mention(text, publication)) {
        if (m->offset > text.size() || m->length > text.size() - m->offset) std::abort();
    }
    (void)find_dateline(text);
    return 0;
}
