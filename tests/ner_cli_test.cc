/// @file ner_cli_test.cc
/// @brief news-ner option parsing, and train / evaluate / tag end to end on a tiny data set.
#include "ner/cli.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <random>
#include <sstream>

namespace news::ner::cli {
namespace {

Options parse(std::vector<std::string> args) { return parse_options(args); }

TEST(NerCli, ParsesCommands) {
    const Options t = parse({"train", "--train", "a.conll", "--dev", "b.conll", "--out", "m.model", "--epochs", "3"});
    EXPECT_EQ(t.command, Command::train);
    EXPECT_EQ(t.train_file, "a.conll");
    EXPECT_EQ(t.dev_file, "b.conll");
    EXPECT_EQ(t.out, "m.model");
    EXPECT_EQ(t.epochs, 3);
    const Options e = parse({"evaluate", "--model", "m.model", "test.conll", "--json"});
    EXPECT_EQ(e.command, Command::evaluate);
    EXPECT_EQ(e.input, "test.conll");
    EXPECT_TRUE(e.json);
    const Options g = parse({"tag"});
    EXPECT_EQ(g.command, Command::tag);
    EXPECT_EQ(g.input, "-");
    EXPECT_TRUE(g.model.empty());
    const Options c = parse({"clusters", "--out", "c.txt", "--clusters", "300", "--min-count", "2", "--conll", "a.conll",
                             "--conll", "b.conll", "x.txt", "y.txt"});
    EXPECT_EQ(c.command, Command::clusters);
    EXPECT_EQ(c.cluster_count, 300u);
    EXPECT_EQ(c.min_count, 2u);
    EXPECT_EQ(c.conll_inputs, (std::vector<std::string>{"a.conll", "b.conll"}));
    EXPECT_EQ(c.inputs, (std::vector<std::string>{"x.txt", "y.txt"}));
    EXPECT_EQ(parse({"train", "--train", "a", "--out", "m", "--clusters", "c.txt"}).cluster_file, "c.txt");
    EXPECT_EQ(parse({"--help"}).command, Command::help);
    EXPECT_EQ(parse({"train", "--help"}).command, Command::help);
}

TEST(NerCli, RejectsBadCommandLines) {
    const std::vector<std::vector<std::string>> bad{
        {},
        {"frobnicate"},
        {"train", "--out", "m"},
        {"train", "--train", "a"},
        {"train", "--train", "a", "--out", "m", "--epochs", "0"},
        {"train", "--train", "a", "--out", "m", "--epochs", "many"},
        {"evaluate", "x.conll"},
        {"evaluate", "--model", "m"},
        {"tag", "--no-such-option"},
        {"tag", "a.txt", "b.txt"},
        {"clusters", "x.txt"},
        {"clusters", "--out", "c.txt"},
        {"clusters", "--out", "c.txt", "--clusters", "1", "x.txt"},
        {"clusters", "--out", "c.txt", "--clusters", "many", "x.txt"},
        {"clusters", "--out", "c.txt", "--min-count", "0", "x.txt"},
        {"tag", "--clusters", "c.txt"},
    };
    for (const auto& args : bad) EXPECT_THROW((void)parse(args), UsageError) << (args.empty() ? "" : args[0]);
}

TEST(NerCli, HelpGoesToStdout) {
    std::ostringstream out, err;
    EXPECT_EQ(run(parse({"--help"}), out, err), 0);
    EXPECT_NE(out.str().find("news-ner train"), std::string::npos);
    EXPECT_TRUE(err.str().empty());
}

TEST(NerCli, TrainEvaluateTagEndToEnd) {
    const auto dir = std::filesystem::temp_directory_path() / ("ner_cli_test_" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    {
        std::ofstream f(dir / "train.conll");
        for (int d = 0; d < 30; ++d) {
            f << "-DOCSTART- -X- O O\n\n";
            f << "Alba NNP I-NP I-PER\nKovac NNP I-NP I-PER\nvisited VBD I-VP O\nZorvik NNP I-NP I-LOC\n. . O O\n\n";
            f << "The DT I-NP O\nfirm NN I-NP O\nGlobex NNP I-NP I-ORG\nhired VBD I-VP O\nBoris NNP I-NP I-PER\nLund NNP I-NP I-PER\n. . O O\n\n";
        }
    }
    const auto model = (dir / "m.model").string();
    std::ostringstream out, err;
    EXPECT_EQ(run(parse({"train", "--train", (dir / "train.conll").string(), "--dev", (dir / "train.conll").string(), "--out",
                         model, "--epochs", "2"}),
                  out, err),
              0);
    EXPECT_TRUE(std::filesystem::exists(model));
    std::ostringstream eout;
    EXPECT_EQ(run(parse({"evaluate", "--model", model, (dir / "train.conll").string(), "--json"}), eout, err), 0);
    EXPECT_NE(eout.str().find("\"f1\": 1.0"), std::string::npos) << eout.str();
    {
        std::ofstream t(dir / "text.txt");
        t << "Alba Kovac visited Zorvik.\n";
    }
    std::ostringstream tout;
    EXPECT_EQ(run(parse({"tag", "--model", model, (dir / "text.txt").string()}), tout, err), 0);
    EXPECT_NE(tout.str().find("PERSON\tAlba Kovac\tAlba Kovac\t0-10"), std::string::npos) << tout.str();
    EXPECT_NE(tout.str().find("PLACE\tZorvik"), std::string::npos) << tout.str();
    EXPECT_THROW((void)run(parse({"evaluate", "--model", (dir / "absent.model").string(), "x"}), out, err), std::runtime_error);
    std::filesystem::remove_all(dir);
}

/// Made-up names from a fixed pseudo-random sequence, each a place or a person at
/// random, so that nothing in the spelling tells the type.
struct MadeUpNames {
    std::vector<std::string> places, people;
    MadeUpNames() {
        const std::vector<std::string> syllables{"ka", "lo", "mi", "ru", "te", "vo", "sa", "ne"};
        std::uint64_t x = 12345;
        const auto next = [&x] {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            return x >> 33;
        };
        std::set<std::string> seen;
        while (places.size() < 40 || people.size() < 40) {
            std::string name = syllables[next() % 8] + syllables[next() % 8] + syllables[next() % 8];
            name[0] = static_cast<char>(name[0] - 'a' + 'A');
            if (!seen.insert(name).second) continue;
            (next() % 2 == 0 ? places : people).push_back(name);
        }
        places.resize(40);
        people.resize(40);
    }
    /// "Place met Person ." or "Person met Place ." as a CoNLL document.
    [[nodiscard]] std::string document(std::size_t d) const {
        const std::string place = places[d] + " X X I-LOC\n", person = people[d] + " X X I-PER\n";
        return "-DOCSTART- -X- O O\n\n" + (d % 2 == 0 ? place : person) + "met X X O\n" + (d % 2 == 0 ? person : place) +
               ". . O O\n\n";
    }
};

double f1_of(const std::string& json) {
    const auto at = json.find("\"f1\": ");
    return at == std::string::npos ? -1.0 : std::stod(json.substr(at + 6));
}

TEST(NerCli, ClustersThenTrainWithThem) {
    const auto dir = std::filesystem::temp_directory_path() / ("ner_cli_test_" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const MadeUpNames names;
    {
        // Unlabelled text: places after "in", people before "said".
        std::ofstream t(dir / "text.txt");
        for (std::size_t r = 0; r < 6; ++r) {
            for (std::size_t i = 0; i < 40; ++i) {
                t << "It rained in " << names.places[(i + r * 7) % 40] << " today.\n\n";
                t << names.people[(i * 3 + r) % 40] << " said so.\n\n";
            }
        }
        // Labelled: "A met B", where only the word itself can tell the type; the test
        // names never occur in training.
        std::ofstream train(dir / "train.conll"), test(dir / "test.conll");
        for (std::size_t d = 0; d < 30; ++d) train << names.document(d);
        for (std::size_t d = 30; d < 40; ++d) test << names.document(d);
    }
    const auto clusters = (dir / "c.txt").string();
    std::ostringstream out, err;
    ASSERT_EQ(run(parse({"clusters", "--out", clusters, "--clusters", "4", "--min-count", "2", "--conll",
                         (dir / "train.conll").string(), (dir / "text.txt").string()}),
                  out, err),
              0)
        << err.str();
    std::ifstream in(clusters);
    std::map<std::string, std::string> path;
    std::string p, w, n;
    while (in >> p >> w >> n) path[w] = p;
    ASSERT_EQ(path.size(), 80u + 8u);
    for (const auto& place : names.places) EXPECT_EQ(path.at(place), path.at(names.places[0])) << place;
    for (const auto& person : names.people) EXPECT_EQ(path.at(person), path.at(names.people[0])) << person;
    EXPECT_NE(path.at(names.places[0]), path.at(names.people[0]));

    const auto with = (dir / "with.model").string(), without = (dir / "without.model").string();
    const auto train = (dir / "train.conll").string(), test = (dir / "test.conll").string();
    ASSERT_EQ(run(parse({"train", "--train", train, "--out", with, "--epochs", "10", "--clusters", clusters}), out, err), 0);
    ASSERT_EQ(run(parse({"train", "--train", train, "--out", without, "--epochs", "10"}), out, err), 0);
    std::ostringstream e_with, e_without;
    ASSERT_EQ(run(parse({"evaluate", "--model", with, test, "--json"}), e_with, err), 0);
    ASSERT_EQ(run(parse({"evaluate", "--model", without, test, "--json"}), e_without, err), 0);
    // Unseen names are typed through their clusters; without them it is guesswork.
    EXPECT_GE(f1_of(e_with.str()), 0.9) << e_with.str();
    EXPECT_GT(f1_of(e_with.str()), f1_of(e_without.str()) + 0.2) << e_without.str();
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace news::ner::cli
