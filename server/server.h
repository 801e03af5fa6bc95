/// @file server.h
/// @brief news-server: the JSON API and the search page over HTTP.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "server/api.h"
#include "server/search_service.h"

namespace news::server {

struct ServerOptions {
    std::string host = "127.0.0.1";  ///< loopback unless told otherwise
    int port = 8080;                 ///< 0: any free port (see Server::bind)
    std::size_t http_threads = 8;    ///< connections served at once
    SearchServiceOptions search;     ///< search threads, queue and deadline
    ApiLimits limits;
    std::size_t cache_bytes = 64u << 20;      ///< answers kept for repeated requests (0: no cache)
    std::size_t max_request_body = 8 * 1024;  ///< the API takes no bodies; larger ones get 413
    /// Called once per request with method, path and status (access log); may be empty.
    std::function<void(const std::string& method, const std::string& path, int status)> log;
};

/// The HTTP server: GET /api/search, /api/facets, /api/timeline,
/// /api/article/{id}, /api/health, and the page at /. Every error is a JSON
/// object {"error": message, "status": code}. Answers of search, facets and
/// timeline are cached per database revision (see ResultCache): a repeated
/// request is answered from memory until the indexer commits.
class Server {
public:
    /// Opens @p db_path (throws std::runtime_error when it is not a database).
    Server(const std::string& db_path, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the listening socket and returns the port (the chosen one for
    /// port 0); throws std::runtime_error when the address cannot be bound.
    int bind();
    /// Serves until stop(); call bind() first.
    void run();
    /// Stops run() (from another thread or a signal-watching thread).
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace news::server
