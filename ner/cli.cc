/// @file cli.cc
/// @brief news-ner option parsing and commands.
#include "ner/cli.h"

#include "common/ner/brown.h"
#include "common/ner/clusters.h"
#include "common/ner/conll.h"
#include "common/ner/gazetteer.h"
#include "common/ner/recognizer.h"
#include "common/ner/tagger.h"
#include "common/ner/tokenizer.h"
#include "common/ner/trainer.h"

#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

namespace news::ner::cli {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "Usage:\n"
    "  news-ner train --train FILE [--dev FILE] --out MODEL [--epochs N]\n"
    "  news-ner evaluate --model MODEL FILE [--json]\n"
    "  news-ner tag [--model MODEL] [FILE|-] [--json]\n"
    "  news-ner clusters --out FILE [--clusters C] [--min-count N] [--conll FILE]... [TEXTFILE...]\n"
    "\n"
    "Named-entity recognition for English news (PERSON, ORG, PLACE, MISC).\n"
    "train reads CoNLL-2003 files (word POS chunk NE-tag, -DOCSTART- between documents);\n"
    "with --dev it keeps the epoch with the best development F1; with --clusters it adds\n"
    "word-cluster features and stores the cluster table in the model.\n"
    "clusters builds Brown word clusters from unlabelled text (tokenized as the tagger does)\n"
    "and writes \"path<TAB>word<TAB>count\" lines.\n";

std::string help_text(const po::options_description& desc) {
    std::ostringstream ss;
    ss << kUsage << "\n" << desc;
    return ss.str();
}

std::string read_input(const std::string& path) {
    std::ostringstream ss;
    if (path == "-") {
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    ss << in.rdbuf();
    return ss.str();
}

void print_warnings(const std::vector<std::string>& warnings, std::ostream& err) {
    for (const auto& w : warnings) err << "news-ner: warning: " << w << "\n";
}

nlohmann::json counts_json(const Counts& c) {
    return {{"gold", c.gold}, {"predicted", c.predicted}, {"correct", c.correct},
            {"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()}};
}

void print_evaluation(const Evaluation& e, bool json, std::ostream& out) {
    if (json) {
        nlohmann::json j;
        j["sentences"] = e.sentences;
        j["tokens"] = e.tokens;
        j["overall"] = counts_json(e.overall);
        for (std::size_t t = 0; t < kTypeCount; ++t) {
            j["types"][std::string(conll_type_name(static_cast<EntityType>(t)))] = counts_json(e.by_type[t]);
        }
        out << j.dump(2) << "\n";
        return;
    }
    out << fmt::format("processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n", e.tokens,
                       e.overall.gold, e.overall.predicted, e.overall.correct);
    out << fmt::format("{:>8}  precision: {:6.2f}%; recall: {:6.2f}%; FB1: {:6.2f}\n", "overall",
                       100.0 * e.overall.precision(), 100.0 * e.overall.recall(), 100.0 * e.overall.f1());
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        const Counts& c = e.by_type[t];
        out << fmt::format("{:>8}  precision: {:6.2f}%; recall: {:6.2f}%; FB1: {:6.2f}  {}\n",
                           conll_type_name(static_cast<EntityType>(t)), 100.0 * c.precision(), 100.0 * c.recall(),
                           100.0 * c.f1(), c.predicted);
    }
}

int run_train(const Options& o, std::ostream& out, std::ostream& err) {
    const auto t0 = std::chrono::steady_clock::now();
    const Gazetteer gazetteer = Gazetteer::load();
    print_warnings(gazetteer.warnings(), err);
    err << fmt::format("gazetteers: {} phrases, {} dictionary words, {} WordNet word classes\n", gazetteer.phrase_count(),
                       gazetteer.dictionary_size(), gazetteer.word_class_count());
    const auto train_docs = read_conll_file(o.train_file);
    std::vector<ConllDocument> dev_docs;
    if (!o.dev_file.empty()) dev_docs = read_conll_file(o.dev_file);
    WordClusters clusters;
    if (!o.cluster_file.empty()) {
        clusters = WordClusters::read_file(o.cluster_file);
        err << fmt::format("word clusters: {} words from {}\n", clusters.size(), o.cluster_file);
    }
    const FeatureExtractor extractor(gazetteer, &clusters);
    TrainOptions topt{.epochs = o.epochs,
                      .seed = o.seed,
                      .title_case_share = o.title_case_share,
                      .honorific_share = o.honorific_share,
                      .runs = o.runs,
                      .prune_threshold = static_cast<float>(o.prune),
                      .log = [&err](const std::string& line) { err << line << std::endl; }};
    TrainResult result = train(train_docs, dev_docs, extractor, gazetteer.signature(), topt);
    result.model.set_clusters(clusters);
    result.model.save(o.out);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out << fmt::format("wrote {} (epoch {}, {} features, {} weights) in {:.1f}s\n", o.out, result.best_epoch,
                       result.model.feature_count(), result.model.entry_count(), secs);
    if (!dev_docs.empty()) print_evaluation(result.dev, false, out);
    return 0;
}

int run_evaluate(const Options& o, std::ostream& out, std::ostream& err) {
    const Model model = Model::load(o.model);
    const Gazetteer gazetteer = Gazetteer::load();
    print_warnings(gazetteer.warnings(), err);
    if (model.meta().feature_version != kFeatureVersion) {
        throw std::runtime_error(o.model + " was built for another feature set version; retrain it");
    }
    if (model.meta().gazetteer_signature != gazetteer.signature()) {
        err << "news-ner: warning: the gazetteers differ from the ones the model was trained with\n";
    }
    const FeatureExtractor extractor(gazetteer, &model.clusters());
    const auto docs = read_conll_file(o.input);
    print_evaluation(Tagger(model, extractor).evaluate(docs), o.json, out);
    return 0;
}

int run_tag(const Options& o, std::ostream& out, std::ostream& err) {
    const std::filesystem::path model_path = o.model.empty() ? Recognizer::default_model_path() : std::filesystem::path(o.model);
    const Recognizer recognizer(model_path);
    print_warnings(recognizer.warnings(), err);
    const std::string text = read_input(o.input);
    const auto mentions = recognizer.mentions(text);
    if (o.json) {
        nlohmann::json j = nlohmann::json::object();
        j["mentions"] = nlohmann::json::array();
        for (const Mention& m : mentions) {
            if (m.canonical.empty()) continue;
            j["mentions"].push_back({{"type", std::string(type_name(m.type))}, {"canonical", m.canonical},
                                     {"surface", m.surface}, {"begin", m.begin}, {"end", m.end}});
        }
        const news::Entities e = Recognizer::to_entities(mentions);
        j["entities"] = {{"person", e.person}, {"org", e.org}, {"place", e.place}, {"misc", e.misc}};
        out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    for (const Mention& m : mentions) {
        if (m.canonical.empty()) continue;
        std::string surface = m.surface;
        for (char& c : surface) {
            if (c == '\n' || c == '\t') c = ' ';
        }
        out << fmt::format("{}\t{}\t{}\t{}-{}\n", type_name(m.type), m.canonical, surface, m.begin, m.end);
    }
    return 0;
}

int run_clusters(const Options& o, std::ostream& out, std::ostream& err) {
    const auto t0 = std::chrono::steady_clock::now();
    BrownClusterer clusterer;
    for (const std::string& path : o.conll_inputs) {
        for (const ConllDocument& doc : read_conll_file(path)) {
            for (const ConllSentence& s : doc.sentences) clusterer.add_sentence(s.words);
        }
    }
    for (const std::string& path : o.inputs) {
        const std::string text = read_input(path);
        const TokenizedText tt = tokenize(text);
        for (const SentenceRange& r : tt.sentences) clusterer.add_sentence(sentence_words(text, tt, r));
    }
    const BrownOptions bopt{.clusters = o.cluster_count,
                            .min_count = o.min_count,
                            .log = [&err](const std::string& line) { err << line << std::endl; }};
    const std::vector<ClusterEntry> entries = clusterer.run(bopt);
    std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + o.out);
    write_clusters(file, entries);
    file.flush();
    if (!file) throw std::runtime_error("error writing " + o.out);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out << fmt::format("wrote {} ({} words, {} tokens read) in {:.1f}s\n", o.out, entries.size(), clusterer.token_count(), secs);
    return 0;
}

}  // namespace

Options parse_options(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    Options o;
    desc.add_options()
        ("help,h", "show this help and exit")
        ("train", po::value<std::string>(&o.train_file), "train: CoNLL training file")
        ("dev", po::value<std::string>(&o.dev_file), "train: CoNLL development file (selects the epoch)")
        ("out,o", po::value<std::string>(&o.out), "train: model file to write")
        ("epochs", po::value<int>(&o.epochs)->default_value(12), "train: passes over the data")
        ("seed", po::value<std::uint64_t>(&o.seed)->default_value(1), "train: shuffling seed")
        ("title-case-share", po::value<double>(&o.title_case_share)->default_value(0.25),
         "train: share of sentences also trained in Title Case")
        ("honorific-share", po::value<double>(&o.honorific_share)->default_value(0.1),
         "train: share of sentences with a person also trained as \"Mr. Surname\"")
        ("runs", po::value<int>(&o.runs)->default_value(1), "train: runs with different shuffles, weights averaged")
        ("prune", po::value<double>(&o.prune)->default_value(0.0), "train: drop weights below this size")
        ("clusters", po::value<std::string>(), "train: word-cluster file to use; clusters: number of clusters C (256)")
        ("min-count", po::value<std::uint64_t>(&o.min_count)->default_value(3), "clusters: least frequency of a clustered word")
        ("conll", po::value<std::vector<std::string>>(&o.conll_inputs), "clusters: CoNLL file whose words to add (repeatable)")
        ("model,m", po::value<std::string>(&o.model), "evaluate, tag: model file")
        ("json", po::bool_switch(&o.json), "machine-readable output");
    po::options_description hidden;
    hidden.add_options()("command", po::value<std::string>(), "")("input", po::value<std::vector<std::string>>(), "");
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description pos;
    pos.add("command", 1).add("input", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
        if (vm.count("help") != 0 || vm.count("command") == 0) {
            if (vm.count("help") == 0) throw UsageError("missing command (train, evaluate, tag or clusters); see --help");
            o.command = Command::help;
            o.help_text = help_text(desc);
            return o;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    const std::string command = vm["command"].as<std::string>();
    const bool has_input = vm.count("input") != 0;
    if (has_input) o.inputs = vm["input"].as<std::vector<std::string>>();
    if (has_input) o.input = o.inputs.front();
    if (o.inputs.size() > 1 && command != "clusters") throw UsageError(command + " takes at most one file");
    const std::string clusters_value = vm.count("clusters") != 0 ? vm["clusters"].as<std::string>() : std::string();
    if (!clusters_value.empty() && command != "train" && command != "clusters") {
        throw UsageError("--clusters is for train and clusters");
    }
    if (command == "train") {
        o.command = Command::train;
        if (o.train_file.empty()) throw UsageError("train needs --train FILE");
        if (o.out.empty()) throw UsageError("train needs --out MODEL");
        if (has_input) throw UsageError("train takes no positional file (use --train)");
        if (o.epochs < 1 || o.epochs > 1000) throw UsageError("--epochs must be between 1 and 1000");
        if (o.title_case_share < 0.0 || o.title_case_share > 1.0) throw UsageError("--title-case-share must be in [0, 1]");
        if (o.honorific_share < 0.0 || o.honorific_share > 1.0) throw UsageError("--honorific-share must be in [0, 1]");
        if (o.runs < 1 || o.runs > 100) throw UsageError("--runs must be between 1 and 100");
        if (o.prune < 0.0) throw UsageError("--prune must not be negative");
        o.cluster_file = clusters_value;
    } else if (command == "evaluate") {
        o.command = Command::evaluate;
        if (o.model.empty()) throw UsageError("evaluate needs --model MODEL");
        if (!has_input) throw UsageError("evaluate needs a CoNLL FILE");
    } else if (command == "tag") {
        o.command = Command::tag;
    } else if (command == "clusters") {
        o.command = Command::clusters;
        if (o.out.empty()) throw UsageError("clusters needs --out FILE");
        if (o.inputs.empty() && o.conll_inputs.empty()) throw UsageError("clusters needs text files or --conll FILE");
        if (!clusters_value.empty()) {
            try {
                std::size_t used = 0;
                const unsigned long long c = std::stoull(clusters_value, &used);
                if (used != clusters_value.size() || c < 2 || c > 4096) throw std::invalid_argument("range");
                o.cluster_count = static_cast<std::size_t>(c);
            } catch (const std::exception&) {
                throw UsageError("--clusters must be a number between 2 and 4096");
            }
        }
        if (o.min_count < 1) throw UsageError("--min-count must be at least 1");
    } else {
        throw UsageError("unknown command '" + command + "' (train, evaluate, tag or clusters)");
    }
    return o;
}

int run(const Options& options, std::ostream& out, std::ostream& err) {
    switch (options.command) {
    case Command::help: out << options.help_text; return 0;
    case Command::train: return run_train(options, out, err);
    case Command::evaluate: return run_evaluate(options, out, err);
    case Command::tag: return run_tag(options, out, err);
    case Command::clusters: return run_clusters(options, out, err);
    }
    return 1;
}

}  // namespace news::ner::cli
