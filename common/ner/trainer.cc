/// @file trainer.cc
/// @brief Averaged structured perceptron.
#include "common/ner/trainer.h"

#include "common/ner/tagger.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <numeric>
#include <random>
#include <unordered_map>

namespace news::ner {
namespace {

constexpr std::array<std::string_view, 17> kSmallWords{"a",   "an", "the", "and", "or",   "but", "nor", "for", "of",
                                                      "in",  "on", "at",  "to",  "by",   "with", "from", "as"};

/// Averaged weights before quantisation.
struct DenseWeights {
    std::vector<Model::DenseFeature> features;
    std::vector<float> transitions;
};

/// The best epoch of one training run.
struct RunResult {
    DenseWeights weights;
    int best_epoch = 0;
    Evaluation dev;
    std::size_t features_seen = 0;
};

/// Weights being trained, with sums for averaging (w_avg = w - acc / c).
class TrainingWeights {
public:
    void score(std::span<const std::uint64_t> keys, float* scores) const {
        for (std::uint64_t k : keys) {
            const auto it = index_.find(k);
            if (it == index_.end()) continue;
            const float* row = w_.data() + std::size_t{it->second} * kTagCount;
            for (std::size_t t = 0; t < kTagCount; ++t) scores[t] += row[t];
        }
    }
    void update(std::uint64_t key, std::size_t tag, float delta, double c) {
        auto [it, inserted] = index_.try_emplace(key, static_cast<std::uint32_t>(index_.size()));
        if (inserted) {
            w_.resize(w_.size() + kTagCount, 0.0f);
            acc_.resize(acc_.size() + kTagCount, 0.0);
            keys_.push_back(key);
        }
        const std::size_t at = std::size_t{it->second} * kTagCount + tag;
        w_[at] += delta;
        acc_[at] += c * static_cast<double>(delta);
    }
    void update_transition(std::size_t prev, std::size_t next, float delta, double c) {
        tw_[prev * kTagCount + next] += delta;
        tacc_[prev * kTagCount + next] += c * static_cast<double>(delta);
    }
    [[nodiscard]] std::span<const float> transitions() const { return tw_; }

