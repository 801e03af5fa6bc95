/// @file robustness_input_test.cc
/// @brief Hostile inputs through news-index: each gets a message naming the file, and the run goes on.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "tests/indexer_test_util.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;

class HostileInput : public ::testing::Test {
protected:
    void SetUp() override {
        std::mt19937 rng(1);
        good_ = tmp_.write("good/good.jsonl", article_line("good", "A good article", rng) + '\n');
    }
    /// Runs news-index over @p inputs and the good file.
    RunResult index(std::vector<std::string> inputs, std::vector<std::string> options = {}) {
        std::vector<std::string> args{"--db", db(), "--no-entities", "--json"};
        args.insert(args.end(), options.begin(), options.end());
        args.insert(args.end(), inputs.begin(), inputs.end());
        args.push_back(good_.string());
        return run_tool("news-index", args);
    }
    [[nodiscard]] std::string db() const { return (tmp_ / "db").string(); }
    /// The good article was indexed too: the run went on.
    void expect_good_indexed() {
        DatabaseContents c = read_database(db());
        EXPECT_TRUE(c.problems.empty());
        EXPECT_EQ(c.titles.count("good"), 1u);
    }
    std::string stored_body(const std::string& id) {
        Xapian::Database d(db());
        std::string term = schema::id_term(id);
        auto p = d.postlist_begin(term);
        if (p == d.postlist_end(term)) return "<missing>";
        return StoredCodec::of(d).decode(StoredCodec::stored_bytes(d.get_document(*p)));
    }

    TempDir tmp_;
    fs::path good_;
};

