#include "core/work_queue.h"

#include <cstdio>
#include <exception>

namespace ruamkit::core {

WorkQueue::WorkQueue(std::string name, int threads, std::size_t capacity)
    : name_(std::move(name)), capacity_(capacity) {
  if (threads < 1) threads = 1;
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkQueue::~WorkQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
}

bool WorkQueue::try_post(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || tasks_.size() >= capacity_) return false;
    tasks_.push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
}

std::size_t WorkQueue::waiting() const {
  std::lock_guard lock(mutex_);
  return tasks_.size();
}

std::size_t WorkQueue::busy() const {
  std::lock_guard lock(mutex_);
  return busy_;
}

void WorkQueue::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, and nothing left to run
      task = std::move(tasks_.front());
      tasks_.pop_front();
      ++busy_;
    }
    try {
      task();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: a task failed: %s\n", name_.c_str(), e.what());
    } catch (...) {
      std::fprintf(stderr, "%s: a task failed\n", name_.c_str());
    }
    std::lock_guard lock(mutex_);
    --busy_;
  }
}

}  // namespace ruamkit::core
