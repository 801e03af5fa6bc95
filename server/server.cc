/// @file server.cc
/// @brief Routes of news-server on cpp-httplib.
#include "server/server.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/article_json.h"
#include "searcher/query_builder.h"
#include "searcher/render.h"
#include "server/assets.h"
#include "server/result_cache.h"

namespace news::server {
namespace {

using Clock = std::chrono::steady_clock;

std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
/// An answer's body: JSON text as it is, or a JSON value dumped.
std::string dump(std::string&& text) { return std::move(text); }

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(dump(body), "application/json; charset=utf-8");
}

nlohmann::json error_json(int status, const std::string& message) {
    return {{"error", message}, {"status", status}};
}

Params params_of(const httplib::Request& req) {
    return Params(req.params.begin(), req.params.end());
}

/// The cache key of a request: its path and parameters in a fixed order
/// (by name; repeated names keep their order, which never changes an answer's meaning).
std::string cache_key(const httplib::Request& req) {
    std::string key = req.path;
    char sep = '?';
    for (const auto& [name, value] : req.params) {  // a multimap: sorted by name
        key += sep;
        key += name;
        key += '=';
        key += value;
        key += '\0';
        sep = '&';
    }
    return key;
}

/// Sends the exception being handled as a JSON error with its status: 400 for
/// a bad request or query, 404 for a missing article, 503 for busy or too slow,
/// 500 otherwise. Call only inside a catch block.
void send_current_error(httplib::Response& res) {
    try {
        throw;
    } catch (const ApiError& e) {
        send_json(res, e.status(), error_json(e.status(), e.what()));
    } catch (const QueryError& e) {
        send_json(res, 400, error_json(400, e.what()));
    } catch (const Xapian::Error& e) {
        send_json(res, 500, error_json(500, fmt::format("database error: {}", e.get_description())));
    } catch (const std::exception& e) {
        send_json(res, 500, error_json(500, e.what()));
    } catch (...) {
        send_json(res, 500, error_json(500, "internal error"));
    }
}

/// Runs @p fn and sends its JSON, or the error.
template <typename Fn>
void answer(httplib::Response& res, Fn&& fn) {
    try {
        send_json(res, 200, fn());
    } catch (...) {
        send_current_error(res);
    }
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

nlohmann::json article_json(const Article& a) {
    nlohmann::json j = article_summary_json(a);
    j["body"] = a.body;
    j["headings"] = a.headings;
    return j;
}

void add_security_headers(httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
}

}  // namespace

struct Server::Impl {
    Impl(const std::string& db_path, ServerOptions opts)
        : options(std::move(opts)), cache(options.cache_bytes), service(db_path, options.search) {}

    void routes();
    /// Parses the request's parameters with @p parse, then answers with the JSON
    /// of @p compute(searcher, parsed), from the cache when the same request was
    /// answered at the current revision; adds took_ms and cached.
    template <typename Parse, typename Compute>
    void cached_answer(const httplib::Request& req, httplib::Response& res, Parse&& parse, Compute&& compute);