    [[nodiscard]] DenseWeights averaged(double c) const {
        std::vector<Model::DenseFeature> features(keys_.size());
        for (std::size_t f = 0; f < keys_.size(); ++f) {
            features[f].key = keys_[f];
            for (std::size_t t = 0; t < kTagCount; ++t) {
                const std::size_t at = f * kTagCount + t;
                features[f].weights[t] = static_cast<float>(static_cast<double>(w_[at]) - acc_[at] / c);
            }
        }
        std::vector<float> trans(tw_.size());
        for (std::size_t i = 0; i < tw_.size(); ++i) {
            trans[i] = static_cast<float>(static_cast<double>(tw_[i]) - tacc_[i] / c);
        }
        return DenseWeights{.features = std::move(features), .transitions = std::move(trans)};
    }
    [[nodiscard]] std::size_t size() const { return keys_.size(); }

private:
    std::unordered_map<std::uint64_t, std::uint32_t> index_;
    std::vector<std::uint64_t> keys_;
    std::vector<float> w_;
    std::vector<double> acc_;
    std::vector<float> tw_ = std::vector<float>((kTagCount + 1) * kTagCount, 0.0f);
    std::vector<double> tacc_ = std::vector<double>((kTagCount + 1) * kTagCount, 0.0);
};

/// Title Case copies of sentences, or of slices not cutting entities, as one-sentence documents.
std::vector<ConllDocument> title_case_documents(std::span<const ConllDocument> docs, double share, std::uint64_t seed) {
    std::vector<ConllDocument> out;
    std::mt19937_64 rng(seed ^ 0x7469746c65ULL);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    for (const ConllDocument& d : docs) {
        for (const ConllSentence& s : d.sentences) {
            if (s.words.size() < 2 || coin(rng) >= share) continue;
            std::vector<std::string_view> views(s.words.begin(), s.words.end());
            if (line_case(views) != LineCase::normal) continue;
            ConllSentence piece = s;
            if (s.words.size() > 12) {
                // A slice of 2-8 words whose ends do not cut an entity.
                std::uniform_int_distribution<std::size_t> len_dist(2, 8);
                const std::size_t len = len_dist(rng);
                std::uniform_int_distribution<std::size_t> start_dist(0, s.words.size() - len);
                std::size_t a = start_dist(rng);
                std::size_t b = a + len;
                for (const Span& sp : s.spans) {
                    if (sp.first < a && sp.last > a) a = sp.first;
                    if (sp.first < b && sp.last > b) b = sp.last;
                }
                piece.words.assign(s.words.begin() + static_cast<std::ptrdiff_t>(a), s.words.begin() + static_cast<std::ptrdiff_t>(b));
                piece.spans.clear();
                for (const Span& sp : s.spans) {
                    if (sp.first >= a && sp.last <= b) piece.spans.push_back(Span{.first = sp.first - a, .last = sp.last - a, .type = sp.type});
                }
                // Drop a trailing full stop: headings have none.
                if (!piece.words.empty() && piece.words.back() == "." ) piece.words.pop_back();
                if (piece.words.size() < 2) continue;
            }
            ConllDocument doc;
            doc.sentences.push_back(title_case(piece));
            out.push_back(std::move(doc));
        }
    }
    return out;
}

/// Copies of sentences in which one full person name becomes "Mr. Surname" (or Mrs., Ms.,
/// Dr.), as news outside Reuters writes them, as one-sentence documents.
std::vector<ConllDocument> honorific_documents(std::span<const ConllDocument> docs, double share, std::uint64_t seed) {
    static constexpr std::array<std::string_view, 4> honorifics{"Mr.", "Mrs.", "Ms.", "Dr."};
    std::vector<ConllDocument> out;
    std::mt19937_64 rng(seed ^ 0x686f6e6f72ULL);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::uniform_int_distribution<std::size_t> pick(0, honorifics.size() - 1);
    for (const ConllDocument& d : docs) {
        for (const ConllSentence& s : d.sentences) {
            const auto it = std::find_if(s.spans.begin(), s.spans.end(),
                                         [](const Span& sp) { return sp.type == EntityType::person && sp.last - sp.first >= 2; });
            if (it == s.spans.end() || coin(rng) >= share) continue;
            const Span target = *it;
            ConllSentence copy;
            std::size_t shift = 0;
            for (std::size_t i = 0; i < s.words.size(); ++i) {
                if (i == target.first) {
                    copy.words.emplace_back(honorifics[pick(rng)]);
                    copy.words.push_back(s.words[target.last - 1]);
                    i = target.last - 1;
                    continue;
                }
                copy.words.push_back(s.words[i]);
            }
            shift = (target.last - target.first) - 2;
            for (const Span& sp : s.spans) {
                if (sp == target) {
                    copy.spans.push_back(Span{.first = sp.first + 1, .last = sp.first + 2, .type = sp.type});
                } else if (sp.first >= target.last) {
                    copy.spans.push_back(Span{.first = sp.first - shift, .last = sp.last - shift, .type = sp.type});
                } else {
                    copy.spans.push_back(sp);
                }
            }
            ConllDocument doc;
            doc.sentences.push_back(std::move(copy));
            out.push_back(std::move(doc));
        }
    }
    return out;
}

std::string format_eval(const Evaluation& e) {
    return fmt::format("P {:.4f} R {:.4f} F1 {:.4f} (PER {:.4f} ORG {:.4f} LOC {:.4f} MISC {:.4f})", e.overall.precision(),
                       e.overall.recall(), e.overall.f1(), e.by_type[0].f1(), e.by_type[1].f1(), e.by_type[2].f1(),
                       e.by_type[3].f1());
}

}  // namespace

ConllSentence title_case(const ConllSentence& sentence) {
    ConllSentence out = sentence;
    for (std::size_t i = 0; i < out.words.size(); ++i) {
        std::string& w = out.words[i];
        if (w.empty()) continue;
        const bool small = std::find(kSmallWords.begin(), kSmallWords.end(), w) != kSmallWords.end();
        if (small && i > 0) continue;
        if (w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
    }
    return out;
}

namespace {

/// One perceptron run over @p docs with shuffling seed @p seed; keeps the best dev epoch.
RunResult train_run(std::span<const ConllDocument> docs, std::span<const ConllDocument> dev, const FeatureExtractor& extractor,
                    const Model::Meta& meta, int epochs, std::uint64_t seed, const std::function<void(const std::string&)>& log) {
    TrainingWeights weights;
    double c = 1.0;
    std::vector<std::size_t> order(docs.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    FeatureBuffer fb;
    DocumentContext ctx;
    std::vector<float> emissions;
    std::vector<Tag> predicted;
    RunResult result;
    double best_f1 = -1.0;

    for (int epoch = 1; epoch <= epochs; ++epoch) {
        const auto t0 = std::chrono::steady_clock::now();
        std::shuffle(order.begin(), order.end(), rng);
        std::size_t tokens = 0, token_errors = 0;
        for (std::size_t d : order) {
            const ConllDocument& doc = docs[d];
            const auto views = sentence_views(doc);
            ctx.clear();
            std::vector<LineCase> cases(views.size());
            for (std::size_t s = 0; s < views.size(); ++s) {
                cases[s] = line_case(views[s]);
                ctx.observe_casing(views[s], cases[s]);
            }
            for (std::size_t s = 0; s < views.size(); ++s) {
                const auto& words = views[s];
                const std::size_t n = words.size();
                const std::vector<Tag> gold = spans_to_tags(doc.sentences[s].spans, n);
                extractor.extract(words, cases[s], ctx, fb);
                emissions.assign(n * kTagCount, 0.0f);
                for (std::size_t i = 0; i < n; ++i) {
                    weights.score(std::span<const std::uint64_t>(fb.keys.data() + fb.start[i], fb.start[i + 1] - fb.start[i]),
                                  emissions.data() + i * kTagCount);
                }
                viterbi(emissions, n, weights.transitions(), predicted);
                tokens += n;
                for (std::size_t i = 0; i < n; ++i) {
                    if (gold[i] != predicted[i]) {
                        ++token_errors;
                        for (std::uint32_t k = fb.start[i]; k < fb.start[i + 1]; ++k) {
                            weights.update(fb.keys[k], gold[i], 1.0f, c);
                            weights.update(fb.keys[k], predicted[i], -1.0f, c);
                        }
                    }
                    const std::size_t gp = i == 0 ? kTagCount : gold[i - 1];
                    const std::size_t pp = i == 0 ? kTagCount : predicted[i - 1];
                    if (gp != pp || gold[i] != predicted[i]) {
                        weights.update_transition(gp, gold[i], 1.0f, c);
                        weights.update_transition(pp, predicted[i], -1.0f, c);
                    }
                }
                c += 1.0;
                ctx.record_labels(words, predicted);
            }
        }
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::string line = fmt::format("epoch {}: {} tokens, {:.2f}% token errors, {} features, {:.1f}s", epoch, tokens,
                                       100.0 * static_cast<double>(token_errors) / static_cast<double>(std::max<std::size_t>(tokens, 1)),
                                       weights.size(), secs);
        if (!dev.empty()) {
            DenseWeights w = weights.averaged(c);
            const Model m = Model::build(w.features, w.transitions, meta, 0.0f);
            const Evaluation e = Tagger(m, extractor).evaluate(dev);
            line += "; dev " + format_eval(e);
            if (e.overall.f1() > best_f1) {
                best_f1 = e.overall.f1();
                result.weights = std::move(w);
                result.best_epoch = epoch;
                result.dev = e;
            }
        }
        if (log) log(line);
    }
    if (dev.empty()) {
        result.weights = weights.averaged(c);
        result.best_epoch = epochs;
    }
    result.features_seen = weights.size();
    return result;
}

/// The mean of several runs' weights (features missing from a run count as zero).
DenseWeights mix(const std::vector<DenseWeights>& runs) {
    DenseWeights out;
    out.transitions.assign((kTagCount + 1) * kTagCount, 0.0f);
    std::unordered_map<std::uint64_t, std::size_t> index;
    const auto scale = 1.0f / static_cast<float>(runs.size());
    for (const DenseWeights& r : runs) {
        for (const Model::DenseFeature& f : r.features) {
            auto [it, inserted] = index.try_emplace(f.key, out.features.size());
            if (inserted) out.features.push_back(Model::DenseFeature{.key = f.key, .weights = {}});
            auto& w = out.features[it->second].weights;
            for (std::size_t t = 0; t < kTagCount; ++t) w[t] += f.weights[t] * scale;
        }
        for (std::size_t i = 0; i < out.transitions.size() && i < r.transitions.size(); ++i) {
            out.transitions[i] += r.transitions[i] * scale;
        }
    }
    return out;
}

}  // namespace

TrainResult train(std::span<const ConllDocument> train_docs, std::span<const ConllDocument> dev,
                  const FeatureExtractor& extractor, std::uint64_t gazetteer_signature, const TrainOptions& options) {
    auto log = [&](const std::string& line) {
        if (options.log) options.log(line);
    };
    std::vector<ConllDocument> docs(train_docs.begin(), train_docs.end());
    if (options.title_case_share > 0.0) {
        auto extra = title_case_documents(train_docs, options.title_case_share, options.seed);
        log(fmt::format("{} Title Case sentences added", extra.size()));
        for (auto& d : extra) docs.push_back(std::move(d));
    }
    if (options.honorific_share > 0.0) {
        auto extra = honorific_documents(train_docs, options.honorific_share, options.seed);
        log(fmt::format("{} sentences with honorifics added", extra.size()));
        for (auto& d : extra) docs.push_back(std::move(d));
    }
    const Model::Meta meta{.feature_version = kFeatureVersion, .gazetteer_signature = gazetteer_signature};
    const int runs = std::max(1, options.runs);
    std::vector<DenseWeights> weights;
    TrainResult result;
    for (int r = 0; r < runs; ++r) {
        if (runs > 1) log(fmt::format("run {} of {}", r + 1, runs));
        RunResult run = train_run(docs, dev, extractor, meta, options.epochs, options.seed + static_cast<std::uint64_t>(r), options.log);
        result.best_epoch = run.best_epoch;
        result.dev = run.dev;
        result.features_seen = std::max(result.features_seen, run.features_seen);
        weights.push_back(std::move(run.weights));
    }
    const DenseWeights mixed = runs == 1 ? std::move(weights.front()) : mix(weights);
    result.model = Model::build(mixed.features, mixed.transitions, meta, options.prune_threshold);
    if (!dev.empty() && (runs > 1 || options.prune_threshold > 0.0f)) {
        result.dev = Tagger(result.model, extractor).evaluate(dev);
        log("final model: dev " + format_eval(result.dev));
    }
    return result;
}

}  // namespace news::ner
