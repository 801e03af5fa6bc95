/// @file fuzz_html_parser.cc
/// @brief libFuzzer target: news::parse_html and html_fragment_text on decoded text.
#include <cstddef>
#include <cstdint>

#include "common/html_parser.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace news;
    std::string text = fuzz::as_decoded(data, size);
    ParseResult result = parse_html(text, fuzz::input_ref("a.html"));
    (void)fuzz::touch(result);
    (void)html_fragment_text(text);
    return 0;
}
