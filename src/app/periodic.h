// Runs a job now and then every `interval` on its own thread, until stopped.
// Used for housekeeping (purging expired data).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace ruamkit::app {

class Periodic {
 public:
  // Starts the thread. `job` runs first at once; an exception it throws is
  // logged and the schedule goes on.
  Periodic(std::string name, std::chrono::milliseconds interval, std::function<void()> job);
  // Stops and joins (waits for a running job to finish).
  ~Periodic();
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

 private:
  std::string name_;
  std::chrono::milliseconds interval_;
  std::function<void()> job_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ruamkit::app
