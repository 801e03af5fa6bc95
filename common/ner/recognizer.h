/// @file recognizer.h
/// @brief Recognizer: the named-entity recogniser the indexer calls (model + gazetteers + canonical names).
#pragma once

#include "common/article.h"
#include "common/ner/canonical.h"
#include "common/ner/features.h"
#include "common/ner/gazetteer.h"
#include "common/ner/model.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace news::ner {

/// Finds PERSON, ORG, PLACE and MISC entities in English news text. Immutable after
/// construction: extract() and mentions() are const and safe to call from many threads.
class Recognizer {
public:
    /// Loads @p model_path and the gazetteers from their Debian locations (missing ones
    /// give warnings()). Throws std::runtime_error with a clear message when the model
    /// cannot be loaded.
    explicit Recognizer(const std::filesystem::path& model_path);
    /// Same, with explicit gazetteer locations.
    Recognizer(const std::filesystem::path& model_path, const GazetteerPaths& paths);
    ~Recognizer();
    Recognizer(Recognizer&&) noexcept;
    Recognizer& operator=(Recognizer&&) noexcept;
    Recognizer(const Recognizer&) = delete;
    Recognizer& operator=(const Recognizer&) = delete;

    /// Entities of one article (title, body, headings), canonical names, unique per type,
    /// in order of first mention.
    [[nodiscard]] news::Entities extract(const news::Article& article) const;

    /// Canonicalised mentions of a text (one document), in text order; offsets are
    /// byte offsets into @p text.
    [[nodiscard]] std::vector<Mention> mentions(std::string_view text) const;

    /// The text mentions() sees for an article: the title (unless it was derived from
    /// the body) and the body, separated by a blank line (headings are part of the body).
    [[nodiscard]] static std::string article_text(const news::Article& article);

    /// Entities of a list of canonicalised mentions, unique per type, in order.
    [[nodiscard]] static news::Entities to_entities(const std::vector<Mention>& mentions);

    /// What to_entities() gives, with the surface forms of each name (possessives and
    /// person titles stripped; forms equal to the name left out), unique per type, in order.
    [[nodiscard]] static news::FoundEntities to_found(const std::vector<Mention>& mentions);

    /// Problems met while loading (missing gazetteer files, gazetteers that differ from
    /// the ones the model was trained with).
    [[nodiscard]] const std::vector<std::string>& warnings() const;

    /// The model installed with the project (NEWS_DEFAULT_NER_MODEL at build time).
    [[nodiscard]] static std::filesystem::path default_model_path();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace news::ner
