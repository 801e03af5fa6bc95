/// @file tagger.h
/// @brief Tags the sentences of a document in order with a Model, using document-level history.
#pragma once

#include "common/ner/conll.h"
#include "common/ner/features.h"
#include "common/ner/model.h"

#include <span>
#include <string_view>
#include <vector>

namespace news::ner {

/// Reusable buffers for tagging (one per thread).
struct TaggerScratch {
    FeatureBuffer features;
    std::vector<float> emissions;
    DocumentContext doc;
};

/// Tags sentence by sentence: features (including the labels earlier sentences of the
/// same document received), emission scores, constrained Viterbi.
class Tagger {
public:
    /// @p model and @p extractor must outlive the tagger.
    Tagger(const Model& model, const FeatureExtractor& extractor) : model_(&model), extractor_(&extractor) {}

    /// Tags every sentence of one document; @p tags receives one vector per sentence.
    void tag_document(std::span<const std::vector<std::string_view>> sentences, TaggerScratch& scratch,
                      std::vector<std::vector<Tag>>& tags) const;

    /// Tags CoNLL documents and scores them against their gold spans.
    [[nodiscard]] Evaluation evaluate(std::span<const ConllDocument> documents) const;

private:
    const Model* model_;
    const FeatureExtractor* extractor_;
};

/// Word views of a CoNLL document's sentences.
[[nodiscard]] std::vector<std::vector<std::string_view>> sentence_views(const ConllDocument& document);

}  // namespace news::ner
