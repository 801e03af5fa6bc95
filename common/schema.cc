/// @file schema.cc
/// @brief Helpers over the schema constants.
#include "common/schema.h"

#include "common/hash.h"
#include "common/utf8.h"

namespace news::schema {

const FacetField* find_facet_field(std::string_view name) {
    for (const auto& field : kFacetFields) {
        if (field.name == name) return &field;
    }
    return nullptr;
}

std::string value_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    std::size_t room = kMaxTermBytes > term.size() ? kMaxTermBytes - term.size() : 0;
    term.append(utf8::truncate(value, room));
    return term;
}

std::string file_hash_key(std::string_view path) {
    std::string key = "file-hash:";
    if (path.size() + key.size() <= kMaxTermBytes) return key.append(path);
    return key.append("#").append(hex64(hash64(path)));
}

}  // namespace news::schema
