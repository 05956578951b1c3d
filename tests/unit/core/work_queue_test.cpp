#include "core/work_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>

namespace ruamkit::core {
namespace {

TEST(WorkQueue, RunsEveryTaskItAccepted) {
  std::atomic<int> done{0};
  {
    WorkQueue queue("test", 2, 100);
    for (int i = 0; i < 50; ++i) EXPECT_TRUE(queue.try_post([&] { ++done; }));
  }  // the destructor runs what is still waiting
  EXPECT_EQ(done.load(), 50);
}

TEST(WorkQueue, RefusesWhenTheQueueIsFull) {
  // Declared before the queue, so they outlive its threads.
  std::promise<void> release;
  std::promise<void> started;
  WorkQueue queue("test", 1, 2);
  ASSERT_TRUE(queue.try_post([&started, gate = release.get_future().share()] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();  // the one thread is busy now
  EXPECT_EQ(queue.busy(), 1u);
  EXPECT_TRUE(queue.try_post([] {}));
  EXPECT_TRUE(queue.try_post([] {}));
  EXPECT_EQ(queue.waiting(), 2u);
  EXPECT_FALSE(queue.try_post([] {}));  // full: refused, not run later
  release.set_value();
}

TEST(WorkQueue, ATaskThatThrowsDoesNotStopTheOthers) {
  std::atomic<int> done{0};
  {
    WorkQueue queue("test", 1, 10);
    queue.try_post([] { throw std::runtime_error("boom"); });
    queue.try_post([&] { ++done; });
  }
  EXPECT_EQ(done.load(), 1);
}

}  // namespace
}  // namespace ruamkit::core
