/// @file tagger.cc
/// @brief Document tagging and evaluation.
#include "common/ner/tagger.h"

#include <algorithm>

namespace news::ner {

void Tagger::tag_document(std::span<const std::vector<std::string_view>> sentences, TaggerScratch& scratch,
                          std::vector<std::vector<Tag>>& tags) const {
    scratch.doc.clear();
    std::vector<LineCase> cases(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        cases[s] = line_case(sentences[s]);
        scratch.doc.observe_casing(sentences[s], cases[s]);
    }
    tags.resize(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const auto& words = sentences[s];
        const std::size_t n = words.size();
        extractor_->extract(words, cases[s], scratch.doc, scratch.features);
        scratch.emissions.assign(n * kTagCount, 0.0f);
        for (std::size_t i = 0; i < n; ++i) {
            const auto& f = scratch.features;
            model_->score(std::span<const std::uint64_t>(f.keys.data() + f.start[i], f.start[i + 1] - f.start[i]),
                          scratch.emissions.data() + i * kTagCount);
        }
        viterbi(scratch.emissions, n, model_->transitions(),
                tags[s]);
        scratch.doc.record_labels(words, tags[s]);
    }
}

Evaluation Tagger::evaluate(std::span<const ConllDocument> documents) const {
    Evaluation eval;
    TaggerScratch scratch;
    std::vector<std::vector<Tag>> tags;
    for (const ConllDocument& doc : documents) {
        const auto views = sentence_views(doc);
        tag_document(views, scratch, tags);
        for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
            const auto predicted = tags_to_spans(tags[s]);
            eval.add(doc.sentences[s].spans, predicted, doc.sentences[s].words.size());
        }
    }
    return eval;
}

std::vector<std::vector<std::string_view>> sentence_views(const ConllDocument& document) {
    std::vector<std::vector<std::string_view>> views;
    views.reserve(document.sentences.size());
    for (const ConllSentence& s : document.sentences) {
        views.emplace_back(s.words.begin(), s.words.end());
    }
    return views;
}

}  // namespace news::ner
