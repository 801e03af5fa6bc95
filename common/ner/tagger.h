/// @file tagger.h
/// @brief Tags the sentences of a document in order with a Model, using document-level history.
#pragma once

#include "common/ner/conll.h"
#include "common/ner/features.h"
#include "common/ner/model.h"
#include "common/ner/word_scores.h"

#include <span>
#include <string_view>
#include <vector>

namespace news::ner {

/// Reusable buffers for tagging (one per thread). Keeping one from document to
/// document keeps its word scores: it must not outlive the model and extractor
/// it was used with (a new model at the same address would find stale scores).
struct TaggerScratch {
    FeatureBuffer features;
    std::vector<float> emissions;
    DocumentContext doc;
    WordScoreCache words;
    std::vector<const WordScoreCache::Entry*> entries;
    /// Scores every key of every token instead of taking word scores from the
    /// cache: the reference the cache is checked against (same scores to the bit).
    bool score_every_key = false;
};

/// Tags sentence by sentence: features (including the labels earlier sentences of the
/// same document received), emission scores, constrained Viterbi.
class Tagger {
public:
    /// @p model and @p extractor must outlive the tagger.
    Tagger(const Model& model, const FeatureExtractor& extractor) : model_(&model), extractor_(&extractor) {}

    /// Tags every sentence of one document; @p tags receives one vector per sentence,
    /// and @p emissions (when given) each sentence's scores, kTagCount per token.
    void tag_document(std::span<const std::vector<std::string_view>> sentences, TaggerScratch& scratch,
                      std::vector<std::vector<Tag>>& tags, std::vector<std::vector<float>>* emissions = nullptr) const;

    /// Tags CoNLL documents and scores them against their gold spans.
    [[nodiscard]] Evaluation evaluate(std::span<const ConllDocument> documents) const;

private:
    const Model* model_;
    const FeatureExtractor* extractor_;
};

/// Word views of a CoNLL document's sentences.
[[nodiscard]] std::vector<std::vector<std::string_view>> sentence_views(const ConllDocument& document);

}  // namespace news::ner
