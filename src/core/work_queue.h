// A fixed set of threads taking tasks from a bounded queue, so that slow work
// (request handling, password hashing) runs away from the threads that read
// and write the network, and a flood of it is refused instead of piling up.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ruamkit::core {

class WorkQueue {
 public:
  // Starts `threads` threads (at least one); at most `capacity` tasks wait.
  WorkQueue(std::string name, int threads, std::size_t capacity);
  // Runs the tasks still waiting, then joins the threads.
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  // Queues `task` and returns true; returns false, without running it, when
  // `capacity` tasks are already waiting. A task must not throw (what it
  // throws is logged to stderr and dropped).
  bool try_post(std::function<void()> task);

  // Tasks waiting (not yet started), and threads busy with one.
  std::size_t waiting() const;
  std::size_t busy() const;
  int threads() const { return static_cast<int>(threads_.size()); }

 private:
  void work();

  std::string name_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace ruamkit::core
