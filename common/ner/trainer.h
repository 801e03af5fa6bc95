/// @file trainer.h
/// @brief Averaged structured perceptron training on CoNLL documents.
#pragma once

#include "common/ner/conll.h"
#include "common/ner/features.h"
#include "common/ner/model.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace news::ner {

/// Training settings.
struct TrainOptions {
    int epochs = 12;                 ///< passes over the training data
    std::uint64_t seed = 1;          ///< document shuffling
    double title_case_share = 0.25;  ///< share of sentences also trained in Title Case (headings)
    double honorific_share = 0.1;    ///< share of sentences with a person also trained as "Mr. Surname"
    int runs = 1;                    ///< runs with different shuffles whose weights are averaged
    float prune_threshold = 0.0f;    ///< drop averaged weights smaller than this in the final model
    std::function<void(const std::string&)> log;  ///< progress lines (optional)
};

/// The trained model and how it was chosen.
struct TrainResult {
    Model model;
    int best_epoch = 0;      ///< epoch whose averaged weights were kept (by dev F1 when a dev set is given; last run)
    Evaluation dev;          ///< scores of the final model on the dev set
    std::size_t features_seen = 0;
};

/// Title Case copy of a sentence (function words stay lower case), as headings are written.
[[nodiscard]] ConllSentence title_case(const ConllSentence& sentence);

/// Trains on @p train; with a non-empty @p dev, keeps the epoch with the best dev F1.
[[nodiscard]] TrainResult train(std::span<const ConllDocument> train, std::span<const ConllDocument> dev,
                                const FeatureExtractor& extractor, std::uint64_t gazetteer_signature,
                                const TrainOptions& options);

}  // namespace news::ner
