/// @file tagger.cc
/// @brief Document tagging and evaluation.
#include "common/ner/tagger.h"

#include <algorithm>

namespace news::ner {

void Tagger::tag_document(std::span<const std::vector<std::string_view>> sentences, TaggerScratch& scratch,
                          std::vector<std::vector<Tag>>& tags, std::vector<std::vector<float>>* emissions) const {
    scratch.doc.clear();
    std::vector<LineCase> cases(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        cases[s] = line_case(sentences[s]);
        scratch.doc.observe_casing(sentences[s], cases[s]);
    }
    tags.resize(sentences.size());
    scratch.words.bind(*model_, *extractor_);
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const auto& words = sentences[s];
        const std::size_t n = words.size();
        FeatureBuffer& f = scratch.features;
        scratch.emissions.assign(n * kTagCount, 0.0f);
        if (scratch.score_every_key || n > WordScoreCache::kCapacity) {
            // Every key scored: the reference, and the way for a sentence of more
            // words than the word-score cache holds.
            extractor_->extract(words, cases[s], scratch.doc, f);
            for (std::size_t i = 0; i < n; ++i) {
                model_->score(std::span<const std::uint64_t>(f.keys.data() + f.start[i], f.start[i + 1] - f.start[i]),
                              scratch.emissions.data() + i * kTagCount);
            }
        } else {
            // The words' own scores from the cache, the rest key by key.
            scratch.words.reserve(n);
            scratch.entries.resize(n);
            f.info.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                scratch.entries[i] = &scratch.words.get(words[i]);
                f.info[i] = scratch.entries[i]->info;
            }
            extractor_->extract_context(words, cases[s], scratch.doc, f);
            for (std::size_t i = 0; i < n; ++i) {
                Model::Accumulator acc{};
                model_->accumulate(std::span<const std::uint64_t>(f.keys.data() + f.start[i], f.start[i + 1] - f.start[i]),
                                   acc);
                for (int d = -kWordWindow; d <= kWordWindow; ++d) {
                    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + d;
                    const Model::Accumulator& part =
                        j < 0 || static_cast<std::size_t>(j) >= n
                            ? scratch.words.boundary(d)
                            : scratch.entries[static_cast<std::size_t>(j)]->parts[static_cast<std::size_t>(d + kWordWindow)];
                    for (std::size_t t = 0; t < kTagCount; ++t) acc[t] += part[t];
                }
                model_->add_scaled(acc, scratch.emissions.data() + i * kTagCount);
            }
        }
        if (emissions != nullptr) {
            emissions->resize(sentences.size());
            (*emissions)[s] = scratch.emissions;
        }
        viterbi(scratch.emissions, n, model_->transitions(), tags[s]);
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
