/// @file search_service.h
/// @brief A fixed pool of search threads, each with its own Searcher, and a deadline per request.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "searcher/search.h"
#include "server/api.h"

namespace news::server {

struct SearchServiceOptions {
    std::size_t threads = 2;                   ///< searches run at once (one Searcher each)
    std::size_t max_queued = 256;              ///< waiting searches; more get 503 "busy"
    std::chrono::milliseconds timeout{10'000}; ///< a search not answered by then gets 503
};

/// Runs searches on worker threads that each own a Searcher (Xapian readers are
/// not thread-safe; one per thread also lets them run in parallel). Searchers
/// reopen the database before every search, so newly indexed articles show up
/// without a restart. A search past its deadline is answered with ApiError 503;
/// it still runs to the end on its worker (Xapian cannot abort a match), which
/// the queue limit bounds.
class SearchService {
public:
    /// Opens one Searcher at once to check @p db_path (throws std::runtime_error
    /// when it is not a database); the others open on first use.
    SearchService(std::string db_path, SearchServiceOptions options);
    ~SearchService();
    SearchService(const SearchService&) = delete;
    SearchService& operator=(const SearchService&) = delete;

    /// Runs @p fn with a Searcher of its own and returns its result; rethrows
    /// what @p fn throws; throws ApiError(503) when busy or past the deadline.
    /// Past the deadline @p fn still runs to its end after run() has returned:
    /// it must own (capture by value) everything it uses that the caller owns.
    template <typename Fn>
    auto run(Fn&& fn) -> decltype(fn(std::declval<Searcher&>())) {
        using Result = decltype(fn(std::declval<Searcher&>()));
        auto promise = std::make_shared<std::promise<Result>>();
        std::future<Result> future = promise->get_future();
        submit([promise, fn = std::forward<Fn>(fn)](Searcher* searcher, const std::exception_ptr& open_error) mutable {
            try {
                if (!searcher) std::rethrow_exception(open_error);
                if constexpr (std::is_void_v<Result>) {
                    fn(*searcher);
                    promise->set_value();
                } else {
                    promise->set_value(fn(*searcher));
                }
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        });
        if (future.wait_for(options_.timeout) != std::future_status::ready) throw_timeout();
        return future.get();
    }

    [[nodiscard]] const SearchServiceOptions& options() const { return options_; }

private:
    /// Runs with the thread's Searcher, or with nullptr and the reason it could not be opened.
    using Job = std::function<void(Searcher*, const std::exception_ptr&)>;
    void submit(Job job);
    [[noreturn]] void throw_timeout() const;
    void work(std::unique_ptr<Searcher> searcher);

    std::string db_path_;
    SearchServiceOptions options_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Job> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace news::server
