/// @file alias_file.cc
/// @brief Parsing and lookup of the user alias file.
#include "indexer/alias_file.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "common/hash.h"
#include "common/ner/canonical.h"
#include "common/text_util.h"
#include "common/utf8.h"

namespace news {

std::optional<std::size_t> entity_field_index(std::string_view name) {
    for (std::size_t i = 0; i < kEntityFields.size(); ++i) {
        if (kEntityFields[i] == name) return i;
    }
    return std::nullopt;
}

std::string AliasTable::key(std::size_t field, std::string_view name) const {
    return field == 0 ? ner::person_merge_key(name) : text::lower_ascii(text::collapse_spaces(name));
}

void AliasTable::add_alias(std::size_t field, std::string_view variant, std::string_view canonical) {
    std::string c = text::collapse_spaces(canonical);
    aliases_.at(field)[key(field, variant)] = c;
    // A canonical name claims its own spellings too (not overriding a rule
    // that names them as a variant of something else).
    aliases_.at(field).try_emplace(key(field, c), c);
    ++rules_;
}

void AliasTable::add_stop(std::optional<std::size_t> field, std::string_view name) {
    std::string lowered = text::lower_ascii(text::collapse_spaces(name));
    for (std::size_t f = 0; f < stops_.size(); ++f) {
        if (!field || *field == f) stops_[f].insert(lowered);
    }
    ++rules_;
}

std::optional<std::string> AliasTable::canonical(std::size_t field, std::string_view name) const {
    if (rules_ == 0) return std::nullopt;
    const auto& map = aliases_.at(field);
    if (map.empty()) return std::nullopt;
    if (auto it = map.find(key(field, name)); it != map.end()) return it->second;
    return std::nullopt;
}

bool AliasTable::stopped(std::size_t field, std::string_view name) const {
    const auto& set = stops_.at(field);
    return !set.empty() && set.count(text::lower_ascii(text::collapse_spaces(name))) != 0;
}

AliasFileResult parse_alias_text(std::string_view text, const std::string& path) {
    AliasFileResult r;
    std::size_t number = 0;
    auto bad = [&](std::string message) {
        r.diagnostics.push_back(Diagnostic{.severity = Diagnostic::Severity::error, .path = path, .line = number,
                                           .message = std::move(message)});
    };
    for (std::string_view raw : text::split_lines(text)) {
        ++number;
        std::string_view line = text::trim(raw);
        if (line.empty() || line.front() == '#') continue;
        if (!utf8::valid(line)) {
            bad("not valid UTF-8");
            continue;
        }
        auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            bad("expected 'FIELD: VARIANT => CANONICAL', 'stop: NAME' or 'stop FIELD: NAME'");
            continue;
        }
        std::string head = text::lower_ascii(text::collapse_spaces(line.substr(0, colon)));
        std::string_view rest = text::trim(line.substr(colon + 1));
        if (head == "stop" || head.starts_with("stop ")) {
            std::optional<std::size_t> field;
            if (head != "stop") {
                std::string name = head.substr(5);
                field = entity_field_index(name);
                if (!field) {
                    bad(fmt::format("unknown field '{}' (person, org, place or misc)", name));
                    continue;
                }
            }
            if (rest.empty()) {
                bad("stop without a name");
                continue;
            }
            if (rest.find("=>") != std::string_view::npos) {
                bad("a stop line names one entity; '=>' belongs in an alias line");
                continue;
            }
            r.table.add_stop(field, rest);
            continue;
        }
        auto field = entity_field_index(head);
        if (!field) {
            bad(fmt::format("unknown field '{}' (person, org, place, misc or stop)", head));
            continue;
        }
        auto arrow = rest.find("=>");
        if (arrow == std::string_view::npos) {
            bad("expected 'VARIANT => CANONICAL' after the field");
            continue;
        }
        std::string_view variant = text::trim(rest.substr(0, arrow));
        std::string_view canonical = text::trim(rest.substr(arrow + 2));
        if (variant.empty() || canonical.empty() || canonical.find("=>") != std::string_view::npos) {
            bad("expected one non-empty name on each side of '=>'");
            continue;
        }
        if (*field == 0 && ner::person_merge_key(variant).empty()) {
            bad(fmt::format("'{}' has no letters to match a person name by", variant));
            continue;
        }
        r.table.add_alias(*field, variant, canonical);
    }
    r.table.set_fingerprint(hex64(hash64(text)));
    return r;
}

AliasTable load_alias_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot read the alias file", path.string()));
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    AliasFileResult r = parse_alias_text(text, path.string());
    if (!r.diagnostics.empty()) {
        std::string message = fmt::format("{}: {} bad line{} in the alias file:", path.string(), r.diagnostics.size(),
                                          r.diagnostics.size() == 1 ? "" : "s");
        for (const auto& d : r.diagnostics) message += "\n  " + d.to_string();
        throw std::runtime_error(message);
    }
    return std::move(r.table);
}

}  // namespace news
