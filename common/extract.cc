/// @file extract.cc
/// @brief Extraction pipeline over the entity and date libraries.
#include "common/extract.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "common/credits.h"
#include "common/date_extract.h"
#include "common/hash.h"
#include "common/ner/recognizer.h"
#include "common/text_util.h"

namespace news {

/// Bump when extraction changes in a way that should re-extract unchanged inputs.
// 3: places (former names, hyphenated words), surface forms of entities; 4: credit lines;
// 5: sign-offs ("Reuter" alone on the last line); 6: news agencies are organisations,
// company designators alone ("Inc") are not entities
constexpr const char* kExtractVersion = "extract-6";

struct Extractor::Impl {
    ExtractOptions options;
    std::unique_ptr<ner::Recognizer> recognizer;
    std::string fingerprint;
};

namespace {

std::string file_fingerprint(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return hex64(hash64(bytes));
}

}  // namespace

Extractor::Extractor(const ExtractOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->options = options;
    impl_->fingerprint = fmt::format("{}{}", kExtractVersion, options.dates ? "+dates" : "");
    if (options.entities) {
        std::filesystem::path model =
            options.ner_model.empty() ? ner::Recognizer::default_model_path() : options.ner_model;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(model, ec)) {
            throw std::runtime_error(fmt::format(
                "{}: no such entity model (train one with 'news-ner train', or index with --no-entities)",
                model.string()));
        }
        impl_->recognizer = std::make_unique<ner::Recognizer>(model);
        impl_->fingerprint += "+ner:" + file_fingerprint(model);
    }
}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

void Extractor::extract(Article& article) const {
    // Title and body: what dates, credit lines and entities are found in.
    const std::string text = ner::Recognizer::article_text(article);
    if (impl_->options.dates) {
        if (!article.date) {
            if (auto d = find_dateline(article.body)) {
                article.date = d;
                article.date_origin = DateOrigin::dateline;
            }
        }
        article.dates_mentioned = unique_values(extract_dates(text, article.date));
    }
    // Credit lines name the journalists: reporters and writers are authors,
    // and nobody credited there is an entity of the story.
    const std::vector<CreditLine> credits = find_credit_lines(text);
    for (const CreditLine& c : credits) {
        for (const std::string& name : c.writers) {
            std::string key = text::lower_ascii(name);
            bool known = std::any_of(article.authors.begin(), article.authors.end(),
                                     [&](const std::string& a) { return text::lower_ascii(a) == key; });
            if (!known) article.authors.push_back(name);
        }
    }
    if (impl_->recognizer) {
        std::vector<ner::Mention> mentions = impl_->recognizer->mentions(text);
        std::erase_if(mentions, [&](const ner::Mention& m) {
            return std::any_of(credits.begin(), credits.end(),
                               [&](const CreditLine& c) { return m.begin < c.end && m.end > c.begin; });
        });
        article.entities = ner::Recognizer::to_entities(mentions);
        article.found = ner::Recognizer::to_found(mentions);
    }
}

const std::string& Extractor::fingerprint() const { return impl_->fingerprint; }

const std::vector<std::string>& Extractor::warnings() const {
    static const std::vector<std::string> kNone;
    return impl_->recognizer ? impl_->recognizer->warnings() : kNone;
}

}  // namespace news
