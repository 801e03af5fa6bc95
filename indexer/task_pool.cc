/// @file task_pool.cc
/// @brief The worker threads of the indexer.
#include "indexer/task_pool.h"

#include <pthread.h>

#include <algorithm>
#include <csignal>

namespace news {

TaskPool::TaskPool(std::size_t workers) {
    threads_.reserve(workers);
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { worker_loop(); });
}

TaskPool::~TaskPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    queued_.notify_all();
    for (auto& t : threads_) t.join();
}

TaskPool::TicketPtr TaskPool::submit(std::function<void()> work) {
    auto ticket = std::make_shared<Ticket>();
    ticket->work_ = std::move(work);
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(ticket);
    }
    queued_.notify_one();
    return ticket;
}

void TaskPool::run(const TicketPtr& ticket) {
    try {
        ticket->work_();
    } catch (...) {
        ticket->error_ = std::current_exception();
    }
    {
        std::lock_guard lock(mutex_);
        ticket->done_ = true;
        ticket->work_ = nullptr;
    }
    finished_.notify_all();
}

void TaskPool::wait(const TicketPtr& ticket) {
    std::unique_lock lock(mutex_);
    while (!ticket->done_) {
        // Not started yet: run it here rather than sit idle. Started by a
        // worker: wait for it, and do not take on other queued work (the
        // waiting thread is the writer, whose time is the scarce one).
        if (auto it = std::find(queue_.begin(), queue_.end(), ticket); it != queue_.end()) {
            queue_.erase(it);
            lock.unlock();
            run(ticket);
            lock.lock();
            continue;
        }
        finished_.wait(lock);
    }
    if (ticket->error_) std::rethrow_exception(ticket->error_);
}

void TaskPool::worker_loop() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        TicketPtr next = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        run(next);
        lock.lock();
    }
}

}  // namespace news