    ServerOptions options;
    // Declared before the service: a search abandoned at its deadline may still
    // be running (and write the cache) while the service's threads are joined.
    ResultCache cache;
    SearchService service;
    httplib::Server http;
    bool bound = false;
    // stop() may come before run() has started listening (a signal at start-up,
    // a test tearing down at once): these make it take effect either way.
    std::mutex run_mutex;
    bool stop_requested = false;
    bool run_entered = false;
    std::atomic<bool> run_returned{false};
};

template <typename Parse, typename Compute>
void Server::Impl::cached_answer(const httplib::Request& req, httplib::Response& res, Parse&& parse,
                                 Compute&& compute) {
    const auto start = Clock::now();
    try {
        // The search owns copies of what it needs: past its deadline it runs on
        // after this request has been answered and its locals are gone.
        auto [body, hit] = service.run([this, request = parse(params_of(req), options.limits), key = cache_key(req),
                                        compute](Searcher& s) {
            const Xapian::rev revision = s.refresh();
            if (auto cached = cache.get(revision, key)) return std::pair{std::move(*cached), true};
            std::string fresh = dump(compute(s, request));
            // Computed on the revision refreshed, unless the indexer's commits
            // forced a reopen meanwhile: only then is it that revision's answer.
            if (s.revision() == revision) cache.put(revision, key, fresh);
            return std::pair{std::move(fresh), false};
        });
        // The stored body is a JSON object: its last byte is the closing brace.
        body.pop_back();
        body += fmt::format(R"(,"cached":{},"took_ms":{:.3f}}})", hit ? "true" : "false", ms_since(start));
        res.status = 200;
        res.set_header("Cache-Control", "no-store");
        res.set_content(std::move(body), "application/json; charset=utf-8");
    } catch (...) {
        send_current_error(res);
    }
}

void Server::Impl::routes() {
    const std::size_t http_threads = options.http_threads == 0 ? 1 : options.http_threads;
    http.new_task_queue = [http_threads] { return new httplib::ThreadPool(http_threads); };
    http.set_payload_max_length(options.max_request_body);
    http.set_keep_alive_max_count(10'000);
    http.set_keep_alive_timeout(5);
    http.set_read_timeout(5, 0);
    http.set_write_timeout(5, 0);
    http.set_tcp_nodelay(true);

    // The API and the page answer GET (and HEAD) only.
    http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        add_security_headers(res);
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            send_json(res, 405, error_json(405, fmt::format("method {} not allowed: the API is read-only, use GET",
                                                            req.method)));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Anything without a body of its own (unknown path, 413, 414, ...) gets a JSON error.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            std::string message = res.status == 404   ? fmt::format("no such page or API endpoint: {}", req.path)
                                  : res.status == 413 ? std::string("request too large")
                                  : res.status == 414 ? std::string("request URI too long")
                                                      : fmt::format("request refused (HTTP {})", res.status);
            send_json(res, res.status, error_json(res.status, message));
            return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string message = "internal error";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            message = e.what();
        } catch (...) {
        }
        send_json(res, 500, error_json(500, message));
    });
    if (options.log) {
        http.set_logger([log = options.log](const httplib::Request& req, const httplib::Response& res) {
            log(req.method, req.path, res.status);
        });
    }

    for (const Asset& asset : assets()) {
        http.Get(std::string(asset.path), [&asset](const httplib::Request&, httplib::Response& res) {
            res.set_header("Cache-Control", "no-cache");
            res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type).c_str());
        });
    }

    http.Get("/api/health", [this](const httplib::Request&, httplib::Response& res) {
        answer(res, [&] {
            nlohmann::json j = service.run([](Searcher& s) {
                (void)s.refresh();  // the figures are current
                return nlohmann::json{{"status", "ok"},
                                      {"articles", s.doc_count()},
                                      {"revision", s.revision()},
                                      {"facet_store", s.has_facet_store()}};
            });
            ResultCache::Stats c = cache.stats();
            j["cache"] = {{"entries", c.entries}, {"bytes", c.bytes}, {"hits", c.hits}, {"misses", c.misses}};
            return j;
        });
    });

    http.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
        cached_answer(req, res, search_request_from_params, [](Searcher& s, const SearchRequest& r) {
            const Paging paging{r.offset, r.limit};
            return response_json_text(s.search(r), &paging);  // as response_json(...).dump(), faster
        });
    });

    http.Get("/api/facets", [this](const httplib::Request& req, httplib::Response& res) {
        cached_answer(req, res, facets_request_from_params, [](Searcher& s, const SearchRequest& r) {
            nlohmann::json j = response_json(s.search(r));
            return nlohmann::json{{"query", j["query"]}, {"total", j["total"]}, {"facets", j["facets"]}};
        });
    });

    http.Get("/api/timeline", [this](const httplib::Request& req, httplib::Response& res) {
        cached_answer(req, res, timeline_request_from_params, [](Searcher& s, const TimelineRequest& t) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& b : s.timeline(t.field, t.value, t.bucket, t.context)) {
                list.push_back({{"value", b.value}, {"count", b.count}});
            }
            return nlohmann::json{{"field", t.field}, {"value", t.value}, {"buckets", std::move(list)}};
        });
    });

    http.Get(R"(/api/article/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
        answer(res, [&] {
            const std::string id = req.matches[1];
            auto article = service.run([id](Searcher& s) { return s.article(id); });  // a copy: see cached_answer
            if (!article) throw ApiError(404, fmt::format("no article with id '{}'", id));
            return article_json(*article);
        });
    });
}

Server::Server(const std::string& db_path, ServerOptions options)
    : impl_(std::make_unique<Impl>(db_path, std::move(options))) {
    impl_->routes();
}

Server::~Server() = default;

int Server::bind() {
    const auto& o = impl_->options;
    int port = o.port;
    if (o.port == 0) {
        port = impl_->http.bind_to_any_port(o.host);
    } else if (!impl_->http.bind_to_port(o.host, o.port)) {
        port = -1;
    }
    if (port < 0) {
        throw std::runtime_error(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)",
                                             o.host, o.port));
    }
    impl_->bound = true;
    return port;
}

void Server::run() {
    if (!impl_->bound) throw std::logic_error("Server::run before Server::bind");
    {
        std::lock_guard lock(impl_->run_mutex);
        if (impl_->stop_requested) return;
        impl_->run_entered = true;
    }
    impl_->http.listen_after_bind();
    impl_->run_returned = true;
}

void Server::stop() {
    {
        std::lock_guard lock(impl_->run_mutex);
        impl_->stop_requested = true;
        if (!impl_->run_entered) return;  // run() will not start listening
    }
    // run() is about to listen: wait until it does (or gave up), then stop it.
    while (!impl_->http.is_running() && !impl_->run_returned) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    impl_->http.stop();
}

}  // namespace news::server
