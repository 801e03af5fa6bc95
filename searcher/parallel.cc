/// @file parallel.cc
/// @brief HelperThread: the thread kept for the second half of split queries.
#include "searcher/parallel.h"

namespace news {

HelperThread::HelperThread() = default;

HelperThread::~HelperThread() {
    if (!thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void HelperThread::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || task_ != nullptr; });
        if (task_ == nullptr) return;  // stopping
        const std::function<void()>* task = task_;
        lock.unlock();
        std::exception_ptr error;
        try {
            (*task)();
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        task_ = nullptr;
        error_ = error;
        finished_ = true;
        done_.notify_one();
    }
}

void HelperThread::run_pair(const std::function<void()>& first, const std::function<void()>& second) {
    if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });  // started by the first split
    {
        std::lock_guard lock(mutex_);
        task_ = &second;
        finished_ = false;
        error_ = nullptr;
    }
    wake_.notify_one();
    std::exception_ptr first_error;
    try {
        first();
    } catch (...) {
        first_error = std::current_exception();
    }
    std::exception_ptr second_error;
    {
        std::unique_lock lock(mutex_);
        done_.wait(lock, [this] { return finished_; });
        second_error = std::exchange(error_, nullptr);
    }
    if (first_error) std::rethrow_exception(first_error);
    if (second_error) std::rethrow_exception(second_error);
}

}  // namespace news
