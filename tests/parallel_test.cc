/// @file parallel_test.cc
/// @brief HelperThread and Parallelism: both halves run, on two threads, and errors reach the caller.
#include "searcher/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

namespace news {
namespace {

TEST(HelperThread, RunsBothHalvesOnTwoThreadsAndCanBeReused) {
    HelperThread helper;
    for (int round = 0; round < 100; ++round) {
        std::thread::id first_id, second_id;
        int first = 0, second = 0;
        helper.run_pair([&] { first_id = std::this_thread::get_id(); first = round; },
                        [&] { second_id = std::this_thread::get_id(); second = round + 1; });
        EXPECT_EQ(first, round);
        EXPECT_EQ(second, round + 1);
        EXPECT_EQ(first_id, std::this_thread::get_id());
        EXPECT_NE(second_id, first_id);
    }
}

TEST(HelperThread, OneNeverGivenATaskEndsCleanly) {
    HelperThread unused;  // its thread starts with the first task: nothing to join
    SUCCEED();
}

TEST(HelperThread, WaitsForTheSecondHalfBeforeReturning) {
    HelperThread helper;
    std::atomic<bool> done{false};
    helper.run_pair([] {}, [&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        done = true;
    });
    EXPECT_TRUE(done);
}

TEST(HelperThread, AnErrorInEitherHalfReachesTheCallerAndTheHelperCarriesOn) {
    HelperThread helper;
    EXPECT_THROW(helper.run_pair([] {}, [] { throw std::runtime_error("second"); }), std::runtime_error);
    try {
        helper.run_pair([] { throw std::runtime_error("first"); }, [] { throw std::logic_error("second"); });
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "first");  // the first half's error wins
    }
    int first = 0, second = 0;
    helper.run_pair([&] { first = 1; }, [&] { second = 1; });
    EXPECT_EQ(first + second, 2);
}

TEST(Parallelism, SplitsOnlyWithTwoThreadsAHelperAndEnoughWork) {
    HelperThread helper;
    EXPECT_FALSE((Parallelism{.threads = 1, .min_work = 10, .helper = &helper}.split(1000)));
    EXPECT_FALSE((Parallelism{.threads = 2, .min_work = 10, .helper = &helper}.split(9)));
    EXPECT_TRUE((Parallelism{.threads = 2, .min_work = 10, .helper = &helper}.split(10)));
    EXPECT_FALSE((Parallelism{.threads = 2, .min_work = 10}.split(1000)));  // no helper
}

}  // namespace
}  // namespace news
