/// @file extract.h
/// @brief Extractor: fills an article's entities and dates (publication date from a dateline, dates mentioned).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/article.h"

namespace news {

struct ExtractOptions {
    std::filesystem::path ner_model;  ///< empty: the default model
    bool entities = true;             ///< run the named-entity recogniser
    bool dates = true;                ///< find dates mentioned and datelines
};

/// Runs every extraction step on an article. Construction loads the models
/// (throws std::runtime_error with a clear message when a model cannot be
/// read); extract() is const and thread-safe.
class Extractor {
public:
    explicit Extractor(const ExtractOptions& options);
    ~Extractor();
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;

    /// Sets entities (and found, the names with their surface forms) and dates_mentioned; sets the publication date from a
    /// dateline when the article has none.
    void extract(Article& article) const;

    /// Identifies the models in use; changes when a model changes, so that
    /// unchanged inputs are re-extracted after a model update.
    [[nodiscard]] const std::string& fingerprint() const;

    /// Problems met while loading (a missing gazetteer file, say); extraction
    /// still works, with less knowledge.
    [[nodiscard]] const std::vector<std::string>& warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace news
