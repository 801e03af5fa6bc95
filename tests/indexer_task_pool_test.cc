/// @file indexer_task_pool_test.cc
/// @brief TaskPool: every task runs once, results are taken in order, errors reach the waiter.
#include "indexer/task_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

namespace news {
namespace {

class TaskPoolWorkers : public ::testing::TestWithParam<std::size_t> {};

TEST_P(TaskPoolWorkers, RunsEveryTaskOnceAndWaitsInOrder) {
    TaskPool pool(GetParam());
    constexpr int kTasks = 500;
    std::vector<int> results(kTasks, 0);
    std::atomic<int> runs{0};
    std::vector<TaskPool::TicketPtr> tickets;
    for (int i = 0; i < kTasks; ++i) {
        tickets.push_back(pool.submit([&results, &runs, i] {
            results[static_cast<std::size_t>(i)] = i * i;
            ++runs;
        }));
    }
    for (int i = 0; i < kTasks; ++i) {
        pool.wait(tickets[static_cast<std::size_t>(i)]);
        EXPECT_EQ(results[static_cast<std::size_t>(i)], i * i);
    }
    EXPECT_EQ(runs.load(), kTasks);
}

TEST_P(TaskPoolWorkers, AnExceptionReachesTheWaiter) {
    TaskPool pool(GetParam());
    auto ok = pool.submit([] {});
    auto bad = pool.submit([] { throw std::runtime_error("task failed"); });
    EXPECT_NO_THROW(pool.wait(ok));
    EXPECT_THROW(pool.wait(bad), std::runtime_error);
}

TEST_P(TaskPoolWorkers, DestroyingDropsQueuedTasks) {
    std::atomic<int> runs{0};
    {
        TaskPool pool(GetParam());
        for (int i = 0; i < 100; ++i) {
            pool.submit([&runs] {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                ++runs;
            });
        }
    }
    EXPECT_LE(runs.load(), 100);  // finished without waiting for the queue (no hang, no crash)
    if (GetParam() == 0) {
        EXPECT_EQ(runs.load(), 0);  // nobody ran them: nobody waited
    }
}

INSTANTIATE_TEST_SUITE_P(Workers, TaskPoolWorkers, ::testing::Values(0u, 1u, 3u));

}  // namespace
}  // namespace news
