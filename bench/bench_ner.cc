/// @file bench_ner.cc
/// @brief Tagging speed of the NER model: tokens per second on one core.
///
/// Usage: bench_ner [FILE [MODEL]]. FILE is CoNLL data (default: the shared eng.testb)
/// or plain text; MODEL defaults to the installed model. Exits 2 when a file is absent.
#include "common/ner/conll.h"
#include "common/ner/gazetteer.h"
#include "common/ner/model.h"
#include "common/ner/recognizer.h"
#include "common/ner/tagger.h"
#include "common/ner/tokenizer.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// CPU time of this process in seconds (less sensitive than wall time to a busy machine).
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

bool looks_like_conll(const std::string& text) {
    return text.rfind("-DOCSTART-", 0) == 0 || text.find("\n-DOCSTART-") != std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace news::ner;
    const std::filesystem::path file =
        argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path(NEWS_SOURCE_DIR) / "../shared/corpora/conll2003/eng.testb";
    const std::filesystem::path model_path = argc > 2 ? std::filesystem::path(argv[2]) : Recognizer::default_model_path();
    if (!std::filesystem::exists(file)) {
        std::cerr << "bench_ner: input file " << file.string() << " is absent; pass a CoNLL or text file\n";
        return 2;
    }
    if (!std::filesystem::exists(model_path)) {
        std::cerr << "bench_ner: model " << model_path.string() << " is absent; train one with news-ner train\n";
        return 2;
    }
    try {
        auto t0 = std::chrono::steady_clock::now();
        const Recognizer recognizer(model_path);
        fmt::print("recognizer load (model + gazetteers): {:.3f}s\n", seconds_since(t0));
        t0 = std::chrono::steady_clock::now();
        const Model model = Model::load(model_path);
        fmt::print("model load: {:.3f}s ({} features, {} weights)\n", seconds_since(t0), model.feature_count(), model.entry_count());
        t0 = std::chrono::steady_clock::now();
        const Gazetteer gazetteer = Gazetteer::load();
        fmt::print("gazetteer load: {:.3f}s\n", seconds_since(t0));
        const FeatureExtractor extractor(gazetteer, &model.clusters());

        std::ifstream in(file, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        if (looks_like_conll(text)) {
            std::istringstream cin(text);
            const auto docs = read_conll(cin, file.string());
            std::vector<std::vector<std::vector<std::string_view>>> views;
            std::size_t tokens = 0;
            for (const auto& d : docs) {
                views.push_back(sentence_views(d));
                for (const auto& s : d.sentences) tokens += s.words.size();
            }
            const Tagger tagger(model, extractor);
            TaggerScratch scratch;
            std::vector<std::vector<Tag>> tags;
            constexpr int kRounds = 5;
            t0 = std::chrono::steady_clock::now();
            double c0 = cpu_seconds();
            for (int r = 0; r < kRounds; ++r) {
                for (const auto& v : views) tagger.tag_document(v, scratch, tags);
            }
            const double secs = seconds_since(t0);
            const double cpu = cpu_seconds() - c0;
            const double total = static_cast<double>(tokens) * kRounds;
            fmt::print("tagger (pre-tokenised CoNLL, per document): {} tokens x {}: {:.0f} tokens/s wall, {:.0f} tokens/s CPU\n",
                       tokens, kRounds, total / secs, total / cpu);
            // Also the full path on reconstructed text: tokenizer + tagger + canonical names.
            std::vector<std::string> plain_docs;
            for (const auto& d : docs) {
                std::string& plain = plain_docs.emplace_back();
                for (const auto& s : d.sentences) {
                    for (const auto& w : s.words) {
                        plain += w;
                        plain += ' ';
                    }
                    plain += '\n';
                }
            }
            t0 = std::chrono::steady_clock::now();
            c0 = cpu_seconds();
            std::size_t found = 0;
            for (int r = 0; r < kRounds; ++r) {
                for (const std::string& plain : plain_docs) found += recognizer.mentions(plain).size();
            }
            const double secs2 = seconds_since(t0);
            const double cpu2 = cpu_seconds() - c0;
            fmt::print("recognizer (plain text incl. tokenizer and canonical names, per document): {:.0f} tokens/s wall, "
                       "{:.0f} tokens/s CPU ({} mentions)\n",
                       total / secs2, total / cpu2, found / kRounds);
        } else {
            const std::size_t tokens = tokenize(text).tokens.size();
            t0 = std::chrono::steady_clock::now();
            const double c0 = cpu_seconds();
            const std::size_t found = recognizer.mentions(text).size();
            const double secs = seconds_since(t0);
            const double cpu = cpu_seconds() - c0;
            fmt::print("recognizer (text): {} tokens: {:.0f} tokens/s wall, {:.0f} tokens/s CPU ({} mentions)\n", tokens,
                       static_cast<double>(tokens) / secs, static_cast<double>(tokens) / cpu, found);
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_ner: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
