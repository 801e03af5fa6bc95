/// @file fuzz_date_parse.cc
/// @brief libFuzzer target: news::parse_date on raw bytes (metadata strings are not decoded first).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/date_parse.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace news;
    std::string warning;
    auto date = parse_date(fuzz::as_text(data, size), &warning);
    // The contract: the result is always a valid calendar day.
    if (date && (date->month < 1 || date->month > 12 || date->day < 1 || date->day > 31)) std::abort();
    (void)parse_date(fuzz::as_text(data, size));
    return 0;
}
