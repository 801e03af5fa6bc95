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
    /// Runs the second halves; without one, a thread is started for each.
    HelperThread* helper = nullptr;

    [[nodiscard]] bool split(std::size_t work) const { return threads >= 2 && work >= min_work; }
};

/// The default for one query at a time (news-search): both halves when the
/// machine has a second core. A server, which runs queries side by side, keeps 1.
[[nodiscard]] inline Parallelism default_parallelism() {
    Parallelism p;
    p.threads = std::thread::hardware_concurrency() >= 2 ? 2 : 1;
    return p;
}

/// Runs @p first on the calling thread and @p second on a new thread, and returns
/// when both have finished; an exception from either is rethrown (first's first).
template <typename First, typename Second>
void run_pair(First&& first, Second&& second) {
    std::exception_ptr second_error;
    std::thread helper([&] {
        try {
            second();
        } catch (...) {
            second_error = std::current_exception();
        }
    });
    std::exception_ptr first_error;
    try {
        first();
    } catch (...) {
        first_error = std::current_exception();
    }
    helper.join();
    if (first_error) std::rethrow_exception(first_error);
    if (second_error) std::rethrow_exception(second_error);
}

/// run_pair on @p parallel's helper thread when it has one, else on a new thread.
template <typename First, typename Second>
void run_pair(const Parallelism& parallel, First&& first, Second&& second) {
    if (parallel.helper != nullptr) {
        parallel.helper->run_pair(std::function<void()>(std::ref(first)), std::function<void()>(std::ref(second)));
    } else {
        run_pair(first, second);
    }
}

}  // namespace news
