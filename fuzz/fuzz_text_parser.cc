/// @file fuzz_text_parser.cc
/// @brief libFuzzer target: news::parse_text and derive_title on decoded text.
#include <cstddef>
#include <cstdint>

#include "common/text_parser.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace news;
    std::string text = fuzz::as_decoded(data, size);
    ParseResult result = parse_text(text, fuzz::input_ref("a.txt"));
    (void)fuzz::touch(result);
    (void)derive_title(text);
    return 0;
}
