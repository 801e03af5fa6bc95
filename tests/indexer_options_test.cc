/// @file indexer_options_test.cc
/// @brief news-index's robustness options, --aliases and the delete and recanonicalize subcommands: defaults, values, bad values.
#include <gtest/gtest.h>

#include <vector>

#include "indexer/options.h"

namespace news {
namespace {

IndexCommandLine parse(std::vector<const char*> args) {
    args.insert(args.begin(), "news-index");
    return parse_index_command_line(static_cast<int>(args.size()), args.data());
}

TEST(IndexerOptions, Defaults) {
    auto cl = parse({"--db", "d", "a"});
    EXPECT_EQ(cl.command, IndexCommandLine::Command::index);
    EXPECT_FALSE(cl.options.prune);
    EXPECT_FALSE(cl.options.wait);
    EXPECT_EQ(cl.options.wait_timeout, 300);
    EXPECT_EQ(cl.options.threads, 0u);  // all cores
    EXPECT_FALSE(cl.options.progress);  // main turns it on for a terminal
    EXPECT_FALSE(cl.options.date_from_mtime);  // never the file's time unless asked
}

TEST(IndexerOptions, Values) {
    auto cl = parse({"--db", "d", "--prune", "--threads", "3", "--wait", "a"});
    EXPECT_TRUE(cl.options.prune);
    EXPECT_EQ(cl.options.threads, 3u);
    EXPECT_TRUE(cl.options.wait);
    EXPECT_TRUE(parse({"--db", "d", "--date-from-mtime", "a"}).options.date_from_mtime);
    auto timeout = parse({"--db", "d", "--wait-timeout", "2.5", "a"});
    EXPECT_TRUE(timeout.options.wait);  // a timeout implies waiting
    EXPECT_EQ(timeout.options.wait_timeout, 2.5);
}

TEST(IndexerOptions, DeleteSubcommand) {
    auto cl = parse({"delete", "--db", "d", "--json", "--wait-timeout", "1", "id1", "id 2"});
    EXPECT_EQ(cl.command, IndexCommandLine::Command::remove);
    EXPECT_EQ(cl.delete_options.db_path, "d");
    EXPECT_EQ(cl.delete_options.ids, (std::vector<std::string>{"id1", "id 2"}));
    EXPECT_TRUE(cl.delete_options.json);
    EXPECT_TRUE(cl.delete_options.wait);
    EXPECT_EQ(parse({"delete", "--help"}).action, CliAction::help);
    // "delete" elsewhere is an input path
    EXPECT_EQ(parse({"--db", "d", "delete"}).options.inputs, (std::vector<std::string>{"delete"}));
}

TEST(IndexerOptions, AliasesAndTheRecanonicalizeSubcommand) {
    EXPECT_EQ(parse({"--db", "d", "--aliases", "names.txt", "a"}).options.aliases, "names.txt");
    EXPECT_TRUE(parse({"--db", "d", "a"}).options.aliases.empty());
    auto cl = parse({"recanonicalize", "--db", "d", "--aliases", "names.txt", "--batch-size", "7", "--json", "--wait"});
    EXPECT_EQ(cl.command, IndexCommandLine::Command::recanonicalize);
    EXPECT_EQ(cl.recanonicalize_options.db_path, "d");
    EXPECT_EQ(cl.recanonicalize_options.aliases, "names.txt");
    EXPECT_EQ(cl.recanonicalize_options.batch_size, 7u);
    EXPECT_TRUE(cl.recanonicalize_options.json);
    EXPECT_TRUE(cl.recanonicalize_options.wait);
    EXPECT_TRUE(parse({"recanonicalize", "--db", "d"}).recanonicalize_options.aliases.empty());
    EXPECT_EQ(parse({"recanonicalize", "--help"}).action, CliAction::help);
    EXPECT_NE(parse({"--help"}).help.find("recanonicalize"), std::string::npos);
}

TEST(IndexerOptions, TheCompactSubcommand) {
    auto cl = parse({"compact", "--db", "d", "--json", "--wait-timeout", "5"});
    EXPECT_EQ(cl.command, IndexCommandLine::Command::compact);
    EXPECT_EQ(cl.compact_options.db_path, "d");
    EXPECT_TRUE(cl.compact_options.json);
    EXPECT_TRUE(cl.compact_options.wait);
    EXPECT_EQ(cl.compact_options.wait_timeout, 5);
    EXPECT_FALSE(parse({"compact", "-d", "d"}).compact_options.wait);
    EXPECT_EQ(parse({"compact", "--help"}).action, CliAction::help);
    EXPECT_NE(parse({"--help"}).help.find("news-index compact --db DB"), std::string::npos);
    // "compact" elsewhere is an input path
    EXPECT_EQ(parse({"--db", "d", "compact"}).options.inputs, (std::vector<std::string>{"compact"}));
}

TEST(IndexerOptions, BadValuesAreUsageErrors) {
    using Args = std::vector<const char*>;
    for (const Args& args : {Args{"--db", "d", "--threads", "x", "a"}, Args{"--db", "d", "--threads", "5000", "a"},
                             Args{"--db", "d", "--wait-timeout", "-1", "a"}, Args{"--dry-run", "--prune", "a"},
                             Args{"delete", "--db", "d"}, Args{"delete", "id"}, Args{"delete", "--db", "d", "--bogus", "x"},
                             Args{"recanonicalize"}, Args{"recanonicalize", "--db", "d", "extra"},
                             Args{"recanonicalize", "--db", "d", "--batch-size", "0"}, Args{"compact"},
                             Args{"compact", "--db", "d", "extra"}, Args{"compact", "--db", "d", "--wait-timeout", "-2"}}) {
        EXPECT_THROW((void)parse(args), UsageError) << ::testing::PrintToString(args);
    }
}

}  // namespace
}  // namespace news
