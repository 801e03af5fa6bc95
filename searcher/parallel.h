/// @file parallel.h
/// @brief Intra-query parallelism: one query's match set and facet counts split by docid range over two threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace news {

/// A thread kept for the second half of split queries: handing it a task costs
/// a wake-up, where starting a thread per task cost about 80 microseconds (and
/// fresh allocator caches) on the development machine. The thread starts with the
/// first task, so a process that never splits a query never starts it. One task at
/// a time.
class HelperThread {
public:
    HelperThread();
    ~HelperThread();
    HelperThread(const HelperThread&) = delete;
    HelperThread& operator=(const HelperThread&) = delete;

    /// Runs @p first on the calling thread and @p second on the helper, and returns
    /// when both have finished; an exception from either is rethrown (first's first).
    void run_pair(const std::function<void()>& first, const std::function<void()>& second);

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_, done_;
    const std::function<void()>* task_ = nullptr;
    bool finished_ = false;
    bool stopping_ = false;
    std::exception_ptr error_;
    std::thread thread_;
};

/// How a query may use a second core. Posting lists and the facet store's columns
/// are walked in docid order, so each half of the docid space is counted on its own
/// thread (with its own Xapian::Database handle) and the halves are summed.
struct Parallelism {
    /// 1: everything on the calling thread; 2: split large match sets in two.
    unsigned threads = 1;
    /// Split only when at least this many postings (match set) or documents (counting)
    /// are to be walked; below it handing over to a thread costs more than it saves.
    std::size_t min_work = 50'000;
    /// Runs the second halves; nothing is split without one.
    HelperThread* helper = nullptr;

    [[nodiscard]] bool split(std::size_t work) const {
        return threads >= 2 && helper != nullptr && work >= min_work;
    }
};

/// The default for one query at a time (news-search): both halves when the
/// machine has a second core (Searcher supplies the helper). A server, which
/// runs queries side by side, keeps 1.
[[nodiscard]] inline Parallelism default_parallelism() {
    Parallelism p;
    p.threads = std::thread::hardware_concurrency() >= 2 ? 2 : 1;
    return p;
}

}  // namespace news
