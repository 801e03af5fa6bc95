/// @file indexer_test_util.h
/// @brief Helpers of the indexer tests: news-index as a child process, generated articles, database checks.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "common/schema.h"
#include "common/stored_codec.h"
#include "tests/test_util.h"

namespace news::testing {

/// news-index (or another tool of the build) running as a child process, its
/// standard output and error going to files, its standard input either
/// /dev/null or a pipe held open until close_stdin().
class ChildProcess {
public:
    ChildProcess(const std::string& program, const std::vector<std::string>& args, bool stdin_pipe = false) {
        std::string exe = std::string(NEWS_BINARY_DIR) + "/" + program;
        std::vector<std::string> argv_store{exe};
        argv_store.insert(argv_store.end(), args.begin(), args.end());
        int fds[2] = {-1, -1};
        if (stdin_pipe && pipe(fds) != 0) throw std::runtime_error("pipe failed");
        std::string out = (io_ / "out").string(), err = (io_ / "err").string();
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            int in = stdin_pipe ? fds[0] : open("/dev/null", O_RDONLY);
            int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(in, 0);
            dup2(o, 1);
            dup2(e, 2);
            if (stdin_pipe) close(fds[1]);
            std::vector<char*> argv;
            for (auto& a : argv_store) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(exe.c_str(), argv.data());
            _exit(127);
        }
        if (stdin_pipe) {
            close(fds[0]);
            stdin_ = fds[1];
        }
    }
    ~ChildProcess() {
        close_stdin();
        if (pid_ > 0 && !reaped_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    void close_stdin() {
        if (stdin_ >= 0) close(stdin_);
        stdin_ = -1;
    }
    void signal(int sig) const { kill(pid_, sig); }

    /// True while the process has not exited (reaps it when it has).
    bool running() {
        if (reaped_) return false;
        int raw = 0;
        if (waitpid(pid_, &raw, WNOHANG) == pid_) {
            record(raw);
            return false;
        }
        return true;
    }
    /// Waits for the exit; the exit status, or 128 + the signal that killed it.
    int wait() {
        if (!reaped_) {
            int raw = 0;
            waitpid(pid_, &raw, 0);
            record(raw);
        }
        return status_;
    }
    [[nodiscard]] std::string out() const { return read_file(io_ / "out"); }
    [[nodiscard]] std::string err() const { return read_file(io_ / "err"); }

private:
    void record(int raw) {
        reaped_ = true;
        status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
    }

    TempDir io_;
    pid_t pid_ = -1;
    int stdin_ = -1;
    bool reaped_ = false;
    int status_ = -1;
};

/// One JSON Lines record of a generated article.
inline std::string article_line(const std::string& id, const std::string& title, std::mt19937& rng) {
    static const char* const words[] = {"talks", "ceasefire", "minister", "market", "shares", "rose", "fell",
                                        "government", "election", "trade", "oil", "prices", "bank", "rates",
                                        "summit", "agreement", "officials", "said", "on", "the", "in", "and"};
    std::string body;
    std::uniform_int_distribution<std::size_t> pick(0, std::size(words) - 1);
    for (int i = 0; i < 40; ++i) {
        if (i) body += ' ';
        body += words[pick(rng)];
    }
    return R"({"id":")" + id + R"(","title":")" + title + R"(","body":")" + body +
           R"(.","date":"2026-02-01","source":"Wire"})";
}

/// Ids of the articles in a database, each with its stored title; fails the
/// calling test (through the returned problems) when an id appears twice or a
/// document lacks an id term.
struct DatabaseContents {
    std::map<std::string, std::string> titles;  ///< id term without prefix -> stored title field
    std::vector<std::string> problems;
    Xapian::doccount doc_count = 0;
};

inline DatabaseContents read_database(const std::string& path) {
    DatabaseContents c;
    Xapian::Database db(path);
    c.doc_count = db.get_doccount();
    const StoredCodec codec = StoredCodec::of(db);
    const std::string q(schema::kId);
    std::size_t with_id = 0;
    for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t) {
        if (t.get_termfreq() != 1) c.problems.push_back("duplicate id term " + *t);
        auto p = db.postlist_begin(*t);
        std::string data = codec.decode(StoredCodec::stored_bytes(db.get_document(*p)));
        auto at = data.find(R"("title":")");
        std::string title;
        if (at != std::string::npos) {
            auto end = data.find('"', at + 9);
            title = data.substr(at + 9, end - at - 9);
        }
        c.titles[(*t).substr(q.size())] = title;
        with_id += t.get_termfreq();
    }
    if (with_id != c.doc_count) {
        c.problems.push_back("documents without exactly one id: " + std::to_string(c.doc_count) + " documents, " +
                             std::to_string(with_id) + " id postings");
    }
    return c;
}

}  // namespace news::testing
