/// @file fuzz_json_lines_parser.cc
/// @brief libFuzzer target: news::parse_json_lines on decoded text.
#include <cstddef>
#include <cstdint>

#include "common/json_parser.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace news;
    std::string text = fuzz::as_decoded(data, size);
    ParseResult result = parse_json_lines(text, fuzz::input_ref("a.jsonl"));
    (void)fuzz::touch(result);
    return 0;
}
