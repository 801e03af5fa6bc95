/// @file server_test_util.h
/// @brief Test helpers for news-server: a small indexed collection and a server on a free loopback port.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include <httplib.h>

#include "server/server.h"
#include "tests/test_util.h"

namespace news::testing {

/// Four reports of one event from four outlets (written here, not copied from
/// anywhere): three spellings of one name, people named in only some articles.
inline const char* const kTalksArticles =
    R"({"id":"reuters-1","title":"Ukraine and Russia hold talks in Abu Dhabi","source":"Reuters","date":"2026-01-24","url":"https://example.com/reuters/1","body":"ABU DHABI (Reuters) - Ukrainian President Volodymyr Zelenskiy said on Saturday that talks with Russia in Abu Dhabi were constructive. Kremlin spokesman Dmitry Peskov said Russia's position had not changed. U.S. President Donald Trump welcomed the talks. Deputy Foreign Minister Sergei Ryabkov said the next round would be on February 1."}
{"id":"afp-1","title":"Peace talks in Abu Dhabi end without deal","source":"AFP","date":"2026-01-25","body":"Talks between Ukraine and Russia in Abu Dhabi ended on Sunday without a deal, officials said. Volodymyr Zelensky said the United States should keep up pressure on Vladimir Putin. Dmitry Peskov said more talks were needed."}
{"id":"kyiv/1 two","title":"Zelenskyy: next round of talks on February 1","source":"Kyiv Independent","date":"2026-01-25","body":"President Volodymyr Zelenskyy said on January 24, 2026 that the next round of talks in Abu Dhabi would take place on February 1. Vladimir Putin has not commented. Donald Trump said NATO would not be involved."}
{"id":"tass-1","title":"Trump says the Abu Dhabi meeting was good","source":"TASS","date":"2026-01-26","body":"Donald Trump said on Monday that the Abu Dhabi meeting was good. Vladimir Putin met Emirati officials in Moscow."}
)";

/// Indexes @p jsonl (JSON Lines) into @p db with the real news-index; throws on failure.
inline void index_jsonl(const TempDir& dir, const std::string& db, const std::string& name, const std::string& jsonl) {
    auto file = dir.write(name, jsonl);
    RunResult r = run_tool("news-index", {"--db", db, file.string()});
    if (r.status != 0) throw std::runtime_error("news-index failed: " + r.err);
}

/// A news::server::Server serving on a free loopback port in a thread of its own.
class ServerThread {
public:
    explicit ServerThread(const std::string& db, server::ServerOptions options = {}) {
        options.host = "127.0.0.1";
        options.port = 0;
        server_ = std::make_unique<server::Server>(db, std::move(options));
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->run(); });
    }
    ~ServerThread() {
        server_->stop();
        thread_.join();
    }
    ServerThread(const ServerThread&) = delete;
    ServerThread& operator=(const ServerThread&) = delete;

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    /// A client for this server (one per thread: clients are not shared).
    [[nodiscard]] std::unique_ptr<httplib::Client> client() const {
        auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
        c->set_read_timeout(30, 0);
        return c;
    }

private:
    std::unique_ptr<server::Server> server_;
    int port_ = -1;
    std::thread thread_;
};

}  // namespace news::testing
