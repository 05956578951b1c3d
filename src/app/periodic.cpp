#include "app/periodic.h"

#include <spdlog/spdlog.h>

namespace ruamkit::app {

Periodic::Periodic(std::string name, std::chrono::milliseconds interval, std::function<void()> job)
    : name_(std::move(name)), interval_(interval), job_(std::move(job)) {
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        job_();
      } catch (const std::exception& e) {
        spdlog::error("{} failed: {}", name_, e.what());
      }
      lock.lock();
      wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
  });
}

Periodic::~Periodic() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

}  // namespace ruamkit::app
