/// @file ner_cli_test.cc
/// @brief news-ner option parsing, and train / evaluate / tag end to end on a tiny data set.
#include "ner/cli.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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

}  // namespace
}  // namespace news::ner::cli
