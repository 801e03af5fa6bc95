/// @file entity_resolver.h
/// @brief EntityResolver: the entity values of an article in the index (cross-article person merging, user aliases, stop-entities).
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/article.h"
#include "indexer/alias_file.h"
#include "indexer/document_builder.h"

namespace news {

/// Where the person registry keeps its entries: the index's metadata (see
/// IndexWriter), a map in tests. get returns "" for a missing key.
struct RegistryStore {
    std::function<std::string(const std::string& key)> get;
    std::function<void(const std::string& key, const std::string& value)> set;
};

/// Database-wide person names: every spelling whose person_merge_key agrees
/// ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "Volodymyr Zelensky") gets
/// the name first registered under that key, so one person is one facet
/// value. Different keys never merge ("Zelensky" / "Zelenska", "Kim Jong Un" /
/// "Kim Jong Il"), one-word names are left as they are (they merge only with
/// the full name their own article links them to), and two names noted as
/// different people of one article never merge either. The first
/// registration wins, so documents already written never change their value
/// when more spellings arrive; the writer calls it in input order, so the
/// result does not depend on the number of threads.
class PersonRegistry {
public:
    explicit PersonRegistry(RegistryStore store);

    /// Notes that @p names, the people of one article, are different people:
    /// any two with the same merge key are never merged (kept as a pair).
    void note_distinct(const std::vector<std::string>& names);

    /// The facet value of person @p name: the name registered under its merge
    /// key (registering @p name when the key is new), or @p name itself when
    /// the registered name was a different person in some article.
    [[nodiscard]] std::string resolve(const std::string& name);

    /// The name registered under the merge key of @p name, "" if none.
    [[nodiscard]] std::string registered(const std::string& name);

private:
    [[nodiscard]] bool distinct(const std::string& a, const std::string& b);

    RegistryStore store_;
    std::unordered_map<std::string, std::string> cache_;  ///< merge key -> registered name
};

/// Entity values of articles: stop-entities dropped, user aliases first, then
/// the person registry; every name an entity was found under stays one of
/// its searchable names. Used by the one writer, in input order.
class EntityResolver {
public:
    EntityResolver(AliasTable aliases, RegistryStore store);

    /// The facet values of one article's entities, with their searchable names.
    [[nodiscard]] EntityValues resolve(const FoundEntities& found);

    [[nodiscard]] const AliasTable& aliases() const { return aliases_; }

private:
    AliasTable aliases_;
    PersonRegistry persons_;
};

}  // namespace news
