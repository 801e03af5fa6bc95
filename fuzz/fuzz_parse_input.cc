/// @file fuzz_parse_input.cc
/// @brief libFuzzer target: news::parse_input (binary check, decoding, format detection, every parser, identity).
#include <cstddef>
#include <cstdint>

#include "common/input_format.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace news;
    if (size == 0) return 0;
    // The first byte chooses the file name, so that both the extension and
    // the content sniffing are exercised.
    static constexpr const char* kNames[] = {"a.txt", "a.json", "a.jsonl", "a.html", "article", "-", "a.md", "a.ndjson"};
    const char* name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
    ParseResult result = parse_input(fuzz::as_text(data + 1, size - 1), fuzz::input_ref(name));
    (void)fuzz::touch(result);
    return 0;
}
