/// @file task_pool.h
/// @brief TaskPool: worker threads running tasks in submission order; the waiting thread helps.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace news {

/// A fixed set of worker threads taking tasks first-in first-out. A thread
/// that waits for a task no worker has started runs that task itself, so a
/// pool of zero workers runs everything on the waiting thread, in order. Workers
/// block SIGINT and SIGTERM, so that those signals reach the main thread.
class TaskPool {
public:
    /// What a submitted task has become; wait() on it.
    class Ticket {
    private:
        friend class TaskPool;
        std::function<void()> work_;
        bool done_ = false;
        std::exception_ptr error_;
    };
    using TicketPtr = std::shared_ptr<Ticket>;

    explicit TaskPool(std::size_t workers);
    /// Drops the tasks not yet started and joins the workers.
    ~TaskPool();
    TaskPool(const TaskPool&) = delete;
    TaskPool& operator=(const TaskPool&) = delete;

    /// Queues @p work; the task's results are whatever @p work writes.
    TicketPtr submit(std::function<void()> work);

    /// Returns when @p ticket's task has run (on this thread if no worker
    /// has started it); rethrows what it threw.
    void wait(const TicketPtr& ticket);

    [[nodiscard]] std::size_t workers() const { return threads_.size(); }

private:
    void worker_loop();
    /// Runs @p ticket's task (mutex not held) and marks it done.
    void run(const TicketPtr& ticket);

    std::mutex mutex_;
    std::condition_variable queued_;    ///< a task was queued, or stopping
    std::condition_variable finished_;  ///< a task finished
    std::deque<TicketPtr> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace news