TEST_F(HostileInput, FileOverTheSizeLimit) {
    auto big = tmp_.write("big.txt", "Headline\n\n" + std::string(2u << 20, 'a') + "\n");
    RunResult r = index({big.string()}, {"--max-file-size", "1"});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find(big.string() + ": error: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("larger than the limit"), std::string::npos) << r.err;
    expect_good_indexed();
}

TEST_F(HostileInput, VeryLongLinesAreReadInLinearTime) {
    // A 50 MB JSON Lines record on one line (most of it a field the indexer
    // does not keep), and a text article whose body is one 4 MB line of words.
    std::string pad(50u << 20, 'x');
    auto jsonl = tmp_.write("long.jsonl", R"({"id":"long-record","title":"Long record","body":"Short body.","padding":")" + pad +
                                              "\"}\n{\"id\":\"after\",\"title\":\"After\",\"body\":\"Next line.\"}\n");
    pad.clear();
    pad.shrink_to_fit();
    std::string words;
    while (words.size() < (4u << 20)) words += "ceasefire talks resumed on sunday ";
    auto text = tmp_.write("long.txt", "A headline over a long line\n\n" + words + "\n");
    RunResult r = index({jsonl.string(), text.string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(stored_body("long-record"), "<missing>");
    EXPECT_NE(stored_body("after"), "<missing>");
    EXPECT_NE(stored_body(text.string()), "<missing>");
    EXPECT_GT(stored_body(text.string()).size(), 4u << 20);
    expect_good_indexed();
}

TEST_F(HostileInput, DeeplyNestedJsonIsRefusedByTheParser) {
    const std::size_t depth = 200000;
    auto arrays = tmp_.write("deep.json", std::string(depth, '[') + std::string(depth, ']'));
    std::string objects;
    for (std::size_t i = 0; i < 5000; ++i) objects += R"({"a":)";
    objects += "1" + std::string(5000, '}');
    auto lines = tmp_.write("deep.jsonl", R"({"id":"line1","title":"Fine","body":"Fine line."})" "\n" + objects + "\n");
    RunResult r = index({arrays.string(), lines.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find(arrays.string() + ":1: error: arrays or objects nested deeper than 64 levels"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(lines.string() + ":2: error: arrays or objects nested deeper than 64 levels"),
              std::string::npos)
        << r.err;
    EXPECT_NE(stored_body("line1"), "<missing>");  // the other line of the file
    expect_good_indexed();
}

TEST_F(HostileInput, NulBytes) {
    // at the start: binary, refused; further in: dropped with a warning
    auto binary = tmp_.write("nul-start.txt", std::string("Headline\0\0\0 text", 16));
    std::string text = "Talks resume\n\n" + std::string(10000, 'w') + std::string("\0 after the nul.\n", 17);
    auto later = tmp_.write("nul-later.txt", text);
    auto jsonl = tmp_.write("nul.jsonl", std::string(R"({"id":"nul-json","title":"T","body":"a\u0000b"})") + "\n");
    RunResult r = index({binary.string(), later.string(), jsonl.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find(binary.string() + ": error: binary data"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(later.string() + ": warning: 1 NUL or control character(s) dropped"), std::string::npos)
        << r.err;
    EXPECT_EQ(stored_body(later.string()).find('\0'), std::string::npos);
    EXPECT_NE(stored_body(later.string()), "<missing>");
    EXPECT_NE(stored_body("nul-json"), "<missing>");
    expect_good_indexed();
}

TEST_F(HostileInput, ControlCharacters) {
    auto f = tmp_.write("control.txt", "Talks \x01resume\n\nThe \x07talks\x1b[31m resumed\x7f on Sunday.\n");
    RunResult r = index({f.string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find(f.string() + ": warning: 4 NUL or control character(s) dropped"), std::string::npos) << r.err;
    std::string stored = stored_body(f.string());
    EXPECT_EQ(stored.find('\x07'), std::string::npos);
    EXPECT_EQ(stored.find('\x1b'), std::string::npos);
    EXPECT_NE(stored.find("Talks resume"), std::string::npos) << stored;
    expect_good_indexed();
}

TEST_F(HostileInput, InvalidUtf8) {
    auto f = tmp_.write("bad-utf8.txt", "Caf\xc3\xa9 talks \xff\xfe resume\n\nOverlong \xc0\xaf and cut \xe2\x82 sequence.\n");
    auto latin1 = tmp_.write("latin1.txt", "Caf\xe9 talks\n\nM\xfcnchen and Z\xfcrich.\n");
    RunResult r = index({f.string(), latin1.string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find(f.string() + ": warning: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("invalid UTF-8 sequence(s) replaced"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(latin1.string() + ": warning: not UTF-8; read as Latin-1"), std::string::npos) << r.err;
    EXPECT_NE(stored_body(f.string()).find("Caf\xc3\xa9"), std::string::npos);
    EXPECT_NE(stored_body(latin1.string()).find("M\xc3\xbcnchen"), std::string::npos);
    expect_good_indexed();
}

TEST_F(HostileInput, SymbolicLinkLoops) {
    std::mt19937 rng(2);
    tmp_.write("links/real.jsonl", article_line("real", "Real", rng) + '\n');
    fs::create_symlink(tmp_ / "links/b.txt", tmp_ / "links/a.txt");  // a -> b -> a
    fs::create_symlink(tmp_ / "links/a.txt", tmp_ / "links/b.txt");
    fs::create_directories(tmp_ / "links/sub");
    fs::create_directory_symlink(tmp_ / "links", tmp_ / "links/sub/up");  // a directory link to its parent's parent
    fs::create_directory_symlink(tmp_ / "links/sub", tmp_ / "links/sub/self");
    RunResult r = index({(tmp_ / "links").string(), (tmp_ / "links/a.txt").string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find((tmp_ / "links/a.txt").string() + ": error: broken symbolic link or symbolic link loop"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find((tmp_ / "links/b.txt").string() + ": error: broken symbolic link or symbolic link loop"),
              std::string::npos)
        << r.err;
    DatabaseContents c = read_database(db());
    EXPECT_EQ(c.titles.count("real"), 1u);  // once: the loops were not followed
    EXPECT_EQ(c.doc_count, 2u);
    expect_good_indexed();
}

TEST_F(HostileInput, UnreadableDirectoryAndFile) {
    std::mt19937 rng(3);
    tmp_.write("tree/ok/ok.jsonl", article_line("ok", "Ok", rng) + '\n');
    tmp_.write("tree/closed/hidden.jsonl", article_line("hidden", "Hidden", rng) + '\n');
    auto closed_file = tmp_.write("tree/closed-file.jsonl", article_line("closed-file", "Closed", rng) + '\n');
    fs::permissions(tmp_ / "tree/closed", fs::perms::none);
    fs::permissions(closed_file, fs::perms::none);

    std::vector<std::string> args{"--db", db(), "--no-entities", (tmp_ / "tree").string(), good_.string()};
    RunResult r;
    if (geteuid() == 0) {
        // root reads through chmod 000 (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        // run the indexer without those capabilities
        if (std::system("setpriv --bounding-set=-dac_override,-dac_read_search true >/dev/null 2>&1") != 0) {
            GTEST_SKIP() << "running as root and setpriv cannot drop CAP_DAC_OVERRIDE here, so a directory "
                            "cannot be made unreadable";
        }
        std::string cmd = "setpriv --bounding-set=-dac_override,-dac_read_search -- " +
                          shell_quote(std::string(NEWS_BINARY_DIR) + "/news-index");
        for (const auto& a : args) cmd += " " + shell_quote(a);
        TempDir io;
        int raw = std::system((cmd + " >/dev/null 2>" + shell_quote((io / "err").string())).c_str());
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.err = read_file(io / "err");
    } else {
        r = run_tool("news-index", args);
    }
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(r.err.find((tmp_ / "tree/closed").string() + ": error: cannot read directory"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(closed_file.string() + ": error: cannot open for reading"), std::string::npos) << r.err;
    DatabaseContents c = read_database(db());
    EXPECT_EQ(c.titles.count("ok"), 1u);
    EXPECT_EQ(c.titles.count("hidden"), 0u);
    expect_good_indexed();
}

TEST_F(HostileInput, DatabasePathThatIsAFile) {
    auto file = tmp_.write("not-a-db", "just a file\n");
    RunResult r = run_tool("news-index", {"--db", file.string(), good_.string()});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(file.string() + ": is a file, not a database directory"), std::string::npos) << r.err;
}

/// The facet store's file cannot be written at a commit (here its temporary
/// name is taken by a directory): the run ends with exit status 1, the message
/// names the database, gives the reason and says how many articles the
/// database holds, and those articles (the batch committed to Xapian just
/// before the store's write included) stay searchable.
TEST_F(HostileInput, AFacetStoreThatCannotBeWrittenSaysWhatTheDatabaseHolds) {
    RunResult first = index({});
    ASSERT_EQ(first.status, 0) << first.err;
    fs::create_directories(fs::path(db()) / "facets" / "store.tmp" / "in-the-way");
    std::mt19937 rng(2);
    std::string lines;
    for (int i = 0; i < 3; ++i) lines += article_line("more-" + std::to_string(i), "More talks", rng) + '\n';
    auto more = tmp_.write("more.jsonl", lines);
    RunResult r = index({more.string()});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("news-index: " + db() + ": "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cannot write the facet store: Is a directory"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("; what was committed before is kept (the database holds 4 articles)"), std::string::npos)
        << r.err;
    EXPECT_EQ(Xapian::Database(db()).get_doccount(), 4u);
}

/// A disk that fills up while news-index writes: the message names the
/// database and says how many articles it holds, the exit status is 1, and the
/// batches committed before stay searchable; a compaction there fails and leaves them as they were. The full disk is a 4 MiB tmpfs in a mount namespace of the
/// run's own (skipped where mounting is not allowed).
TEST(WriteFailure, AFullDiskNamesTheDatabaseAndKeepsWhatWasCommittedCompactionToo) {
    TempDir tmp;
    std::string lines;
    for (int i = 0; i < 2500; ++i) {
        lines += R"({"id":"n)" + std::to_string(i) + R"(","title":"Talks round )" + std::to_string(i) +
                 R"( in Geneva","source":"Wire","date":"2026-02-01","body":"Negotiators said talks resumed in Geneva )"
                 R"(on Sunday, round )" + std::to_string(i) + R"(, with officials from several countries attending."})" +
                 "\n";
    }
    const fs::path input = tmp.write("in.jsonl", lines);
    const fs::path disk = tmp / "disk";
    fs::create_directory(disk);
    const std::string bin = NEWS_BINARY_DIR;
    // Xapian 1.4's compactor leaks its tables when a write fails (about 60 KB,
    // allocated and lost inside libxapian, in a process that exits next), so
    // the sanitizer build checks that compaction without its leak report.
    // The namespace's tmpfs is gone when the shell exits: the search runs
    // inside. The shell exits 0 once both have run, else unshare or the mount
    // was refused.
    const std::string script =
        "mount -t tmpfs -o size=4m tmpfs \"$1\" 2>/dev/null || exit 77; "
        "\"$2/news-index\" --db \"$1/db\" --quiet --no-entities \"$3\" 2>\"$4/err\"; echo $? >\"$4/status\"; "
        "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" "
        "\"$2/news-index\" compact --db \"$1/db\" 2>\"$4/compact-err\"; echo $? >\"$4/compact-status\"; "
        "ls \"$1\" >\"$4/left\"; "
        "\"$2/news-search\" --db \"$1/db\" -n 0 talks >\"$4/search\" 2>&1; echo $? >\"$4/search-status\"; exit 0";
    const std::string cmd = "unshare --mount sh -c " + shell_quote(script) + " sh " + shell_quote(disk.string()) + " " +
                            shell_quote(bin) + " " + shell_quote(input.string()) + " " + shell_quote(tmp.path().string()) +
                            " 2>/dev/null";
    const int raw = std::system(cmd.c_str());
    if (!WIFEXITED(raw) || WEXITSTATUS(raw) != 0 || !fs::exists(tmp / "status")) {
        GTEST_SKIP() << "cannot mount a tmpfs in a mount namespace here (needs root and unshare)";
    }
    EXPECT_EQ(read_file(tmp / "status"), "1\n");
    const std::string err = read_file(tmp / "err");
    EXPECT_NE(err.find((disk / "db").string() + ": "), std::string::npos) << err;
    EXPECT_NE(err.find("No space left on device"), std::string::npos) << err;
    // Compaction on the full disk fails the same way and leaves the database
    // as it was (where it fails, in the copy or in bringing the facet store up
    // to date first, depends on how full the indexer left the disk).
    EXPECT_EQ(read_file(tmp / "compact-status"), "1\n");
    const std::string compact_err = read_file(tmp / "compact-err");
    EXPECT_NE(compact_err.find((disk / "db").string() + ": "), std::string::npos) << compact_err;
    EXPECT_NE(compact_err.find("No space left on device"), std::string::npos) << compact_err;
    EXPECT_NE(compact_err.find("news-index: warning: " + (disk / "db").string() + ": "), std::string::npos)
        << "the space it may need, said first: " << compact_err;
    EXPECT_NE(compact_err.find("MB free beside the database, and the compacted copy can need up to"), std::string::npos)
        << compact_err;
    EXPECT_EQ(read_file(tmp / "left"), "db\n") << "no partial copy left beside it";
    EXPECT_EQ(read_file(tmp / "search-status"), "0\n");
    const std::string search = read_file(tmp / "search");
    const auto committed = std::stoul(search);  // "N articles for ..."
    EXPECT_GT(committed, 0u) << search;
    EXPECT_LT(committed, 2500u) << search;
    EXPECT_EQ(committed % 1000, 0u) << "whole batches: " << search;
    // The indexer's message says what the database holds, as the search finds it.
    EXPECT_NE(err.find("; what was committed before is kept (the database holds " + std::to_string(committed) +
                       " articles)"),
              std::string::npos)
        << err;
}

}  // namespace
}  // namespace news::testing
