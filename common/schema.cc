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

namespace {
std::string bounded_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    if (term.size() + value.size() <= kMaxTermBytes) return term.append(value);
    term.append(utf8::truncate(value, kMaxTermBytes - term.size() - 17));
    return term.append("#").append(hex64(hash64(value)));
}
}  // namespace

std::string facet_term(const FacetField& field, std::string_view value) {
    return value_term(field.value_prefix, Xapian::Unicode::tolower(std::string(value)));
}

std::string id_term(std::string_view id) { return bounded_term(kId, id); }

Xapian::rev revision_base(const Xapian::Database& db) {
    const std::string base = db.get_metadata(std::string(kRevisionBaseKey));
    return base.empty() ? 0 : static_cast<Xapian::rev>(std::stoull(base));
}

std::string file_term(std::string_view path) { return bounded_term(kFile, path); }

std::string file_hash_key(std::string_view path) {
    return bounded_term("file-hash:", path);
}

}  // namespace news::schema
