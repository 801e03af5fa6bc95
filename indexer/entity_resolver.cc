/// @file entity_resolver.cc
/// @brief Cross-article person merging, aliases and stop-entities.
#include "indexer/entity_resolver.h"

#include <algorithm>

#include "common/ner/canonical.h"
#include "common/schema.h"

namespace news {
namespace {

using schema::kPersonDistinctPrefix;
using schema::kPersonRegistryPrefix;
/// Xapian metadata keys are limited in length; longer names stay unmerged.
constexpr std::size_t kMaxKeyBytes = 200;

/// The registry key of @p name; empty for a name the registry leaves alone:
/// one word (it merges only with the full name its own article links it to,
/// in ner::Canonicalizer: across articles, "Sonny" and "Sony" or "Good" and
/// "God" would share a key) or too long for a metadata key.
std::string person_key(const std::string& name) {
    std::string key = ner::person_merge_key(name);
    if (key.find(' ') == std::string::npos || key.size() + kPersonRegistryPrefix.size() > kMaxKeyBytes) return {};
    return std::string(kPersonRegistryPrefix) + key;
}

std::string distinct_key(std::string a, std::string b) {
    if (b < a) std::swap(a, b);
    std::string key = std::string(kPersonDistinctPrefix) + a + '\x1f' + b;
    return key.size() > kMaxKeyBytes ? std::string() : key;
}

}  // namespace

PersonRegistry::PersonRegistry(RegistryStore store) : store_(std::move(store)) {}

void PersonRegistry::note_distinct(const std::vector<std::string>& names) {
    // Only names with one merge key could ever merge; record those pairs.
    std::unordered_map<std::string, std::vector<const std::string*>> by_key;
    for (const auto& n : names) {
        std::string k = person_key(n);
        if (!k.empty()) by_key[k].push_back(&n);
    }
    for (const auto& [key, group] : by_key) {
        for (std::size_t i = 0; i < group.size(); ++i) {
            for (std::size_t j = i + 1; j < group.size(); ++j) {
                if (*group[i] == *group[j]) continue;
                std::string dk = distinct_key(*group[i], *group[j]);
                if (!dk.empty()) store_.set(dk, "1");
            }
        }
    }
}

bool PersonRegistry::distinct(const std::string& a, const std::string& b) {
    std::string dk = distinct_key(a, b);
    return !dk.empty() && !store_.get(dk).empty();
}

std::string PersonRegistry::registered(const std::string& name) {
    std::string key = person_key(name);
    if (key.empty()) return {};
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, store_.get(key)).first;
    return it->second;
}

std::string PersonRegistry::resolve(const std::string& name) {
    std::string key = person_key(name);
    if (key.empty()) return name;
    std::string first = registered(name);
    if (first.empty()) {
        store_.set(key, name);
        cache_[key] = name;
        return name;
    }
    if (first != name && distinct(first, name)) return name;
    return first;
}

EntityResolver::EntityResolver(AliasTable aliases, RegistryStore store)
    : aliases_(std::move(aliases)), persons_(std::move(store)) {}

EntityValues EntityResolver::resolve(const FoundEntities& found) {
    const std::array<const std::vector<FoundEntity>*, 4> lists = {&found.person, &found.org, &found.place,
                                                                   &found.misc};
    EntityValues out;
    for (std::size_t f = 0; f < lists.size(); ++f) {
        std::vector<const FoundEntity*> kept;
        for (const FoundEntity& e : *lists[f]) {
            if (!e.name.empty() && !aliases_.stopped(f, e.name)) kept.push_back(&e);
        }
        if (f == 0) {
            std::vector<std::string> names;
            for (const FoundEntity* e : kept) names.push_back(e->name);
            persons_.note_distinct(names);
        }
        for (const FoundEntity* e : kept) {
            std::string value;
            if (auto alias = aliases_.canonical(f, e->name)) {
                value = std::move(*alias);
            } else {
                value = f == 0 ? persons_.resolve(e->name) : e->name;
            }
            if (value.empty() || aliases_.stopped(f, value)) continue;
            auto it = std::find_if(out[f].begin(), out[f].end(), [&](const EntityValue& v) { return v.value == value; });
            if (it == out[f].end()) it = out[f].insert(out[f].end(), EntityValue{.value = value, .names = {value}});
            auto add = [&](const std::string& n) {
                if (std::find(it->names.begin(), it->names.end(), n) == it->names.end()) it->names.push_back(n);
            };
            add(e->name);
            for (const auto& form : e->forms) add(form);
        }
    }
    return out;
}

}  // namespace news
