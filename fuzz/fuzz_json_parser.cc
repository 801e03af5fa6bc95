/// @file fuzz_json_parser.cc
/// @brief libFuzzer target: news::parse_json and json_nesting_overflow on decoded text.
#include <cstddef>
#include <cstdint>

#include "common/json_parser.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace news;
    std::string text = fuzz::as_decoded(data, size);
    ParseResult result = parse_json(text, fuzz::input_ref("a.json"));
    (void)fuzz::touch(result);
    (void)json_nesting_overflow(fuzz::as_text(data, size), kMaxJsonDepth);
    return 0;
}
