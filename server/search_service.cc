/// @file search_service.cc
/// @brief Search threads with their own Searchers.
#include "server/search_service.h"

#include <fmt/format.h>

namespace news::server {

SearchService::SearchService(std::string db_path, SearchServiceOptions options)
    : db_path_(std::move(db_path)), options_(options) {
    if (options_.threads == 0) options_.threads = 1;
    auto first = std::make_unique<Searcher>(db_path_);  // fails here, clearly, for a bad path
    threads_.emplace_back([this, s = std::move(first)]() mutable { work(std::move(s)); });
    for (std::size_t i = 1; i < options_.threads; ++i) {
        threads_.emplace_back([this] { work(nullptr); });
    }
}

SearchService::~SearchService() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
}

void SearchService::submit(Job job) {
    {
        std::lock_guard lock(mutex_);
        if (queue_.size() >= options_.max_queued) {
            throw ApiError(503, "the server is busy: too many searches waiting; try again shortly");
        }
        queue_.push_back(std::move(job));
    }
    ready_.notify_one();
}

void SearchService::throw_timeout() const {
    throw ApiError(503, fmt::format("the search took longer than {} ms and was abandoned; narrow the query "
                                    "(fewer wildcards, fewer facets) or try again",
                                    options_.timeout.count()));
}

void SearchService::work(std::unique_ptr<Searcher> searcher) {
    // The pool runs searches side by side on the cores; one query keeps to its thread.
    const Parallelism one_thread{.threads = 1};
    if (searcher) searcher->set_parallelism(one_thread);
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, nothing left
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        std::exception_ptr open_error;
        if (!searcher) {
            try {
                searcher = std::make_unique<Searcher>(db_path_);
                searcher->set_parallelism(one_thread);
            } catch (...) {
                open_error = std::current_exception();  // this job reports it; the next one tries again
            }
        }
        job(searcher.get(), open_error);
    }
}

}  // namespace news::server
