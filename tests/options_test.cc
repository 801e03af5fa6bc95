/// @file options_test.cc
/// @brief Command-line parsing of news-index and news-search: defaults and bad values.
#include <gtest/gtest.h>

#include <vector>

#include "indexer/options.h"
#include "searcher/options.h"

namespace news {
namespace {

template <typename Fn>
auto parse(Fn fn, std::vector<const char*> args) {
    args.insert(args.begin(), "prog");
    return fn(static_cast<int>(args.size()), args.data());
}

TEST(IndexOptions, DefaultsAndValues) {
    auto cl = parse(parse_index_command_line, {"--db", "x.db", "a", "b"});
    EXPECT_EQ(cl.action, CliAction::run);
    EXPECT_EQ(cl.options.db_path, "x.db");
    EXPECT_EQ(cl.options.inputs, (std::vector<std::string>{"a", "b"}));
    EXPECT_FALSE(cl.options.dry_run);
    EXPECT_EQ(cl.options.batch_size, 1000u);
    EXPECT_TRUE(cl.options.entities);
    auto dry = parse(parse_index_command_line, {"--dry-run", "--json", "--no-entities", "-"});
    EXPECT_TRUE(dry.options.dry_run);
    EXPECT_TRUE(dry.options.json);
    EXPECT_FALSE(dry.options.entities);
    EXPECT_EQ(parse(parse_index_command_line, {"--max-file-size", "2", "--db", "d", "a"}).options.max_file_bytes,
              2u << 20);
}

TEST(IndexOptions, HelpWinsOverMissingArguments) {
    EXPECT_EQ(parse(parse_index_command_line, {"--help"}).action, CliAction::help);
    EXPECT_EQ(parse(parse_index_command_line, {"--version"}).action, CliAction::version);
}

TEST(IndexOptions, BadValuesAreUsageErrors) {
    using Args = std::vector<const char*>;
    for (const Args& args : {Args{"--db", "d"}, Args{"a"}, Args{"--db", "d", "--batch-size", "0", "a"},
                             Args{"--db", "d", "--batch-size", "x", "a"}, Args{"--bogus", "a"}}) {
        EXPECT_THROW((void)parse(parse_index_command_line, args), UsageError);
    }
}

TEST(SearchOptions, DefaultsAndValues) {
    auto cl = parse(parse_search_command_line, {"peace", "talks"});
    EXPECT_EQ(cl.db_path, "news.db");
    EXPECT_EQ(cl.request.query, "peace talks");
    EXPECT_EQ(cl.request.limit, 10u);
    EXPECT_EQ(cl.request.sort, SortOrder::relevance);
    EXPECT_EQ(cl.request.mode, MatchMode::all);
    auto full = parse(parse_search_command_line,
                      {"--db", "d", "--json", "--sort", "date", "--match", "any", "--facet", "person:5", "--filter",
                       "source:Reuters", "--filter", "source:AFP", "--exclude", "place:Kyiv", "--limit", "3", "x"});
    EXPECT_TRUE(full.json);
    EXPECT_EQ(full.request.sort, SortOrder::date);
    EXPECT_EQ(full.request.mode, MatchMode::any);
    ASSERT_EQ(full.request.facets.size(), 1u);
    EXPECT_EQ(full.request.facets[0].limit, 5u);
    EXPECT_EQ(full.request.filters.size(), 2u);
    EXPECT_EQ(full.request.excludes.size(), 1u);
    EXPECT_EQ(full.request.limit, 3u);
}

TEST(SearchOptions, BadValues) {
    EXPECT_THROW((void)parse(parse_search_command_line, {"--sort", "size"}), UsageError);
    EXPECT_THROW((void)parse(parse_search_command_line, {"--match", "some"}), UsageError);
    EXPECT_THROW((void)parse(parse_search_command_line, {"--limit", "-1"}), UsageError);
    EXPECT_THROW((void)parse(parse_search_command_line, {"--filter", "nope"}), QueryError);
    EXPECT_THROW((void)parse(parse_search_command_line, {"--facet", "date:decade"}), QueryError);
    EXPECT_EQ(parse(parse_search_command_line, {"--help"}).action, CliAction::help);
}

}  // namespace
}  // namespace news
