/// @file fuzz_stored.cc
/// @brief libFuzzer target: stored document data read back (StoredCodec::decode, then deserialize_stored).
///
/// The first byte chooses what the rest is: 0 stored data as it is (JSON, or
/// anything a corrupt database could hold) read without a dictionary; 1 the
/// same after the compressed marker, read with a dictionary; 2 text that is
/// compressed and must read back unchanged; 3 text compressed, then one byte
/// of the compressed data (at the position the second byte names) changed:
/// the codec must report it, never crash or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/article_json.h"
#include "common/stored_codec.h"
#include "fuzz/fuzz_util.h"

namespace {

const news::StoredCodec& codec() {
    static const news::StoredCodec c = [] {
        std::vector<std::string> samples;
        for (int i = 0; i < static_cast<int>(news::StoredCodec::kTrainingSamples); ++i) {
            samples.push_back(R"({"id":"a)" + std::to_string(i) + R"(","title":"Talks round )" + std::to_string(i % 97) +
                              R"(","source":"Reuters","date":"2026-01-)" + std::to_string(10 + i % 20) +
                              R"(","body":"Officials said talks in Geneva would resume on Monday, round )" +
                              std::to_string(i * 7 % 101) + R"(.","entities":{"person":["Sergei Ryabkov"]}})");
        }
        return news::StoredCodec(news::StoredCodec::train(samples));
    }();
    return c;
}

void read_back(const news::StoredCodec& c, const std::string& data) {
    try {
        (void)news::deserialize_stored(c.decode(data));
    } catch (const std::runtime_error&) {
        // corrupt data or JSON: reported, as the searcher reports it
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t mode = data[0] % 4;
    std::string rest(news::fuzz::as_text(data + 1, size - 1));
    switch (mode) {
        case 0:
            read_back(news::StoredCodec(), rest);
            break;
        case 1:
            read_back(codec(), std::string(1, news::StoredCodec::kCompressedMarker) + rest);
            break;
        case 2: {
            const std::string stored = codec().encode(rest);
            if (codec().decode(stored) != rest) std::abort();  // the round trip is exact
            read_back(codec(), stored);
            break;
        }
        default: {
            if (rest.empty()) break;
            const std::size_t at = static_cast<std::uint8_t>(rest[0]);
            std::string stored = codec().encode(rest.substr(1));
            if (stored.size() > 1) stored[1 + at % (stored.size() - 1)] ^= static_cast<char>(0xa5);
            read_back(codec(), stored);
            break;
        }
    }
    return 0;
}
